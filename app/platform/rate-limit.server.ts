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

/**
 * Consumes one point from each limiter in order; the first refusal wins and the limiters after it are
 * not charged (a refused address does not use up its shop's allowance). On PostgreSQL all of them go
 * out as one statement (a chain of data-modifying CTEs, each upsert only when the one before was
 * within its limit) instead of a round trip each: the limiter table's three round trips were the
 * largest item of a PostgreSQL turn's HTTP worker (pg writes and parsing, issue 29). Same rows, same
 * arithmetic as the library's `RateLimiterPostgres` upsert, so both read each other's counters.
 */
export async function consumeInOrder(checks: Array<[RateLimiterAbstract, string]>): Promise<{ limited: boolean; retryAfterSeconds: number }> {
  const store = pool;
  if (store && checks.length > 0 && checks.every(([limiter]) => limiter instanceof RateLimiterPostgres)) {
    try {
      return await consumeInOneStatement(checks);
    } catch (error) {
      log.warn({ err: error }, "limiter store unavailable, per-limiter fallback");
    }
  }
  for (const [limiter, key] of checks) {
    const verdict = await consumePoint(limiter, key);
    if (verdict.limited) return { limited: true, retryAfterSeconds: verdict.retryAfterSeconds };
  }
  return { limited: false, retryAfterSeconds: 0 };
}

/** The chained upsert for `n` limiters ($1: now in ms; then key, new expiry, limit per limiter); per limiter: over its limit (null: not reached), expiry. */
function chainedUpsert(n: number): string {
  const table = `"${RATE_LIMIT_TABLE}"`;
  const steps = Array.from({ length: n }, (_, i) => {
    const [key, expire, limit] = [2 + 3 * i, 3 + 3 * i, 4 + 3 * i];
    const gate = i === 0 ? "" : ` WHERE (SELECT points FROM k${i - 1}) <= $${limit - 3}::int`;
    return `k${i} AS (
  INSERT INTO ${table} AS t (key, points, expire) SELECT $${key}::varchar, 1, $${expire}::bigint${gate}
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN t.expire <= $1::bigint THEN 1 ELSE t.points + 1 END,
    expire = CASE WHEN t.expire <= $1::bigint THEN excluded.expire ELSE t.expire END
  RETURNING points, expire)`;
  });
  const columns = Array.from({ length: n }, (_, i) => `(SELECT points FROM k${i}) > $${4 + 3 * i}::int AS over${i}, (SELECT expire FROM k${i}) AS e${i}`);
  return `WITH ${steps.join(",\n")}\nSELECT ${columns.join(", ")}`;
}

/** `consumeInOrder` on PostgreSQL limiters, one statement; throws when the store fails (exported for its test). */
export async function consumeInOneStatement(checks: Array<[RateLimiterAbstract, string]>): Promise<{ limited: boolean; retryAfterSeconds: number }> {
  const store = pool;
  if (!store) throw new Error("no PostgreSQL limiter store");
  const now = Date.now();
  const values: unknown[] = [now];
  for (const [limiter, key] of checks) values.push(limiter.getKey(storeKey(key)), now + limiter.duration * 1000, limiter.points);
  const { rows } = await store.query<Record<string, string | boolean | null>>({
    name: `baton_rl_chain_${checks.length}`,
    text: chainedUpsert(checks.length),
    values,
  });
  const row = rows[0]!;
  for (let i = 0; i < checks.length; i++) {
    const over = row[`over${i}`];
    if (over === null || over === undefined) break;
    if (over === true) {
      const msBeforeNext = Math.max(Number(row[`e${i}`] ?? now) - Date.now(), 0);
      return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
    }
  }
  return { limited: false, retryAfterSeconds: 0 };
}

/** Closes the PostgreSQL pool of the limiter store (process shutdown). */
export async function closeRateLimitStore(): Promise<void> {
  const p = pool;
  pool = undefined;
  tableReady = undefined;
  for (const group of groups) group.reset();
  await p?.end().catch(() => undefined);
}
