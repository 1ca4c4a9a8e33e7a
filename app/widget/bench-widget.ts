// `npm run bench:widget`: builds the widget and checks what a storefront downloads, gzipped.
// Budgets: launcher (everything before the first open, JS+CSS) ≤ 4 KB; launcher + panel (the first open) ≤ 13 KB (12 KB before
// the attach button, 9 KB before the product card); the photo chunk, loaded on the first attach, ≤ 3 KB (decision 0070).
import { brotliCompressSync, gzipSync } from "node:zlib";
import { LAUNCHER_BUDGET, PHOTOS_BUDGET, TOTAL_BUDGET } from "./budgets";
import { LAUNCHER_FILE, PHOTOS_FILE, writeWidget } from "./build";

const { files } = await writeWidget();
const gz = (b: Uint8Array) => gzipSync(b, { level: 9 }).length;
const br = (b: Uint8Array) => brotliCompressSync(b).length;
const launcher = files.filter((f) => f.name === LAUNCHER_FILE);
const firstOpen = files.filter((f) => f.name !== PHOTOS_FILE);
const photos = files.filter((f) => f.name === PHOTOS_FILE);
const sum = (list: typeof files, f: (b: Uint8Array) => number) => list.reduce((n, x) => n + f(x.contents), 0);

const rows = [
  ...files.map((f) => [f.name, f.contents.length, gz(f.contents), br(f.contents)] as const),
  ["launcher (before first open)", sum(launcher, (b) => b.length), sum(launcher, gz), sum(launcher, br)] as const,
  ["first open (launcher + panel)", sum(firstOpen, (b) => b.length), sum(firstOpen, gz), sum(firstOpen, br)] as const,
];
const print = (line: string) => process.stdout.write(`${line}\n`);
print("file".padEnd(30) + "raw".padStart(8) + "gzip".padStart(8) + "brotli".padStart(8));
for (const [name, raw, g, b] of rows) print(name.padEnd(30) + String(raw).padStart(8) + String(g).padStart(8) + String(b).padStart(8));

const launcherGz = sum(launcher, gz);
const totalGz = sum(firstOpen, gz);
const photosGz = sum(photos, gz);
const failures = [
  launcherGz > LAUNCHER_BUDGET && `launcher ${launcherGz} B gzipped > ${LAUNCHER_BUDGET} B`,
  totalGz > TOTAL_BUDGET && `total ${totalGz} B gzipped > ${TOTAL_BUDGET} B`,
  photosGz > PHOTOS_BUDGET && `photos ${photosGz} B gzipped > ${PHOTOS_BUDGET} B`,
].filter(Boolean);
print(`budget: launcher ${launcherGz}/${LAUNCHER_BUDGET} B, first open ${totalGz}/${TOTAL_BUDGET} B, photos ${photosGz}/${PHOTOS_BUDGET} B (gzip -9)`);
if (failures.length) {
  process.stderr.write(`over budget: ${failures.join("; ")}\n`);
  process.exit(1);
}
