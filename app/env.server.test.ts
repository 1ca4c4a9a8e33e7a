import { describe, expect, it } from "vitest";
import { EnvError, formatEnvError, parseEnv } from "./env.server";
import { defaultWebConcurrency } from "./platform/web-concurrency.server";

const prod = {
  NODE_ENV: "production",
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "real-secret",
  SHOPIFY_APP_URL: "https://baton.example.com",
  DATABASE_URL: "postgresql://u:p@db:5432/baton",
  SMTP_URL: "smtp://u:p@mail:587",
  ENCRYPTION_KEY: "q0l3y9sQ6cS7sW1m0hQ2s4Zb2p5wXkqJz7m2e1n8r4c=",
};

function errorOf(env: Record<string, string>): string {
  try {
    parseEnv(env);
  } catch (e) {
    if (e instanceof EnvError) return formatEnvError(e);
    throw e;
  }
  throw new Error("expected a configuration error");
}

describe("parseEnv", () => {
  it("validates the team-replies settings at start-up with one clear line, and keeps inbound mail off by default", () => {
    expect(parseEnv({}, true).inbound).toMatchObject({ domain: null, smtpPort: null, webhookSecret: null });
    expect(parseEnv({ ...prod, INBOUND_EMAIL_DOMAIN: "Reply.Example.com", INBOUND_SMTP_PORT: "2525" }).inbound).toMatchObject({
      domain: "reply.example.com",
      smtpPort: 2525,
    });
    expect(errorOf({ ...prod, INBOUND_SMTP_PORT: "70000" })).toBe("Configuration error: INBOUND_SMTP_PORT must be 0–65535");
    expect(errorOf({ ...prod, INBOUND_WEBHOOK_SECRET: "short" })).toMatch(/^Configuration error: INBOUND_WEBHOOK_SECRET must be at least 24 characters/);
  });

  it("has working defaults for local use (the demo launcher's processes need no secret)", () => {
    const env = parseEnv({}, true);
    expect(env.demo.enabled).toBe(true);
    expect(env.trustedProxyHops).toBe(1);
    expect(parseEnv({ SHOPIFY_API_SECRET: "s" }).demo.enabled).toBe(false);
    expect(env.databaseProvider).toBe("sqlite");
    expect(env.port).toBe(3000);
    expect(env.scopes).toEqual([
      "read_orders",
      "read_customers",
      "read_legal_policies",
      "read_products",
      "read_inventory",
      "read_translations",
      "write_app_proxy",
    ]);
  });

  it("accepts a complete production configuration and picks PostgreSQL by scheme", () => {
    expect(parseEnv(prod).databaseProvider).toBe("postgresql");
  });

  it("serves HTTP from a cluster worker a core (as memory allows) unless WEB_CONCURRENCY says otherwise", () => {
    expect(parseEnv(prod).webConcurrency).toBe(defaultWebConcurrency());
    expect(parseEnv({ ...prod, WEB_CONCURRENCY: "0" }).webConcurrency).toBe(0);
    expect(parseEnv({ ...prod, WEB_CONCURRENCY: "4" }).webConcurrency).toBe(4);
  });

  it.each([
    [{ ...prod, SHOPIFY_API_SECRET: "" }, /^Configuration error: SHOPIFY_API_SECRET is required when NODE_ENV=production$/],
    [{ ...prod, DATABASE_URL: "mysql://x" }, /^Configuration error: DATABASE_URL must be "file:<path>"/],
    [{ ...prod, SMTP_URL: "mail.example.com:25" }, /^Configuration error: SMTP_URL must look like/],
    [{ ...prod, SMTP_URL: "smtp://user:hunter2@" }, /SMTP_URL/],
    [{ PORT: "eighty" }, /^Configuration error: PORT must be a number/],
    [{ WEB_CONCURRENCY: "-1" }, /^Configuration error: WEB_CONCURRENCY must be 0–64/],
    [{ WEB_CONCURRENCY: "two" }, /^Configuration error: WEB_CONCURRENCY must be a number/],
    [
      { ...prod, ENCRYPTION_KEY: "" },
      /^Configuration error: ENCRYPTION_KEY is required when NODE_ENV=production: it encrypts the stored Shopify access tokens/,
    ],
    [{ ...prod, ENCRYPTION_KEY: "too-short" }, /^Configuration error: ENCRYPTION_KEY must be 32 random bytes as base64 or 64 hex characters/],
    [{ ENCRYPTION_KEY_PREVIOUS: "ab".repeat(31) }, /^Configuration error: ENCRYPTION_KEY_PREVIOUS must be 32 random bytes/],
    [{ ...prod, BATON_DEMO: "1" }, /^Configuration error: BATON_DEMO cannot switch the demo on: only `npm run demo`/],
    [{ BATON_DEMO: "1", SHOPIFY_API_SECRET: "s" }, /^Configuration error: BATON_DEMO cannot switch the demo on/],
    [{ NODE_ENV: "development" }, /^Configuration error: SHOPIFY_API_SECRET is required \(only `npm run demo`/],
    [{ NODE_ENV: "test", SHOPIFY_API_SECRET: "baton-demo-secret-not-for-production" }, /^Configuration error: SHOPIFY_API_SECRET is the public demo secret/],
    [{ SHOPIFY_API_SECRET: "s", TRUSTED_PROXY_HOPS: "0" }, /^Configuration error: TRUSTED_PROXY_HOPS must be 1–10/],
  ])("rejects bad configuration with one line naming the variable (%#)", (env, message) => {
    const line = errorOf(env as Record<string, string>);
    expect(line).toMatch(message);
    expect(line).not.toContain("\n");
  });

  it("reads the encryption keys as hex or base64, with a fixed development key outside production", () => {
    const hex = "0123456789abcdef".repeat(4);
    const env = parseEnv({ ...prod, ENCRYPTION_KEY: hex, ENCRYPTION_KEY_PREVIOUS: prod.ENCRYPTION_KEY });
    expect(env.encryptionKeys.current.toString("hex")).toBe(hex);
    expect(env.encryptionKeys.previous.map((k) => k.length)).toEqual([32]);
    expect(parseEnv({}, true).encryptionKeys.current).toEqual(parseEnv({ NODE_ENV: "test", SHOPIFY_API_SECRET: "s" }).encryptionKeys.current);
    expect(parseEnv({}, true).encryptionKeys.previous).toEqual([]);
  });

  it("never echoes secrets or URL credentials", () => {
    expect(errorOf({ ...prod, ENCRYPTION_KEY: "not-a-key-hunter2" })).not.toContain("hunter2");
    expect(errorOf({ ...prod, SMTP_URL: "ftp://user:hunter2@mail" })).not.toContain("hunter2");
  });

  it("production refuses encryption keys that protect nothing", () => {
    const devKey = parseEnv({ SHOPIFY_API_SECRET: "s" }).encryptionKeys.current.toString("base64");
    for (const key of ["00".repeat(32), "ab".repeat(32), Buffer.alloc(32, 7).toString("base64"), devKey]) {
      expect(errorOf({ ...prod, ENCRYPTION_KEY: key })).toMatch(/^Configuration error: ENCRYPTION_KEY is (one byte repeated|the public development key)/);
    }
    // The old key of a rotation only decrypts; outside production any key is accepted.
    expect(parseEnv({ ...prod, ENCRYPTION_KEY_PREVIOUS: devKey }).encryptionKeys.previous).toHaveLength(1);
    expect(parseEnv({ ...prod, NODE_ENV: "test", ENCRYPTION_KEY: "00".repeat(32) }).isProduction).toBe(false);
  });

  it("production refuses plain-HTTP Shopify origins beyond this machine", () => {
    expect(errorOf({ ...prod, SHOPIFY_ADMIN_API_ORIGIN: "http://egress.internal:8080" })).toMatch(
      /^Configuration error: SHOPIFY_ADMIN_API_ORIGIN must be https:\/\//,
    );
    expect(errorOf({ ...prod, SHOPIFY_APP_URL: "http://baton.example.com" })).toMatch(/^Configuration error: SHOPIFY_APP_URL must be https:\/\//);
    expect(parseEnv({ ...prod, SHOPIFY_ADMIN_API_ORIGIN: "http://127.0.0.1:8080" }).shopifyAdminApiOrigin).toBe("http://127.0.0.1:8080");
    expect(parseEnv({ ...prod, SHOPIFY_ADMIN_API_ORIGIN: "https://egress.internal" }).shopifyAdminApiOrigin).toBe("https://egress.internal");
  });

  it("reads HOST, the interface to listen on (every interface unless set)", () => {
    expect(parseEnv(prod).host).toBeUndefined();
    expect(parseEnv({ ...prod, HOST: "127.0.0.1" }).host).toBe("127.0.0.1");
  });
});
