/** JSON responses and bounded body reading shared by the API routes. */

/**
 * The only methods any route serves (README "Storefront chat API": every other method is the JSON
 * 405 with this `Allow`, on every path).
 */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;
export const ALLOW_HEADER = ALLOWED_METHODS.join(", ");

/** Every body is refused past this (routes have smaller limits of their own: 16 KB for chat). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

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
  | "unsupported_media_type"
  | "internal";

/**
 * An API answer as plain data, written by either transport: the plain Node handler that serves the
 * storefront API before Remix (app/platform/node-api.server.ts), or a Remix route (`toResponse`).
 */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request as the storefront API reads it, whichever transport received it. */
export interface ApiRequest {
  method: string;
  /** The query string's parameters (the App Proxy's signed ones among them). */
  query: URLSearchParams;
  /** A request header (lower-case name); repeated headers joined with ", " as Node and fetch do. */
  header(name: string): string | undefined;
  /** At most `maxBytes` of the body (chunked bodies counted as they arrive), or BodyTooLargeError; see readBodyBytes. */
  readBody(maxBytes: number): Promise<Buffer>;
}

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } as const;

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { ...headers, ...JSON_HEADERS }, body: JSON.stringify(body) };
}

export function errorAnswer(status: number, code: ErrorCode, message: string, headers?: Record<string, string>): Answer {
  return jsonAnswer(status, { error: { code, message } }, headers);
}

/** An Answer as the Fetch API Response a Remix route returns. */
export function toResponse(answer: Answer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** A Remix route's Fetch API Request as an ApiRequest. */
export function fromFetchRequest(request: Request): ApiRequest {
  return {
    method: request.method,
    query: new URL(request.url).searchParams,
    header: (name) => request.headers.get(name) ?? undefined,
    readBody: (maxBytes) => readBodyBytes(request, maxBytes),
  };
}

/** True when the request declares a JSON body (`application/json`, any parameters). */
export function declaresJson(contentType: string | undefined): boolean {
  return contentType?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

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

/**
 * Reads at most `maxBytes` of the body (trusting no Content-Length, so chunked bodies are counted
 * as they stream), as bytes. Past the limit it stops reading and throws: the rest stays unread on
 * the socket, and the transport closes the connection after the 413 (app/cli/http-guards.ts) —
 * cancelling the stream here would destroy the socket before the answer is written.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) throw new BodyTooLargeError();
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Runs `authenticate.webhook`, passing its own responses through (401 bad or missing HMAC, 405
 * wrong method, 400 other missing headers) and turning a body that is not JSON — which it would throw as a bare
 * SyntaxError, i.e. a 500 — into a 400.
 */
export async function authenticateWebhookOr400<T>(request: Request, authenticate: (request: Request) => Promise<T>): Promise<T | Response> {
  let bounded: Request;
  try {
    // The library reads the whole body; read it here within a limit (chunked bodies included).
    const body = request.method === "POST" ? await readBodyBytes(request, MAX_WEBHOOK_BYTES) : null;
    bounded = new Request(request.url, { method: request.method, headers: request.headers, body: body ? new Uint8Array(body) : null });
  } catch (error) {
    if (error instanceof BodyTooLargeError) return new Response(null, { status: 413 });
    return new Response(null, { status: 400 });
  }
  try {
    return await authenticate(bounded);
  } catch (thrown) {
    // Shopify's rule is 401 for a bad HMAC; a delivery without one is treated the same.
    if (thrown instanceof Response)
      return thrown.status === 400 && !request.headers.get("x-shopify-hmac-sha256") ? new Response(null, { status: 401 }) : thrown;
    if (thrown instanceof SyntaxError) return new Response(null, { status: 400 });
    throw thrown;
  }
}

/** Shopify's webhook payloads are a few KB; the largest (orders) stay far below this. */
const MAX_WEBHOOK_BYTES = 512 * 1024;

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
  let body: Buffer;
  try {
    body = await readBodyBytes(request, MAX_FORM_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw jsonError(413, "payload_too_large", `The form must be at most ${MAX_FORM_BYTES} bytes.`);
    throw jsonError(400, "invalid_request", "The request body could not be read.");
  }
  try {
    return await new Request(request.url, { method: "POST", headers: request.headers, body: new Uint8Array(body) }).formData();
  } catch {
    throw jsonError(400, "invalid_request", "Send the form as application/x-www-form-urlencoded or multipart/form-data.");
  }
}
