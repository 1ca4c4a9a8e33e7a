import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { createRequire } from "node:module";
import path from "node:path";
import { getEnv } from "./env.server";
import { PG_CLIENT_DIR } from "./services/prisma-cli.server";

/**
 * The one Prisma client of this process. SQLite (default) or PostgreSQL, chosen by the scheme of
 * DATABASE_URL. Each provider has its own generated client (the query compiler is per provider);
 * both come from the same schema, so the SQLite client's types describe both.
 */
export type Db = PrismaClient;

export function createDb(databaseUrl: string): Db {
  if (databaseUrl.startsWith("file:")) {
    return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
  }
  const require = createRequire(import.meta.url);
  const generated = require(path.resolve(process.cwd(), PG_CLIENT_DIR)) as { PrismaClient: typeof PrismaClient };
  const u = new URL(databaseUrl);
  // Discrete fields rather than connectionString (adapter-pg 6.19 quirk, TOOLCHAIN.md).
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

/** The process-wide client, created on first use from the validated configuration. */
export function db(): Db {
  globalThis.__batonDb ??= createDb(getEnv().databaseUrl);
  return globalThis.__batonDb;
}
