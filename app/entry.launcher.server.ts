import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { serveStorefrontApi as serveStorefront } from "./chat/storefront-api.server";
import { db } from "./db.server";
import { errorAnswer, type Answer } from "./platform/http.server";
import { logger } from "./platform/logger.server";
import { plainRoutes } from "./platform/node-api.server";
import { startClusterPrimary, startHttpWorker, startRuntime } from "./runtime.server";
import { seedDemoShop } from "./shopify.server";

/**
 * `build/server/index.js`: what the process launcher (app/cli/launch-server.ts) imports — the
 * background runtime, the storefront API's plain Node handler, and the Remix build (admin, Polaris,
 * webhooks: `build/server/remix.js`, vite.config.ts) only when a request first needs it. A process
 * that serves storefront traffic alone never loads the admin's code (decision 0081). Both files
 * share their modules' chunks, so the app's modules exist once in the process whichever loads first.
 *
 * The launcher hands this module to Remix as the server build: Remix reads the build's fields on
 * its first request, by which time they are the Remix build's own (the bindings below are live).
 */
const log = logger.child({ capability: "platform", component: "launcher-entry" });

export let mode = "production";
export let routes: ServerBuild["routes"] = {};
export let assets = {} as ServerBuild["assets"];
export let basename: ServerBuild["basename"];
export let publicPath = "/";
export let assetsBuildDirectory = "build/client";
export let future = {} as ServerBuild["future"];
export let isSpaMode = false;

/** The launcher's BuildEntry (app/cli/launch-server.ts); after the Remix build loaded, `entry` is that build's. */
const launcherEntry = { startRuntime, startClusterPrimary, startHttpWorker, seedDemoShop, serveStorefrontApi };
export let entry = { module: launcherEntry } as unknown as ServerBuild["entry"];

/**
 * `GET /healthz` as app/routes/healthz.tsx answers it (load balancers and container health checks ask every
 * process often): answered here, it does not load the Remix build into a storefront-only worker.
 */
const serveHealth = plainRoutes(
  {
    "/healthz": async (request): Promise<Answer> => {
      if (request.method !== "GET" && request.method !== "HEAD") return errorAnswer(405, "method_not_allowed", "Use GET.", { Allow: "GET, HEAD" });
      await db().$queryRawUnsafe("SELECT 1");
      return { status: 200, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" }, body: "ok" };
    },
  },
  log,
);

let remix: Promise<void> | null = null;
let remixLoaded = false;

/** Loads the Remix build once and takes its fields; a failed load is tried again by the next request. */
function loadRemix(): Promise<void> {
  remix ??= (async () => {
    const started = performance.now();
    // Beside this file in build/server (the path is the build's; under Vitest nothing imports this module).
    const build = (await import(/* @vite-ignore */ new URL("./remix.js", import.meta.url).href)) as ServerBuild;
    ({ mode, routes, assets, basename, publicPath, assetsBuildDirectory, future, isSpaMode, entry } = build);
    remixLoaded = true;
    log.info({ ms: Math.round(performance.now() - started) }, "Remix build loaded");
  })().catch((error: unknown) => {
    remix = null;
    throw error;
  });
  return remix;
}

/**
 * The launcher's first stop for every request: the storefront API answers its own paths; any other
 * request goes on to Express and Remix (false) once the Remix build is loaded. Until then this takes
 * the request, loads the build, and hands the request to the server's request listener again (the
 * launcher's, which now passes it on; its body is still unread).
 */
function serveStorefrontApi(req: IncomingMessage, res: ServerResponse): boolean {
  if (serveStorefront(req, res) || serveHealth(req, res)) return true;
  if (remixLoaded) return false;
  // Node's net.Server sets `server` on every socket it accepts.
  const server = (req.socket as { server?: { emit(event: "request", req: IncomingMessage, res: ServerResponse): boolean } }).server;
  loadRemix().then(
    () => {
      if (!server) throw new Error("the request's socket names no server");
      server.emit("request", req, res);
    },
    (error: unknown) => {
      log.error({ err: error }, "the Remix build failed to load");
      if (!res.headersSent) res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "1" });
      res.end("Service unavailable");
    },
  );
  return true;
}
