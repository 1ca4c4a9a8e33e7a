import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** A V8 CPU profile (node --cpu-prof) as far as the summary needs it. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }>;
  samples: number[];
}

/** Where a function lives: an npm package, Baton's own code, or Node/V8 itself. */
function areaOf(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.includes("/build/server/") || url.includes("/app/")) return "baton";
  if (url.startsWith("node:")) return "node";
  return url ? "other" : "(native/gc/idle)";
}

function keyOf(frame: { functionName: string; url: string; lineNumber: number }): string {
  const where = frame.url ? `${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(build|app)\//, "$1/")}:${frame.lineNumber + 1}` : "";
  return `${frame.functionName || "(anonymous)"} ${where}`.trim();
}

/** Samples under each function (counted once per sample however deep it recurses), most first. */
function inclusiveShares(profile: CpuProfile, hits: Map<number, number>, byId: Map<number, CpuProfile["nodes"][number]>): Array<[string, number]> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  for (const [id, count] of hits) {
    if (byId.get(id)!.callFrame.functionName === "(idle)") continue;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(keyOf(byId.get(at)!.callFrame));
    for (const key of seen) totals.set(key, (totals.get(key) ?? 0) + count);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Prints the profile's top functions and areas by self time (share of all samples). */
export function summarizeProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const total = profile.samples.length;
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let idle = 0;
  for (const [id, count] of hits) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") {
      idle += count;
      continue;
    }
    const key = keyOf(frame);
    functions.set(key, (functions.get(key) ?? 0) + count);
    const area = areaOf(frame.url);
    areas.set(area, (areas.get(area) ?? 0) + count);
  }
  const busy = total - idle;
  const pct = (n: number) => `${((n / busy) * 100).toFixed(1)} %`;
  const lines = [`${path.basename(file)}: ${total} samples, ${((busy / total) * 100).toFixed(0)} % busy; shares of busy samples`];
  lines.push(
    "  areas: " +
      [...areas]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([a, n]) => `${a} ${pct(n)}`)
        .join(", "),
  );
  for (const [name, n] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(n).padStart(7)}  ${name}`);
  lines.push("  inclusive (the function and what it calls), Baton's own functions:");
  for (const [name, n] of inclusiveShares(profile, hits, byId)
    .filter(([name]) => name.includes("build/server/") || name.includes("app/"))
    .slice(0, top))
    lines.push(`  ${pct(n).padStart(7)}  ${name}`);
  return lines.join("\n");
}

/** Summaries of every profile in `dir` with a meaningful number of busy samples (skips idle launchers). */
export function printTopFunctions(dir: string, label: string): void {
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".cpuprofile"))) {
    const text = summarizeProfile(path.join(dir, name));
    console.log(`CPU profile, ${label}: ${text}`);
  }
}

if (process.argv[1]?.endsWith("cpu-profile-top.ts")) {
  for (const file of process.argv.slice(2)) console.log(summarizeProfile(file, 25));
}
