import type { IncomingMessage, ServerResponse } from "node:http";
import { jsonAnswer, type ApiRequest } from "~/platform/http.server";
import type { LogSink } from "~/platform/logger.server";
import { nodeApiRequest, writeAnswer } from "~/platform/node-api.server";
import { takeTurn } from "~/platform/turn-taking.server";
import { PHOTO_MAX_BYTES } from "./photo-image.server";
import { answerPhotoUpload, photoHeaders, viewOwnPhoto } from "./photo-route.server";

export const PHOTOS_PATH = "/proxy/chat/photos";

/**
 * `/proxy/chat/photos` on the plain Node transport (beside the chat's routes, before Express and
 * Remix). Its own body limit (10 MB) instead of the transport's 1 MB for JSON routes; otherwise the
 * same rules: GET, HEAD and POST only, a declared oversize body refused unread with the connection
 * closed, one request started per event-loop turn.
 */
export function servePhotos(log: LogSink): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    if ((q < 0 ? url : url.slice(0, q)) !== PHOTOS_PATH) return false;
    const request = nodeApiRequest(req, q < 0 ? "" : url.slice(q + 1));
    void handle(req, res, request).catch((error: unknown) => {
      log.error({ err: error, method: req.method, path: PHOTOS_PATH }, "request failed");
      if (res.headersSent) res.destroy();
      else writeAnswer(req, res, jsonAnswer(500, { error: { code: "internal", message: "Something went wrong; please try again." } }));
    });
    return true;
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, request: ApiRequest): Promise<void> {
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "HEAD" && method !== "POST") {
    writeAnswer(req, res, jsonAnswer(405, { error: { code: "method_not_allowed", message: "Use GET or POST." } }, { Allow: "GET, HEAD, POST" }));
    return;
  }
  const declared = Number(req.headers["content-length"]);
  if (method === "POST" && Number.isFinite(declared) && declared > PHOTO_MAX_BYTES) {
    const message = `A photo can be at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB.`;
    writeAnswer(req, res, jsonAnswer(413, { error: { code: "photo_too_large", message } }));
    return;
  }
  await takeTurn();
  if (method === "POST") {
    writeAnswer(req, res, await answerPhotoUpload(request));
    return;
  }
  const view = await viewOwnPhoto(request);
  if (!view.ok) {
    writeAnswer(req, res, view.answer);
    return;
  }
  res.writeHead(200, photoHeaders(view.body.length, "photo.jpg"));
  res.end(method === "HEAD" ? undefined : view.body);
}
