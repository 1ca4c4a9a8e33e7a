import type BetterSqlite3 from "better-sqlite3";
import { SQLITE_LOCK_WAIT_MS } from "~/db.server";

// The outbox's prepared statements share the Prisma adapter's connection (decision 0076's rules, as
// the chat store's `writeWithoutBlocking`, which app/email may not import: the report to the lead
// proposes one shared copy beside db.server.ts).

/**
 * Runs `work` synchronously once the shared connection has no open transaction: Prisma's transactions
 * keep the connection inside BEGIN across awaits, and a statement run then would join theirs.
 */
export async function outsideOtherTransactions<T>(conn: BetterSqlite3.Database, work: () => T): Promise<T> {
  const started = Date.now();
  while (conn.inTransaction) {
    if (Date.now() - started > SQLITE_LOCK_WAIT_MS) throw new Error("the database stayed inside another transaction for 5 s");
    await new Promise((resolve) => setImmediate(resolve));
  }
  return work();
}

/**
 * A write transaction that never sleeps long on the event loop for another connection's lock: SQLite's
 * busy handler waits the connection's short busy timeout, then we retry on a timer, for SQLITE_LOCK_WAIT_MS in all.
 */
export async function writeOutsideOtherTransactions<T>(conn: BetterSqlite3.Database, work: () => T): Promise<T> {
  const started = Date.now();
  for (;;) {
    const attempt = await outsideOtherTransactions(conn, () => {
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
