import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * Where the PostgreSQL client is generated (one generated client per provider). A dot directory,
 * so Shopify's `app doctor` leaves this generated code out of its scan (it skips dot paths; its
 * 500 KB per-file limit otherwise stops four rules on the 700 KB index.d.ts).
 */
export const PG_CLIENT_DIR = "prisma/.generated/pg";

/**
 * The PostgreSQL schema is the SQLite schema with the provider swapped and its own client output,
 * so there is one source of truth for the data model.
 */
export function derivePostgresSchema(sqliteSchema: string): string {
  const swapped = sqliteSchema.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  if (swapped === sqliteSchema) throw new Error('prisma/schema.prisma must declare provider = "sqlite"');
  const withOutput = swapped.replace(/(generator client \{[^}]*?)(\n\})/, `$1\n  output     = "../.generated/pg"$2`);
  return "// GENERATED from prisma/schema.prisma by `npm run db:pg-schema` — do not edit.\n" + withOutput;
}

/** Runs the Prisma CLI (no engine downloads: the configs use driver adapters). */
export function runPrisma(args: string[], env: Record<string, string>, options: { capture?: boolean; cwd?: string; doneWhen?: RegExp } = {}): Promise<string> {
  const cwd = options.cwd ?? process.cwd();
  const cli = require.resolve("prisma/build/index.js", { paths: [cwd] });
  mkdirSync(path.join(cwd, ".data"), { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let finished = false;
    child.stdout.on("data", (d: Buffer) => {
      out += d;
      if (!options.capture && process.env.BATON_VERBOSE_PRISMA) process.stdout.write(d);
      // The JS schema engine leaves a ~10 s timer running on PostgreSQL after `migrate deploy`
      // has finished; once Prisma reports success there is nothing left to wait for.
      if (options.doneWhen?.test(out) && !finished) {
        finished = true;
        child.kill("SIGTERM");
        resolve(out);
      }
    });
    child.stderr.on("data", (d: Buffer) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (finished) return;
      if (code === 0) resolve(out);
      else reject(new Error(`prisma ${args.slice(0, 2).join(" ")} failed (exit ${code}):\n${(err || out).trim()}`));
    });
  });
}

/** Applies committed migrations to the database at `url`, choosing the provider by URL scheme. */
export async function migrateDeploy(url: string, cwd?: string): Promise<void> {
  const config = url.startsWith("file:") ? "prisma/sqlite.config.ts" : "prisma/pg.config.ts";
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    mkdirSync(path.dirname(path.resolve(cwd ?? process.cwd(), file)), { recursive: true });
  }
  await runPrisma(
    ["migrate", "deploy", "--config", config],
    { DATABASE_URL: url },
    {
      cwd,
      doneWhen: /All migrations have been successfully applied|No pending migrations to apply/,
    },
  );
}
