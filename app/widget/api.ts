import type { ReplyPart } from "../domain/conversation/reply-parts";
import type { ChatState } from "./types";
import { visitToken } from "./visit-session";

// Client for the App Proxy chat endpoint (same origin: `/apps/baton/chat`, signed by Shopify on the way).

export type ChatErrorKind = "network" | "rate" | "too_long" | "expired" | "server";
export interface ChatError {
  kind: ChatErrorKind;
  /** seconds, for `rate` */
  retryAfter?: number;
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: ChatError };

export interface ChatMessage {
  /** "team": a reply the merchant's team wrote (history only), shown with `author`. */
  role: "shopper" | "assistant" | "team";
  text: string;
  /** ISO time the message was written (history; the widget stamps live messages itself). */
  at?: string;
  /** The team member's name on a team message. */
  author?: string;
  /** A photo the shopper attached (history): its id and size. */
  photo?: { id: string; width: number; height: number };
  /** Typed extras beside the complete text (order card, quick actions); see reply-parts.ts. */
  parts?: ReplyPart[];
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
  /** the storefront locale (BCP-47), so the server answers in the shopper's language */
  locale?: string;
  /** this tab's visit token (visit-session.ts); set by the calls below */
  visit?: string;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const STATES: ChatState[] = ["open", "awaiting_email", "escalated", "closed"];
const ROLES: ChatMessage["role"][] = ["shopper", "assistant", "team"];

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
    // A role this widget does not know (a newer server) is skipped; a turn's messages carry none and are the assistant's.
    messages: b.messages
      .filter((m) => m && typeof m.text === "string" && (m.role === undefined || ROLES.includes(m.role)))
      .map((m) => ({
        role: m.role ?? "assistant",
        text: m.text,
        parts: m.parts,
        ...(typeof m.at === "string" && !isNaN(Date.parse(m.at)) ? { at: m.at } : {}),
        ...(m.role === "team" && typeof m.author === "string" && m.author.trim() ? { author: m.author.trim() } : {}),
        // A photo the shopper attached (README "Photos"): shown by photo-button.ts.
        ...(m.role === "shopper" && typeof m.photo?.id === "string" ? { photo: m.photo } : {}),
      })),
    replyTo: typeof b.replyTo === "string" && b.replyTo ? b.replyTo : undefined,
  };
}

/** Streamed pieces of the reply as they arrive (see `streamChat`). */
export type OnDelta = (text: string) => void;

/**
 * Reads server-sent events: `delta` pieces go to `onDelta`, `done` carries the reply (the same body
 * `POST /chat` answers). A body that arrives all at once (a buffering proxy) parses the same way.
 */
export async function readEvents(res: Response, onDelta: OnDelta): Promise<Result<ChatReply>> {
  // Every supported browser streams fetch bodies (Firefox 65+, Safari 10.1+, Chrome 43+).
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let result: Result<ChatReply> = { ok: false, error: { kind: "network" } }; // cut before `done`
  const handle = (block: string) => {
    const event = /^event: ?(.*)$/m.exec(block)?.[1];
    const data = block
      .split("\n")
      .filter((l) => l.startsWith("data:"))
      .map((l) => l.slice(5).trimStart())
      .join("\n");
    let body: unknown;
    try {
      body = JSON.parse(data);
    } catch {
      return;
    }
    if (event === "delta" && typeof (body as { text?: unknown }).text === "string") onDelta((body as { text: string }).text);
    else if (event === "done") {
      const reply = readReply(body);
      result = reply ? { ok: true, data: reply } : { ok: false, error: { kind: "server" } };
    } else if (event === "error") result = { ok: false, error: { kind: "server" } };
  };
  const drain = (final: boolean) => {
    const blocks = buffer.replace(/\r\n/g, "\n").split("\n\n");
    buffer = final ? "" : blocks.pop()!;
    blocks.forEach(handle);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    drain(false);
  }
  drain(true);
  return result;
}

async function call(f: Fetch, url: string, init: RequestInit, timeoutMs: number, named: boolean, onDelta?: OnDelta): Promise<Result<ChatReply>> {
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
    if (onDelta && (res.headers.get("content-type") || "").includes("text/event-stream"))
      return await readEvents(res, onDelta).catch(() => ({ ok: false, error: { kind: "network" } }) as const);
    const data = readReply(await res.json().catch(() => null));
    return data ? { ok: true, data } : { ok: false, error: { kind: "server" } };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One turn, streamed: `onDelta` receives the reply's pieces as the model writes them; the result is
 * the same as `postChat`'s (the `done` event replaces whatever was streamed). A server without the
 * stream route (a 404/405 that is not our JSON error) gets the turn through `postChat` instead —
 * nothing was processed, so the message is not sent twice.
 */
export async function streamChat(proxy: string, body: ChatRequest, onDelta: OnDelta, f: Fetch = fetch, timeoutMs = 45_000): Promise<Result<ChatReply>> {
  let missing = false;
  const probe: Fetch = async (url, init) => {
    const res = await f(url, init);
    missing = (res.status === 404 || res.status === 405) && !(res.headers.get("content-type") || "").includes("json");
    return res;
  };
  const r = await call(
    probe,
    proxy + "/chat/stream",
    { method: "POST", headers: { "content-type": "application/json", accept: "text/event-stream" }, body: JSON.stringify({ ...body, visit: visitToken() }) },
    timeoutMs,
    !!body.conversationId,
    onDelta,
  );
  return missing ? postChat(proxy, body, f, timeoutMs) : r;
}

/** One turn: the shopper's message or action in, the assistant's new messages out. */
export function postChat(proxy: string, body: ChatRequest, f: Fetch = fetch, timeoutMs = 45_000) {
  return call(
    f,
    proxy + "/chat",
    { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({ ...body, visit: visitToken() }) },
    timeoutMs,
    !!body.conversationId,
  );
}

/** The whole conversation, to restore the panel after a reload or navigation. */
export function getChat(proxy: string, conversationId: string, f: Fetch = fetch, timeoutMs = 20_000) {
  return call(f, proxy + "/chat?conversationId=" + encodeURIComponent(conversationId), { headers: { accept: "application/json" } }, timeoutMs, true);
}

/** "Was this helpful?": one tap, stored per conversation and moment (a second tap replaces the first). Best effort. */
export async function postRating(
  proxy: string,
  body: { conversationId: string; kind: "answer" | "handoff"; helpful: boolean },
  f: Fetch = fetch,
): Promise<boolean> {
  try {
    const res = await f(proxy + "/chat/rating", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
    return res.ok;
  } catch {
    return false;
  }
}
