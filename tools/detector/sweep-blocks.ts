// Usage: npx tsx tools/detector/sweep-blocks.ts DIR [--data=DIR] [--grid=FILE.json]
// Operating points without retraining: reads the leave-out models `train:detector --loso --save-blocks=DIR`
// wrote, scores each block's left-out files once (which rules fire with the model on, which heads could
// fire and their probabilities) and prints P / R / F1 / FPR per block for each operating point in the
// grid (head thresholds and the @mention discount), so a change of operating point is judged only on
// sources its models never saw. The scores are cached in DIR/scores.json.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defaultEscalationSettings, detectEscalation } from "~/domain/escalation";
import { decodeModel, scoreWithModel, type DetectorModelAsset } from "~/domain/escalation/model/detector-model";
import { readRuleSignals, ruleFeatures } from "~/domain/escalation/rule-signals";
import { MODEL_HEADS, type ModelHead } from "~/domain/escalation/model/heads";
import { decodeWordVectors, type WordVectorsAsset } from "~/domain/escalation/model/word-vectors";
import { normalizeText } from "~/domain/escalation/normalize";
import { fmt, rates, readRows, scoreRows, type DevRow } from "~/cli/escalation-metrics";
import { BLOCK_FILES } from "./loso-blocks";

/** The reason a head's finding carries. */
const HEAD_REASON: Record<ModelHead, string> = {
  explicit_request: "explicit_request",
  complaint: "complaint",
  negative_sentiment: "negative_sentiment",
  refund: "authority_limit",
};

/** One row: did a rule (or context) fire, @mentions, and per head the probability when the head was eligible (else -1). */
type RowScore = [rule: 0 | 1, mentions: number, ...p: number[]];

/** An operating point: thresholds per head at default settings and the @mention discount. */
export interface OperatingPoint {
  name: string;
  /** absolute thresholds per head (else the block's calibrated one) */
  thresholds?: Partial<Record<ModelHead, number>>;
  /** added to the block's calibrated threshold per head */
  offset?: Partial<Record<ModelHead, number>>;
  publicDiscount: number;
  /** extra discount per head for public posts (added to publicDiscount) */
  publicExtra?: Partial<Record<ModelHead, number>>;
}

const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith("--")) ?? "/tmp/blocks");
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const dataDir = resolve(option("data") ?? "../shared/datasets/dev");

function scoreBlocks(): { blocks: Record<string, Record<string, RowScore[]>>; thresholds: Record<string, Record<ModelHead, number>> } {
  const cache = join(dir, "scores.json");
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8"));
  const vectors = decodeWordVectors(JSON.parse(readFileSync(resolve("app/domain/escalation/model/.trained/word-vectors.v1.json"), "utf8")) as WordVectorsAsset);
  const blocks: Record<string, Record<string, RowScore[]>> = {};
  const thresholds: Record<string, Record<ModelHead, number>> = {};
  for (const [block, files] of Object.entries(BLOCK_FILES)) {
    const path = join(dir, `${block}.json`);
    if (!existsSync(path)) continue;
    const model = decodeModel(JSON.parse(readFileSync(path, "utf8")) as DetectorModelAsset, vectors);
    thresholds[block] = { ...model.thresholds };
    // every head at its floor: a model finding then means "eligible" and carries the probability
    for (const head of MODEL_HEADS) model.thresholds[head] = -10;
    blocks[block] = {};
    for (const file of files) {
      blocks[block][file] = readRows(join(dataDir, file)).map((row) => {
        const d = detectEscalation({ messages: [{ role: "shopper", text: row.text }] }, {}, defaultEscalationSettings, { model });
        const rule = d.signals.some((s) => s.source !== "model") ? 1 : 0;
        // signals round scores to 0.01: take the exact probability, and the signal only as "the head was eligible"
        const n = normalizeText(row.text);
        const exact = scoreWithModel(model, n, ruleFeatures(readRuleSignals(n, defaultEscalationSettings.languages)));
        const p = MODEL_HEADS.map((head) => (d.signals.some((s) => s.source === "model" && s.reason === HEAD_REASON[head]) ? exact[head] : -1));
        return [rule, n.mentions, ...p] as RowScore;
      });
      process.stderr.write(`[sweep] scored ${block} / ${file}\n`);
    }
  }
  writeFileSync(cache, JSON.stringify({ blocks, thresholds }));
  return { blocks, thresholds };
}

function main(): void {
  const { blocks, thresholds } = scoreBlocks();
  const grid: OperatingPoint[] = option("grid")
    ? (JSON.parse(readFileSync(resolve(option("grid")!), "utf8")) as OperatingPoint[])
    : [{ name: "as trained", publicDiscount: 0.25 }];
  const rowsByFile = new Map<string, DevRow[]>();
  const compact = args.includes("--compact");
  if (compact) process.stdout.write(`${COMPACT.map(([label]) => label).join(" | ")} | point\n`);
  for (const point of grid) {
    const summary = new Map<string, ReturnType<typeof rates> & { negatives: number }>();
    if (!compact) process.stdout.write(`\n## ${point.name} ${JSON.stringify(point)}\n`);
    for (const [block, files] of Object.entries(blocks)) {
      for (const [file, scores] of Object.entries(files)) {
        const rows = rowsByFile.get(file) ?? readRows(join(dataDir, file));
        rowsByFile.set(file, rows);
        // scores are rounded to 0.01 by the detector's signals: compare on that grid
        const t = MODEL_HEADS.map((head) => (point.thresholds?.[head] ?? thresholds[block][head]) + (point.offset?.[head] ?? 0));
        const index = new Map(rows.map((r, k) => [r, k]));
        const verdict = (row: DevRow) => {
          const s = scores[index.get(row)!];
          if (s[0]) return true;
          const discount = s[1] > 0 ? point.publicDiscount : 0;
          return MODEL_HEADS.some((head, h) => {
            const p = s[2 + h];
            if (p < 0) return false;
            const publicCut = head === "complaint" || head === "negative_sentiment" ? discount + (s[1] > 0 ? (point.publicExtra?.[head] ?? 0) : 0) : 0;
            return p >= Math.min(0.99, Math.max(0.05, t[h])) - publicCut - 1e-9;
          });
        };
        // the whole file, then only its public posts (@mention): the nearest kind to complaint tweets at a brand
        for (const [subset, picked] of [
          ["all", rows],
          ["@", rows.filter((r) => scores[index.get(r)!][1] > 0)],
        ] as const) {
          if (subset === "@" && picked.length === 0) continue;
          const result = scoreRows(picked, verdict);
          const r = rates(result.tally);
          const ambiguous = [...result.byReason]
            .filter(([key]) => key.startsWith("escalate") && key.endsWith("(ambiguous)"))
            .map(([key, [hit, total]]) => `${key.replace(/^escalate:| \(ambiguous\)$/g, "")} ${fmt(hit / total)}`)
            .join("; ");
          const negatives = result.byReason.get("escalate:negative_sentiment (ambiguous)");
          summary.set(`${block}|${file}|${subset}`, { ...r, negatives: negatives ? negatives[0] / negatives[1] : NaN });
          if (!compact)
            process.stdout.write(
              `| ${block.padEnd(24)} | ${`${file} ${subset}`.padEnd(28)} | ${picked.length} | ${fmt(r.p)} / ${fmt(r.r)} / ${fmt(r.f1)} / ${fmt(r.fpr)} | ` +
                `t=${t.map((x) => x.toFixed(2)).join(",")} | ${ambiguous}\n`,
            );
        }
      }
    }
    if (compact) process.stdout.write(`${COMPACT.map(([, key, pick]) => (summary.has(key) ? pick(summary.get(key)!) : "-")).join(" | ")} | ${point.name}\n`);
  }
}

type Picked = ReturnType<typeof rates> & { negatives: number };
const f1Fpr = (r: Picked) => `${fmt(r.f1)} ${fmt(r.fpr)}`;
const rFpr = (r: Picked) => `${fmt(r.r)} ${fmt(r.fpr)}`;
/** The one-line view: per block the numbers the held-out goals turn on. */
const COMPACT: [string, string, (r: Picked) => string][] = [
  ["bx20 F1 FPR", "bitext|bitext_20k.jsonl|all", f1Fpr],
  ["bx8 F1 FPR", "bitext|bitext_8k.jsonl|all", f1Fpr],
  ["b77 F1 FPR", "banking77|banking77_train.jsonl|all", f1Fpr],
  ["ge R FPR", "goemotions|goemotions_dev.jsonl|all", rFpr],
  ["te F1 FPR", "tweeteval|tweeteval_emotion.jsonl|all", f1Fpr],
  ["te@ R FPR F1", "tweeteval|tweeteval_emotion.jsonl|@", (r) => `${fmt(r.r)} ${fmt(r.fpr)} ${fmt(r.f1)}`],
  ["ts@ neg FPR", "tweeteval|tweeteval_sentiment.jsonl|@", (r) => `${fmt(r.negatives)} ${fmt(r.fpr)}`],
  ["in bx8 F1 FPR", "bitext_8k.jsonl|bitext_8k.jsonl|all", f1Fpr],
  ["in ge R FPR", "goemotions_dev.jsonl|goemotions_dev.jsonl|all", rFpr],
  ["in te@ R FPR F1", "tweeteval_emotion.jsonl|tweeteval_emotion.jsonl|@", (r) => `${fmt(r.r)} ${fmt(r.fpr)} ${fmt(r.f1)}`],
];

main();
