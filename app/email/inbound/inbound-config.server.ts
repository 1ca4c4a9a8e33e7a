import { z } from "zod";
import { caseAddressKey, caseReplyAddress } from "./case-address.server";

/**
 * Inbound email configuration (README "Team replies"). Parsed from the environment given, once, with
 * the rest of the configuration (app/env.server.ts, `env.inbound`); the composition root hands it to
 * `configureInbound`, and the routes and the mailer read it through `inboundConfig()`. The demo sets
 * INBOUND_SMTP_PORT before the server reads its configuration. Inbound mail is off until
 * INBOUND_EMAIL_DOMAIN is set.
 */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const schema = z.object({
  INBOUND_EMAIL_DOMAIN: z
    .string()
    .trim()
    .toLowerCase()
    .regex(DOMAIN, "must be a domain name (e.g. reply.example.com)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  INBOUND_SMTP_PORT: z.coerce.number({ message: "must be a number" }).int().min(0, "must be 0–65535").max(65535, "must be 0–65535").optional(),
  INBOUND_WEBHOOK_SECRET: z
    .string()
    .trim()
    .min(24, "must be at least 24 characters (e.g. `openssl rand -hex 32`)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  INBOUND_MAX_BYTES: z.coerce.number().int().min(10_000).max(950_000, "must be at most 950000 (requests are capped at 1 MB)").default(900_000),
  INBOUND_REPLIES_PER_CASE_PER_HOUR: z.coerce.number().int().min(1).max(1_000).default(20),
});

export interface InboundConfig {
  /** The domain of case addresses; null: inbound mail is off (no case address in emails). */
  domain: string | null;
  /** The built-in SMTP listener's port (null: not started, except by the demo). */
  smtpPort: number | null;
  /** The secret of POST /inbound/email (null: the endpoint answers 404). */
  webhookSecret: string | null;
  maxBytes: number;
  perCasePerHour: number;
}

/** The inbound configuration, or one line naming the bad variable. */
export function parseInboundConfig(source: Record<string, string | undefined>): InboundConfig {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Configuration error: ${String(issue.path[0])} ${issue.message}`);
  }
  const v = parsed.data;
  return {
    domain: v.INBOUND_EMAIL_DOMAIN ?? null,
    smtpPort: v.INBOUND_SMTP_PORT ?? null,
    webhookSecret: v.INBOUND_WEBHOOK_SECRET ?? null,
    maxBytes: v.INBOUND_MAX_BYTES,
    perCasePerHour: v.INBOUND_REPLIES_PER_CASE_PER_HOUR,
  };
}

// Off until the composition root configures it (a test or tool importing a route without the root gets no inbound mail).
const OFF: InboundConfig = Object.freeze({ domain: null, smtpPort: null, webhookSecret: null, maxBytes: 900_000, perCasePerHour: 20 });
let configured: { config: InboundConfig; appSecret: string } | undefined;

/** Called once by the composition root (app/shopify.server.ts) with the validated `env.inbound` and the app secret. */
export function configureInbound(config: InboundConfig, appSecret: string): void {
  configured = { config, appSecret };
}

/** The server's inbound configuration, as validated at start-up (never read from `process.env` here). */
export function inboundConfig(): InboundConfig {
  return configured?.config ?? OFF;
}

/** A case's reply address, or null when inbound mail is off. */
export type CaseReplyAddressFn = (caseId: string) => string | null;

/** Case reply addresses for `domain` with the app secret's derived key. */
export function caseReplyAddresses(appSecret: string, domain: string): CaseReplyAddressFn {
  const key = caseAddressKey(appSecret);
  return (caseId) => caseReplyAddress(key, domain, caseId);
}

/**
 * The server's case addresses (the configured domain and the app secret), for a mail transport
 * created without them; null when inbound mail is off or not configured.
 */
export function configuredCaseReplyAddresses(): CaseReplyAddressFn | null {
  const domain = configured?.config.domain;
  return domain ? caseReplyAddresses(configured!.appSecret, domain) : null;
}
