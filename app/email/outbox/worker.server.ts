import type { Db } from "~/db.server";
import { logger, type LogSink } from "~/platform/logger.server";
import { type AdminCaseUrl } from "../load-case-email.server";
import { type MailSender } from "../mailer.server";
import { BackoffOptions, ClaimedRow, DEFAULT_LEASE_MS, DEFAULT_PROBE_MS } from "./types";
import { claimDueEmails } from "./claim.server";
import { deliverClaimed, type DeliveryOutcome } from "./deliver.server";
import { startRecovery } from "./recovery.server";

// The polling worker that claims and delivers.
export interface OutboxWorkerOptions {
  db: Db;
  transport: MailSender;
  /** Idle poll period (ms); `kick()` wakes the worker sooner. */
  pollMs: number;
  giveUpMinutes: number;
  /** Unique per process (claims are recorded under it). */
  workerId: string;
  /** Link to a case in the Baton admin: `(shop, caseId)`, as admin-links.server.ts `adminCaseUrl`. */
  adminCaseUrl: AdminCaseUrl;
  /**
   * Rows in delivery at once, from claim to record. Default 8: a slot is freed only when this thread's
   * event loop records the send, which under chat load can take a few loop turns; the SMTP pool (4
   * connections, on its own thread) takes the messages in order meanwhile, so a burst of hand-offs
   * is claimed and queued for SMTP at once instead of waiting for slots (decision 0082).
   */
  concurrency?: number;
  /**
   * Mean period (ms) of the look for emails waiting on an unreachable SMTP server, and of the
   * probe that wakes them when it answers again (outbox/recovery.server.ts). Default 2 s.
   */
  probeMs?: number;
  leaseMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  clock?: () => Date;
  log?: LogSink;
}

export interface OutboxWorker {
  /** Stops claiming, waits for in-flight sends to finish. */
  stop(): Promise<void>;
  /** Run now (right after an enqueue), so handoff latency is milliseconds, not `pollMs`. */
  kick(): void;
}

const DEFAULT_CONCURRENCY = 8;

/** Starts the loop that claims due rows and delivers them with bounded concurrency. Never throws. */
export function startOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const concurrency = Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY);
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? logger.child({ capability: "email" });
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let pokes = 0;
  let wake: (() => void) | null = null;
  // The last claim filled every free slot, so more rows may be due than were taken.
  let mayHaveMore = false;

  const poke = () => {
    pokes++;
    wake?.();
  };

  const recovery = startRecovery({
    db: opts.db,
    transport: opts.transport,
    probeMs: opts.probeMs ?? DEFAULT_PROBE_MS,
    random: opts.random ?? Math.random,
    clock,
    onWoken: poke,
    log,
  });
  function observe(result: DeliveryOutcome): void {
    if (result.outcome === "sent") recovery.delivered();
    else if (result.outcome === "retry") recovery.failed(result.scope);
  }

  function deliver(row: ClaimedRow): void {
    const task = deliverClaimed(opts.db, opts.transport, row, {
      now: clock(),
      giveUpMinutes: opts.giveUpMinutes,
      random: opts.random,
      backoff: opts.backoff,
      adminCaseUrl: opts.adminCaseUrl,
      log,
    })
      .then(
        (result) => observe(result),
        (error: unknown) => log.error({ err: error, outboxId: row.id }, "delivery failed unexpectedly (lease expiry will retry it)"),
      )
      .finally(() => {
        inFlight.delete(task);
        // A freed slot matters only when rows may be waiting for one; otherwise a claim now would find
        // nothing (a query per email, ~25 % of the primary's outbox statements in bench:chat), and new
        // rows come with a kick or the poll.
        if (mayHaveMore) poke();
      });
    inFlight.add(task);
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      const seen = pokes;
      const free = concurrency - inFlight.size;
      let claimedAll = false;
      if (free > 0) {
        try {
          const rows = await claimDueEmails(opts.db, { workerId: opts.workerId, now: clock(), leaseMs, limit: free });
          claimedAll = rows.length === free;
          mayHaveMore = claimedAll;
          for (const row of rows) deliver(row);
        } catch (error) {
          log.error({ err: error }, "claiming due emails failed");
        }
      }
      if (stopped) break;
      // More may be due (we filled every slot) or someone poked while we were busy: go again.
      if ((claimedAll && inFlight.size < concurrency) || pokes !== seen) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, opts.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  const running = loop().catch((error: unknown) => log.error({ err: error }, "outbox worker loop crashed"));

  return {
    kick: poke,
    async stop() {
      stopped = true;
      poke();
      await running;
      await Promise.allSettled([...inFlight]);
      await recovery.stop();
    },
  };
}
