import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Express } from "express";
import cluster, { type Worker } from "node:cluster";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { getPriority, setPriority } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { EnvError, formatEnvError, parseEnv, type Env } from "../env.server";
import { configureLogger, logger } from "../platform/logger.server";
import { migrateDeploy } from "../platform/prisma-cli.server";
import { allowKnownMethods, answerConnectWith405, closeAfterRefusedBody, refuseCrossOriginPosts, refuseDeclaredOversize } from "./http-guards";

const log = logger.child({ capability: "platform", component: "launcher" });

/**
 * The start line, written whatever LOG_LEVEL says (operators and tests wait for it). A child with
 * its own level, created after configureLogger: pino hands a parent's later level to older children.
 */
function announceListening(port: number, fields: { database: string; httpWorkers: number; readyMs: number }): void {
  logger.child({ capability: "platform", component: "launcher" }, { level: "info" }).info({ port, ...fields }, `listening on http://localhost:${port}`);
}

/** What the server build's entry module exports for the process (see app/entry.launcher.server.ts). */
export interface BuildEntry {
  startRuntime(): Promise<{ stop(): Promise<void> }>;
  startClusterPrimary(): void;
  startHttpWorker(): Promise<void>;
  seedDemoShop(): Promise<void>;
  /** The storefront API's plain Node handler: true when it took the request, false to pass it on to Express and Remix. */
  serveStorefrontApi(req: IncomingMessage, res: ServerResponse): boolean;
}

export interface LaunchOptions {
  /** Routes mounted before the Remix handler (the demo's App Proxy emulation and assets). */
  configureApp?: (app: Express, env: Env) => void;
  /** Runs after migrations, before listening (the demo seeds here); once, in the primary. */
  beforeListen?: (entry: BuildEntry, env: Env) => Promise<void>;
  quiet?: boolean;
}

export interface LaunchedServer {
  env: Env;
  port: number;
  /** False in the HTTP worker processes of a cluster (they only serve requests). */
  isPrimary: boolean;
  close(): Promise<void>;
}

/**
 * Starts the app: validate configuration (one clear line on error), apply migrations, start the
 * background runtime (outbox worker, retention), serve the Remix build over HTTP. HTTP requests are
 * served by WEB_CONCURRENCY node:cluster workers sharing the port (default: one a core, as memory allows), while this primary
 * process keeps the background runtime — so escalation emails leave promptly even when the HTTP
 * workers are saturated with shoppers. WEB_CONCURRENCY=0 serves everything from one process (the
 * tests' default: faster to start). In a cluster the HTTP workers run one nice level below the
 * primary, so its email work gets a core first; in every layout the SMTP conversation runs on a
 * thread of its own (app/email/smtp-thread.server.ts, decision 0082). Used by `npm start` and the demo.
 */
export async function launchServer(options: LaunchOptions = {}): Promise<LaunchedServer> {
  const env = loadEnvOrExit();
  if (cluster.isWorker) {
    const { build, entry } = await loadBuild();
    await entry.startHttpWorker();
    const server = await serveHttp(build, entry, env, options);
    const close = onceOnly(() => closeServer(server));
    onShutdownSignal(close);
    return { env, port: portOf(server, env), isPrimary: false, close };
  }

  const started = Date.now();
  await migrateDeploy(env.databaseUrl);
  const { build, entry } = await loadBuild();
  if (options.beforeListen) await options.beforeListen(entry, env);
  const runtime = await entry.startRuntime();

  if (env.webConcurrency > 0) {
    entry.startClusterPrimary();
    const workers = await forkHttpWorkers(env.webConcurrency);
    const port = workers.port;
    if (!options.quiet) announceListening(port, { database: env.databaseProvider, httpWorkers: env.webConcurrency, readyMs: Date.now() - started });
    const close = onceOnly(async () => {
      await workers.stop();
      await runtime.stop();
    });
    onShutdownSignal(close);
    return { env, port, isPrimary: true, close };
  }

  const server = await serveHttp(build, entry, env, options);
  const port = portOf(server, env);
  if (!options.quiet) announceListening(port, { database: env.databaseProvider, httpWorkers: 0, readyMs: Date.now() - started });
  const close = onceOnly(async () => {
    await closeServer(server);
    await runtime.stop();
  });
  onShutdownSignal(close);
  return { env, port, isPrimary: true, close };
}

async function loadBuild(): Promise<{ build: ServerBuild; entry: BuildEntry }> {
  const buildPath = path.resolve("build/server/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  return { build, entry: build.entry.module as unknown as BuildEntry };
}

async function serveHttp(build: ServerBuild, entry: BuildEntry, env: Env, options: LaunchOptions): Promise<Server> {
  const app = express();
  app.disable("x-powered-by");
  // Client addresses come from X-Forwarded-For by TRUSTED_PROXY_HOPS (app/platform/client-address),
  // never from Express's req.ip, which would trust every hop.
  app.set("trust proxy", false);
  app.use(closeAfterRefusedBody, allowKnownMethods, refuseDeclaredOversize, refuseCrossOriginPosts);
  // Storefront chat answers are small JSON that Shopify's App Proxy re-encodes for the shopper
  // anyway; compressing them here only costs the hot path CPU (~5 % of a turn).
  app.use(compression({ filter: (req, res) => !req.path.startsWith("/proxy/") && compression.filter(req, res) }));
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // Only file-like paths reach the disk (favicon etc.); API calls skip the stat.
  app.get(/^\/[^/]+\.[A-Za-z0-9]+$/, express.static("build/client", { maxAge: "1h" }));
  options.configureApp?.(app, env);
  app.all("*", createRequestHandler({ build, mode: env.isProduction ? "production" : "development" }));

  // The storefront chat API is answered by its plain Node handler before Express and Remix (the
  // hot path: no Fetch API conversion, no route matching); admin, webhooks and the rest go on to them.
  const server = createServer((req, res) => {
    if (!entry.serveStorefrontApi(req, res)) app(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    if (env.host) server.listen(env.port, env.host, resolve);
    else server.listen(env.port, resolve);
  });
  // Keep-alive longer than common load balancers' idle timeout.
  server.keepAliveTimeout = 65_000;
  answerConnectWith405(server);
  return server;
}

/**
 * The HTTP workers' V8 heap bounds, unless NODE_OPTIONS or the command line names them: old space
 * (MB) and the young generation's semi-space (MB; V8's default is 16). A worker's live heap after a
 * 10-minute soak (155,000 turns) is ~72 MB (bench:chat --soak --heap-snapshot: mostly loaded code and
 * its source text, no leak); without bounds V8 lets the heap grow with a busy worker's allocation
 * rate (RSS 590 MB after a 7-minute soak), which no small instance can hold. With them the worker
 * collects sooner and its RSS stays flat.
 */
export const WORKER_HEAP_MB = 160;
export const WORKER_SEMI_SPACE_MB = 8;

function workerExecArgv(): string[] {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" ");
  const bounds = [
    given.includes("--max-old-space-size") ? null : `--max-old-space-size=${WORKER_HEAP_MB}`,
    given.includes("--max-semi-space-size") ? null : `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`,
  ];
  return [...process.execArgv, ...bounds.filter((flag): flag is string => flag !== null)];
}

/**
 * How many nice levels the HTTP workers run below the primary. Under saturating chat load the
 * workers want every core; a hand-off email in the primary then waited for a time slice at each of
 * its steps (bench:chat, default mode: p99 over 500 ms). With the workers one level down (Linux CFS
 * weight 820 against 1024) the primary's short bursts run first; the workers lose nothing when the
 * primary is idle. Raising one's niceness needs no privilege.
 */
export const HTTP_WORKER_NICENESS = 1;

/** Lowers a forked HTTP worker's scheduling priority (see HTTP_WORKER_NICENESS); a refusal only costs the email promptness. */
function lowerPriority(worker: Worker): void {
  const pid = worker.process.pid;
  if (pid === undefined) return;
  try {
    setPriority(pid, Math.min(19, getPriority(process.pid) + HTTP_WORKER_NICENESS));
  } catch (error) {
    log.warn({ err: error, workerPid: pid }, "could not lower the HTTP worker's scheduling priority");
  }
}

/**
 * glibc's malloc arenas for a forked HTTP worker, unless the environment names them. By default glibc
 * keeps up to 8 arenas a core for the threads of a process (V8's GC and compiler threads, libuv's
 * pool, SQLite), and freed memory stays in each: with 2 a worker held 20–30 MB less RSS after a
 * 10-minute soak (237–245 MB against 256–271, decision 0081). glibc reads it at start-up, so it
 * is set on the fork, not in the running process.
 */
export const WORKER_MALLOC_ARENAS = "2";

function forkWorker(): Worker {
  return cluster.fork({ MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? WORKER_MALLOC_ARENAS });
}

/** Forks the HTTP workers, resolves once all listen (on one shared port), replaces any that die. */
async function forkHttpWorkers(count: number): Promise<{ port: number; stop(): Promise<void> }> {
  cluster.setupPrimary({ execArgv: workerExecArgv() });
  cluster.on("fork", lowerPriority);
  let stopping = false;
  const listening = new Set<number>();
  const port = await new Promise<number>((resolve, reject) => {
    cluster.on("listening", (worker, address) => {
      listening.add(worker.id);
      if (listening.size === count) resolve(address.port);
    });
    cluster.on("exit", (worker, code, signal) => {
      if (stopping) return;
      if (!listening.has(worker.id)) {
        reject(new Error(`an HTTP worker exited before listening (${signal ?? `code ${code}`})`));
        return;
      }
      log.error({ workerPid: worker.process.pid, signal, code }, "HTTP worker exited; starting another");
      forkWorker();
    });
    for (let i = 0; i < count; i++) forkWorker();
  });
  return {
    port,
    async stop() {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w && !w.isDead()));
      await Promise.all(
        alive.map(
          (w) =>
            new Promise<void>((resolve) => {
              w.once("exit", () => resolve());
              w.process.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}

function portOf(server: Server, env: Env): number {
  const address = server.address();
  return typeof address === "object" && address ? address.port : env.port;
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

function onceOnly(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}

function onShutdownSignal(close: () => Promise<void>): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
}

function loadEnvOrExit(): Env {
  try {
    const env = parseEnv(process.env);
    configureLogger({ level: env.logLevel, format: env.demo.enabled ? "concise" : "json" });
    return env;
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${formatEnvError(error)}\n`);
      process.exit(1);
    }
    throw error;
  }
}
