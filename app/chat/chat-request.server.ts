import { z } from "zod";
import { db } from "~/db.server";
import type { ChatDeps, ChatTurnInput } from "./chat-deps";
import { ALLOW_HEADER, BodyTooLargeError, declaresJson, errorAnswer, type Answer, type ApiRequest } from "../platform/http.server";
import { isWellFormedConversationId, normalizeShopperText } from "./chat-input.server";
import { checkChatRateLimit, countNewCaseAttempt } from "./chat-limits.server";
import { kickOutbox } from "../platform/runtime.server";
import { verifyStorefrontRequest } from "./storefront-auth.server";
import { chatConfig, chatEdgeConfig, shopCatalogueFor, shopLookupsFor } from "~/shopify.server";
import { logger } from "~/platform/logger.server";
import { clientAddress } from "../platform/client-address.server";
import { visitHashOf } from "./visit-proof.server";

// The storefront chat API's request rules (README "Storefront chat API"), shared by the JSON
// route and the streaming one so both answer bad input identically.
const MAX_BODY_BYTES = 16 * 1024;
export const MAX_MESSAGE_CHARS = 2000;

const chatBody = z.object({
  conversationId: z.string().max(200).optional(),
  message: z.string().optional(),
  action: z.literal("talk_to_human").optional(),
  /** The storefront locale (BCP-47, e.g. "es" or "fr-CA"); replies in en, es, fr or de. */
  locale: z
    .string()
    .max(35)
    .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/, "must be a BCP-47 language tag")
    .optional(),
  /** The widget's per-tab visit token (app/widget/visit-session.ts): a proof counts only for the visit that gave it. */
  visit: z
    .string()
    .regex(/^[\w-]{16,64}$/)
    .optional(),
});

export type ChatRequest = { ok: true; deps: ChatDeps; input: ChatTurnInput } | { ok: false; answer: Answer };

/**
 * Verifies the App Proxy signature, reads and validates the JSON body, applies the rate limits,
 * and returns the turn to run — or the error response (4xx JSON, never a 5xx for client input).
 */
export async function readChatRequest(request: ApiRequest): Promise<ChatRequest> {
  if (request.method !== "POST") return fail(errorAnswer(405, "method_not_allowed", "Use POST to send a message.", { Allow: ALLOW_HEADER }));
  const auth = await verifyStorefrontRequest(request.query);
  if (!auth.ok) return fail(auth.answer);
  // JSON only: a plain cross-site HTML form (text/plain, urlencoded, multipart) cannot post here,
  // and browsers preflight a cross-origin application/json request.
  if (!declaresJson(request.header("content-type"))) {
    return fail(errorAnswer(415, "unsupported_media_type", "Send the message as Content-Type: application/json.", { Accept: "application/json" }));
  }

  let raw: string;
  try {
    raw = UTF8.decode(await request.readBody(MAX_BODY_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return fail(errorAnswer(413, "payload_too_large", `The request body must be at most ${MAX_BODY_BYTES} bytes.`));
    return fail(errorAnswer(400, "invalid_request", "The request body could not be read."));
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return fail(errorAnswer(400, "invalid_json", "The request body must be JSON."));
  }
  const parsed = chatBody.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(errorAnswer(400, "invalid_request", `${issue.path.join(".") || "body"}: ${issue.message}`));
  }
  const { action } = parsed.data;
  // A malformed id cannot name a conversation: like an unknown one, it starts a new conversation
  // (and never reaches a query, e.g. a NUL that PostgreSQL would reject).
  const conversationId = parsed.data.conversationId && isWellFormedConversationId(parsed.data.conversationId) ? parsed.data.conversationId : undefined;
  const message = parsed.data.message === undefined ? undefined : normalizeShopperText(parsed.data.message).trim();
  if (message && [...message].length > MAX_MESSAGE_CHARS) {
    return fail(errorAnswer(413, "message_too_long", `A message can be at most ${MAX_MESSAGE_CHARS} characters.`));
  }
  if (!message && !action) return fail(errorAnswer(400, "invalid_request", "Send a non-empty message or an action."));

  const client = shopperAddress(request);
  const limited = await rateLimited({ ip: client, shop: auth.shop, conversationId });
  if (limited) return fail(limited);
  return {
    ok: true,
    deps: chatDeps(auth.shop, auth.accessToken),
    input: {
      shop: auth.shop,
      customerId: auth.customerId,
      conversationId,
      message: message || undefined,
      action,
      locale: parsed.data.locale,
      clientAddress: client,
      shopContext: auth.shopContext,
      visit: visitHashOf(chatConfig.appSecret, parsed.data.visit),
    },
  };
}

/** The shopper's address from X-Forwarded-For by TRUSTED_PROXY_HOPS; null when none is usable. */
export function shopperAddress(request: ApiRequest): string | null {
  return clientAddress(request.header("x-forwarded-for") ?? null, chatEdgeConfig.trustedProxyHops);
}

/** The storefront rate limits (per address when known, per shop, per conversation), or null. */
export async function rateLimited(keys: { ip: string | null; shop: string; conversationId?: string }): Promise<Answer | null> {
  const limit = await checkChatRateLimit(keys);
  if (limit.ok) return null;
  return errorAnswer(429, "rate_limited", "Too many messages; please wait a moment.", { "Retry-After": String(limit.retryAfterSeconds) });
}

/** The answer when the shop has no chat (not installed, uninstalled). */
export function shopUnavailable(): Answer {
  return errorAnswer(404, "shop_unavailable", "Chat is not available for this store.");
}

function fail(answer: Answer): ChatRequest {
  return { ok: false, answer };
}

// Invalid UTF-8 becomes U+FFFD (as before: the text is normalized, never refused for its bytes).
const UTF8 = new TextDecoder("utf-8", { fatal: false });

function chatDeps(shop: string, accessToken: string | undefined): ChatDeps {
  const lookup = shopLookupsFor(shop, accessToken);
  return {
    db: db(),
    lookup,
    policies: lookup,
    catalogue: shopCatalogueFor(shop, accessToken),
    now: () => new Date(),
    kickOutbox,
    config: chatConfig,
    log: chatLog,
    caseAttempts: countNewCaseAttempt,
  };
}

const chatLog = logger.child({ capability: "chat" });
