import { chatEdgeConfig } from "~/shopify.server";
import { consumePoint, defineLimiters } from "../platform/rate-limit.server";

/**
 * Storefront chat rate limits, keyed per client IP (within a shop), per shop and per
 * conversation, and the new-case counters the case caps compare with the shop's caps. The store
 * (PostgreSQL table, cluster primary or process memory) is the platform's (rate-limit.server.ts).
 */
export interface RateLimitVerdict {
  ok: boolean;
  retryAfterSeconds: number;
}

// The case counters never refuse by themselves (the shop's own caps are compared with the count).
const COUNTER_POINTS = 1_000_000_000;
export const CASE_CLIENT_WINDOW_SECONDS = 3_600;
export const CASE_REPLY_TO_WINDOW_SECONDS = 86_400;

// Defined on first use, from the configuration the composition root hands the chat.
const limiters = defineLimiters(() => {
  const { rateLimitStore, rateLimits } = chatEdgeConfig;
  return {
    store: rateLimitStore,
    limits: {
      ip: { keyPrefix: "ip", points: rateLimits.perIpPerMinute, durationSeconds: 60 },
      shop: { keyPrefix: "shop", points: rateLimits.perShopPerMinute, durationSeconds: 60 },
      conversation: { keyPrefix: "conv", points: rateLimits.perConversationPerMinute, durationSeconds: 60 },
      casesByClient: { keyPrefix: "case-client", points: COUNTER_POINTS, durationSeconds: CASE_CLIENT_WINDOW_SECONDS },
      casesByReplyTo: { keyPrefix: "case-reply", points: COUNTER_POINTS, durationSeconds: CASE_REPLY_TO_WINDOW_SECONDS },
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
  for (const [limiter, key] of checks) {
    const verdict = await consumePoint(limiter, key);
    if (verdict.limited) return { ok: false, retryAfterSeconds: verdict.retryAfterSeconds };
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
  const l = await limiters();
  const count = async (limiter: (typeof l)["casesByClient"], key: string | null) => (key ? (await consumePoint(limiter, key)).consumedPoints : 0);
  const [client, replyTo] = await Promise.all([count(l.casesByClient, keys.client), count(l.casesByReplyTo, keys.replyTo)]);
  return { client, replyTo };
}
