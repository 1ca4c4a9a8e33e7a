import type BetterSqlite3 from "better-sqlite3";
import { SQLITE_LOCK_WAIT_MS } from "~/db.server";

// Statements of our own on the Prisma adapter's SQLite connection (the chat store, the case caps and
// the outbox share these rules, decisions 0076 and 0079): never inside another transaction, never a
// long busy wait on the event loop.

/**
 * Runs a write transaction without letting SQLite's busy handler sleep long on the event loop: while
 * another process (the cluster primary's outbox, another worker) holds the write lock, the handler
 * waits up to the connection's busy timeout (SQLITE_BUSY_SPIN_MS, set once in `prepare` as tuneSqlite
 * does: another process's turn releases the lock by then), after which we retry asynchronously,
 * serving requests meanwhile, for SQLITE_LOCK_WAIT_MS in all. (This once switched the timeout around
 * each write with prepared `PRAGMA busy_timeout` statements; SQLite applies that pragma when it
 * compiles it, so a prepared one ran as a no-op now and then.)
 */
export async function writeWithoutBlocking<T>(conn: BetterSqlite3.Database, work: () => T): Promise<T> {
  const started = Date.now();
  for (;;) {
    const attempt = await whenNoOtherTransaction(conn, () => {
      try {
        return { done: true as const, value: work() };
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() - started > SQLITE_LOCK_WAIT_MS) throw error;
        return { done: false as const };
      }
    });
    if (attempt.done) return attempt.value;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * Runs `work` synchronously once the shared connection has no open transaction. Prisma's
 * interactive transactions keep the connection inside BEGIN across awaits; running our statements
 * then would join (and could be rolled back with) their transaction. Checking and running in the
 * same tick means nothing can begin in between.
 */
export async function whenNoOtherTransaction<T>(conn: BetterSqlite3.Database, work: () => T): Promise<T> {
  const started = Date.now();
  while (conn.inTransaction) {
    if (Date.now() - started > SQLITE_LOCK_WAIT_MS) throw new Error("the database stayed inside another transaction for 5 s");
    await new Promise((resolve) => setImmediate(resolve));
  }
  return work();
}

/** Prisma's SQLite encoding of DateTime (adapter default "iso8601"): what our statements write and compare against. */
export function sqliteDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}
