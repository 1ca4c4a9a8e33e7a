import type { ActionFunctionArgs } from "@remix-run/node";
import { readChatRequest, shopUnavailable } from "~/chat/chat-request.server";
import { ChatUnavailableError, runChatTurn } from "~/chat/run-chat-turn.server";
import { jsonError } from "~/platform/http.server";
import { logger } from "~/platform/logger.server";

const log = logger.child({ capability: "chat" });

/**
 * `POST /proxy/chat/stream` — the same turn as `POST /proxy/chat`, answered as server-sent events
 * (README "Streaming"): `delta` events carry vetted pieces of a model reply as they arrive, then
 * one `done` event carries exactly the JSON body `POST /proxy/chat` would have returned. Request
 * errors are the same JSON errors with the same statuses, before any event is sent.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return loader();
  const chat = await readChatRequest(request);
  if (!chat.ok) return chat.response;
  // Answer "no chat here" with its status, not inside a stream that already said 200.
  if (!chat.input.shopContext) return shopUnavailable();

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (event: string, data: unknown) => {
        if (open) controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      };
      try {
        const out = await runChatTurn(chat.deps, { ...chat.input, onDelta: (text) => send("delta", { text }) });
        send("done", out);
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
        controller.close();
      }
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      // Ask proxies that honour it (nginx and friends) not to buffer the events.
      "X-Accel-Buffering": "no",
    },
  });
}

export function loader() {
  return jsonError(405, "method_not_allowed", "Use POST to send a message.", { Allow: "POST" });
}
