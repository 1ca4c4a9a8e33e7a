import cluster from "node:cluster";
import { db, sqliteConnectionOf } from "~/db.server";
import { relayAnnouncements } from "./cluster-broadcast.server";
import { logger } from "./logger.server";
import { closeRateLimitStore, startClusterRateLimits } from "./rate-limit.server";
import { startWalCheckpointer, type WalCheckpointer } from "./wal-checkpointer.server";

/**
 * The background work of an app process, as the runtime start-up (app/runtime.server.ts) hands it
 * over: this module knows how to start, wake and stop jobs, not what they do.
 */
export interface BackgroundJob {
  stop(): Promise<void>;
}

/** A job that can be woken before its next poll (the outbox worker). */
export interface WakeableJob extends BackgroundJob {
  kick(): void;
}

export interface RuntimeJobs {
  /** Per-process preparation before any job starts (SQLite tuning). */
  prepare(): Promise<void>;
  /** Starts the outbox worker, or returns null when it cannot run (no SMTP_URL). */
  startOutbox(): WakeableJob | null;
  /** Starts the periodic retention purge. */
  startRetention(): BackgroundJob;
}

const log = logger.child({ capability: "platform", component: "runtime" });

let outbox: WakeableJob | undefined;

const KICK_MESSAGE = "baton:kick-outbox";

/**
 * Wakes the outbox worker right after a case or resend was committed (hand-off in milliseconds,
 * not a poll period). HTTP worker processes of a cluster ask the primary, which runs the worker.
 */
export function kickOutbox(): void {
  if (outbox) outbox.kick();
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

/**
 * Starts the background work of an app process: the retention purge and the outbox worker that
 * delivers escalation emails. Several processes may run them against one database (claims are
 * atomic, deletes idempotent).
 */
export async function startRuntime(jobs: RuntimeJobs): Promise<{ stop(): Promise<void> }> {
  await jobs.prepare();
  const checkpointer = await startCheckpointer();
  const retention = jobs.startRetention();
  const started = jobs.startOutbox();
  if (started) outbox = started;
  else log.warn("SMTP_URL is not set: escalation emails stay queued until it is configured");
  return {
    async stop() {
      await started?.stop();
      if (outbox === started) outbox = undefined;
      await retention.stop();
      await checkpointer?.stop();
      await closeRateLimitStore();
    },
  };
}

/**
 * On SQLite, WAL checkpoints leave the request path for a thread of this process (the primary, or
 * the single process): one per database, whatever WEB_CONCURRENCY says.
 */
async function startCheckpointer(): Promise<WalCheckpointer | null> {
  const connection = await sqliteConnectionOf(db());
  return connection && !connection.memory ? startWalCheckpointer(connection.name) : null;
}
