import type { Db } from "~/db.server";
import { failureScopeOfStored, type FailureScope, type MailSender } from "../mailer.server";

// Ends the backoff wait of emails that failed only because the SMTP server was down, once it is back.
// Per-email exponential backoff alone would let an email that failed late in an outage wait up to
// its whole ceiling (minutes in production) after the server recovered. The outbox is shared in
// the database, so a wake is a write there: every instance's worker then claims the rows as due,
// each with its bounded concurrency (no thundering herd: at most `concurrency` sends per instance).

export interface RecoveryOptions {
  db: Pick<Db, "outboxEmail">;
  transport: MailSender;
  /** Mean period (ms) of the look for emails waiting on the server; each wait is jittered ±50 %. */
  probeMs: number;
  random: () => number;
  clock: () => Date;
  /** Called after rows were made due, so the worker claims them now rather than at its next poll. */
  onWoken: () => void;
  log: { warn(fields: object, message: string): void; error(fields: object, message: string): void };
}

export interface Recovery {
  /** A delivery succeeded: the server accepts mail again, so every email waiting on it is due. */
  delivered(): void;
  /** A delivery failed temporarily with this scope. */
  failed(scope: FailureScope): void;
  stop(): Promise<void>;
}

/** Rows read per look; more are woken by the next look or delivery. */
const SCAN_LIMIT = 500;

type Waiting = { connection: string[]; server: string[]; complete: boolean };

async function findWaiting(db: RecoveryOptions["db"], now: Date): Promise<Waiting> {
  const rows = await db.outboxEmail.findMany({
    where: { status: "pending", attempts: { gt: 0 }, nextAttemptAt: { gt: now }, lastError: { not: null } },
    select: { id: true, lastError: true },
    orderBy: { nextAttemptAt: "asc" },
    take: SCAN_LIMIT,
  });
  const waiting: Waiting = { connection: [], server: [], complete: rows.length < SCAN_LIMIT };
  for (const row of rows) {
    const scope = failureScopeOfStored(row.lastError);
    if (scope === "connection" || scope === "server") waiting[scope].push(row.id);
  }
  return waiting;
}

/**
 * Watches for the end of an SMTP outage. Two things end it:
 * - a successful delivery (this instance's) makes due every email waiting after a connection- or
 *   server-level failure;
 * - while emails wait after connection-level failures, a periodic probe (connect, EHLO, QUIT:
 *   nodemailer's `verify`) makes them due when it succeeds;
 * - a server that accepts connections but refuses mail (451 to MAIL FROM) passes that probe, so
 *   while only such emails wait, each look makes one of them due: a real attempt is the probe,
 *   one per look and instance rather than every email on its own schedule.
 * The periodic look also reads the database, so rows that failed on another instance are seen too.
 */
export function startRecovery(opts: RecoveryOptions): Recovery {
  let stopped = false;
  // Emails may be waiting on the server (set by failures seen here or by a look at the database).
  let suspect = false;
  // Counts failures seen here, so a look that started before one does not clear `suspect` after it.
  let failures = 0;
  let sweep: Promise<void> | null = null;
  let sweepAgain = false;
  let timer: NodeJS.Timeout | undefined;
  let look: Promise<void> = Promise.resolve();

  /** Makes the rows due now; `why` is logged (null: routine, not worth a line). */
  async function wake(ids: string[], why: string | null): Promise<void> {
    if (ids.length === 0 || stopped) return;
    const now = opts.clock();
    const { count } = await opts.db.outboxEmail.updateMany({
      where: { id: { in: ids }, status: "pending", nextAttemptAt: { gt: now } },
      data: { nextAttemptAt: now },
    });
    if (count === 0) return;
    if (why) opts.log.warn({ why, count }, "waiting emails due now");
    opts.onWoken();
  }

  async function afterDelivery(): Promise<void> {
    const seen = failures;
    const waiting = await findWaiting(opts.db, opts.clock());
    await wake([...waiting.connection, ...waiting.server], "SMTP delivery succeeded again");
    if (waiting.complete && failures === seen) suspect = false;
  }

  async function probe(): Promise<void> {
    const seen = failures;
    const waiting = await findWaiting(opts.db, opts.clock());
    if (waiting.connection.length === 0 && waiting.server.length === 0) {
      if (failures === seen) suspect = false;
      return;
    }
    suspect = true;
    if (waiting.connection.length > 0 && opts.transport.verify) {
      try {
        await opts.transport.verify();
      } catch {
        return;
      }
      await wake(waiting.connection, "SMTP server reachable again (probe)");
      return;
    }
    // The server answers but refuses mail (no session probe can tell when it accepts again), or
    // cannot be probed: one waiting email tries for real, and its delivery wakes the others.
    const canary = waiting.server[0] ?? waiting.connection[0];
    if (canary) await wake([canary], null);
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(
      () => {
        look = probe()
          .catch((error: unknown) => opts.log.error({ err: error }, "checking for emails waiting on the SMTP server failed"))
          .finally(schedule);
      },
      Math.round(opts.probeMs * (0.5 + opts.random())),
    );
    timer.unref();
  }
  schedule();

  return {
    delivered() {
      if (!suspect || stopped) return;
      if (sweep) {
        sweepAgain = true;
        return;
      }
      sweep = (async () => {
        do {
          sweepAgain = false;
          await afterDelivery();
        } while (sweepAgain && suspect && !stopped);
      })()
        .catch((error: unknown) => opts.log.error({ err: error }, "waking emails after a delivery failed"))
        .finally(() => {
          sweep = null;
        });
    },
    failed(scope) {
      if (scope === "message") return;
      failures++;
      suspect = true;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await look;
      await sweep;
    },
  };
}
