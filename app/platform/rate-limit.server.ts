import cluster from "node:cluster";
import { createHash } from "node:crypto";
import pg from "pg";
import {
  RateLimiterCluster,
  RateLimiterClusterMaster,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { logger } from "./logger.server";
import { sweptMemoryLimiter, useSweptStorage } from "./rate-limit-memory.server";

/**
 * Rate limiters and counters (rate-limiter-flexible) whose storage follows the database.
 *
 * On PostgreSQL — the multi-instance deployment — the counters live in a table of the app's
 * database (`RateLimiterPostgres`, one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` per
 * consume), so every instance sees the same counts. On SQLite, which is a single-instance
 * deployment, counters stay in the memory of the one HTTP process — or, with WEB_CONCURRENCY > 1,
 * in the cluster primary's memory (`RateLimiterCluster` asks it over IPC), so all HTTP workers
 * share them. If PostgreSQL is unreachable, each instance falls back to its own memory counters
 * (the library's insurance limiter) rather than failing the request.
 *
 * The capability that owns the limits names them (`defineLimiters`); the store comes from the
 * configuration the caller passes in.
 */
export interface RateLimitStoreConfig {
  databaseUrl: string;
  databaseProvider: "sqlite" | "postgresql";
  /** HTTP worker processes: more than one share the primary's memory counters. */
  webConcurrency: number;
}

/** `points` per `durationSeconds` under the key prefix `keyPrefix`. */
export interface LimitSpec {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

/** Table managed by rate-limiter-flexible itself (`CREATE TABLE IF NOT EXISTS`), outside Prisma's migrations. */
export const RATE_LIMIT_TABLE = "baton_rate_limits";

const log = logger.child({ capability: "platform", component: "rate-limit" });

let pool: pg.Pool | undefined;
let tableReady: Promise<void> | undefined;
const groups = new Set<{ reset(): void }>();

/**
 * A named set of limiters, created on first use in the store the configuration selects. `define`
 * is called then (once), so its configuration may be read lazily.
 */
export function defineLimiters<K extends string>(
  define: () => { store: RateLimitStoreConfig; limits: Record<K, LimitSpec> },
): () => Promise<Record<K, RateLimiterAbstract>> {
  let created: Promise<Record<K, RateLimiterAbstract>> | undefined;
  groups.add({ reset: () => (created = undefined) });
  return () => {
    if (!created) {
      const { store, limits } = define();
      created = createLimiters(store, limits);
    }
    return created;
  };
}

async function createLimiters<K extends string>(config: RateLimitStoreConfig, specs: Record<K, LimitSpec>): Promise<Record<K, RateLimiterAbstract>> {
  if (config.databaseProvider === "postgresql") {
    return postgresLimiters(config.databaseUrl, specs).catch((error: unknown) => {
      log.error({ err: error }, "PostgreSQL store unavailable, using per-instance memory limits");
      return mapSpecs(specs, memoryLimiter);
    });
  }
  // One HTTP worker counts alone; several share the primary's counters.
  return mapSpecs(specs, cluster.isWorker && config.webConcurrency > 1 ? clusterLimiter : memoryLimiter);
}

function mapSpecs<K extends string>(specs: Record<K, LimitSpec>, make: (spec: LimitSpec) => RateLimiterAbstract): Record<K, RateLimiterAbstract> {
  return Object.fromEntries(Object.entries<LimitSpec>(specs).map(([name, spec]) => [name, make(spec)])) as Record<K, RateLimiterAbstract>;
}

/** Process memory, one sweep timer per limiter rather than one timer per key (rate-limit-memory.server.ts). */
function memoryLimiter(spec: LimitSpec): RateLimiterMemory {
  return sweptMemoryLimiter({ keyPrefix: spec.keyPrefix, points: spec.points, duration: spec.durationSeconds });
}

/** One of several HTTP workers of a cluster on SQLite: the primary's memory counters, over IPC. */
function clusterLimiter(spec: LimitSpec): RateLimiterAbstract {
  return new RateLimiterCluster({ keyPrefix: spec.keyPrefix, points: spec.points, duration: spec.durationSeconds, timeoutMs: 1_000 });
}

async function postgresLimiters<K extends string>(databaseUrl: string, specs: Record<K, LimitSpec>): Promise<Record<K, RateLimiterAbstract>> {
  const store = (pool ??= newPool(databaseUrl));
  tableReady ??= createTable(store).catch((error: unknown) => {
    tableReady = undefined;
    throw error;
  });
  await tableReady;
  return mapSpecs(
    specs,
    (spec) =>
      new RateLimiterPostgres({
        storeClient: store,
        storeType: "pool",
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        keyPrefix: spec.keyPrefix,
        points: spec.points,
        duration: spec.durationSeconds,
        insuranceLimiter: memoryLimiter(spec),
      }),
  );
}

function newPool(databaseUrl: string): pg.Pool {
  const created = new pg.Pool({ connectionString: databaseUrl, max: 5, allowExitOnIdle: true, connectionTimeoutMillis: 2_000 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  created.on("error", () => undefined);
  return created;
}

async function createTable(store: pg.Pool): Promise<void> {
  try {
    await store.query(`CREATE TABLE IF NOT EXISTS "${RATE_LIMIT_TABLE}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`);
  } catch (error) {
    // 23505: two instances created the table at the same moment (PostgreSQL does not serialise that).
    if ((error as { code?: string }).code !== "23505") throw error;
  }
}

/**
 * In the primary of an HTTP cluster: holds the memory counters its workers consume over IPC. The
 * library's master creates a `RateLimiterMemory` per key prefix when a worker first asks (its
 * `_rateLimiters`, rate-limiter-flexible 11.4.0); each gets the swept storage as it is added, so the
 * primary holds no timer per key either (rate-limit-memory.server.test.ts checks the hook).
 */
export function startClusterRateLimits(): RateLimiterClusterMaster {
  const master = new RateLimiterClusterMaster();
  const holder = master as unknown as { _rateLimiters: Record<string, RateLimiterMemory>; sweptHook?: true };
  if (holder.sweptHook) return master;
  holder.sweptHook = true;
  holder._rateLimiters = new Proxy(holder._rateLimiters, {
    set(target, prefix, limiter: RateLimiterMemory) {
      if (limiter instanceof RateLimiterMemory) useSweptStorage(limiter);
      return Reflect.set(target, prefix, limiter);
    },
  });
  return master;
}

/** Keys fit the store's varchar(255) whatever the client sent (long ones are hashed). */
function storeKey(key: string): string {
  return key.length <= 160 ? key : `h:${createHash("sha256").update(key).digest("base64url")}`;
}

/**
 * Consumes one point. `limited` with the wait when the limiter refuses; a failing store (e.g. the
 * cluster primary did not answer) is logged and lets the request through (`consumedPoints` 0)
 * rather than failing it.
 */
export async function consumePoint(
  limiter: RateLimiterAbstract,
  key: string,
): Promise<{ limited: boolean; retryAfterSeconds: number; consumedPoints: number }> {
  try {
    const result = await limiter.consume(storeKey(key));
    return { limited: false, retryAfterSeconds: 0, consumedPoints: result.consumedPoints };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), consumedPoints: rejection.consumedPoints };
    }
    log.warn({ err: rejection, keyPrefix: limiter.keyPrefix }, "limiter store unavailable, allowing");
    return { limited: false, retryAfterSeconds: 0, consumedPoints: 0 };
  }
}

/** Closes the PostgreSQL pool of the limiter store (process shutdown). */
export async function closeRateLimitStore(): Promise<void> {
  const p = pool;
  pool = undefined;
  tableReady = undefined;
  for (const group of groups) group.reset();
  await p?.end().catch(() => undefined);
}
