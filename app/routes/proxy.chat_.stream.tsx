import type { ActionFunctionArgs } from "@remix-run/node";
import { prepareChatStream, STREAM_HEADERS, streamMethodNotAllowed } from "~/chat/storefront-api.server";
import { fromFetchRequest, toResponse } from "~/platform/http.server";

// `POST /proxy/chat/stream` (README "Streaming"). In production the plain Node handler answers it
// before Remix (app/entry.launcher.server.ts); this route serves the same function under Vite's dev server.
export async function action({ request }: ActionFunctionArgs) {
  const stream = await prepareChatStream(fromFetchRequest(request));
  if (!stream.ok) return toResponse(stream.answer);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      await stream.run((event) => controller.enqueue(encoder.encode(event)));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: STREAM_HEADERS });
}

export function loader() {
  return toResponse(streamMethodNotAllowed());
}
