/** JSON responses and bounded body reading shared by the API routes. */

export type ErrorCode =
  | "invalid_signature"
  | "invalid_json"
  | "invalid_request"
  | "payload_too_large"
  | "message_too_long"
  | "rate_limited"
  | "not_found"
  | "shop_unavailable"
  | "method_not_allowed"
  | "internal";

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  headers.set("X-Content-Type-Options", "nosniff");
  return new Response(JSON.stringify(body), { ...init, headers });
}

export function jsonError(status: number, code: ErrorCode, message: string, headers?: HeadersInit): Response {
  return json({ error: { code, message } }, { status, headers });
}

export class BodyTooLargeError extends Error {}

/** Reads at most `maxBytes` of the body (trusting no Content-Length), as UTF-8 text. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/** The shopper's IP as forwarded by Shopify's App Proxy (first X-Forwarded-For hop). */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded && forwarded.length <= 64 ? forwarded : "unknown";
}
