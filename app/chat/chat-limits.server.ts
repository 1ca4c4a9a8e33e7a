import { chatEdgeConfig } from "~/shopify.server";
import { consumeInOrder, defineLimiters } from "../platform/rate-limit.server";

export { countNewCaseAttempt } from "./case-cap-counter.server";

/**
 * Storefront chat rate limits, keyed per client IP (within a shop), per shop and per
 * conversation, in the platform's store (PostgreSQL table, cluster primary or process memory;
 * rate-limit.server.ts). The new-case counters the case caps compare with the shop's caps live in
 * the app's own database instead (case-cap-counter.server.ts, docs/decisions/0077).
 */
export interface RateLimitVerdict {
  ok: boolean;
  retryAfterSeconds: number;
}

// Defined on first use, from the configuration the composition root hands the chat.
const limiters = defineLimiters(() => {
  const { rateLimitStore, rateLimits } = chatEdgeConfig;
  return {
    store: rateLimitStore,
    limits: {
      ip: { keyPrefix: "ip", points: rateLimits.perIpPerMinute, durationSeconds: 60 },
      shop: { keyPrefix: "shop", points: rateLimits.perShopPerMinute, durationSeconds: 60 },
      conversation: { keyPrefix: "conv", points: rateLimits.perConversationPerMinute, durationSeconds: 60 },
    },
  };
});

/**
 * Consumes one point from each applicable limiter; the first refusal wins. Without a usable client
 * address (`ip` null) only the shop and conversation limits apply: a shared "unknown" bucket would
 * let junk headers block honest shoppers. A failing store lets the message through.
 */
export async function checkChatRateLimit(keys: { ip: string | null; shop: string; conversationId?: string }): Promise<RateLimitVerdict> {
  const l = await limiters();
  const checks: Array<[(typeof l)["shop"], string]> = [[l.shop, keys.shop]];
  if (keys.ip) checks.unshift([l.ip, `${keys.shop}|${keys.ip}`]);
  if (keys.conversationId) checks.push([l.conversation, keys.conversationId]);
  const verdict = await consumeInOrder(checks);
  return { ok: !verdict.limited, retryAfterSeconds: verdict.retryAfterSeconds };
}
