import { readFileSync, renameSync } from "node:fs";
import path from "node:path";

/** A V8 heap snapshot (node --heapsnapshot-signal) as far as the summary needs it. */
interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Self size per (type, constructor or name), largest first: what holds the heap. */
export function summarizeHeap(file: string, top = 20): string {
  const snapshot = JSON.parse(readFileSync(file, "utf8")) as HeapSnapshot;
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const groups = new Map<string, { size: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]!]!;
    const rawName = snapshot.strings[snapshot.nodes[i + nameAt]!] ?? "";
    // Strings and code are grouped by type (their "names" are their contents).
    const name = type === "object" || type === "closure" || type === "native" ? rawName.slice(0, 80) : "";
    const key = `${type} ${name}`.trim();
    const size = snapshot.nodes[i + sizeAt]!;
    total += size;
    const g = groups.get(key) ?? { size: 0, count: 0 };
    g.size += size;
    g.count++;
    groups.set(key, g);
  }
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const lines = [`heap snapshot ${path.basename(file)}: ${mb(total)} MB in objects (self sizes)`];
  for (const [key, g] of [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, top)) {
    lines.push(`  ${mb(g.size).padStart(7)} MB  ${String(g.count).padStart(8)}×  ${key}`);
  }
  return lines.join("\n");
}

/** Moves the snapshot out of the working tree and prints its summary. */
export function printHeapSummary(file: string, dir: string): void {
  const target = path.join(dir, path.basename(file));
  renameSync(file, target);
  console.log(summarizeHeap(target));
  console.log(`  (snapshot kept at ${target}: open it in Chrome DevTools › Memory for retainers)`);
}

if (process.argv[1]?.endsWith("heap-summary.ts")) {
  for (const file of process.argv.slice(2)) console.log(summarizeHeap(file, 40));
}
