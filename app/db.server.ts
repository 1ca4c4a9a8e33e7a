import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import type BetterSqlite3 from "better-sqlite3";
import { createRequire } from "node:module";
import path from "node:path";
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
  const adapter = new PrismaPg({
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")),
    max: Number(u.searchParams.get("connection_limit") ?? 10),
  });
  return new generated.PrismaClient({ adapter }) as unknown as Db;
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
    if (handle.connection) waitForLocksAsynchronously(adapter, handle.connection);
    return adapter;
  };
  return factory;
}

type SqliteAdapter = Awaited<ReturnType<SqliteAdapterFactory["connect"]>>;
type Queryable = Pick<SqliteAdapter, "queryRaw" | "executeRaw">;
type Query = Parameters<SqliteAdapter["queryRaw"]>[0];

/**
 * Runs every Prisma statement with SQLite's busy timeout at 0 and waits for another process's
 * write lock between event-loop turns instead. better-sqlite3 is synchronous, so SQLite's busy
 * handler sleeps (1 → 100 ms a try, up to busy_timeout) on the event loop: in a cluster primary
 * the outbox's claim and post-send writes waited there for the HTTP workers' turns, 6–9 s of
 * stalls in 12 s of load (issue 29, decision 0076). A statement that meets SQLITE_BUSY changed
 * nothing, so it is retried as is, inside a transaction too (BEGIN is deferred: the write lock is
 * taken by the first write). SQLITE_BUSY_SNAPSHOT (a transaction whose snapshot a commit made
 * stale) is not retried: no wait can help, the caller retries the whole transaction.
 * PRAGMA statements run as they are: `PRAGMA busy_timeout = …` sets what is restored.
 */
function waitForLocksAsynchronously(adapter: SqliteAdapter, connection: BetterSqlite3.Database): void {
  // `pragma()`, not a prepared statement: SQLite applies `PRAGMA busy_timeout = n` when it compiles
  // it, so re-running a prepared one may not set anything (a few µs a statement; Prisma spends ~2 ms).
  const setBusyTimeout = (ms: number) => connection.pragma(`busy_timeout = ${ms}`);
  const wrap = (queryable: Queryable) => {
    for (const method of ["queryRaw", "executeRaw"] as const) {
      const run = queryable[method].bind(queryable) as (query: Query) => Promise<unknown>;
      (queryable[method] as (query: Query) => Promise<unknown>) = async (query: Query) => {
        if (/^\s*pragma\b/i.test(query.sql)) return run(query);
        const started = Date.now();
        for (let attempt = 0; ; attempt++) {
          // The connection's own timeout (tuneSqlite) stays this statement's budget for waiting, in steps of a few ms.
          const own = Number(connection.pragma("busy_timeout", { simple: true }));
          setBusyTimeout(0);
          let result: Promise<unknown>;
          try {
            // The adapter runs the statement synchronously in here, so the timeout is back in the same tick.
            result = run(query);
          } finally {
            setBusyTimeout(own);
          }
          try {
            return await result;
          } catch (error) {
            if (!isBusy(error) || Date.now() - started >= own) throw error;
          }
          await new Promise((resolve) => setTimeout(resolve, Math.min(1 + attempt, 5)));
        }
      };
    }
  };
  wrap(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction = await startTransaction(isolationLevel);
    wrap(transaction);
    return transaction;
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
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
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
