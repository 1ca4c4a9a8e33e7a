import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { closeServer, listen, readBody, sleep, trackSockets } from "./net";

/** One recorded POST /v1/chat/completions (and any other request that reached the server). */
export interface RecordedChatRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (null if it was not JSON). */
  body: ChatRequestBody | null;
  rawBody: string;
}

export interface ChatRequestBody {
  model?: string;
  messages?: Array<{ role: string; content?: unknown; tool_calls?: unknown; tool_call_id?: string }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: unknown } }>;
  tool_choice?: unknown;
  [key: string]: unknown;
}

export interface ScriptedToolCall {
  name: string;
  /** An object is JSON-encoded; a string is sent verbatim (so a test can send broken arguments). */
  arguments: Record<string, unknown> | string;
  id?: string;
}

interface ReplyCommon {
  /** Wait this long before answering (headers included). */
  delayMs?: number;
  /** Streamed content piece size (default 8 characters). */
  chunkChars?: number;
  /** In a stream, stop sending after this many data events and keep the socket open (a stall). */
  stallAfterChunks?: number;
  /** Override the token counts; otherwise they are estimated at ~4 characters per token. */
  usage?: { promptTokens?: number; completionTokens?: number };
}

/**
 * What the fake answers. `malformed: true` (or "json") sends a body / SSE chunk that is not valid JSON;
 * "tool-arguments" keeps the envelope valid but truncates each tool call's `arguments` string.
 * In a stream, `dropAfterChunks` cuts the socket after that many data events.
 */
export type Reply =
  | (ReplyCommon & {
      content: string;
      finishReason?: "stop" | "length" | "content_filter";
      malformed?: boolean | "json";
      dropAfterChunks?: number;
    })
  | (ReplyCommon & {
      toolCalls: ScriptedToolCall[];
      content?: string | null;
      malformed?: boolean | "json" | "tool-arguments";
      dropAfterChunks?: number;
    })
  | (ReplyCommon & { status: number; body?: unknown; headers?: Record<string, string> })
  | (ReplyCommon & { malformed: true | "json" })
  | (ReplyCommon & { hang: true })
  /** A stream of exactly these `delta` objects (a hostile or broken server's tool-call pieces), then `[DONE]`. */
  | (ReplyCommon & { rawDeltas: Array<Record<string, unknown>> });

export type ReplyFn = (request: RecordedChatRequest) => Reply | Promise<Reply>;

export interface OpenAiServerHandle {
  baseURL: string;
  port: number;
  requests: RecordedChatRequest[];
  /** Queue replies, consumed one per chat request in order. */
  script(...replies: Array<Reply | ReplyFn>): void;
  /** Answer with this whenever the queue is empty (default: a 500 saying the request was unscripted). */
  setFallback(reply: Reply | ReplyFn | null): void;
  /** Chat requests that found neither a queued reply nor a fallback. */
  unscripted: RecordedChatRequest[];
  reset(): void;
  stop(): Promise<void>;
}

export interface OpenAiServerOptions {
  /** If set, any other bearer token gets OpenAI's 401 invalid_api_key. */
  apiKey?: string;
}

export async function startOpenAiServer(opts: OpenAiServerOptions = {}): Promise<OpenAiServerHandle> {
  const requests: RecordedChatRequest[] = [];
  const unscripted: RecordedChatRequest[] = [];
  const queue: Array<Reply | ReplyFn> = [];
  let fallback: Reply | ReplyFn | null = null;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, String(error), "server_error");
      else res.destroy();
    });
  });
  const sockets = trackSockets(server);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const recorded: RecordedChatRequest = { method: req.method ?? "GET", path, headers: req.headers, body: parseJson(rawBody), rawBody };
    requests.push(recorded);

    if (opts.apiKey !== undefined && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return sendError(res, 401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
    }
    if (req.method === "GET" && path === "/v1/models") {
      return sendJson(res, 200, { object: "list", data: [{ id: "gpt-4o-mini", object: "model", created: 0, owned_by: "system" }] });
    }
    if (req.method !== "POST" || path !== "/v1/chat/completions") {
      return sendError(res, 404, `Unknown request URL: ${req.method} ${path}.`, "invalid_request_error", "unknown_url");
    }
    if (recorded.body === null) {
      return sendError(res, 400, "We could not parse the JSON body of your request.", "invalid_request_error");
    }

    const next = queue.shift() ?? fallback;
    if (next === null) {
      unscripted.push(recorded);
      return sendError(res, 500, "openai fake: no scripted reply for this request", "server_error");
    }
    const reply = typeof next === "function" ? await next(recorded) : next;
    if (reply.delayMs) await sleep(reply.delayMs);
    if ("hang" in reply) return; // the socket stays open until the client gives up or stop() cuts it
    if ("status" in reply) {
      const body = reply.body ?? errorBody(reply.status);
      res.writeHead(reply.status, { "content-type": "application/json", "x-request-id": requestId(), ...reply.headers });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
      return;
    }
    if ("rawDeltas" in reply) return streamRawDeltas(res, recorded.body, reply.rawDeltas);
    const content: ContentReply = "content" in reply || "toolCalls" in reply ? reply : { content: "", malformed: "json" };
    if (recorded.body.stream === true) return streamCompletion(res, recorded.body, content);
    sendCompletion(res, recorded.body, content);
  }

  const port = await listen(server);
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    unscripted,
    script(...replies) {
      queue.push(...replies);
    },
    setFallback(reply) {
      fallback = reply;
    },
    reset() {
      requests.length = 0;
      unscripted.length = 0;
      queue.length = 0;
      fallback = null;
    },
    stop: () => closeServer(server, sockets),
  };
}

type ContentReply = Extract<Reply, { content: string }> | Extract<Reply, { toolCalls: ScriptedToolCall[] }>;

interface WireToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

function wireToolCalls(reply: ContentReply): WireToolCall[] | undefined {
  if (!("toolCalls" in reply)) return undefined;
  return reply.toolCalls.map((call) => {
    let args = typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments);
    if (reply.malformed === "tool-arguments") args = args.slice(0, Math.max(1, Math.floor(args.length / 2)));
    return { id: call.id ?? `call_${randomBytes(12).toString("hex")}`, type: "function", function: { name: call.name, arguments: args } };
  });
}

function usageFor(body: ChatRequestBody, reply: ContentReply, toolCalls: WireToolCall[] | undefined) {
  const promptChars = JSON.stringify(body.messages ?? []).length + JSON.stringify(body.tools ?? []).length;
  const completionChars = (reply.content ?? "").length + (toolCalls ? JSON.stringify(toolCalls).length : 0);
  const prompt = reply.usage?.promptTokens ?? Math.max(1, Math.ceil(promptChars / 4));
  const completion = reply.usage?.completionTokens ?? Math.max(1, Math.ceil(completionChars / 4));
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

function finishReasonOf(reply: ContentReply): string {
  if ("toolCalls" in reply) return "tool_calls";
  return reply.finishReason ?? "stop";
}

function envelope(body: ChatRequestBody, object: string) {
  return {
    id: `chatcmpl-${randomBytes(12).toString("hex")}`,
    object,
    created: Math.floor(Date.now() / 1000),
    model: body.model ?? "gpt-4o-mini",
    system_fingerprint: "fp_fake",
    service_tier: "default",
  };
}

function sendCompletion(res: ServerResponse, body: ChatRequestBody, reply: ContentReply): void {
  const toolCalls = wireToolCalls(reply);
  const completion = {
    ...envelope(body, "chat.completion"),
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: reply.content ?? null, refusal: null, annotations: [], ...(toolCalls ? { tool_calls: toolCalls } : {}) },
        logprobs: null,
        finish_reason: finishReasonOf(reply),
      },
    ],
    usage: usageFor(body, reply, toolCalls),
  };
  let json = JSON.stringify(completion);
  if (reply.malformed === true || reply.malformed === "json") json = json.slice(0, Math.floor(json.length / 2));
  res.writeHead(200, { "content-type": "application/json", "x-request-id": requestId() });
  res.end(json);
}

async function streamCompletion(res: ServerResponse, body: ChatRequestBody, reply: ContentReply): Promise<void> {
  const base = envelope(body, "chat.completion.chunk");
  const includeUsage = body.stream_options?.include_usage === true;
  const toolCalls = wireToolCalls(reply);
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(includeUsage ? { usage: null } : {}),
  });

  const events: unknown[] = [];
  events.push(chunk({ role: "assistant", content: toolCalls && !reply.content ? null : "", refusal: null }));
  for (const piece of splitText(reply.content ?? "", reply.chunkChars ?? 8)) events.push(chunk({ content: piece }));
  toolCalls?.forEach((call, index) => {
    events.push(chunk({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }] }));
    for (const piece of splitText(call.function.arguments, 6)) {
      events.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  });
  events.push(chunk({}, finishReasonOf(reply)));
  if (includeUsage) events.push({ ...base, choices: [], usage: usageFor(body, reply, toolCalls) });

  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-request-id": requestId() });
  const brokenAt = reply.malformed === true || reply.malformed === "json" ? Math.min(1, events.length - 1) : -1;
  for (const [index, event] of events.entries()) {
    if (reply.dropAfterChunks !== undefined && index >= reply.dropAfterChunks) {
      res.destroy();
      return;
    }
    if (reply.stallAfterChunks !== undefined && index >= reply.stallAfterChunks) return; // open until the client gives up
    if (events.length > 200 && index % 50 !== 0) {
      // Long streams: write without a pause per event (a 54 KB reply would otherwise take seconds).
      res.write(`data: ${JSON.stringify(event)}\n\n`);
      continue;
    }
    const data = JSON.stringify(event);
    res.write(`data: ${index === brokenAt ? data.slice(0, Math.floor(data.length / 2)) : data}\n\n`);
    await sleep(1); // separate writes, so clients really see incremental chunks
  }
  res.end("data: [DONE]\n\n");
}

async function streamRawDeltas(res: ServerResponse, body: ChatRequestBody, deltas: Array<Record<string, unknown>>): Promise<void> {
  const base = envelope(body, "chat.completion.chunk");
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-request-id": requestId() });
  for (const delta of deltas) res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: null }] })}\n\n`);
  res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: "tool_calls" }] })}\n\n`);
  res.end("data: [DONE]\n\n");
}

function splitText(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

function errorBody(status: number) {
  const known: Record<number, { message: string; type: string; code: string | null }> = {
    400: { message: "Invalid request.", type: "invalid_request_error", code: null },
    401: { message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key" },
    429: { message: "Rate limit reached for requests. Please try again in 1s.", type: "requests", code: "rate_limit_exceeded" },
    500: { message: "The server had an error while processing your request. Sorry about that!", type: "server_error", code: null },
    503: { message: "The engine is currently overloaded, please try again later.", type: "server_error", code: null },
  };
  const entry = known[status] ?? { message: `HTTP ${status}`, type: "server_error", code: null };
  return { error: { ...entry, param: null } };
}

function sendError(res: ServerResponse, status: number, message: string, type: string, code: string | null = null): void {
  sendJson(res, status, { error: { message, type, param: null, code } });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "x-request-id": requestId() });
  res.end(JSON.stringify(body));
}

function requestId(): string {
  return `req_${randomBytes(16).toString("hex")}`;
}

function parseJson(text: string): ChatRequestBody | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as ChatRequestBody) : null;
  } catch {
    return null;
  }
}
