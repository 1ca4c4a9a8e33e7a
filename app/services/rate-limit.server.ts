import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getEnv } from "~/env.server";

/**
 * Storefront chat rate limits (rate-limiter-flexible), keyed per client IP (within a shop), per
 * shop and per conversation.
 *
 * Storage follows the database: on PostgreSQL — the multi-instance deployment — the counters live
 * in a table of the app's database (`RateLimiterPostgres`, one atomic `INSERT … ON CONFLICT DO
 * UPDATE … RETURNING` per consume), so every instance sees the same counts. On SQLite, which is a
 * single-instance deployment, counters stay in memory. If PostgreSQL is unreachable, each instance
 * falls back to its own memory counters (the library's insurance limiter) rather than failing
 * the shopper's request.
 */
export interface RateLimitVerdict {
  ok: boolean;
  retryAfterSeconds: number;
}

/** Table managed by rate-limiter-flexible itself (`CREATE TABLE IF NOT EXISTS`), outside Prisma's migrations. */
export const RATE_LIMIT_TABLE = "baton_rate_limits";

type Limiters = { ip: RateLimiterAbstract; shop: RateLimiterAbstract; conversation: RateLimiterAbstract };

let limiters: Promise<Limiters> | undefined;
let pool: pg.Pool | undefined;

function memoryLimiters(): Limiters {
  const { rateLimits } = getEnv();
  return {
    ip: new RateLimiterMemory({ keyPrefix: "ip", points: rateLimits.perIpPerMinute, duration: 60 }),
    shop: new RateLimiterMemory({ keyPrefix: "shop", points: rateLimits.perShopPerMinute, duration: 60 }),
    conversation: new RateLimiterMemory({ keyPrefix: "conv", points: rateLimits.perConversationPerMinute, duration: 60 }),
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
  const make = (keyPrefix: string, points: number, insuranceLimiter: RateLimiterMemory) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      keyPrefix,
      points,
      duration: 60,
      insuranceLimiter,
    });
  return {
    ip: make("ip", rateLimits.perIpPerMinute, memory.ip as RateLimiterMemory),
    shop: make("shop", rateLimits.perShopPerMinute, memory.shop as RateLimiterMemory),
    conversation: make("conv", rateLimits.perConversationPerMinute, memory.conversation as RateLimiterMemory),
  };
}

function getLimiters(): Promise<Limiters> {
  if (!limiters) {
    const { databaseUrl, databaseProvider } = getEnv();
    limiters = databaseProvider === "postgresql"
      ? postgresLimiters(databaseUrl).catch((error: unknown) => {
          console.error("[rate-limit] PostgreSQL store unavailable, using per-instance memory limits:", error);
          return memoryLimiters();
        })
      : Promise.resolve(memoryLimiters());
  }
  return limiters;
}

/** Keys fit the store's varchar(255) whatever the client sent (long ones are hashed). */
function storeKey(key: string): string {
  return key.length <= 160 ? key : `h:${createHash("sha256").update(key).digest("base64url")}`;
}

/** Consumes one point from each applicable limiter; the first refusal wins. */
export async function checkChatRateLimit(keys: { ip: string; shop: string; conversationId?: string }): Promise<RateLimitVerdict> {
  const l = await getLimiters();
  const checks: Array<[RateLimiterAbstract, string]> = [
    [l.ip, `${keys.shop}|${keys.ip}`],
    [l.shop, keys.shop],
  ];
  if (keys.conversationId) checks.push([l.conversation, keys.conversationId]);
  for (const [limiter, key] of checks) {
    try {
      await limiter.consume(storeKey(key));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      throw rejection;
    }
  }
  return { ok: true, retryAfterSeconds: 0 };
}

/** Closes the PostgreSQL pool of the limiter store (process shutdown). */
export async function closeRateLimitStore(): Promise<void> {
  const p = pool;
  pool = undefined;
  limiters = undefined;
  await p?.end().catch(() => undefined);
}
