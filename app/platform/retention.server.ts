import type { Db } from "~/db.server";
import { logger, type Logger } from "./logger.server";
import { expireStoredExports } from "./retention-exports.server";

// Data retention: a conversation (with its messages, case and case emails) is kept for the shop's
// `retentionDays` after its last activity, then deleted. Every app instance runs the job; deletes
// are idempotent, so two instances purging at once only repeat each other's no-ops.

/** Default period of the job (plus one run at start). */
export const RETENTION_INTERVAL_MS = 60 * 60_000;
const BATCH = 500;
const DAY_MS = 24 * 60 * 60_000;

export interface RetentionResult {
  shops: number;
  conversations: number;
}

/**
 * Deletes the conversations whose last activity (`updatedAt`) is older than their shop's
 * `retentionDays` (a value below 1 keeps data). A conversation whose case still has an email
 * queued or being sent is kept until delivery ends, so retention never loses an escalation.
 */
export async function purgeExpiredConversations(db: Db, now: Date): Promise<RetentionResult> {
  const shops = await db.shop.findMany({ select: { domain: true, retentionDays: true } });
  let conversations = 0;
  let touched = 0;
  for (const shop of shops) {
    if (!Number.isFinite(shop.retentionDays) || shop.retentionDays < 1) continue;
    const cutoff = new Date(now.getTime() - shop.retentionDays * DAY_MS);
    let deletedHere = 0;
    for (;;) {
      const batch = await db.conversation.findMany({
        where: {
          shop: shop.domain,
          updatedAt: { lt: cutoff },
          NOT: { case: { is: { emails: { some: { status: { in: ["pending", "sending"] } } } } } },
        },
        select: { id: true },
        take: BATCH,
      });
      if (batch.length === 0) break;
      const { count } = await db.conversation.deleteMany({ where: { shop: shop.domain, updatedAt: { lt: cutoff }, id: { in: batch.map((c) => c.id) } } });
      deletedHere += count;
      if (batch.length < BATCH) break;
    }
    // Exports copied transcripts; they go with them (and at the latest after the same period).
    const exports = await expireStoredExports(db, shop.domain, cutoff);
    if (deletedHere > 0 || exports > 0) touched++;
    conversations += deletedHere;
  }
  return { shops: touched, conversations };
}

export interface RetentionJob {
  /** Runs one purge now (also what the timer calls). */
  runOnce(): Promise<RetentionResult | null>;
  stop(): Promise<void>;
}

/** Starts the hourly purge (first run right away). Errors are logged; the next tick tries again. */
export function startRetentionJob(opts: { db: Db; intervalMs?: number; now?: () => Date; log?: Pick<Logger, "info" | "error"> }): RetentionJob {
  const log = opts.log ?? logger.child({ capability: "platform", component: "retention" });
  const now = opts.now ?? (() => new Date());
  let running: Promise<RetentionResult | null> | null = null;
  let stopped = false;

  const runOnce = () => {
    running ??= purgeExpiredConversations(opts.db, now())
      .then((result) => {
        if (result.conversations > 0) log.info({ conversations: result.conversations, shops: result.shops }, "deleted conversations past retention");
        return result;
      })
      .catch((error: unknown) => {
        if (!stopped) log.error({ err: error }, "retention purge failed (retrying next period)");
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const first = setTimeout(() => void runOnce(), 0);
  const timer = setInterval(() => void runOnce(), opts.intervalMs ?? RETENTION_INTERVAL_MS);
  first.unref();
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
