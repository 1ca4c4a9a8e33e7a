/**
 * `npm run bench:turn-anatomy` — what one storefront chat turn costs in structure, not time:
 * - the files of `app/` in the chat route's import closure (esbuild's metafile);
 * - the database statements a turn runs on SQLite (every better-sqlite3 statement execution,
 *   Prisma's included, counted per turn) for ordinary turns and a hand-off;
 * - files in `app/` over 400 lines and lines over 160 characters.
 * It drives `runChatTurn` in process with an in-memory order lookup, so it runs on any checkout.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";

process.env.SHOPIFY_API_SECRET ??= "bench-secret-0123456789abcdef";
delete process.env.OPENAI_API_KEY;
const root = path.resolve(import.meta.dirname, "../..");

async function importClosure(entry: string): Promise<number> {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    alias: { "~": path.join(root, "app") },
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs).filter((f) => f.startsWith("app/")).length;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

/** Counts every statement execution on every better-sqlite3 connection of this process. */
function countStatements(): { take(): number } {
  const require = createRequire(path.join(root, "package.json"));
  const Database = require("better-sqlite3") as { prototype: Record<string, (...a: unknown[]) => unknown> };
  let n = 0;
  const prepare = Database.prototype.prepare!;
  const patched = new WeakSet<object>();
  Database.prototype.prepare = function (this: unknown, ...args: unknown[]) {
    const statement = prepare.apply(this, args) as Record<string, (...a: unknown[]) => unknown>;
    const proto = Object.getPrototypeOf(statement) as Record<string, (...a: unknown[]) => unknown>;
    if (!patched.has(proto)) {
      patched.add(proto);
      for (const method of ["run", "get", "all", "iterate"]) {
        const original = proto[method]!;
        proto[method] = function (this: { source?: string }, ...a: unknown[]) {
          n++;
          if (process.env.ANATOMY_TRACE) console.log("   sql:", String(this.source).replace(/\s+/g, " ").slice(0, 90));
          return original.apply(this, a);
        };
      }
    }
    return statement;
  };
  // `pragma` runs a prepared statement of its own: counted there.
  for (const method of ["exec"]) {
    const original = Database.prototype[method]!;
    Database.prototype[method] = function (this: unknown, ...a: unknown[]) {
      n++;
      if (process.env.ANATOMY_TRACE) console.log(`   ${method}:`, String(a[0]).slice(0, 90));
      return original.apply(this, a);
    };
  }
  return {
    take() {
      const value = n;
      n = 0;
      return value;
    },
  };
}

const counter = countStatements();
const { createDb } = await import("../../app/db.server");
const { migrateDeploy } = await import("../../app/platform/prisma-cli.server");
const { runChatTurn } = await import("../../app/chat/run-chat-turn.server");
const { order, customer, memoryLookup } = await import("../support/memory-lookup");
const { memoryCatalogue } = await import("../support/memory-catalogue");

const dir = mkdtempSync(path.join(tmpdir(), "baton-anatomy-"));
const url = `file:${path.join(dir, "anatomy.db")}`;
await migrateDeploy(url);
const db = createDb(url);
const SHOP = "anatomy.myshopify.com";
await db.shop.create({
  data: { domain: SHOP, name: "Anatomy", plan: "growth", routing: { defaultTo: ["team@anatomy.test"] }, contact: { email: "hi@anatomy.test" } },
});
const lookup = memoryLookup([order("#2001"), order("#2002", { fulfillmentStatus: "UNFULFILLED", fulfillments: [] })], customer);
const deps = {
  db,
  lookup,
  policies: lookup,
  catalogue: memoryCatalogue(),
  now: () => new Date("2026-03-01T12:00:00Z"),
  kickOutbox: () => undefined,
  config: {
    llm: null,
    followUpBatchMs: 60_000,
    mailFrom: "Baton <escalations@anatomy.test>",
    appSecret: process.env.SHOPIFY_API_SECRET,
    messageIdDomain: "anatomy.test",
    adminCaseUrl: (shop: string, id: string) => `https://admin.test/${shop}/cases/${id}`,
  },
  log: { warn: () => undefined },
  caseAttempts: async () => ({ client: 1, replyTo: 1 }),
};
// Warm up: the first turn prepares statements and opens the connection.
await runChatTurn(deps as never, { shop: SHOP, customerId: null, message: "hello" });
counter.take();

const turns: Array<[string, string]> = [
  ["new conversation: hi", "hi"],
  ["names an order", "where is my order #2001?"],
  ["proves it with an email", "ava@example.com"],
  ["store question", "what is your shipping policy?"],
  ["thanks", "thanks!"],
  ["asks for a person (case + email)", "I want to talk to a person, it arrived broken"],
  ["after the hand-off (follow-up)", "also the box was wet"],
];
let conversationId: string | undefined;
console.log("database statements per turn (SQLite, built-in engine):");
for (const [label, message] of turns) {
  const out = await runChatTurn(deps as never, { shop: SHOP, customerId: null, conversationId, message });
  conversationId = out.conversationId;
  console.log(`  ${label.padEnd(36)} ${String(counter.take()).padStart(3)}   → ${out.state}`);
}

const files = walk(path.join(root, "app"));
const long = files.filter((f) => readFileSync(f, "utf8").split("\n").length > 400).map((f) => path.relative(root, f));
const wide = files.reduce(
  (sum, f) =>
    sum +
    readFileSync(f, "utf8")
      .split("\n")
      .filter((l) => l.length > 160).length,
  0,
);
console.log(`files of app/ in the import closure of app/routes/proxy.chat.tsx: ${await importClosure("app/routes/proxy.chat.tsx")}`);
console.log(`files in app/ over 400 lines: ${long.length}${long.length ? ` (${long.join(", ")})` : ""}`);
console.log(`lines in app/ over 160 characters: ${wide}`);
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
