// The doctor's agent review record (docs/app-review.md), for a reviewer renewing it:
//
//   npx tsx app/cli/app-review.ts stale [--since <rev>]
//     the checks whose files changed since <rev> (default: the commit that last wrote the record),
//     committed or not, and the changed files no check names — what to read again.
//   npx tsx app/cli/app-review.ts record
//     after `npm run shopify -- app doctor --path . --json > /dev/null` and reading every check that
//     changed: writes .app-doctor/findings.json for this tree from the pack and check-files.json.
//     It records what a reviewer decided; it decides nothing. Then `npm run check:shopify -- --require-fresh-review`.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildRecord, checksAffectedBy, doctorIgnores, type CheckFiles, type ReviewPack, type Unresolved } from "./app-review-record";
import { ROOT } from "./shopify-cli";

const CHECK_FILES = path.join(ROOT, ".app-doctor/check-files.json");
const RECORD = path.join(ROOT, ".app-doctor/findings.json");
const PACK = path.join(ROOT, ".shopify/app-doctor/review.json");

/** Checks no offline reading can decide here. */
const UNRESOLVED: Record<string, Unresolved> = {
  KNOWN_CVE_IN_DEPENDENCY: {
    reason: {
      code: "audit_unavailable",
      message:
        "No advisory database is reachable offline (npm audit fails against this registry mirror), " +
        "so static reading of package-lock.json cannot confirm or rule out a known vulnerable version.",
    },
    guidance: "Run `npm audit --omit=dev` or `shopify app doctor` with network access to the public npm registry and upgrade any flagged package.",
  },
};

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;
const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" });
const lines = (text: string) => text.split("\n").filter(Boolean);

function stale(since: string | undefined): void {
  const base = since ?? git("log", "-1", "--format=%H", "--", ".app-doctor/findings.json").trim();
  if (!base) throw new Error("no commit wrote .app-doctor/findings.json yet: pass --since <rev>");
  const touched = new Set([...lines(git("diff", "--name-only", base)), ...lines(git("ls-files", "--others", "--exclude-standard"))]);
  // Tests, dot paths and the like are outside the scan: they change no check's evidence.
  const changed = [...touched].filter((f) => !doctorIgnores(f));
  const { affected, unassigned } = checksAffectedBy(readJson<CheckFiles>(CHECK_FILES), changed);
  process.stdout.write(`Changed since ${base.slice(0, 12)}: ${changed.length} files\n`);
  for (const [id, files] of Object.entries(affected))
    process.stdout.write(`${id} (${files.length}): ${files.slice(0, 6).join(" ")}${files.length > 6 ? " …" : ""}\n`);
  if (unassigned.length) process.stdout.write(`Named by no check (judge, or widen a glob): ${unassigned.join(" ")}\n`);
}

function record(): void {
  const built = buildRecord(readJson<ReviewPack>(PACK), readJson<CheckFiles>(CHECK_FILES), UNRESOLVED);
  writeFileSync(RECORD, `${JSON.stringify(built, null, 2)}\n`);
  const open = built.checks_executed.filter((c) => c.status !== "executed").map((c) => c.check_id);
  process.stdout.write(`Wrote ${path.relative(ROOT, RECORD)}: ${built.checks_executed.length} checks, unresolved: ${open.join(", ") || "none"}\n`);
}

const [command, flag, value] = process.argv.slice(2);
try {
  if (command === "stale") stale(flag === "--since" ? value : undefined);
  else if (command === "record") record();
  else throw new Error("usage: app-review.ts stale [--since <rev>] | record");
} catch (error) {
  process.stderr.write(`[app-review] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
