import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const TEST_API_SECRET = "test-app-secret-0123456789";
export const TEST_API_KEY = "test-api-key";

export interface AppServer {
  origin: string;
  port: number;
  databaseUrl: string;
  output: () => string;
  stop(): Promise<void>;
  /** Kill -9 (crash) rather than a graceful stop. */
  crash(): Promise<void>;
}

export interface AppServerOptions {
  env?: Record<string, string | undefined>;
  /** Run `npm run demo` (app/cli/demo.ts) instead of the production entry. */
  demo?: boolean;
  databaseUrl?: string;
}

/** A fresh SQLite database file URL in a temp directory. */
export function tempSqliteUrl(): string {
  return `file:${path.join(mkdtempSync(path.join(tmpdir(), "baton-db-")), "test.db")}`;
}

/**
 * Starts the real app process (the built production entry, or the demo launcher) on a free port
 * and resolves once it listens. Migrations run on start exactly as in production.
 */
export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  const databaseUrl = options.databaseUrl ?? tempSqliteUrl();
  const args = options.demo ? ["node_modules/tsx/dist/cli.mjs", "app/cli/demo.ts"] : ["build/cli/serve.js"];
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "test",
    PORT: "0",
    DATABASE_URL: databaseUrl,
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_API_SECRET,
    SHOPIFY_APP_URL: "http://127.0.0.1",
    OUTBOX_POLL_MS: "50",
    LOG_LEVEL: "warn",
  };
  // The production entry runs as one process (quicker to start) unless a test asks for the HTTP
  // cluster; the demo keeps its real default (one HTTP worker beside the primary).
  if (!options.demo) env.WEB_CONCURRENCY = "0";
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const child = spawn(process.execPath, args, { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in 60 s:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    if (process.env.DEBUG_APP_OUTPUT) child.stderr!.on("data", (d: Buffer) => process.stderr.write(d));
    child.once("exit", (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    databaseUrl,
    output: () => output,
    stop: () => stopChild(child, "SIGTERM"),
    crash: () => stopChild(child, "SIGKILL"),
  };
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

/** Runs a command-line entry and returns its exit code and output (for start-up failures). */
export function runEntry(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}
