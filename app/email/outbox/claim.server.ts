import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import { outboxStatementsOf } from "./outbox-statements.server";
import { ClaimedRow } from "./types";

// Claims due rows atomically (one conditional UPDATE each) with a lease.
export interface ClaimOptions {
  workerId: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

/**
 * Claims up to `limit` due rows for `workerId`: pending rows whose time has come, and rows left in
 * `sending` by a worker whose lease expired (it crashed). Each claim is a conditional update on the
 * state just read; only rows where exactly one row changed are ours, so concurrent workers (even in
 * different processes on one PostgreSQL) never claim the same row. The app's own clients claim with
 * prepared statements (outbox-statements.server.ts), any other client through Prisma.
 */
export async function claimDueEmails(db: Pick<Db, "outboxEmail">, opts: ClaimOptions): Promise<ClaimedRow[]> {
  if (opts.limit <= 0) return [];
  const statements = await outboxStatementsOf(db);
  if (statements) return statements.claim(opts);
  return claimThroughPrisma(db, opts);
}

/** The same claim in Prisma calls (clients createDb did not make). */
export async function claimThroughPrisma(db: Pick<Db, "outboxEmail">, opts: ClaimOptions): Promise<ClaimedRow[]> {
  if (opts.limit <= 0) return [];
  const candidates = await db.outboxEmail.findMany({
    where: {
      OR: [
        { status: "pending", nextAttemptAt: { lte: opts.now } },
        { status: "sending", lockedUntil: { lt: opts.now } },
        // A `sending` row without a lease cannot come from this code, but must not be stuck forever.
        { status: "sending", lockedUntil: null },
      ],
    },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    // Read a few more than needed: some may be taken by another worker meanwhile.
    take: opts.limit * 2,
  });
  const lockedUntil = new Date(opts.now.getTime() + opts.leaseMs);
  const claimed: ClaimedRow[] = [];
  for (const row of candidates) {
    if (claimed.length >= opts.limit) break;
    const asRead: Prisma.OutboxEmailWhereInput =
      row.status === "pending"
        ? { id: row.id, status: "pending", attempts: row.attempts, nextAttemptAt: { lte: opts.now } }
        : { id: row.id, status: "sending", lockedBy: row.lockedBy, lockedUntil: row.lockedUntil };
    const { count } = await db.outboxEmail.updateMany({
      where: asRead,
      data: { status: "sending", lockedBy: opts.workerId, lockedUntil },
    });
    if (count === 1) claimed.push({ ...row, status: "sending", lockedBy: opts.workerId, lockedUntil, reclaimed: row.status === "sending" });
  }
  return claimed;
}
