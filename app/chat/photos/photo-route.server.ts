import { db } from "~/db.server";
import { chatConfig, chatEdgeConfig } from "~/shopify.server";
import { BodyTooLargeError, jsonAnswer, type Answer, type ApiRequest } from "~/platform/http.server";
import { consumePoint, defineLimiters } from "~/platform/rate-limit.server";
import { kickOutbox } from "~/platform/runtime.server";
import { logger } from "~/platform/logger.server";
import { rateLimited, shopperAddress, shopUnavailable } from "../chat-request.server";
import { isWellFormedConversationId } from "../chat-input.server";
import { verifyStorefrontRequest } from "../storefront-auth.server";
import { PHOTO_MAX_BYTES, processPhoto } from "./photo-image.server";
import { findOwnPhoto, findPhotoConversation, MAX_PHOTOS_PER_CONVERSATION, storePhoto } from "./photo-store.server";

/**
 * `POST /proxy/chat/photos?conversationId=…` (one photo, the raw image as the body) and
 * `GET /proxy/chat/photos?conversationId=…&id=…[&size=thumb]` (the shopper's own photo back), README
 * "Photos". The same App Proxy signature, rate limits and conversation ownership as the chat routes
 * (storefront-auth, chat-request), then the photo's own rules: an image content type (a plain HTML
 * form cannot send one, and a cross-origin fetch with it is preflighted), at most 10 MB read, a
 * conversation that exists and is the requester's, per-address and per-conversation caps, and a
 * content check with re-encoding (photo-image.server.ts). Client mistakes are JSON 4xx, never a 500.
 */
const log = logger.child({ capability: "chat", component: "photos" });

/** Content types the upload may declare; the content itself is checked, whatever this says. */
const UPLOAD_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "application/octet-stream"]);
export const PHOTOS_PER_ADDRESS_PER_HOUR = 30;

const photoLimiters = defineLimiters(() => ({
  store: chatEdgeConfig.rateLimitStore,
  limits: { address: { keyPrefix: "photo-ip", points: PHOTOS_PER_ADDRESS_PER_HOUR, durationSeconds: 3_600 } },
}));

export type PhotoErrorCode =
  | "invalid_signature"
  | "invalid_request"
  | "method_not_allowed"
  | "unsupported_media_type"
  | "photo_too_large"
  | "unsupported_image"
  | "invalid_image"
  | "image_too_large"
  | "too_many_photos"
  | "rate_limited"
  | "not_found"
  | "shop_unavailable";

function photoError(status: number, code: PhotoErrorCode, message: string, headers: Record<string, string> = {}): Answer {
  return jsonAnswer(status, { error: { code, message } }, headers);
}

export async function answerPhotoUpload(request: ApiRequest): Promise<Answer> {
  if (request.method !== "POST") return photoError(405, "method_not_allowed", "Use POST to send a photo.", { Allow: "GET, HEAD, POST" });
  const auth = await verifyStorefrontRequest(request.query);
  if (!auth.ok) return auth.answer;
  const declared = request.header("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!UPLOAD_TYPES.has(declared)) {
    return photoError(415, "unsupported_media_type", "Send the photo itself as the body, with an image Content-Type (JPEG, PNG, WebP or HEIC).", {
      Accept: "image/jpeg, image/png, image/webp, image/heic",
    });
  }
  const conversationId = request.query.get("conversationId") ?? "";
  if (!isWellFormedConversationId(conversationId)) return photoError(400, "invalid_request", "conversationId is required.");
  if (!auth.shopContext) return shopUnavailable();
  const client = shopperAddress(request);
  const limited = await rateLimited({ ip: client, shop: auth.shop, conversationId });
  if (limited) return limited;
  if (client) {
    const verdict = await consumePoint((await photoLimiters()).address, `${auth.shop}|${client}`);
    if (verdict.limited) {
      return photoError(429, "rate_limited", "Too many photos from this connection; please wait.", { "Retry-After": String(verdict.retryAfterSeconds) });
    }
  }
  const conversation = await findPhotoConversation(db(), auth.shop, conversationId, auth.customerId);
  if (!conversation) return photoError(404, "not_found", "No such conversation.");
  if (conversation.photoCount >= MAX_PHOTOS_PER_CONVERSATION) {
    return photoError(422, "too_many_photos", `A conversation can hold at most ${MAX_PHOTOS_PER_CONVERSATION} photos.`);
  }

  let bytes: Buffer;
  try {
    bytes = await request.readBody(PHOTO_MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return photoError(413, "photo_too_large", `A photo can be at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB.`, { Connection: "close" });
    }
    return photoError(400, "invalid_request", "The photo could not be read.");
  }
  const processed = await processPhoto(bytes);
  if (!processed.ok) {
    log.info({ shop: auth.shop, code: processed.code, detail: processed.detail, bytes: bytes.length }, "photo refused");
    const status = processed.code === "image_too_large" ? 413 : processed.code === "unsupported_image" ? 415 : 422;
    return photoError(status, processed.code, REFUSALS[processed.code]);
  }
  const { stored, followUpQueued } = await storePhoto(db(), {
    shop: auth.shopContext,
    conversation,
    photo: processed,
    now: new Date(),
    followUpBatchMs: chatConfig.followUpBatchMs,
  });
  if (followUpQueued) kickOutbox();
  return jsonAnswer(200, {
    conversationId,
    message: { role: "shopper", text: stored.text, photo: { id: stored.id, width: stored.width, height: stored.height }, at: stored.at },
  });
}

const REFUSALS = {
  unsupported_image: "This file is not a JPEG, PNG, WebP or HEIC image.",
  image_too_large: "This image has too many pixels (at most 50 megapixels).",
  invalid_image: "This image is damaged, or holds more than one image.",
} as const;

/** The bytes of a shopper's own photo (JPEG), or a JSON error. */
export type PhotoView = { ok: true; body: Buffer } | { ok: false; answer: Answer };

export async function viewOwnPhoto(request: ApiRequest): Promise<PhotoView> {
  const fail = (answer: Answer): PhotoView => ({ ok: false, answer });
  const auth = await verifyStorefrontRequest(request.query);
  if (!auth.ok) return fail(auth.answer);
  const conversationId = request.query.get("conversationId") ?? "";
  const id = request.query.get("id") ?? "";
  if (!isWellFormedConversationId(conversationId) || !/^[A-Za-z0-9_-]{10,40}$/.test(id)) {
    return fail(photoError(400, "invalid_request", "conversationId and id are required."));
  }
  if (!auth.shopContext) return fail(shopUnavailable());
  // Images of a history count against the address and shop limits, not the conversation's messages.
  const limited = await rateLimited({ ip: shopperAddress(request), shop: auth.shop });
  if (limited) return fail(limited);
  const size = request.query.get("size") === "thumb" ? "thumb" : "full";
  const body = await findOwnPhoto(db(), auth.shop, conversationId, auth.customerId, id, size);
  return body ? { ok: true, body } : fail(photoError(404, "not_found", "No such photo."));
}

/**
 * Headers of a stored photo wherever it is served: always the JPEG we encoded, never sniffed as
 * anything else, no active content even if opened as a page, private to the browser.
 */
export function photoHeaders(length: number, fileName: string): Record<string, string> {
  return {
    "Content-Type": "image/jpeg",
    "Content-Length": String(length),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    "Content-Disposition": `inline; filename="${fileName}"`,
    "Cache-Control": "private, max-age=3600",
    "Cross-Origin-Resource-Policy": "same-site",
  };
}
