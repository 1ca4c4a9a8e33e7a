import type { ChatState } from "./types";

// Client for the App Proxy chat endpoint (same origin: `/apps/baton/chat`, signed by Shopify on the way).

export type ChatErrorKind = "network" | "rate" | "too_long" | "expired" | "server";
export interface ChatError {
  kind: ChatErrorKind;
  /** seconds, for `rate` */
  retryAfter?: number;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: ChatError };

export interface ChatMessage {
  role: "shopper" | "assistant";
  text: string;
}
export interface ChatReply {
  conversationId: string;
  state: ChatState;
  messages: ChatMessage[];
  replyTo?: string;
}
export interface ChatRequest {
  conversationId?: string;
  message?: string;
  action?: "talk_to_human";
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const STATES: ChatState[] = ["open", "awaiting_email", "escalated", "closed"];

/** Seconds to wait from a Retry-After header (delta-seconds or HTTP date), clamped to 1–300, default 5. */
export function parseRetryAfter(header: string | null, now = Date.now()): number {
  if (!header) return 5;
  const secs = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - now) / 1000;
  return Number.isFinite(secs) ? Math.min(300, Math.max(1, Math.ceil(secs))) : 5;
}

/**
 * Maps an HTTP status to what the shopper is told; 400/401 and 5xx are all "something went wrong".
 * A 404 means "conversation expired" only when we named one (otherwise the shop has no chat).
 */
export function classifyStatus(status: number, namedConversation = true): ChatErrorKind {
  return status === 429 ? "rate" : status === 413 ? "too_long" : status === 404 && namedConversation ? "expired" : "server";
}

/** Accepts a reply only if it has the documented shape; unknown roles and states are dropped or defaulted. */
export function readReply(body: unknown): ChatReply | null {
  const b = body as Partial<ChatReply> | null;
  if (!b || typeof b.conversationId !== "string" || !b.conversationId || !Array.isArray(b.messages)) return null;
  return {
    conversationId: b.conversationId,
    state: STATES.includes(b.state as ChatState) ? (b.state as ChatState) : "open",
    messages: b.messages
      .filter((m) => m && typeof m.text === "string")
      .map((m) => ({ role: m.role === "shopper" ? "shopper" : "assistant", text: m.text })),
    replyTo: typeof b.replyTo === "string" && b.replyTo ? b.replyTo : undefined,
  };
}

async function call(f: Fetch, url: string, init: RequestInit, timeoutMs: number, named: boolean): Promise<Result<ChatReply>> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  let res: Response;
  try {
    res = await f(url, { ...init, credentials: "same-origin", signal: abort.signal });
  } catch {
    // Offline, DNS, connection reset, or our own timeout: all "couldn't reach the chat".
    clearTimeout(timer);
    return { ok: false, error: { kind: "network" } };
  }
  try {
    if (!res.ok) {
      const kind = classifyStatus(res.status, named);
      return { ok: false, error: kind === "rate" ? { kind, retryAfter: parseRetryAfter(res.headers.get("retry-after")) } : { kind } };
    }
    const data = readReply(await res.json().catch(() => null));
    return data ? { ok: true, data } : { ok: false, error: { kind: "server" } };
  } finally {
    clearTimeout(timer);
  }
}

/** One turn: the shopper's message or action in, the assistant's new messages out. */
export function postChat(proxy: string, body: ChatRequest, f: Fetch = fetch, timeoutMs = 45_000) {
  return call(
    f,
    proxy + "/chat",
    { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) },
    timeoutMs,
    !!body.conversationId,
  );
}

/** The whole conversation, to restore the panel after a reload or navigation. */
export function getChat(proxy: string, conversationId: string, f: Fetch = fetch, timeoutMs = 20_000) {
  return call(f, proxy + "/chat?conversationId=" + encodeURIComponent(conversationId), { headers: { accept: "application/json" } }, timeoutMs, true);
}
