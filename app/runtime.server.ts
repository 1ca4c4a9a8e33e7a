import { randomBytes } from "node:crypto";
import { configureDatabase, db, tuneSqlite } from "./db.server";
import { caseReplyAddresses } from "./email/inbound/inbound-config.server";
import { createMailTransport } from "./email/mailer.server";
import { startOutboxWorker } from "./email/outbox.server";
import { getEnv } from "./env.server";
import { configureLogger, logger } from "./platform/logger.server";
import { startRetentionJob } from "./platform/retention.server";
import { startRuntime as startPlatformRuntime } from "./platform/runtime.server";
import { createTokenCipher } from "./platform/token-cipher.server";
import { createAdminLinks } from "./shopify/admin-links.server";
import { describeUnknownTokenKeys, findUnknownTokenKeys } from "./shopify/stored-token-keys.server";

/**
 * The runtime start-up: what the process launcher (app/cli/launch-server.ts) starts through the
 * server build, composed here from the validated configuration — the outbox worker (with its SMTP
 * transport) and the retention purge, handed to the platform runtime as jobs.
 */
const env = getEnv();
configureLogger({ level: env.logLevel, format: env.demo.enabled ? "concise" : "json" });
configureDatabase(env.databaseUrl);

export { kickOutbox, startClusterPrimary } from "./platform/runtime.server";

/** An HTTP worker process of a cluster: only per-connection database settings (the primary runs the rest). */
export async function startHttpWorker(): Promise<void> {
  await tuneSqlite(db(), env.databaseUrl);
}

export function startRuntime(): Promise<{ stop(): Promise<void> }> {
  const links = createAdminLinks({ appUrl: env.shopifyAppUrl, apiKey: env.shopifyApiKey, demo: env.demo.enabled });
  return startPlatformRuntime({
    prepare: async () => {
      await tuneSqlite(db(), env.databaseUrl);
      await checkStoredTokenKeys();
    },
    // Hourly (and once now) purge of conversations past each shop's retention; safe on every instance.
    startRetention: () => startRetentionJob({ db: db(), log: logger.child({ capability: "platform", component: "retention" }) }),
    startOutbox: () => {
      if (!env.smtpUrl) return null;
      // Case emails carry the case's reply address beside the shopper's when inbound mail is on.
      const caseReplyAddress = env.inbound.domain ? caseReplyAddresses(env.shopifyApiSecret, env.inbound.domain) : null;
      const transport = createMailTransport(env.smtpUrl, { caseReplyAddress });
      const worker = startOutboxWorker({
        db: db(),
        transport,
        pollMs: env.outbox.pollMs,
        giveUpMinutes: env.outbox.giveUpMinutes,
        backoff: { baseMs: env.outbox.retryBaseMs, capMs: 10 * 60_000 },
        leaseMs: env.outbox.leaseMs,
        workerId: `${process.pid}-${randomBytes(4).toString("hex")}`,
        adminCaseUrl: links.adminCaseUrl,
        log: logger.child({ capability: "email" }),
      });
      return {
        kick: () => worker.kick(),
        async stop() {
          await worker.stop();
          transport.close();
        },
      };
    },
  });
}

/** One clear line at start-up when stored tokens were written under a key this process lacks (a wrong ENCRYPTION_KEY). */
async function checkStoredTokenKeys(): Promise<void> {
  const log = logger.child({ capability: "shopify", component: "token-keys" });
  const cipher = createTokenCipher(env.encryptionKeys.current, env.encryptionKeys.previous);
  try {
    const found = await findUnknownTokenKeys(db(), cipher);
    if (found) log.error({ keyIds: found.keyIds, sessions: found.sessions, shops: found.shops.slice(0, 20) }, describeUnknownTokenKeys(found, cipher));
  } catch (error) {
    log.warn({ err: error }, "stored token keys not checked");
  }
}
