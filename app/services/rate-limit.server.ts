import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { getEnv } from "~/env.server";

/**
 * Storefront chat rate limits (rate-limiter-flexible: a well-kept limiter with the same API for
 * memory and database stores). Keyed per client IP, per shop and per conversation.
 */
export interface RateLimitVerdict {
  ok: boolean;
  retryAfterSeconds: number;
}

let limiters: { ip: RateLimiterMemory; shop: RateLimiterMemory; conversation: RateLimiterMemory } | undefined;

function getLimiters() {
  if (!limiters) {
    const { rateLimits } = getEnv();
    limiters = {
      ip: new RateLimiterMemory({ keyPrefix: "ip", points: rateLimits.perIpPerMinute, duration: 60 }),
      shop: new RateLimiterMemory({ keyPrefix: "shop", points: rateLimits.perShopPerMinute, duration: 60 }),
      conversation: new RateLimiterMemory({ keyPrefix: "conv", points: rateLimits.perConversationPerMinute, duration: 60 }),
    };
  }
  return limiters;
}

/** Consumes one point from each applicable limiter; the first refusal wins. */
export async function checkChatRateLimit(keys: { ip: string; shop: string; conversationId?: string }): Promise<RateLimitVerdict> {
  const l = getLimiters();
  const checks: Array<[RateLimiterMemory, string]> = [
    [l.ip, `${keys.shop}|${keys.ip}`],
    [l.shop, keys.shop],
  ];
  if (keys.conversationId) checks.push([l.conversation, keys.conversationId]);
  for (const [limiter, key] of checks) {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      throw rejection;
    }
  }
  return { ok: true, retryAfterSeconds: 0 };
}
