import { postgresPoolOf, sqliteConnectionOf, type Db } from "~/db.server";
import { pgCaseCaps } from "./store/pg-case-caps.server";
import { sqliteCaseCaps } from "./store/sqlite-case-caps.server";

export const CASE_CLIENT_WINDOW_SECONDS = 3_600;
export const CASE_REPLY_TO_WINDOW_SECONDS = 86_400;

/**
 * Counts one more new-case attempt for each known key and returns the counts within their windows
 * (client: 1 h, reply-to: 1 day, each starting at the key's first attempt). One atomic upsert per
 * key in the database that stores the cases (docs/decisions/0077), so parallel requests on any
 * instance or worker each see a distinct count: the case caps compare it with the shop's cap
 * without a read-then-write race. There is deliberately no fallback store: a per-instance memory
 * counter starts again at 1 (PostgreSQL's insurance limiter let an 11th case through a cap of 10
 * when the limiter pool timed out), and a database that cannot count cannot commit the case either,
 * so a failure fails the turn like any other database error.
 */
export async function countNewCaseAttempt(
  keys: { client: string | null; replyTo: string | null },
  context: { db: Db; now: Date },
): Promise<{ client: number; replyTo: number }> {
  const { db, now } = context;
  const count = (prefix: string, key: string | null, windowSeconds: number) =>
    key ? incrementCaseCounter(db, `${prefix}|${key}`, now.getTime(), windowSeconds * 1000) : Promise.resolve(0);
  const [client, replyTo] = await Promise.all([
    count("case-client", keys.client, CASE_CLIENT_WINDOW_SECONDS),
    count("case-reply", keys.replyTo, CASE_REPLY_TO_WINDOW_SECONDS),
  ]);
  sweepExpiredCounters(db, now.getTime());
  return { client, replyTo };
}

/**
 * One attempt more on `key`: 1 when the key is new or its window has ended (a new window starts
 * now), else the window's count plus one. `INSERT … ON CONFLICT DO UPDATE … RETURNING` is one
 * atomic statement on SQLite and on PostgreSQL (the row is locked while it is updated; SET reads
 * the old row on both).
 */
export async function incrementCaseCounter(db: Db, key: string, nowMs: number, windowMs: number): Promise<number> {
  // A prepared statement on SQLite's shared connection or the pg pool (the same upsert, without Prisma's ~2 ms of CPU).
  const conn = await sqliteConnectionOf(db);
  if (conn) return sqliteCaseCaps(conn).increment(key, nowMs, windowMs);
  const pool = postgresPoolOf(db);
  if (pool) return pgCaseCaps(pool).increment(key, nowMs, windowMs);
  const rows = await db.$queryRaw<Array<{ count: number | bigint }>>`
    INSERT INTO "CaseCapCounter" ("key", "count", "expiresAt") VALUES (${key}, 1, ${BigInt(nowMs + windowMs)})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "CaseCapCounter"."expiresAt" <= ${BigInt(nowMs)} THEN 1 ELSE "CaseCapCounter"."count" + 1 END,
      "expiresAt" = CASE WHEN "CaseCapCounter"."expiresAt" <= ${BigInt(nowMs)} THEN excluded."expiresAt" ELSE "CaseCapCounter"."expiresAt" END
    RETURNING "count"`;
  return Number(rows[0]!.count);
}

const SWEEP_EVERY_MS = 10 * 60_000;
let lastSweep = 0;

/** Deletes ended windows now and then (a row per key would otherwise stay), off the turn's path. */
function sweepExpiredCounters(db: Db, nowMs: number): void {
  if (nowMs - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = nowMs;
  deleteEndedCaseCounters(db, nowMs).catch(() => undefined);
}

/** Deletes the counters whose window has ended by `nowMs`; returns how many. */
export async function deleteEndedCaseCounters(db: Db, nowMs: number): Promise<number> {
  return (await db.caseCapCounter.deleteMany({ where: { expiresAt: { lte: BigInt(nowMs) } } })).count;
}
