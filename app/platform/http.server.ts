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
  // An IPv4/IPv6 literal (optionally bracketed, with a port or zone); anything else is one bucket.
  return forwarded && forwarded.length <= 64 && /^[0-9A-Fa-f:.[\]%]+$/.test(forwarded) ? forwarded.toLowerCase() : "unknown";
}

/**
 * Runs `authenticate.webhook`, passing its own responses through (401 bad or missing HMAC, 405
 * wrong method, 400 other missing headers) and turning a body that is not JSON — which it would throw as a bare
 * SyntaxError, i.e. a 500 — into a 400.
 */
export async function authenticateWebhookOr400<T>(request: Request, authenticate: (request: Request) => Promise<T>): Promise<T | Response> {
  try {
    return await authenticate(request);
  } catch (thrown) {
    // Shopify's rule is 401 for a bad HMAC; a delivery without one is treated the same.
    if (thrown instanceof Response) return thrown.status === 400 && !request.headers.get("x-shopify-hmac-sha256") ? new Response(null, { status: 401 }) : thrown;
    if (thrown instanceof SyntaxError) return new Response(null, { status: 400 });
    throw thrown;
  }
}

// C0/C1 controls except tab and newline (CR is folded into LF), and the bidi embedding/override/
// isolate controls that can make text read differently than it is stored (CVE-2021-42574).
const UNSAFE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shopper text as stored: well-formed UTF-16 (a lone surrogate becomes U+FFFD, which is what
 * UTF-8 storage would do anyway, but now the length check sees it), CRLF/CR → LF, control and bidi
 * override characters removed. Emoji, ZWJ sequences and right-to-left scripts are untouched.
 */
export function normalizeShopperText(value: string): string {
  return toWellFormed(value).replace(/\r\n?/g, "\n").replace(UNSAFE_TEXT, "");
}

function toWellFormed(value: string): string {
  const native = (value as { toWellFormed?: () => string }).toWellFormed;
  if (native) return native.call(value);
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/** Conversation ids are base64url (see README); anything else cannot name a conversation. */
export function isWellFormedConversationId(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,200}$/.test(value);
}

const MAX_FORM_BYTES = 256 * 1024;

/**
 * The form data of an admin action, or a thrown 400/413 JSON response for a body that is not a
 * form (JSON, text, broken multipart) — never a 500 for client input.
 */
export async function readForm(request: Request): Promise<FormData> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_FORM_BYTES) {
    throw jsonError(413, "payload_too_large", `The form must be at most ${MAX_FORM_BYTES} bytes.`);
  }
  try {
    return await request.formData();
  } catch {
    throw jsonError(400, "invalid_request", "Send the form as application/x-www-form-urlencoded or multipart/form-data.");
  }
}
