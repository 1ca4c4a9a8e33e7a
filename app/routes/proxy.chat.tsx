import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { db } from "~/db.server";
import { kickOutbox } from "~/services/runtime.server";
import { ChatUnavailableError, runChatTurn } from "~/services/conversation-runner.server";
import {
  BodyTooLargeError,
  clientIp,
  isWellFormedConversationId,
  json,
  jsonError,
  normalizeShopperText,
  readBodyText,
} from "~/services/http.server";
import { orderLookupFor } from "~/services/order-lookup.server";
import { verifyStorefrontRequest } from "~/services/storefront-auth.server";
import { checkChatRateLimit } from "~/services/rate-limit.server";
import { loadConversationHistory } from "~/services/conversation-history.server";
import { loadShopContext } from "~/services/shop-context.server";

// The storefront chat API (public contract, see README "Storefront chat API").
const MAX_BODY_BYTES = 16 * 1024;
export const MAX_MESSAGE_CHARS = 2000;

const chatBody = z.object({
  conversationId: z.string().max(200).optional(),
  message: z.string().optional(),
  action: z.literal("talk_to_human").optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const started = performance.now();
  const response = await handleChatPost(request);
  // Server time for benchmarks and operators (Shopify's proxy passes Server-Timing through).
  response.headers.set("Server-Timing", `app;dur=${(performance.now() - started).toFixed(2)}`);
  return response;
}

async function handleChatPost(request: Request): Promise<Response> {
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use POST to send a message.", { Allow: "GET, POST" });
  const auth = await verifyStorefrontRequest(request);
  if (!auth.ok) return auth.response;

  let raw: string;
  try {
    raw = await readBodyText(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return jsonError(413, "payload_too_large", `The request body must be at most ${MAX_BODY_BYTES} bytes.`);
    return jsonError(400, "invalid_request", "The request body could not be read.");
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return jsonError(400, "invalid_json", "The request body must be JSON.");
  }
  const parsed = chatBody.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return jsonError(400, "invalid_request", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const { action: chatAction } = parsed.data;
  // A malformed id cannot name a conversation: like an unknown one, it starts a new conversation
  // (and never reaches a query, e.g. a NUL that PostgreSQL would reject).
  const conversationId = parsed.data.conversationId && isWellFormedConversationId(parsed.data.conversationId) ? parsed.data.conversationId : undefined;
  const message = parsed.data.message === undefined ? undefined : normalizeShopperText(parsed.data.message).trim();
  if (message && [...message].length > MAX_MESSAGE_CHARS) {
    return jsonError(413, "message_too_long", `A message can be at most ${MAX_MESSAGE_CHARS} characters.`);
  }
  if (!message && !chatAction) return jsonError(400, "invalid_request", "Send a non-empty message or an action.");

  const limit = await checkChatRateLimit({ ip: clientIp(request), shop: auth.shop, conversationId });
  if (!limit.ok) {
    return jsonError(429, "rate_limited", "Too many messages; please wait a moment.", { "Retry-After": String(limit.retryAfterSeconds) });
  }

  try {
    const out = await runChatTurn(
      {
        db: db(),
        lookup: orderLookupFor(auth.shop, auth.accessToken),
        now: () => new Date(),
        kickOutbox,
      },
      { shop: auth.shop, customerId: auth.customerId, conversationId, message: message || undefined, action: chatAction },
    );
    return json(out);
  } catch (error) {
    if (error instanceof ChatUnavailableError) return jsonError(404, "shop_unavailable", "Chat is not available for this store.");
    throw error;
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  // HEAD is answered like GET (without a body); Remix routes OPTIONS here too.
  if (request.method !== "GET" && request.method !== "HEAD") {
    return jsonError(405, "method_not_allowed", "Use GET to read a conversation or POST to send a message.", { Allow: "GET, POST" });
  }
  const auth = await verifyStorefrontRequest(request);
  if (!auth.ok) return auth.response;
  const conversationId = new URL(request.url).searchParams.get("conversationId") ?? "";
  if (!conversationId || conversationId.length > 200) {
    return jsonError(400, "invalid_request", "conversationId is required.");
  }
  if (!(await loadShopContext(db(), auth.shop))) return jsonError(404, "shop_unavailable", "Chat is not available for this store.");
  if (!isWellFormedConversationId(conversationId)) return jsonError(404, "not_found", "No such conversation.");
  const history = await loadConversationHistory(db(), auth.shop, conversationId);
  if (!history) return jsonError(404, "not_found", "No such conversation.");
  return json(history);
}
