// Usage: npm run eval:escalation -- FILE.jsonl… [--split=all|tune|holdout] [--errors=N] [--rules-only]
// Scores the detector (rules + the committed model; `--rules-only` switches the model off) on
// labelled JSONL ({text, label: "escalate"|"no_escalate", meta:{ambiguous?, reason?}}).
// Metrics use rows not marked ambiguous: precision, recall, F1 and false-positive rate per file,
// recall per meta.reason on escalate rows and FP rate per reason on no_escalate rows, false
// escalations per detector reason split by who fired (rule or model), plus messages/s.
// --split hashes each text into a 1-in-5 holdout so rule tuning can be checked honestly.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { defaultEscalationSettings, detectEscalation } from "../domain/escalation";
import { committedModel } from "../domain/escalation/model/committed-model";

/** One line of the report on stdout (the report is the output; errors go to stderr). */
const print = (line: string) => process.stdout.write(`${line}\n`);

interface Row {
  text?: unknown;
  label?: unknown;
  source_label?: unknown;
  meta?: { ambiguous?: boolean; reason?: string | null } | null;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith("--"));
const split = (args.find((a) => a.startsWith("--split="))?.split("=")[1] ?? "all") as "all" | "tune" | "holdout";
const showErrors = Number(args.find((a) => a.startsWith("--errors="))?.split("=")[1] ?? 0);
const model = args.includes("--rules-only") ? null : committedModel();
/** model evidence ends with "(model 0.93)" */
const firedBy = (evidence: string) => (evidence.includes("(model ") ? "model" : "rule");

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function inSplit(text: string): boolean {
  if (split === "all") return true;
  const holdout = fnv1a(text) % 5 === 0;
  return split === "holdout" ? holdout : !holdout;
}

const pct = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : "  -  ");

function summary(t: Tally): string {
  const p = t.tp / (t.tp + t.fp);
  const r = t.tp / (t.tp + t.fn);
  const f1 = (2 * p * r) / (p + r);
  const fpr = t.fp / (t.fp + t.tn);
  return `P=${pct(p)} R=${pct(r)} F1=${pct(f1)} FPR=${pct(fpr)} (tp=${t.tp} fp=${t.fp} fn=${t.fn} tn=${t.tn})`;
}

async function evaluate(file: string): Promise<{ tally: Tally; count: number; ms: number }> {
  const tally: Tally = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const byReason = new Map<string, { label: string; hit: number; total: number; ambiguous: boolean }>();
  const falseBy = new Map<string, number>();
  const hitBy = new Map<string, number>();
  const errors: string[] = [];
  let count = 0;
  let ms = 0;
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Row;
    if (typeof row.text !== "string" || !inSplit(row.text)) continue;
    const started = performance.now();
    const d = detectEscalation({ messages: [{ role: "shopper", text: row.text }] }, {}, defaultEscalationSettings, { model });
    ms += performance.now() - started;
    count++;
    const gold = row.label === "escalate";
    const ambiguous = Boolean(row.meta?.ambiguous);
    const reason = `${gold ? "escalate" : "no_escalate"}:${row.meta?.reason ?? "-"}${ambiguous ? " (ambiguous)" : ""}`;
    const entry = byReason.get(reason) ?? { label: String(row.label), hit: 0, total: 0, ambiguous };
    entry.total++;
    if (d.escalate) entry.hit++;
    byReason.set(reason, entry);
    if (ambiguous) continue;
    if (gold && d.escalate) tally.tp++;
    else if (gold) tally.fn++;
    else if (d.escalate) tally.fp++;
    else tally.tn++;
    const bySource = gold ? hitBy : falseBy;
    if (d.escalate)
      for (const s of d.signals) bySource.set(`${s.reason}/${firedBy(s.evidence)}`, (bySource.get(`${s.reason}/${firedBy(s.evidence)}`) ?? 0) + 1);
    if (errors.length < showErrors && gold !== d.escalate) {
      errors.push(
        `  ${gold ? "MISS" : "FP  "} [${row.source_label ?? ""}] ${row.text.slice(0, 140)}  → ${d.reasons.join(",")} ${d.signals
          .map((s) => s.evidence)
          .join(" | ")
          .slice(0, 80)}`,
      );
    }
  }
  print(`\n== ${file} (${split}, ${count} rows)`);
  print(`  overall (unambiguous): ${summary(tally)}`);
  for (const [reason, e] of [...byReason].sort()) {
    const rate = e.hit / e.total;
    const what = e.label === "escalate" ? "recall" : "FP rate";
    print(`  ${reason.padEnd(64)} ${what.padEnd(8)} ${pct(rate)}  (${e.hit}/${e.total})${e.ambiguous ? "  [not scored; escalation rate]" : ""}`);
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([r, n]) => `${r}=${n}`)
      .join(", ");
  if (hitBy.size) print(`  true escalations by detector reason/source: ${list(hitBy)}`);
  if (falseBy.size) print(`  false escalations by detector reason/source: ${list(falseBy)}`);
  for (const e of errors) print(e);
  return { tally, count, ms };
}

async function main(): Promise<void> {
  if (files.length === 0) {
    process.stderr.write("usage: eval-escalation FILE.jsonl… [--split=all|tune|holdout] [--errors=N] [--rules-only]\n");
    process.exit(2);
  }
  print(
    model ? `detector: rules + model ${model.version} (checksum ${model.checksum}; thresholds ${JSON.stringify(model.thresholds)})` : "detector: rules only",
  );
  const total: Tally = { tp: 0, fp: 0, fn: 0, tn: 0 };
  let count = 0;
  let ms = 0;
  for (const file of files) {
    const r = await evaluate(file);
    total.tp += r.tally.tp;
    total.fp += r.tally.fp;
    total.fn += r.tally.fn;
    total.tn += r.tally.tn;
    count += r.count;
    ms += r.ms;
  }
  if (files.length > 1) print(`\n== all files: ${summary(total)}`);
  print(`\nthroughput: ${Math.round((count / ms) * 1000).toLocaleString("en-US")} messages/s (detector time only, ${count} messages)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`eval-escalation: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
