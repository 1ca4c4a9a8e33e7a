import type { IncomingMessage, ServerResponse } from "node:http";
import { db } from "~/db.server";
import { ALLOW_HEADER, errorAnswer, jsonAnswer, type Answer, type ApiRequest } from "../platform/http.server";
import { logger } from "../platform/logger.server";
import { plainRoutes, type PlainRoute } from "../platform/node-api.server";
import { rateLimited, readChatRequest, shopperAddress, shopUnavailable } from "./chat-request.server";
import { isWellFormedConversationId } from "./chat-input.server";
import { loadConversationHistory, loadLatestOrder } from "./conversation-history.server";
import { shopLookupsFor } from "~/shopify.server";
import { latestOrderOf } from "~/shopify/order-lookup.server";
import { ChatUnavailableError, runChatTurn } from "./run-chat-turn.server";
import { verifyStorefrontRequest } from "./storefront-auth.server";
import { servePhotos } from "./photos/photo-transport.server";

/**
 * The storefront chat API (README "Storefront chat API"), independent of the transport: the plain
 * Node handler serves it in production (app/entry.launcher.server.ts → app/cli/launch-server.ts), the Remix
 * routes (app/routes/proxy.*) under Vite's dev server. Both answer exactly the same.
 */
const log = logger.child({ capability: "chat" });

/** `POST /proxy/chat`: one turn, answered as JSON (with the server time for benchmarks and operators). */
export async function answerChatPost(request: ApiRequest): Promise<Answer> {
  const started = performance.now();
  const answer = await chatPost(request);
  // Shopify's proxy passes Server-Timing through.
  answer.headers["Server-Timing"] = `app;dur=${(performance.now() - started).toFixed(2)}`;
  return answer;
}

async function chatPost(request: ApiRequest): Promise<Answer> {
  const chat = await readChatRequest(request);
  if (!chat.ok) return chat.answer;
  try {
    return jsonAnswer(200, await runChatTurn(chat.deps, chat.input));
  } catch (error) {
    if (error instanceof ChatUnavailableError) return shopUnavailable();
    throw error;
  }
}

/** `GET /proxy/chat?conversationId=…` (HEAD alike): the conversation's history for the widget. */
export async function answerChatHistory(request: ApiRequest): Promise<Answer> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return errorAnswer(405, "method_not_allowed", "Use GET to read a conversation or POST to send a message.", { Allow: ALLOW_HEADER });
  }
  const auth = await verifyStorefrontRequest(request.query);
  if (!auth.ok) return auth.answer;
  const conversationId = request.query.get("conversationId") ?? "";
  // No conversation: the empty chat asks for the signed-in shopper's latest order (decision 0071).
  if (!conversationId) {
    if (!auth.shopContext) return shopUnavailable();
    const limited = await rateLimited({ ip: shopperAddress(request), shop: auth.shop });
    if (limited) return limited;
    const latest = latestOrderOf(auth.shop, shopLookupsFor(auth.shop, auth.accessToken));
    return jsonAnswer(200, await loadLatestOrder(auth.customerId, request.query.get("locale"), latest));
  }
  if (conversationId.length > 200) return errorAnswer(400, "invalid_request", "conversationId is too long.");
  if (!auth.shopContext) return shopUnavailable();
  if (!isWellFormedConversationId(conversationId)) return errorAnswer(404, "not_found", "No such conversation.");
  // History reads count against the same limits as messages (they cost a query each).
  const limited = await rateLimited({ ip: shopperAddress(request), shop: auth.shop, conversationId });
  if (limited) return limited;
  const history = await loadConversationHistory(db(), auth.shop, conversationId, auth.customerId);
  if (!history) return errorAnswer(404, "not_found", "No such conversation.");
  return jsonAnswer(200, history);
}

/** The answer to anything but POST on `/proxy/chat/stream`. */
export function streamMethodNotAllowed(): Answer {
  return errorAnswer(405, "method_not_allowed", "Use POST to send a message.", { Allow: "POST" });
}

export const STREAM_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  // Ask proxies that honour it (nginx and friends) not to buffer the events.
  "X-Accel-Buffering": "no",
});

/** A prepared `POST /proxy/chat/stream`: the JSON error to answer, or the events to write after a 200. */
export type ChatStream = { ok: false; answer: Answer } | { ok: true; run(write: (event: string) => void): Promise<void> };

/**
 * `POST /proxy/chat/stream` — the same turn as `POST /proxy/chat`, answered as server-sent events
 * (README "Streaming"): `delta` events carry vetted pieces of a model reply as they arrive, then one
 * `done` event carries exactly the JSON body `POST /proxy/chat` would have returned. Request errors
 * are the same JSON errors with the same statuses, before any event is sent.
 */
export async function prepareChatStream(request: ApiRequest): Promise<ChatStream> {
  if (request.method !== "POST") return { ok: false, answer: streamMethodNotAllowed() };
  const chat = await readChatRequest(request);
  if (!chat.ok) return chat;
  // Answer "no chat here" with its status, not inside a stream that already said 200.
  if (!chat.input.shopContext) return { ok: false, answer: shopUnavailable() };
  return {
    ok: true,
    async run(write) {
      let open = true;
      const send = (event: string, data: unknown) => {
        if (open) write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      try {
        send("done", await runChatTurn(chat.deps, { ...chat.input, onDelta: (text) => send("delta", { text }) }));
      } catch (error) {
        const unavailable = error instanceof ChatUnavailableError;
        if (!unavailable) log.error({ err: error }, "streamed turn failed");
        send(
          "error",
          unavailable
            ? { error: { code: "shop_unavailable", message: "Chat is not available for this store." } }
            : { error: { code: "internal_error", message: "Something went wrong; please send your message again." } },
        );
      } finally {
        open = false;
      }
    },
  };
}

/** `POST /proxy/chat/stream` on the plain Node transport: the 200 and its headers at once, then each event as it comes. */
const streamRoute: PlainRoute = async (request, res) => {
  const stream = await prepareChatStream(request);
  if (!stream.ok) return stream.answer;
  res.writeHead(200, STREAM_HEADERS);
  await stream.run((event) => {
    if (!res.destroyed) res.write(event);
  });
  res.end();
  return null;
};

const serveChat = plainRoutes(
  {
    "/proxy/chat": (request) => (request.method === "POST" ? answerChatPost(request) : answerChatHistory(request)),
    "/proxy/chat/stream": streamRoute,
  },
  log,
);

/** Photos have a body limit of their own (10 MB, not the JSON routes' 1 MB): app/chat/photos/photo-transport.server.ts. */
const servePhotoRoute = servePhotos(log);

/** The storefront API's plain Node handler (mounted before Remix by app/cli/launch-server.ts through the server build). */
export const serveStorefrontApi = (req: IncomingMessage, res: ServerResponse): boolean => servePhotoRoute(req, res) || serveChat(req, res);
