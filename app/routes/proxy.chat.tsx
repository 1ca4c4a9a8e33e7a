import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { ChatUnavailableError, runChatTurn } from "~/chat/run-chat-turn.server";
import { rateLimited, readChatRequest, shopperAddress, shopUnavailable } from "~/chat/chat-request.server";
import { isWellFormedConversationId } from "~/chat/chat-input.server";
import { ALLOW_HEADER, json, jsonError } from "~/platform/http.server";
import { verifyStorefrontRequest } from "~/chat/storefront-auth.server";
import { loadConversationHistory } from "~/chat/conversation-history.server";

// The storefront chat API (public contract, see README "Storefront chat API").
export async function action({ request }: ActionFunctionArgs) {
  const started = performance.now();
  const response = await handleChatPost(request);
  // Server time for benchmarks and operators (Shopify's proxy passes Server-Timing through).
  response.headers.set("Server-Timing", `app;dur=${(performance.now() - started).toFixed(2)}`);
  return response;
}

async function handleChatPost(request: Request): Promise<Response> {
  const chat = await readChatRequest(request);
  if (!chat.ok) return chat.response;
  try {
    return json(await runChatTurn(chat.deps, chat.input));
  } catch (error) {
    if (error instanceof ChatUnavailableError) return shopUnavailable();
    throw error;
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  // HEAD is answered like GET (without a body); Remix routes OPTIONS here too.
  if (request.method !== "GET" && request.method !== "HEAD") {
    return jsonError(405, "method_not_allowed", "Use GET to read a conversation or POST to send a message.", { Allow: ALLOW_HEADER });
  }
  const auth = await verifyStorefrontRequest(request);
  if (!auth.ok) return auth.response;
  const conversationId = new URL(request.url).searchParams.get("conversationId") ?? "";
  if (!conversationId || conversationId.length > 200) {
    return jsonError(400, "invalid_request", "conversationId is required.");
  }
  if (!auth.shopContext) return shopUnavailable();
  if (!isWellFormedConversationId(conversationId)) return jsonError(404, "not_found", "No such conversation.");
  // History reads count against the same limits as messages (they cost a query each).
  const limited = await rateLimited({ ip: shopperAddress(request), shop: auth.shop, conversationId });
  if (limited) return limited;
  const history = await loadConversationHistory(db(), auth.shop, conversationId, auth.customerId);
  if (!history) return jsonError(404, "not_found", "No such conversation.");
  return json(history);
}
