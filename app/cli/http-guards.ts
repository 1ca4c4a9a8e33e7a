import type { NextFunction, Request, Response } from "express";
import type { Server } from "node:http";
import { ALLOW_HEADER as ALLOW, ALLOWED_METHODS, MAX_REQUEST_BYTES } from "../platform/http.server";

/**
 * Transport rules that hold before any route runs (README "Storefront chat API" and
 * docs/decisions/0036; the storefront API's plain Node handler applies the same ones itself,
 * app/platform/node-api.server.ts): a body we refuse never poisons a kept-alive connection,
 * unexpected methods get the contract's JSON 405, and cross-origin form posts get a 403 instead of
 * Remix's CSRF guard throwing (a 500 with a stack trace).
 */

export { MAX_REQUEST_BYTES };
/** How long a refused upload may keep its socket once the answer is out (the client reads it first). */
const LINGER_MS = 1_000;

function sendJsonError(res: Response, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(status).json({ error: { code, message } });
}

/**
 * When a response starts while the request body is still arriving (a route refused it unread or
 * stopped reading at its limit), the socket cannot carry another request: the rest of the body
 * would be parsed as one. Such responses say `Connection: close`, and the socket is closed once the
 * answer is flushed (after a short linger, so the client can read the 413 before the close).
 */
export function closeAfterRefusedBody(req: Request, res: Response, next: NextFunction): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    if (!req.complete && !this.headersSent) {
      this.setHeader("Connection", "close");
      this.once("finish", () => {
        const socket = req.socket;
        socket.end();
        req.resume(); // drop the rest while lingering: a client still writing reads the answer, not a reset
        setTimeout(() => socket.destroy(), LINGER_MS).unref();
      });
    }
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as typeof res.writeHead;
  next();
}

/** A declared body over MAX_REQUEST_BYTES is answered 413 at once, without reading it. */
export function refuseDeclaredOversize(req: Request, res: Response, next: NextFunction): void {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) {
    sendJsonError(res, 413, "payload_too_large", `The request body must be at most ${MAX_REQUEST_BYTES} bytes.`);
    return;
  }
  next();
}

/** GET, HEAD and POST are the only methods any route serves; everything else is the JSON 405. */
export function allowKnownMethods(req: Request, res: Response, next: NextFunction): void {
  if ((ALLOWED_METHODS as readonly string[]).includes(req.method)) return next();
  sendJsonError(res, 405, "method_not_allowed", `Use ${ALLOW}.`, { Allow: ALLOW });
}

/**
 * The check Remix makes for document POSTs (`throwIfPotentialCSRFAttack`: the Origin's host must
 * equal X-Forwarded-Host or Host), answered as a 403 before Remix turns its thrown Error into a 500.
 * The storefront API (`/proxy/*`, signed by Shopify) and webhooks (HMAC) are resource routes Remix
 * does not check, and the App Proxy's forwarded Origin is the shop's, so they are left alone.
 */
export function refuseCrossOriginPosts(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== "POST" || req.path.startsWith("/proxy/") || req.path.startsWith("/webhooks/")) return next();
  const origin = req.headers.origin;
  if (!origin) return next();
  const forwardedHost = req.headers["x-forwarded-host"];
  const host = (typeof forwardedHost === "string" ? forwardedHost.split(",")[0]!.trim() : "") || req.headers.host;
  let originHost: string | null;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (host && originHost === host) return next();
  sendJsonError(res, 403, "cross_origin_request", "Cross-origin form posts are not accepted.");
}

/**
 * Node answers CONNECT outside the request handler (by destroying the socket when nobody listens);
 * answer it like any other unexpected method.
 */
export function answerConnectWith405(server: Server): void {
  server.on("connect", (_req, socket) => {
    const body = JSON.stringify({ error: { code: "method_not_allowed", message: `Use ${ALLOW}.` } });
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${ALLOW}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
