import { createHash } from "node:crypto";
import { z } from "zod";
import { parseInboundConfig, type InboundConfig } from "./email/inbound/inbound-config.server";
import { parseEncryptionKey } from "./platform/token-cipher.server";
import { defaultWebConcurrency } from "./platform/web-concurrency.server";

/**
 * All configuration, validated once at start-up. A bad value stops the process with one line that
 * names the variable (see `formatEnvError`). Nothing else in the app reads `process.env`.
 */

const DEMO_SECRET = "baton-demo-secret-not-for-production";
// Outside production, stored tokens are encrypted with this fixed, public key: the code path is the
// production one, but the data is not protected (README › Data protection).
const DEV_ENCRYPTION_KEY = createHash("sha256").update("baton-dev-encryption-key-not-for-production").digest();
const DEFAULT_SCOPES = "read_orders,read_customers,read_legal_policies,read_products,read_inventory,read_translations,write_app_proxy";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const databaseUrl = z
  .string()
  .trim()
  .refine((v) => /^file:.+/.test(v) || isUrlWithScheme(v, ["postgres:", "postgresql:"]), {
    message: 'must be "file:<path>" (SQLite) or "postgresql://user:pass@host:port/db"',
  });

const smtpUrl = z
  .string()
  .trim()
  .refine((v) => isUrlWithScheme(v, ["smtp:", "smtps:"]) && new URL(v).hostname !== "", {
    message: 'must look like "smtp://user:pass@host:587" or "smtps://host:465"',
  });

const httpUrl = z
  .string()
  .trim()
  .refine((v) => isUrlWithScheme(v, ["http:", "https:"]), { message: "must be an http(s) URL" });

const encryptionKey = optionalString.refine((v) => v === undefined || parseEncryptionKey(v) !== null, {
  message: "must be 32 random bytes as base64 or 64 hex characters (e.g. `openssl rand -base64 32`)",
});

const port = z.coerce
  .number({ message: "must be a number" })
  .int("must be an integer")
  .min(0, "must be 0–65535 (0 = any free port)")
  .max(65535, "must be 0–65535 (0 = any free port)");

const rawSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port.default(3000),
  HOST: optionalString,
  WEB_CONCURRENCY: z.coerce.number({ message: "must be a number" }).int("must be an integer").min(0, "must be 0–64").max(64, "must be 0–64").optional(),
  DATABASE_URL: databaseUrl.optional(),
  SHOPIFY_API_KEY: optionalString,
  SHOPIFY_API_SECRET: optionalString,
  SHOPIFY_APP_URL: httpUrl.optional(),
  SCOPES: z.string().trim().default(DEFAULT_SCOPES),
  SHOP_CUSTOM_DOMAIN: optionalString,
  SHOPIFY_ADMIN_API_ORIGIN: httpUrl.optional(),
  ENCRYPTION_KEY: encryptionKey,
  ENCRYPTION_KEY_PREVIOUS: encryptionKey,
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: z.string().trim().default("Baton <escalations@baton.local>"),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: httpUrl.optional(),
  OPENAI_MODEL: z.string().trim().default("gpt-4o-mini"),
  OPENAI_TIMEOUT_MS: z.coerce.number({ message: "must be a number" }).int().min(200).max(120_000).default(8_000),
  // Only read to refuse it: the demo is switched on in-process by its launcher (see isDemoLauncher).
  BATON_DEMO: optionalString,
  DEMO_INBOX_DIR: optionalString,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_SHOP_PER_MINUTE: z.coerce.number().int().min(1).default(60_000),
  RATE_LIMIT_CONVERSATION_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  TRUSTED_PROXY_HOPS: z.coerce.number({ message: "must be a number" }).int("must be an integer").min(1, "must be 1–10").max(10, "must be 1–10").default(1),
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
  FOLLOW_UP_BATCH_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  OUTBOX_GIVE_UP_MINUTES: z.coerce
    .number()
    .min(0.01)
    .max(7 * 24 * 60)
    .default(24 * 60),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  isProduction: boolean;
  port: number;
  /** The interface to listen on (undefined: every interface); the demo defaults to 127.0.0.1. */
  host?: string;
  /**
   * HTTP worker processes (node:cluster) beside the primary, which keeps the outbox and other
   * background work; 0 serves HTTP in the one main process. Unset: one a core, as memory allows
   * (platform/web-concurrency.server.ts).
   */
  webConcurrency: number;
  databaseUrl: string;
  databaseProvider: "sqlite" | "postgresql";
  shopifyApiKey: string;
  shopifyApiSecret: string;
  shopifyAppUrl: string;
  scopes: string[];
  shopCustomDomain?: string;
  shopifyAdminApiOrigin?: string;
  /** AES-256-GCM keys for tokens at rest: `current` encrypts, `previous` still decrypts (rotation). */
  encryptionKeys: { current: Buffer; previous: Buffer[] };
  smtpUrl?: string;
  mailFrom: string;
  /** `timeoutMs` is the whole model budget of one chat turn (every call and retry inside it). */
  openai: { apiKey?: string; baseURL?: string; model: string; timeoutMs: number };
  demo: { enabled: boolean; inboxDir?: string };
  logLevel: "debug" | "info" | "warn" | "error";
  outbox: { pollMs: number; giveUpMinutes: number; followUpBatchMs: number; retryBaseMs: number; leaseMs: number };
  rateLimits: { perIpPerMinute: number; perShopPerMinute: number; perConversationPerMinute: number };
  /** X-Forwarded-For entries appended by proxies we trust (the client is this many from the right). */
  trustedProxyHops: number;
  /** Team replies by email (INBOUND_*; README "Team replies"): off while `domain` is null. */
  inbound: InboundConfig;
};

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = "EnvError";
  }
}

const DEMO_LAUNCHER = Symbol.for("baton.demo-launcher");

/**
 * Called by `npm run demo` (app/cli/demo.ts) in each of its processes before anything reads the
 * configuration. The demo turns admin authentication off and signs with a public secret, so it is
 * a property of the process that the launcher started — never of an environment variable, which
 * anyone starting `npm start` (or a mistaken deployment) could set.
 */
export function markDemoLauncher(): void {
  (globalThis as Record<symbol, unknown>)[DEMO_LAUNCHER] = true;
}

/** True only in processes started by the demo launcher (shared across bundles via a global symbol). */
export function isDemoLauncher(): boolean {
  return (globalThis as Record<symbol, unknown>)[DEMO_LAUNCHER] === true;
}

/** Parse and cross-check configuration. Throws `EnvError` naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>, demoLauncher = isDemoLauncher()): Env {
  const result = rawSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? "configuration");
    const got = source[variable];
    throw new EnvError(variable, `${issue.message}${got === undefined ? "" : ` (got ${JSON.stringify(redact(variable, got))})`}`);
  }
  const raw = result.data;
  const isProduction = raw.NODE_ENV === "production";
  const demo = demoLauncher;

  if (raw.BATON_DEMO !== undefined && raw.BATON_DEMO !== "0" && !demoLauncher) {
    throw new EnvError("BATON_DEMO", "cannot switch the demo on: only `npm run demo` starts the demo");
  }
  if (demo && isProduction) {
    throw new EnvError("NODE_ENV", "is production: the demo never runs in production");
  }
  // Outside the demo nobody may sign App Proxy requests with the public demo secret, whatever
  // NODE_ENV says (a forgotten NODE_ENV used to mean "anyone can sign").
  if (!demo && !raw.SHOPIFY_API_SECRET) {
    throw new EnvError(
      "SHOPIFY_API_SECRET",
      isProduction ? "is required when NODE_ENV=production" : "is required (only `npm run demo` runs without the app's secret)",
    );
  }
  if (!demo && raw.SHOPIFY_API_SECRET === DEMO_SECRET) {
    throw new EnvError("SHOPIFY_API_SECRET", "is the public demo secret; set the app's real secret");
  }
  if (isProduction) {
    for (const name of ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "SHOPIFY_APP_URL", "DATABASE_URL", "SMTP_URL"] as const) {
      if (!raw[name]) throw new EnvError(name, "is required when NODE_ENV=production");
    }
    if (!raw.ENCRYPTION_KEY) {
      throw new EnvError(
        "ENCRYPTION_KEY",
        "is required when NODE_ENV=production: it encrypts the stored Shopify access tokens (generate one with `openssl rand -base64 32`)",
      );
    }
    const weakness = keyWeakness(parseEncryptionKey(raw.ENCRYPTION_KEY)!);
    if (weakness) throw new EnvError("ENCRYPTION_KEY", `is ${weakness}: generate a random one with \`openssl rand -base64 32\``);
    // Admin API calls carry the shop's access token: never in clear text beyond this machine.
    for (const name of ["SHOPIFY_APP_URL", "SHOPIFY_ADMIN_API_ORIGIN"] as const) {
      const value = raw[name];
      if (value && new URL(value).protocol === "http:" && !isLoopback(new URL(value).hostname)) {
        throw new EnvError(name, `must be https:// when NODE_ENV=production (plain http only to this machine) (got ${JSON.stringify(redact(name, value))})`);
      }
    }
  }

  const databaseUrl = raw.DATABASE_URL ?? "file:./.data/baton.db";
  let inbound: InboundConfig;
  try {
    inbound = parseInboundConfig(source);
  } catch (error) {
    // "Configuration error: INBOUND_SMTP_PORT must be 0–65535" → the same one line as every other variable.
    const [variable = "INBOUND", ...problem] = String((error as Error).message)
      .replace(/^Configuration error: /, "")
      .split(" ");
    throw new EnvError(variable, problem.join(" "));
  }
  return {
    nodeEnv: raw.NODE_ENV,
    isProduction,
    port: raw.PORT,
    host: raw.HOST,
    webConcurrency: raw.WEB_CONCURRENCY ?? defaultWebConcurrency(),
    databaseUrl,
    databaseProvider: databaseUrl.startsWith("file:") ? "sqlite" : "postgresql",
    shopifyApiKey: raw.SHOPIFY_API_KEY ?? "baton-demo-api-key",
    shopifyApiSecret: raw.SHOPIFY_API_SECRET ?? DEMO_SECRET,
    shopifyAppUrl: raw.SHOPIFY_APP_URL ?? `http://localhost:${raw.PORT}`,
    scopes: raw.SCOPES.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    shopCustomDomain: raw.SHOP_CUSTOM_DOMAIN,
    shopifyAdminApiOrigin: raw.SHOPIFY_ADMIN_API_ORIGIN,
    encryptionKeys: {
      current: raw.ENCRYPTION_KEY ? parseEncryptionKey(raw.ENCRYPTION_KEY)! : DEV_ENCRYPTION_KEY,
      previous: raw.ENCRYPTION_KEY_PREVIOUS ? [parseEncryptionKey(raw.ENCRYPTION_KEY_PREVIOUS)!] : [],
    },
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    openai: { apiKey: raw.OPENAI_API_KEY, baseURL: raw.OPENAI_BASE_URL, model: raw.OPENAI_MODEL, timeoutMs: raw.OPENAI_TIMEOUT_MS },
    demo: { enabled: demo, inboxDir: raw.DEMO_INBOX_DIR },
    logLevel: raw.LOG_LEVEL,
    outbox: {
      pollMs: raw.OUTBOX_POLL_MS,
      giveUpMinutes: raw.OUTBOX_GIVE_UP_MINUTES,
      followUpBatchMs: raw.FOLLOW_UP_BATCH_MS,
      retryBaseMs: raw.OUTBOX_RETRY_BASE_MS,
      leaseMs: raw.OUTBOX_LEASE_MS,
    },
    rateLimits: {
      perIpPerMinute: raw.RATE_LIMIT_IP_PER_MINUTE,
      perShopPerMinute: raw.RATE_LIMIT_SHOP_PER_MINUTE,
      perConversationPerMinute: raw.RATE_LIMIT_CONVERSATION_PER_MINUTE,
    },
    trustedProxyHops: raw.TRUSTED_PROXY_HOPS,
    inbound,
  };
}

/** The public demo secret, used by the demo launcher to sign its own storefront calls. */
export const DEMO_API_SECRET = DEMO_SECRET;

let cached: Env | undefined;

/** The validated configuration of this process (parsed on first use, then frozen). */
export function getEnv(): Env {
  cached ??= Object.freeze(parseEnv(process.env)) as Env;
  return cached;
}

/** One line for the operator: `Configuration error: SMTP_URL must look like … (got "x")`. */
export function formatEnvError(error: EnvError): string {
  return `Configuration error: ${error.message}`;
}

/** Why a key cannot protect anything (null: no known weakness): all one byte value, or the public dev key. */
function keyWeakness(key: Buffer): string | null {
  if (key.equals(DEV_ENCRYPTION_KEY)) return "the public development key";
  if (key.every((b) => b === key[0])) return "one byte repeated (e.g. all zeros)";
  return null;
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function isUrlWithScheme(value: string, schemes: string[]): boolean {
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function redact(variable: string, value: string): string {
  if (/SECRET|KEY|PASSWORD/.test(variable)) return "***";
  // Never echo credentials embedded in URLs.
  return value.replace(/\/\/([^@/]*)@/, "//***@");
}
