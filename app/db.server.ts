import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import type BetterSqlite3 from "better-sqlite3";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { logger } from "./platform/logger.server";
import { PG_CLIENT_DIR } from "./platform/prisma-cli.server";

/**
 * The one Prisma client of this process. SQLite (default) or PostgreSQL, chosen by the scheme of
 * DATABASE_URL. Each provider has its own generated client (the query compiler is per provider);
 * both come from the same schema, so the SQLite client's types describe both.
 */
export type Db = PrismaClient;

export function createDb(databaseUrl: string): Db {
  if (databaseUrl.startsWith("file:")) {
    const handle: SqliteHandle = { connection: null };
    const client = new PrismaClient({ adapter: sharingConnection(new PrismaBetterSQLite3({ url: databaseUrl }), handle) });
    sqliteHandles.set(client, handle);
    return client;
  }
  const require = createRequire(import.meta.url);
  const generated = require(path.resolve(process.cwd(), PG_CLIENT_DIR)) as { PrismaClient: typeof PrismaClient };
  const u = new URL(databaseUrl);
  // Discrete fields rather than connectionString (adapter-pg 6.19 quirk, docs/toolchain.md).
  const pool = new pg.Pool({
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")),
    max: Number(u.searchParams.get("connection_limit") ?? 10),
    // Idle connections never keep the process alive.
    allowExitOnIdle: true,
  });
  // A connection dropped while idle (server restart) is replaced on next use; unheard, it would end the process.
  pool.on("error", (error) => logger.child({ capability: "platform", component: "pg-pool" }).warn({ err: error }, "idle PostgreSQL connection lost"));
  // The one pool of the process: Prisma's adapter and the chat store (postgresPoolOf) share it; $disconnect ends it.
  const client = new generated.PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db;
  postgresPools.set(client, pool);
  return client;
}

const postgresPools = new WeakMap<Db, pg.Pool>();

/**
 * The `pg` pool behind a PostgreSQL client (created by createDb and handed to Prisma's adapter), for
 * the chat store's own prepared statements: one pool per process, not one beside Prisma's. Null for SQLite.
 */
export function postgresPoolOf(client: Db): pg.Pool | null {
  return postgresPools.get(client) ?? null;
}

type SqliteAdapterFactory = PrismaBetterSQLite3;
interface SqliteHandle {
  connection: BetterSqlite3.Database | null;
}
const sqliteHandles = new WeakMap<Db, SqliteHandle>();

/**
 * Remembers the better-sqlite3 connection the adapter opens, so the chat store can run prepared
 * statements on the very same connection: one connection per process means no lock waits between
 * Prisma's transactions and ours (better-sqlite3 waits for locks synchronously, which would stall
 * the event loop that Prisma's open transaction needs to finish).
 */
function sharingConnection(factory: SqliteAdapterFactory, handle: SqliteHandle): SqliteAdapterFactory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    // `client` is the adapter's better-sqlite3 Database (adapter-better-sqlite3 6.19, pinned);
    // tests/integration/chat-store.test.ts fails if an upgrade moves it (the store would then fall
    // back to Prisma, correct but slower).
    const connection = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
    handle.connection = connection && typeof connection.prepare === "function" ? connection : null;
    if (handle.connection) waitForLocksAsynchronously(adapter);
    return adapter;
  };
  return factory;
}

type SqliteAdapter = Awaited<ReturnType<SqliteAdapterFactory["connect"]>>;
type Queryable = Pick<SqliteAdapter, "queryRaw" | "executeRaw">;
type Query = Parameters<SqliteAdapter["queryRaw"]>[0];

/** How long a statement waits in all for another connection's write lock (in short steps between event-loop turns). */
export const SQLITE_LOCK_WAIT_MS = 5_000;
/**
 * The connection's own `busy_timeout` (tuneSqlite): the longest SQLite's busy handler may sleep on the
 * event loop in one try before the statement is retried on a timer. Short enough that a process never
 * stands still for long (issue 29: a 5 s handler stalled the cluster primary 6–9 s in 12 s of load),
 * long enough that the common case — another process's sub-millisecond turn — is waited out in place.
 */
export const SQLITE_BUSY_SPIN_MS = 10;

/**
 * Every Prisma statement on SQLite waits for another process's write lock between event-loop turns:
 * better-sqlite3 is synchronous, so SQLite's busy handler sleeps on the event loop (decision 0076). A
 * statement that meets SQLITE_BUSY changed nothing, so it is retried as is (inside a transaction too:
 * BEGIN is deferred, the write lock is taken by the first write) until SQLITE_LOCK_WAIT_MS have passed.
 * SQLITE_BUSY_SNAPSHOT (a transaction whose snapshot a commit made stale) is not retried: no wait can
 * help, the caller retries the whole transaction.
 *
 * One gate per connection: a Prisma transaction holds it from BEGIN to its end, a statement outside
 * one for its run (retries included). A transaction that waits for the lock keeps the connection
 * inside BEGIN across timer turns; without the gate an unrelated statement issued meanwhile would run
 * inside it and share its fate (committed with it, or rolled back with it), and a statement waiting
 * outside a transaction would run inside one begun meanwhile. The adapter's own mutex orders only
 * transactions among themselves. (The chat store's prepared statements wait for `inTransaction` to clear.)
 */
function waitForLocksAsynchronously(adapter: SqliteAdapter): void {
  const gate = createGate();
  const retrying = (queryable: Queryable, method: "queryRaw" | "executeRaw") => {
    const run = queryable[method].bind(queryable) as (query: Query) => Promise<unknown>;
    return async (query: Query): Promise<unknown> => {
      const started = Date.now();
      for (let attempt = 0; ; attempt++) {
        try {
          return await run(query);
        } catch (error) {
          if (!isBusy(error) || Date.now() - started >= SQLITE_LOCK_WAIT_MS) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(1 + attempt, 5)));
      }
    };
  };
  for (const method of ["queryRaw", "executeRaw"] as const) {
    const run = retrying(adapter, method);
    (adapter[method] as (query: Query) => Promise<unknown>) = async (query: Query) => {
      const release = await gate.enter();
      try {
        return await run(query);
      } finally {
        release();
      }
    };
  }
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const release = await gate.enter();
    let transaction: Awaited<ReturnType<SqliteAdapter["startTransaction"]>>;
    try {
      transaction = await startTransaction(isolationLevel);
    } catch (error) {
      release();
      throw error;
    }
    for (const method of ["queryRaw", "executeRaw"] as const) {
      (transaction[method] as (query: Query) => Promise<unknown>) = retrying(transaction, method);
    }
    // Prisma runs COMMIT/ROLLBACK as statements, then calls one of these (the adapter's mutex is released there).
    for (const end of ["commit", "rollback"] as const) {
      const finish = transaction[end].bind(transaction);
      transaction[end] = async () => {
        try {
          return await finish();
        } finally {
          release();
        }
      };
    }
    return transaction;
  };
}

/** A FIFO gate: `enter` resolves to its `release` once everyone before has released (a second release is a no-op). */
function createGate(): { enter(): Promise<() => void> } {
  let tail: Promise<void> = Promise.resolve();
  return {
    enter() {
      const before = tail;
      let open!: () => void;
      tail = new Promise<void>((resolve) => (open = resolve));
      let released = false;
      return before.then(() => () => {
        if (released) return;
        released = true;
        open();
      });
    },
  };
}

/** SQLITE_BUSY as the better-sqlite3 adapter reports it (a DriverAdapterError caused by that code). */
function isBusy(error: unknown): boolean {
  const cause = (error as { cause?: { originalCode?: unknown } } | null)?.cause;
  return cause?.originalCode === "SQLITE_BUSY";
}

/** Whether this client was created for a SQLite database (by createDb). */
export function usesSqlite(client: Db): boolean {
  return sqliteHandles.has(client);
}

/**
 * The SQLite connection behind a client (opened on first use), or null for PostgreSQL or when the
 * adapter does not expose it — callers then go through Prisma.
 */
export async function sqliteConnectionOf(client: Db): Promise<BetterSqlite3.Database | null> {
  const handle = sqliteHandles.get(client);
  if (!handle) return null;
  if (!handle.connection?.open) await client.$connect();
  return handle.connection?.open ? handle.connection : null;
}

/**
 * SQLite tuning for a server workload: WAL lets readers proceed during a write and, with
 * synchronous=NORMAL, commits no longer fsync the whole database file (durable across process
 * crashes; the last transactions may roll back only on power loss).
 */
export async function tuneSqlite(client: Db, databaseUrl: string): Promise<void> {
  if (!databaseUrl.startsWith("file:")) return;
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await client.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_SPIN_MS}`);
}

declare global {
  // Survives Vite dev-server reloads so connections are not leaked.
  var __batonDb: Db | undefined;
}

let configuredUrl: string | undefined;

/**
 * Called by the composition roots (app/shopify.server.ts, app/runtime.server.ts) with the
 * validated DATABASE_URL before anything asks for `db()`.
 */
export function configureDatabase(databaseUrl: string): void {
  configuredUrl = databaseUrl;
}

/** The process-wide client, created on first use from the URL the composition root configured. */
export function db(): Db {
  if (!globalThis.__batonDb) {
    if (!configuredUrl) throw new Error("db() was called before a composition root configured the database (configureDatabase)");
    globalThis.__batonDb = createDb(configuredUrl);
  }
  return globalThis.__batonDb;
}
