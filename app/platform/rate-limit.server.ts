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
import { getEnv } from "~/env.server";

/**
 * Storefront chat rate limits (rate-limiter-flexible), keyed per client IP (within a shop), per
 * shop and per conversation.
 *
 * Storage follows the database: on PostgreSQL — the multi-instance deployment — the counters live
 * in a table of the app's database (`RateLimiterPostgres`, one atomic `INSERT … ON CONFLICT DO
 * UPDATE … RETURNING` per consume), so every instance sees the same counts. On SQLite, which is a
 * single-instance deployment, counters stay in the memory of the one HTTP process — or, with
 * WEB_CONCURRENCY > 1, in the cluster primary's memory (`RateLimiterCluster` asks it over IPC),
 * so all HTTP workers share them. If PostgreSQL is unreachable, each instance
 * falls back to its own memory counters (the library's insurance limiter) rather than failing
 * the shopper's request.
 */
export interface RateLimitVerdict {
  ok: boolean;
  retryAfterSeconds: number;
}

/** Table managed by rate-limiter-flexible itself (`CREATE TABLE IF NOT EXISTS`), outside Prisma's migrations. */
export const RATE_LIMIT_TABLE = "baton_rate_limits";

type Limiters = {
  ip: RateLimiterAbstract;
  shop: RateLimiterAbstract;
  conversation: RateLimiterAbstract;
  /** Counters, not limits: new-case attempts per client address (1 h) and reply-to address (1 day). */
  casesByClient: RateLimiterAbstract;
  casesByReplyTo: RateLimiterAbstract;
};

// The case counters never refuse by themselves (the shop's own caps are compared with the count).
const COUNTER_POINTS = 1_000_000_000;
export const CASE_CLIENT_WINDOW_SECONDS = 3_600;
export const CASE_REPLY_TO_WINDOW_SECONDS = 86_400;

let limiters: Promise<Limiters> | undefined;
let pool: pg.Pool | undefined;

function memoryLimiters(): Limiters {
  const { rateLimits } = getEnv();
  return {
    ip: new RateLimiterMemory({ keyPrefix: "ip", points: rateLimits.perIpPerMinute, duration: 60 }),
    shop: new RateLimiterMemory({ keyPrefix: "shop", points: rateLimits.perShopPerMinute, duration: 60 }),
    conversation: new RateLimiterMemory({ keyPrefix: "conv", points: rateLimits.perConversationPerMinute, duration: 60 }),
    casesByClient: new RateLimiterMemory({ keyPrefix: "case-client", points: COUNTER_POINTS, duration: CASE_CLIENT_WINDOW_SECONDS }),
    casesByReplyTo: new RateLimiterMemory({ keyPrefix: "case-reply", points: COUNTER_POINTS, duration: CASE_REPLY_TO_WINDOW_SECONDS }),
  };
}

/** One of several HTTP workers of a cluster on SQLite: the primary's memory counters, over IPC. */
function clusterLimiters(): Limiters {
  const { rateLimits } = getEnv();
  const make = (keyPrefix: string, points: number, duration = 60) => new RateLimiterCluster({ keyPrefix, points, duration, timeoutMs: 1_000 });
  return {
    ip: make("ip", rateLimits.perIpPerMinute),
    shop: make("shop", rateLimits.perShopPerMinute),
    conversation: make("conv", rateLimits.perConversationPerMinute),
    casesByClient: make("case-client", COUNTER_POINTS, CASE_CLIENT_WINDOW_SECONDS),
    casesByReplyTo: make("case-reply", COUNTER_POINTS, CASE_REPLY_TO_WINDOW_SECONDS),
  };
}

async function postgresLimiters(databaseUrl: string): Promise<Limiters> {
  const { rateLimits } = getEnv();
  pool = new pg.Pool({ connectionString: databaseUrl, max: 5, allowExitOnIdle: true, connectionTimeoutMillis: 2_000 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  try {
    await pool.query(`CREATE TABLE IF NOT EXISTS "${RATE_LIMIT_TABLE}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`);
  } catch (error) {
    // 23505: two instances created the table at the same moment (PostgreSQL does not serialise that).
    if ((error as { code?: string }).code !== "23505") throw error;
  }
  const memory = memoryLimiters();
  const make = (keyPrefix: string, points: number, insuranceLimiter: RateLimiterAbstract, duration = 60) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      keyPrefix,
      points,
      duration,
      insuranceLimiter: insuranceLimiter as RateLimiterMemory,
    });
  return {
    ip: make("ip", rateLimits.perIpPerMinute, memory.ip),
    shop: make("shop", rateLimits.perShopPerMinute, memory.shop),
    conversation: make("conv", rateLimits.perConversationPerMinute, memory.conversation),
    casesByClient: make("case-client", COUNTER_POINTS, memory.casesByClient, CASE_CLIENT_WINDOW_SECONDS),
    casesByReplyTo: make("case-reply", COUNTER_POINTS, memory.casesByReplyTo, CASE_REPLY_TO_WINDOW_SECONDS),
  };
}

/** In the primary of an HTTP cluster: holds the memory counters its workers consume over IPC. */
export function startClusterRateLimits(): void {
  new RateLimiterClusterMaster();
}

function getLimiters(): Promise<Limiters> {
  if (!limiters) {
    const { databaseUrl, databaseProvider } = getEnv();
    limiters =
      databaseProvider === "postgresql"
        ? postgresLimiters(databaseUrl).catch((error: unknown) => {
            console.error("[rate-limit] PostgreSQL store unavailable, using per-instance memory limits:", error);
            return memoryLimiters();
          })
        : // One HTTP worker counts alone; several share the primary's counters.
          Promise.resolve(cluster.isWorker && getEnv().webConcurrency > 1 ? clusterLimiters() : memoryLimiters());
  }
  return limiters;
}

/** Keys fit the store's varchar(255) whatever the client sent (long ones are hashed). */
function storeKey(key: string): string {
  return key.length <= 160 ? key : `h:${createHash("sha256").update(key).digest("base64url")}`;
}

/**
 * Consumes one point from each applicable limiter; the first refusal wins. Without a usable client
 * address (`ip` null) only the shop and conversation limits apply: a shared "unknown" bucket would
 * let junk headers block honest shoppers.
 */
export async function checkChatRateLimit(keys: { ip: string | null; shop: string; conversationId?: string }): Promise<RateLimitVerdict> {
  const l = await getLimiters();
  const checks: Array<[RateLimiterAbstract, string]> = [[l.shop, keys.shop]];
  if (keys.ip) checks.unshift([l.ip, `${keys.shop}|${keys.ip}`]);
  if (keys.conversationId) checks.push([l.conversation, keys.conversationId]);
  for (const [limiter, key] of checks) {
    try {
      await limiter.consume(storeKey(key));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      // The counter store failed (e.g. the cluster primary did not answer): let the message through
      // rather than fail the shopper's request.
      console.warn(`[rate-limit] limiter unavailable, allowing: ${(rejection as Error)?.message ?? String(rejection)}`);
    }
  }
  return { ok: true, retryAfterSeconds: 0 };
}

/**
 * Counts one more new-case attempt for each known key and returns the counts within their windows
 * (client address: 1 h, reply-to: 1 day). One atomic increment per key in the shared store
 * (PostgreSQL, or the cluster primary's / this process's memory), so parallel requests each see a
 * distinct count: the case caps compare it with the shop's cap without a read-then-write race.
 * A store failure counts as 0 (the database count still applies).
 */
export async function countNewCaseAttempt(keys: { client: string | null; replyTo: string | null }): Promise<{ client: number; replyTo: number }> {
  const l = await getLimiters();
  const count = async (limiter: RateLimiterAbstract, key: string | null) => {
    if (!key) return 0;
    try {
      return (await limiter.consume(storeKey(key))).consumedPoints;
    } catch (error) {
      console.warn(`[rate-limit] case counter unavailable: ${(error as Error)?.message ?? String(error)}`);
      return 0;
    }
  };
  const [client, replyTo] = await Promise.all([count(l.casesByClient, keys.client), count(l.casesByReplyTo, keys.replyTo)]);
  return { client, replyTo };
}

/** Closes the PostgreSQL pool of the limiter store (process shutdown). */
export async function closeRateLimitStore(): Promise<void> {
  const p = pool;
  pool = undefined;
  limiters = undefined;
  await p?.end().catch(() => undefined);
}
