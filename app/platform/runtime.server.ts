import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { db, tuneSqlite } from "~/db.server";
import { getEnv } from "~/env.server";
import { adminCaseUrl } from "../shopify/admin-links.server";
import { relayAnnouncements } from "./cluster-broadcast.server";
import { createMailTransport } from "../email/mailer.server";
import { startOutboxWorker, type OutboxWorker } from "../email/outbox.server";
import { closeRateLimitStore, startClusterRateLimits } from "./rate-limit.server";
import { startRetentionJob } from "./retention.server";

let worker: OutboxWorker | undefined;

const KICK_MESSAGE = "baton:kick-outbox";

/**
 * Wakes the outbox worker right after a case or resend was committed (hand-off in milliseconds,
 * not a poll period). HTTP worker processes of a cluster ask the primary, which runs the worker.
 */
export function kickOutbox(): void {
  if (worker) worker.kick();
  else if (cluster.isWorker) process.send?.({ type: KICK_MESSAGE });
}

/**
 * The primary of an HTTP cluster (WEB_CONCURRENCY > 1): it runs the background runtime, relays
 * workers' outbox kicks and keeps the memory rate-limit counters all workers share.
 */
export function startClusterPrimary(): void {
  startClusterRateLimits();
  relayAnnouncements();
  cluster.on("message", (_worker, message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === KICK_MESSAGE) kickOutbox();
  });
}

/** An HTTP worker process of a cluster: only per-connection database settings (the primary runs the rest). */
export async function startHttpWorker(): Promise<void> {
  const env = getEnv();
  await tuneSqlite(db(), env.databaseUrl);
}

/**
 * Starts the background work of an app process: the outbox worker that delivers escalation
 * emails. Several processes may run it against one database (claims are atomic).
 */
export async function startRuntime(): Promise<{ stop(): Promise<void> }> {
  const env = getEnv();
  await tuneSqlite(db(), env.databaseUrl);
  // Hourly (and once now) purge of conversations past each shop's retention; safe on every instance.
  const retention = startRetentionJob({ db: db() });
  const stopPlatform = async () => {
    await retention.stop();
    await closeRateLimitStore();
  };
  if (!env.smtpUrl) {
    console.warn("[baton] SMTP_URL is not set: escalation emails stay queued until it is configured.");
    return { stop: stopPlatform };
  }
  const transport = createMailTransport(env.smtpUrl);
  worker = startOutboxWorker({
    db: db(),
    transport,
    pollMs: env.outbox.pollMs,
    giveUpMinutes: env.outbox.giveUpMinutes,
    backoff: { baseMs: env.outbox.retryBaseMs, capMs: 10 * 60_000 },
    leaseMs: env.outbox.leaseMs,
    workerId: `${process.pid}-${randomBytes(4).toString("hex")}`,
    adminCaseUrl,
  });
  const started = worker;
  return {
    async stop() {
      await started.stop();
      transport.close();
      await stopPlatform();
      if (worker === started) worker = undefined;
    },
  };
}
