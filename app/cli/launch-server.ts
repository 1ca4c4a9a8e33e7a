import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Express } from "express";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { EnvError, formatEnvError, parseEnv, type Env } from "../env.server";
import { migrateDeploy } from "../services/prisma-cli.server";

/** What the server build's entry module exports for the process (see app/entry.server.tsx). */
export interface BuildEntry {
  startRuntime(): Promise<{ stop(): Promise<void> }>;
  seedDemoShop(): Promise<void>;
}

export interface LaunchOptions {
  /** Routes mounted before the Remix handler (the demo's App Proxy emulation and assets). */
  configureApp?: (app: Express, env: Env) => void;
  /** Runs after migrations, before listening (the demo seeds here). */
  beforeListen?: (entry: BuildEntry, env: Env) => Promise<void>;
  quiet?: boolean;
}

export interface LaunchedServer {
  env: Env;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts one app process: validate configuration (one clear line on error), apply migrations,
 * start the background runtime, serve the Remix build over HTTP. Used by `npm start` and the demo.
 */
export async function launchServer(options: LaunchOptions = {}): Promise<LaunchedServer> {
  const env = loadEnvOrExit();
  const started = Date.now();
  await migrateDeploy(env.databaseUrl);

  const buildPath = path.resolve("build/server/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const entry = build.entry.module as unknown as BuildEntry;
  if (options.beforeListen) await options.beforeListen(entry, env);
  const runtime = await entry.startRuntime();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", true);
  app.use(compression());
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // Only file-like paths reach the disk (favicon etc.); API calls skip the stat.
  app.get(/^\/[^/]+\.[A-Za-z0-9]+$/, express.static("build/client", { maxAge: "1h" }));
  options.configureApp?.(app, env);
  app.all("*", createRequestHandler({ build, mode: env.isProduction ? "production" : "development" }));

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(env.port, () => resolve(s));
    s.once("error", reject);
  });
  // Keep-alive longer than common load balancers' idle timeout.
  server.keepAliveTimeout = 65_000;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.port;
  if (!options.quiet) console.log(`[baton] listening on http://localhost:${port} (${env.databaseProvider}, ready in ${Date.now() - started} ms)`);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await runtime.stop();
    })());
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
  return { env, port, close };
}

function loadEnvOrExit(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(formatEnvError(error));
      process.exit(1);
    }
    throw error;
  }
}
