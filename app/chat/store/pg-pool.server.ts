import pg from "pg";
import type { Db } from "~/db.server";
import { logger } from "~/platform/logger.server";

const pools = new WeakMap<Db, pg.Pool | null>();

/**
 * A `pg` pool for the chat store, to the very database a PostgreSQL client was created for: the
 * connection settings of its Prisma adapter (adapter-pg 6.19, pinned; tests/integration/chat-store
 * fails if an upgrade hides them, and the chat then goes through Prisma, correct but slower). Null
 * for SQLite clients. Idle connections never keep the process alive.
 */
export function postgresPoolOf(db: Db): pg.Pool | null {
  let pool = pools.get(db);
  if (pool === undefined) {
    const adapter = (db as unknown as { _engineConfig?: { adapter?: { provider?: string; config?: pg.PoolConfig } } })._engineConfig?.adapter;
    const config = adapter?.provider === "postgres" && typeof adapter.config?.host === "string" ? adapter.config : null;
    pool = config ? new pg.Pool({ ...config, allowExitOnIdle: true }) : null;
    // A connection dropped while idle (server restart) is replaced on next use; unheard, it would end the process.
    pool?.on("error", (error) => logger.child({ capability: "chat", component: "pg-pool" }).warn({ err: error }, "idle PostgreSQL connection lost"));
    pools.set(db, pool);
  }
  return pool;
}
