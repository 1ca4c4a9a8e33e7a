// Usage: npm run train:detector [-- --data=DIR] [--out=FILE] [--loso] [--loso-only] [--epochs=N] [--hash-bits=N]
// Trains the learned escalation model from the dev files and writes the versioned asset
// (default app/domain/escalation/model/detector-model.v1.json). Deterministic: files are read in
// the fixed order below, the synthetic rows come from a seeded generator, and training shuffles
// with a fixed seed; the same data gives the same bytes.
// --loso also trains once per file family with that family left out and prints the
// leave-one-source-out matrix (rules only vs rules + model) on the left-out family's files.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defaultEscalationSettings, detectEscalation } from "../domain/escalation";
import { decodeModel, type DetectorModel } from "../domain/escalation/model/detector-model";
import { syntheticTrainingRows } from "../domain/escalation/model/synthetic-training-rows";
import { DEFAULT_RECIPE, trainDetectorModel, type RecipeOptions, type TrainingRow } from "../domain/escalation/model/train-model";
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
const out = resolve(option("out") ?? "app/domain/escalation/model/detector-model.v1.json");
const loso = args.includes("--loso") || args.includes("--loso-only");
const recipe: RecipeOptions = {
  ...DEFAULT_RECIPE,
  version: "v1",
  epochs: Number(option("epochs") ?? DEFAULT_RECIPE.epochs),
  hashBits: Number(option("hash-bits") ?? DEFAULT_RECIPE.hashBits),
};

function loadFamily(family: string, files: string[]): { file: string; rows: DevRow[] }[] {
  return files.map((file) => ({ file, rows: readRows(join(dataDir, file)) }));
}

const trainingRows = (families: { family: string; files: { rows: DevRow[] }[] }[]): TrainingRow[] => [
  ...families.flatMap(({ family, files }) => files.flatMap(({ rows }) => rows.map((r) => ({ text: r.text, label: r.label, meta: r.meta, family })))),
  ...syntheticTrainingRows().map((r) => ({ ...r, family: "synthetic" })),
];

function train(rows: TrainingRow[], label: string): DetectorModel & { asset: ReturnType<typeof trainDetectorModel> } {
  const started = performance.now();
  const asset = trainDetectorModel(rows, recipe);
  console.error(`[train] ${label}: ${rows.length} rows in ${((performance.now() - started) / 1000).toFixed(1)} s; thresholds ${JSON.stringify(asset.thresholds)}`);
  return { ...decodeModel(asset), asset };
}

function verdict(model: DetectorModel | null) {
  return (row: DevRow) => detectEscalation({ messages: [{ role: "shopper", text: row.text }] }, {}, defaultEscalationSettings, { model }).escalate;
}

function main(): void {
  const data = FAMILIES.map(({ family, files }) => ({ family, files: loadFamily(family, files) }));

  if (loso) {
    const lines = ["| left out | file | rows | rules P / R / F1 / FPR | rules + model P / R / F1 / FPR | ambiguous escalations (rules → +model) |", "|---|---|---|---|---|---|"];
    for (const left of data) {
      const model = train(trainingRows(data.filter((d) => d !== left)), `without ${left.family}`);
      for (const { file, rows } of left.files) {
        const before = scoreRows(rows, verdict(null));
        const after = scoreRows(rows, verdict(model));
        const b = rates(before.tally);
        const a = rates(after.tally);
        const ambiguous = [...after.byReason]
          .filter(([key]) => key.startsWith("escalate") && key.endsWith("(ambiguous)"))
          .map(([key, [hit, total]]) => `${key.replace(/^escalate:| \(ambiguous\)$/g, "")} ${fmt((before.byReason.get(key)?.[0] ?? 0) / total)} → ${fmt(hit / total)}`)
          .join("; ");
        lines.push(`| ${left.family} | ${file} | ${rows.length} | ${fmt(b.p)} / ${fmt(b.r)} / ${fmt(b.f1)} / ${fmt(b.fpr)} | ${fmt(a.p)} / ${fmt(a.r)} / ${fmt(a.f1)} / ${fmt(a.fpr)} | ${ambiguous || "-"} |`);
        console.error(lines[lines.length - 1]);
        for (const [key, [hit, total]] of [...after.byReason].sort()) {
          console.error(`    ${key.padEnd(60)} ${fmt((before.byReason.get(key)?.[0] ?? 0) / total)} → ${fmt(hit / total)} (${total})`);
        }
      }
    }
    console.log(lines.join("\n"));
    if (args.includes("--loso-only")) return;
  }

  const final = train(trainingRows(data), "all families");
  writeFileSync(out, JSON.stringify(final.asset) + "\n");
  console.error(`[train] wrote ${out} (version ${final.asset.version}, checksum ${final.asset.checksum}, ${(JSON.stringify(final.asset).length / 1e6).toFixed(2)} MB)`);
}

main();
