import { PassThrough } from "node:stream";
import type { EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { logger } from "./platform/logger.server";
import { addDocumentResponseHeaders } from "./shopify.server";

// The process launcher (app/cli/launch-server.ts) reaches the runtime and the storefront API through
// app/entry.launcher.server.ts (build/server/index.js), which loads this build on the first request it needs.

const log = logger.child({ capability: "routes" });

export const streamTimeout = 5000;

/**
 * Remix logs every error with its stack, including a 404 for `/favicon.ico` or a 405 from its
 * router. Client mistakes (4xx) get at most one line; only server faults get the stack. An aborted request
 * (the client went away) is not an error of ours.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) {
    // A 404 is not even worth a line (React Router's development build already prints one).
    if (error.status === 404) return;
    log.warn({ status: error.status, method: request.method, path: new URL(request.url).pathname.slice(0, 200) }, "client error");
    return;
  }
  log.error({ err: error, method: request.method, path: new URL(request.url).pathname.slice(0, 200) }, "request failed");
};

export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  addDocumentResponseHeaders(request, responseHeaders);
  const userAgent = request.headers.get("user-agent");
  const callbackName = isbot(userAgent ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [callbackName]: () => {
        const body = new PassThrough();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error) {
        reject(error);
      },
      onError(error) {
        // A route's 4xx (no route for /favicon.ico) reaches React's renderer as well: it is the
        // client's mistake, already logged in one line by handleError, and keeps its status.
        if (isRouteErrorResponse(error) && error.status < 500) return;
        responseStatusCode = 500;
        log.error({ err: error }, "rendering failed");
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}
