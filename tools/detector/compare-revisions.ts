// Usage: npx tsx tools/detector/compare-revisions.ts REF FILE.jsonl…
// Proves a refactoring of the detector changed no decision: runs the detector of git revision REF
// (extracted to .cache/) and the working tree's over every row's `text`, with all languages on, with
// and without the model, and compares the whole decision (reasons, priority, scores, signals with
// their evidence). Prints each file's count of differing rows and the first few differences.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as current from "~/domain/escalation";
import { DETECTOR_LANGUAGES } from "~/domain/escalation/settings";
import { readRows } from "../../app/cli/escalation-metrics";

type Detector = Pick<typeof current, "detectEscalation">;

const [ref, ...files] = process.argv.slice(2);
if (!ref || files.length === 0) {
  process.stderr.write("usage: compare-revisions REF FILE.jsonl…\n");
  process.exit(2);
}

/** The escalation folder of `ref`, unpacked beside the working tree so its packages resolve. */
async function loadRevision(revision: string): Promise<Detector> {
  const commit = execFileSync("git", ["rev-parse", "--short", revision], { encoding: "utf8" }).trim();
  const dir = resolve(".cache", `detector-${commit}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync("git", ["archive", commit, "app/domain/escalation"], { maxBuffer: 256 * 1024 * 1024 });
  execFileSync("tar", ["-x", "-C", dir], { input: archive });
  return (await import(pathToFileURL(resolve(dir, "app/domain/escalation/index.ts")).href)) as Detector;
}

const settings = { ...current.defaultEscalationSettings, languages: [...DETECTOR_LANGUAGES] };
const modes = [undefined, { model: null }] as const;

async function main(): Promise<void> {
  const before = await loadRevision(ref);
  let shown = 0;
  for (const file of files) {
    const rows = readRows(file);
    let differing = 0;
    for (const { text } of rows) {
      const conversation = { messages: [{ role: "shopper" as const, text }] };
      for (const options of modes) {
        const a = JSON.stringify(before.detectEscalation(conversation, {}, settings, options));
        const b = JSON.stringify(current.detectEscalation(conversation, {}, settings, options));
        if (a === b) continue;
        differing++;
        if (shown++ < 10) process.stdout.write(`differs: ${JSON.stringify(text)}\n  ${ref}: ${a}\n  now: ${b}\n`);
        break;
      }
    }
    process.stdout.write(`${file}: ${rows.length} rows, ${differing} with a different decision\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`compare-revisions: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
