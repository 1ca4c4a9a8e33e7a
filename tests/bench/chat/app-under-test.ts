import { build } from "esbuild";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TEST_API_KEY, TEST_API_SECRET } from "../../support/app-server";

/**
 * The demo (built-in engine, demo catalogue and orders, seeded demo shop) compiled the way `npm run
 * build` compiles `npm start`'s entry and run with plain `node`, as production runs: under tsx every
 * process (cluster workers inherit its flags) would carry tsx's module-loader thread, about 40 MB of
 * RSS and a share of every CPU profile that production never has. The launched pid is the app itself
 * (the cluster primary, or the single process): the bench reads its processes' memory from /proc.
 */
export interface AppUnderTest {
  origin: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** `nodeArgs` go before the script (--cpu-prof is refused in NODE_OPTIONS); cluster workers inherit them. */
export async function startDemoApp(databaseUrl: string, env: Record<string, string | undefined>, nodeArgs: string[] = []): Promise<AppUnderTest> {
  const base: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "test",
    PORT: "0",
    DATABASE_URL: databaseUrl,
    SHOPIFY_API_KEY: TEST_API_KEY,
    SHOPIFY_API_SECRET: TEST_API_SECRET,
    SHOPIFY_APP_URL: "http://127.0.0.1",
    LOG_LEVEL: "warn",
    ...env,
  };
  const child = spawn(process.execPath, [...nodeArgs, await compiledDemo()], {
    env: Object.fromEntries(Object.entries(base).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in 90 s:\n${output}`)), 90_000);
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
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before listening:\n${output}`));
    });
  });
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid!, output: () => output, stop: () => stop(child) };
}

let compiled: Promise<string> | undefined;

/** app/cli/demo.ts bundled beside build/cli/serve.js (packages stay external, so node_modules resolve as there). */
function compiledDemo(): Promise<string> {
  const outfile = "build/bench/demo.js";
  compiled ??= build({
    entryPoints: ["app/cli/demo.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  }).then(() => outfile);
  return compiled;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** The bench's floor server (floor-server.ts) on a fresh SQLite file. */
export async function startFloor(): Promise<{ origin: string; pid: number; stop(): Promise<void> }> {
  const file = path.join(tempDir("baton-floor-"), "floor.db");
  const child = spawn(process.execPath, ["--import", "tsx", "tests/bench/chat/floor-server.ts", file, TEST_API_SECRET], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`floor server exited with ${code}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => stop(child) };
}
