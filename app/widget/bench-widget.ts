// `npm run bench:widget`: builds the widget and checks what a storefront downloads, gzipped.
// Budgets: launcher (everything before the first open, JS+CSS) ≤ 4 KB; everything together ≤ 12 KB (12,288 B; 9,216 B before the product card).
import { brotliCompressSync, gzipSync } from "node:zlib";
import { LAUNCHER_BUDGET, TOTAL_BUDGET } from "./budgets";
import { LAUNCHER_FILE, writeWidget } from "./build";

const { files } = await writeWidget();
const gz = (b: Uint8Array) => gzipSync(b, { level: 9 }).length;
const br = (b: Uint8Array) => brotliCompressSync(b).length;
const launcher = files.filter((f) => f.name === LAUNCHER_FILE);
const sum = (list: typeof files, f: (b: Uint8Array) => number) => list.reduce((n, x) => n + f(x.contents), 0);

const rows = [
  ...files.map((f) => [f.name, f.contents.length, gz(f.contents), br(f.contents)] as const),
  ["launcher (before first open)", sum(launcher, (b) => b.length), sum(launcher, gz), sum(launcher, br)] as const,
  ["total", sum(files, (b) => b.length), sum(files, gz), sum(files, br)] as const,
];
const print = (line: string) => process.stdout.write(`${line}\n`);
print("file".padEnd(30) + "raw".padStart(8) + "gzip".padStart(8) + "brotli".padStart(8));
for (const [name, raw, g, b] of rows) print(name.padEnd(30) + String(raw).padStart(8) + String(g).padStart(8) + String(b).padStart(8));

const launcherGz = sum(launcher, gz);
const totalGz = sum(files, gz);
const failures = [
  launcherGz > LAUNCHER_BUDGET && `launcher ${launcherGz} B gzipped > ${LAUNCHER_BUDGET} B`,
  totalGz > TOTAL_BUDGET && `total ${totalGz} B gzipped > ${TOTAL_BUDGET} B`,
].filter(Boolean);
print(`budget: launcher ${launcherGz}/${LAUNCHER_BUDGET} B, total ${totalGz}/${TOTAL_BUDGET} B (gzip -9)`);
if (failures.length) {
  process.stderr.write(`over budget: ${failures.join("; ")}\n`);
  process.exit(1);
}
