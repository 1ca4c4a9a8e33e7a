// The agent review record of Shopify's app doctor (docs/app-review.md): which files each of the
// review pack's checks reads (`.app-doctor/check-files.json`, path globs per check id), which checks
// a change touches, and the findings file for a tree whose checks were read. Pure: the CLI
// (app/cli/app-review.ts) reads and writes the files.

/** Path globs per check id: `*` within one path segment, `**` across segments. */
export type CheckFiles = Record<string, string[]>;

/** One check of the review pack (`.shopify/app-doctor/review.json`), as far as the record needs it. */
export interface PackCheck {
  id: string;
  version: number;
  prompt_hash: string;
  deterministic_fallback?: { search_boundary_files?: string[] } | null;
}

export interface ReviewPack {
  schema_version: number;
  source_scan_id: string;
  checks: PackCheck[];
}

/** A check that could not be decided, with the doctor's structured reason and what would decide it. */
export interface Unresolved {
  reason: { code: string; message: string };
  guidance: string;
}

export interface CheckRecord {
  check_id: string;
  check_version: number;
  prompt_hash: string;
  status: "executed" | "unresolved";
  inspected_files: string[];
  reason?: Unresolved["reason"];
  guidance?: string;
}

export interface FindingsRecord {
  schema_version: number;
  source_scan_id: string;
  checks_executed: CheckRecord[];
  findings: unknown[];
}

/** A glob as an anchored RegExp over `/`-separated project paths. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length;) {
    if (glob.startsWith("**/", i)) {
      source += "(?:.*/)?";
      i += 3;
    } else if (glob.startsWith("**", i)) {
      source += ".*";
      i += 2;
    } else if (glob[i] === "*") {
      source += "[^/]*";
      i += 1;
    } else {
      source += glob[i]!.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
      i += 1;
    }
  }
  return new RegExp(`^${source}$`);
}

/** The files any of the globs names, sorted. */
export function matchingFiles(globs: readonly string[], files: readonly string[]): string[] {
  const patterns = globs.map(globToRegExp);
  return files.filter((f) => patterns.some((p) => p.test(f))).sort();
}

/**
 * The checks a change touches (each with the changed files it reads), and the changed files no
 * check names: those need a reviewer's judgement (a new kind of file, or a glob to widen).
 */
export function checksAffectedBy(checkFiles: CheckFiles, changed: readonly string[]): { affected: Record<string, string[]>; unassigned: string[] } {
  const affected: Record<string, string[]> = {};
  const named = new Set<string>();
  for (const [id, globs] of Object.entries(checkFiles)) {
    const hit = matchingFiles(globs, changed);
    if (hit.length === 0) continue;
    affected[id] = hit;
    hit.forEach((f) => named.add(f));
  }
  return { affected, unassigned: changed.filter((f) => !named.has(f)).sort() };
}

/** Folders the doctor never scans (read from @shopify/cli 4.8.2's scanner), beside dot paths and test files. */
const IGNORED_DIRS = new Set([
  "node_modules",
  "vendor",
  "coverage",
  "dist",
  "build",
  "test",
  "tests",
  "spec",
  "specs",
  "__tests__",
  "fixtures",
  "__fixtures__",
]);

/** Whether the doctor's scan leaves this project path out (so a change to it cannot stale the record). */
export function doctorIgnores(file: string): boolean {
  const parts = file.split("/");
  const name = parts[parts.length - 1] ?? "";
  if (parts.some((p) => p.startsWith(".") || IGNORED_DIRS.has(p) || p.endsWith("-fixtures"))) return true;
  return /\.(test|spec)\./.test(name);
}

/** The files the doctor scanned for this pack (every fallback names the same search boundary). */
export function scannedFiles(pack: ReviewPack): string[] {
  const files = new Set<string>();
  for (const check of pack.checks) for (const f of check.deterministic_fallback?.search_boundary_files ?? []) files.add(f);
  return [...files].sort();
}

/**
 * The findings file for a tree whose every check was read (no findings: a real one is fixed before
 * the record is written). Each check lists the scanned files its globs name. Throws when the pack
 * and the globs disagree: a check without globs, or a glob that names no scanned file (a file moved).
 */
export function buildRecord(pack: ReviewPack, checkFiles: CheckFiles, unresolved: Record<string, Unresolved>): FindingsRecord {
  const scanned = scannedFiles(pack);
  const problems: string[] = [];
  const checks = pack.checks.map((check): CheckRecord => {
    const globs = checkFiles[check.id];
    if (!globs?.length) problems.push(`${check.id}: no globs in check-files.json`);
    for (const glob of globs ?? []) if (matchingFiles([glob], scanned).length === 0) problems.push(`${check.id}: "${glob}" names no scanned file`);
    const base = { check_id: check.id, check_version: check.version, prompt_hash: check.prompt_hash, inspected_files: matchingFiles(globs ?? [], scanned) };
    const open = unresolved[check.id];
    return open ? { ...base, status: "unresolved", reason: open.reason, guidance: open.guidance } : { ...base, status: "executed" };
  });
  const unknown = Object.keys(checkFiles).filter((id) => !pack.checks.some((c) => c.id === id));
  if (unknown.length) problems.push(`not in the review pack: ${unknown.join(", ")}`);
  if (problems.length) throw new Error(problems.join("\n"));
  return { schema_version: pack.schema_version, source_scan_id: pack.source_scan_id, checks_executed: checks, findings: [] };
}
