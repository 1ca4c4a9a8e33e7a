import type { IncomingMessage, ServerResponse } from "node:http";
import { ALLOW_HEADER, ALLOWED_METHODS, BodyTooLargeError, errorAnswer, MAX_REQUEST_BYTES, type Answer, type ApiRequest } from "./http.server";
import type { LogSink } from "./logger.server";
import { takeTurn } from "./turn-taking.server";

/**
 * The plain Node transport for the storefront API: requests whose path a route table names are
 * answered here, before Express and Remix (no Fetch API Request, web streams or route matching on
 * the hot path); every other request goes on to them. The transport rules of app/cli/http-guards.ts
 * hold here too (JSON 405 with Allow, a declared oversize body refused unread, Connection: close
 * after a refused body), so a route answers identically through either transport.
 */
export type PlainRoute = (request: ApiRequest, res: ServerResponse) => Promise<Answer | null>;

/** How long, and how much of, a refused body is read and dropped after the answer (so the client reads the answer). */
const DRAIN_MS = 5_000;
const DRAIN_BYTES = 32 * 1024 * 1024;
/** After the body ended, how long the socket may stay for the client to read the answer and close its side. */
const LINGER_MS = 1_000;

/** A handler for `http.createServer`: true when it took the request (a path in `routes`), false to pass it on. */
export function plainRoutes(routes: Record<string, PlainRoute>, log: LogSink): (req: IncomingMessage, res: ServerResponse) => boolean {
  const table = new Map(Object.entries(routes));
  return (req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const route = table.get(q < 0 ? url : url.slice(0, q));
    if (!route) return false;
    const request = nodeApiRequest(req, q < 0 ? "" : url.slice(q + 1));
    const guarded = transportGuard(req);
    // One request starts per event-loop iteration (turn-taking.server.ts): the outbox's I/O in the
    // same process is never queued behind a whole burst of turns.
    (guarded ? Promise.resolve(guarded) : takeTurn().then(() => route(request, res))).then(
      (answer) => {
        if (answer) writeAnswer(req, res, answer);
      },
      (error: unknown) => {
        log.error({ err: error, method: req.method, path: url.slice(0, q < 0 ? 200 : Math.min(q, 200)) }, "request failed");
        if (res.headersSent) res.destroy();
        else writeAnswer(req, res, errorAnswer(500, "internal", "Something went wrong; please send your message again."));
      },
    );
    return true;
  };
}

/** The rules every route gets before it runs (app/cli/http-guards.ts: allowKnownMethods, refuseDeclaredOversize). */
function transportGuard(req: IncomingMessage): Answer | null {
  if (!(ALLOWED_METHODS as readonly string[]).includes(req.method ?? "")) {
    return errorAnswer(405, "method_not_allowed", `Use ${ALLOW_HEADER}.`, { Allow: ALLOW_HEADER });
  }
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) {
    return errorAnswer(413, "payload_too_large", `The request body must be at most ${MAX_REQUEST_BYTES} bytes.`);
  }
  return null;
}

/** The transport-neutral request over a Node request (its body read with a limit, see readNodeBody). */
export function nodeApiRequest(req: IncomingMessage, query: string): ApiRequest {
  return {
    method: req.method ?? "GET",
    query: new URLSearchParams(query),
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    readBody: (maxBytes) => readNodeBody(req, maxBytes),
  };
}

/**
 * At most `maxBytes` of the body, trusting no Content-Length (chunked bodies are counted as they
 * arrive). Past the limit it stops reading and throws BodyTooLargeError: the rest stays unread and
 * the answer closes the connection (writeAnswer).
 */
function readNodeBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new BodyTooLargeError());
  if (req.complete && req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error: Error | null) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      if (error) {
        req.pause();
        reject(error);
      } else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) done(new BodyTooLargeError());
      else chunks.push(chunk);
    };
    const onEnd = () => done(null);
    const onError = (error: Error) => done(error);
    const onClose = () => done(new Error("the request body ended early"));
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

/**
 * Writes an answer (with Content-Length; HEAD gets the headers only). When the request body is still
 * arriving (refused unread, or past a limit), the socket cannot carry another request: the answer says
 * `Connection: close` (every 413 does; README: a 413 closes the connection). The answer goes at once,
 * then the socket closes its sending side and keeps reading and dropping the rest of the body until it
 * ends, and only then goes. Node's own close would destroy the socket with bytes unread, the kernel
 * would send a reset, and a client that had not yet read the answer (a busy one, still writing) would
 * lose it and see only EPIPE. The drain is bounded (DRAIN_BYTES, DRAIN_MS).
 */
export function writeAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  const headers: Record<string, string | number> = { ...answer.headers, "Content-Length": Buffer.byteLength(answer.body) };
  if (!req.complete || answer.status === 413) {
    headers.Connection = "close";
    if (!req.complete) closeAfterDrain(req);
  }
  res.writeHead(answer.status, headers);
  res.end(req.method === "HEAD" ? undefined : answer.body);
}

/** Replaces Node's close after a `Connection: close` answer (`destroySoon`) by: end our side, drain, then destroy. */
function closeAfterDrain(req: IncomingMessage): void {
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    let drained = 0;
    const destroy = () => socket.destroy();
    const deadline = setTimeout(destroy, DRAIN_MS).unref();
    const linger = () => {
      clearTimeout(deadline);
      setTimeout(destroy, LINGER_MS).unref();
    };
    if (req.complete) return linger();
    req.on("data", (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_BYTES) destroy();
    });
    req.once("end", linger).once("error", destroy);
    req.resume();
  };
}
