/**
 * Database tooling without engine downloads (see docs/toolchain.md).
 *   tsx app/cli/db.ts generate          – derive the PostgreSQL schema, generate both clients
 *   tsx app/cli/db.ts pg-schema         – derive prisma/pg/schema.prisma from prisma/schema.prisma
 *   tsx app/cli/db.ts deploy            – `migrate deploy` for DATABASE_URL (SQLite or PostgreSQL)
 *   tsx app/cli/db.ts new-migration N   – write migration N for both providers from the schema diff
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { derivePostgresSchema, runPrisma, migrateDeploy } from "../platform/prisma-cli.server";

const root = process.cwd();

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  switch (command) {
    case "pg-schema":
      writePgSchema();
      return;
    case "generate":
      writePgSchema();
      // The PostgreSQL client moved to prisma/.generated/pg; a copy left at the old path would be
      // scanned by `shopify app doctor` (too large: check:shopify fails on it).
      rmSync(path.join(root, "prisma/generated"), { recursive: true, force: true });
      await runPrisma(["generate", "--config", "prisma/sqlite.config.ts"], { DATABASE_URL: "file:./.data/generate.db" });
      await runPrisma(["generate", "--config", "prisma/pg.config.ts"], {
        DATABASE_URL: "postgresql://generate@127.0.0.1:5432/generate",
      });
      return;
    case "deploy": {
      const url = process.env.DATABASE_URL ?? "file:./.data/baton.db";
      await migrateDeploy(url);
      return;
    }
    case "new-migration":
      if (!arg || !/^[a-z0-9_]+$/.test(arg)) throw new Error("usage: db.ts new-migration <snake_case_name>");
      writePgSchema();
      {
        // One timestamp for both providers keeps the two histories aligned.
        const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
        await newMigration("sqlite", arg, stamp);
        await newMigration("pg", arg, stamp);
      }
      return;
    default:
      throw new Error(`unknown command ${command ?? "(none)"}; see the header of app/cli/db.ts`);
  }
}

function writePgSchema(): void {
  const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
  mkdirSync(path.join(root, "prisma/pg"), { recursive: true });
  writeFileSync(path.join(root, "prisma/pg/schema.prisma"), derivePostgresSchema(source));
}

// Diffs the committed migrations' end state (replayed in a scratch database) against the schema.
async function newMigration(flavour: "sqlite" | "pg", name: string, stamp: string): Promise<void> {
  const dir = flavour === "sqlite" ? "prisma/migrations" : "prisma/pg/migrations";
  const schema = flavour === "sqlite" ? "prisma/schema.prisma" : "prisma/pg/schema.prisma";
  const existing = existsSync(path.join(root, dir)) ? readdirSync(path.join(root, dir)).filter((d) => /^\d/.test(d)) : [];
  const from = existing.length === 0 ? ["--from-empty"] : ["--from-migrations", dir];
  const url = flavour === "sqlite" ? "file:./.data/diff.db" : requirePgUrl();
  const sql = await runPrisma(
    ["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script", "--config", `prisma/${flavour}.config.ts`],
    { DATABASE_URL: url },
    { capture: true },
  );
  if (/^-- This is an empty migration/.test(sql.trim())) {
    process.stdout.write(`${flavour}: no changes\n`);
    return;
  }
  const target = path.join(root, dir, `${stamp}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, "migration.sql"), sql);
  const lock = path.join(root, dir, "migration_lock.toml");
  if (!existsSync(lock)) {
    writeFileSync(lock, `provider = "${flavour === "sqlite" ? "sqlite" : "postgresql"}"\n`);
  }
  process.stdout.write(`wrote ${path.relative(root, target)}/migration.sql\n`);
}

function requirePgUrl(): string {
  const url = process.env.PG_DIFF_URL ?? process.env.DATABASE_URL;
  if (!url?.startsWith("postgres")) {
    throw new Error("new-migration needs PG_DIFF_URL=postgresql://… for the PostgreSQL migration (a scratch database)");
  }
  return url;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
