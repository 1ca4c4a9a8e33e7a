// Usage: npm run train:detector [-- --data=DIR] [--out=FILE] [--loso] [--loso-only] [--epochs=N] [--hash-bits=N] [--no-vectors]
//   [--hidden=N] [--hidden-rate=X] [--hidden-heads=negative_sentiment,complaint]
//   [--calibration=fixed|held-back|left-out-family] [--blocks=tweeteval,goemotions_dev.jsonl,…] [--save-blocks=DIR]
// Trains the learned escalation model from the dev files and writes the versioned asset
// (default app/domain/escalation/model/.trained/detector-model.v2.json). The model reads the committed
// word vectors (model/.trained/word-vectors.v1.json); --no-vectors trains without them (comparison only). Deterministic: files are read in
// the fixed order below, the synthetic rows come from a seeded generator, and training shuffles
// with a fixed seed; the same data gives the same bytes.
// --loso also trains once per file family with that family left out and prints the
// leave-one-source-out matrix (rules only vs rules + model) on the left-out family's files.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defaultEscalationSettings, detectEscalation } from "../domain/escalation";
import { decodeModel, type DetectorModel } from "../domain/escalation/model/detector-model";
import { MODEL_HEADS, type ModelHead } from "../domain/escalation/model/heads";
import { decodeWordVectors, type WordVectorsAsset } from "../domain/escalation/model/word-vectors";
import { syntheticTrainingRows } from "../../tools/detector/synthetic-training-rows";
import { DEFAULT_RECIPE, buildExamples, trainAsset, type Example, type RecipeOptions, type TrainingRow } from "../../tools/detector/train-model";
import { fmt, rates, readRows, scoreRows, type DevRow } from "./escalation-metrics";

/** File families in training order; a family is what leave-one-source-out leaves out. */
export const FAMILIES: { family: string; files: string[] }[] = [
  { family: "bitext", files: ["bitext_20k.jsonl", "bitext_8k.jsonl"] },
  { family: "banking77", files: ["banking77_train.jsonl"] },
  { family: "goemotions", files: ["goemotions_dev.jsonl", "goemotions_train.jsonl"] },
  { family: "tweeteval", files: ["tweeteval_emotion.jsonl", "tweeteval_sentiment.jsonl"] },
];

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const dataDir = resolve(option("data") ?? "../shared/datasets/dev");
const out = resolve(option("out") ?? "app/domain/escalation/model/.trained/detector-model.v2.json");
const vectors = args.includes("--no-vectors")
  ? null
  : decodeWordVectors(JSON.parse(readFileSync(resolve("app/domain/escalation/model/.trained/word-vectors.v1.json"), "utf8")) as WordVectorsAsset);
const loso = args.includes("--loso") || args.includes("--loso-only");
/** --blocks limits the leave-out matrix to these families / files (a quicker look while iterating). */
const blocks = option("blocks")?.split(",");
const wanted = (name: string) => !blocks || blocks.includes(name);
/** --save-blocks writes each leave-out model to DIR (for sweeping operating points without retraining: tools/detector/sweep-blocks.ts). */
const saveBlocks = option("save-blocks");
const recipe: RecipeOptions = {
  ...DEFAULT_RECIPE,
  version: "v2",
  epochs: Number(option("epochs") ?? DEFAULT_RECIPE.epochs),
  hashBits: Number(option("hash-bits") ?? DEFAULT_RECIPE.hashBits),
  calibration: (option("calibration") as RecipeOptions["calibration"] | undefined) ?? DEFAULT_RECIPE.calibration,
  ...(option("hidden") ? { hidden: Number(option("hidden")) } : {}),
  ...(option("hidden-rate") ? { hiddenLearningRate: Number(option("hidden-rate")) } : {}),
  ...(option("hidden-heads")
    ? {
        hiddenHeads: option("hidden-heads")!
          .split(",")
          .map((head) => MODEL_HEADS.indexOf(head as ModelHead)),
      }
    : {}),
};

const log = (message: string) => process.stderr.write(`[train] ${message}\n`);

/** Trains with the recipe on the examples `keep` accepts (the left-out rows never reach training or calibration). */
function train(examples: Example[], keep: (e: Example) => boolean, label: string) {
  const started = performance.now();
  const asset = trainAsset(examples.filter(keep), recipe, (message) => log(`${label}: ${message}`), vectors);
  log(`${label}: trained in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (saveBlocks && label !== "final model") writeFileSync(join(resolve(saveBlocks), `${label.replace(/^without /, "")}.json`), JSON.stringify(asset));
  return asset;
}

/** Files left out one at a time within their family: a "second release of the same kind" test. */
const HELD_OUT_FILES = ["bitext_8k.jsonl", "goemotions_dev.jsonl", "tweeteval_emotion.jsonl"];

function matrixLine(leftOut: string, file: string, fileRows: DevRow[], model: DetectorModel): string {
  const before = scoreRows(fileRows, (r) => judge(null, r.text).escalate);
  const falseBy = new Map<string, number>();
  const after = scoreRows(fileRows, (r: DevRow) => {
    const d = judge(model, r.text);
    if (d.escalate && r.label !== "escalate" && !r.meta?.ambiguous) {
      for (const s of d.signals) {
        const key = `${s.reason}${s.evidence.includes("(model ") ? "/model" : "/rule"}`;
        falseBy.set(key, (falseBy.get(key) ?? 0) + 1);
      }
    }
    return d.escalate;
  });
  const b = rates(before.tally);
  const a = rates(after.tally);
  const ambiguous = [...after.byReason]
    .filter(([key]) => key.startsWith("escalate") && key.endsWith("(ambiguous)"))
    .map(
      ([key, [hit, total]]) => `${key.replace(/^escalate:| \(ambiguous\)$/g, "")} ${fmt((before.byReason.get(key)?.[0] ?? 0) / total)} → ${fmt(hit / total)}`,
    )
    .join("; ");
  const prf = (r: ReturnType<typeof rates>) => `${fmt(r.p)} / ${fmt(r.r)} / ${fmt(r.f1)} / ${fmt(r.fpr)}`;
  const line = `| ${leftOut} | ${file} | ${fileRows.length} | ${prf(b)} | ${prf(a)} | ${ambiguous || "-"} |`;
  log(line);
  for (const [key, [hit, total]] of [...after.byReason].sort())
    log(`    ${key.padEnd(60)} ${fmt((before.byReason.get(key)?.[0] ?? 0) / total)} → ${fmt(hit / total)} (${total})`);
  log(`    false escalations by signal: ${[...falseBy].map(([k, n]) => `${k}=${n}`).join(", ")}`);
  return line;
}

function judge(model: DetectorModel | null, text: string) {
  return detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings, { model });
}

function main(): void {
  const data = FAMILIES.map(({ family, files }) => ({ family, files: files.map((file) => ({ file, rows: readRows(join(dataDir, file)) })) }));
  const rows: TrainingRow[] = [
    ...data.flatMap(({ family, files }) => files.flatMap((f) => f.rows.map((r) => ({ text: r.text, label: r.label, meta: r.meta, family })))),
    ...syntheticTrainingRows().map((r) => ({ ...r, family: "synthetic" })),
  ];
  const started = performance.now();
  const examples = buildExamples(rows, recipe, vectors);
  log(`features for ${rows.length} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  if (loso) {
    const header = [
      "| left out | tested on | rows | rules only P / R / F1 / FPR | rules + model P / R / F1 / FPR | ambiguous escalate rows escalated (rules → + model) |",
      "|---|---|---|---|---|---|",
    ];
    const lines = [...header];
    for (const left of data) {
      if (!wanted(left.family)) continue;
      const model = decodeModel(
        train(examples, (e) => e.family !== left.family, `without ${left.family}`),
        vectors,
      );
      for (const { file, rows: fileRows } of left.files) lines.push(matrixLine(left.family, file, fileRows, model));
    }
    // a second release of the same kind: leave one file of a family out (and any row whose text it
    // shares), train on the rest, test on that file
    for (const { files } of data) {
      if (files.length < 2) continue;
      const held = files.find((f) => HELD_OUT_FILES.includes(f.file));
      if (!held || !wanted(held.file)) continue;
      const texts = new Set(held.rows.map((r) => r.text));
      const model = decodeModel(
        train(examples, (e) => !texts.has(e.text), `without ${held.file}`),
        vectors,
      );
      lines.push(matrixLine(`${held.file} only`, held.file, held.rows, model));
    }
    process.stdout.write(`${lines.join("\n")}\n`);
    if (args.includes("--loso-only")) return;
  }

  const asset = train(examples, () => true, "final model");
  const json = JSON.stringify(asset) + "\n";
  writeFileSync(out, json);
  log(`wrote ${out} (version ${asset.version}, checksum ${asset.checksum}, ${(json.length / 1e6).toFixed(2)} MB)`);
}

try {
  main();
} catch (error: unknown) {
  process.stderr.write(`train-detector: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
