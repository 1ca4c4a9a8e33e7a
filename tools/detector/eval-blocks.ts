// Usage: npx tsx tools/detector/eval-blocks.ts DIR [--data=DIR] [--errors=N]
// The leave-one-source-out matrix of saved leave-out models (`train:detector --loso --save-blocks=DIR`) scored by
// the detector as it is now: a change made at detection time (how findings combine, a gate, a public-post rule)
// is judged on sources its models never saw, without retraining. Exact only while the rule signals the model reads
// (`ruleFeatures`) are unchanged; otherwise retrain with --loso. Prints P / R / F1 / FPR per left-out file, for the
// whole file and for its public posts (@mention), and the escalation rate per reason.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defaultEscalationSettings, detectEscalation } from "~/domain/escalation";
import { committedWordVectors } from "~/domain/escalation/model/committed-model";
import { decodeModel, type DetectorModelAsset } from "~/domain/escalation/model/detector-model";
import { normalizeText } from "~/domain/escalation/normalize";
import { fmt, rates, readRows, scoreRows, type DevRow } from "~/cli/escalation-metrics";
import { BLOCK_FILES } from "./loso-blocks";

const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith("--")) ?? "/tmp/blocks");
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const dataDir = resolve(option("data") ?? "../shared/datasets/dev");
const errors = Number(option("errors") ?? 0);
const only = option("blocks")?.split(",");

const prf = (r: ReturnType<typeof rates>) => `${fmt(r.p)} / ${fmt(r.r)} / ${fmt(r.f1)} / ${fmt(r.fpr)}`;

for (const [block, files] of Object.entries(BLOCK_FILES)) {
  const path = join(dir, `${block}.json`);
  if (!existsSync(path) || (only && !only.includes(block))) continue;
  const model = decodeModel(JSON.parse(readFileSync(path, "utf8")) as DetectorModelAsset, committedWordVectors());
  for (const file of files) {
    const rows = readRows(join(dataDir, file));
    const verdicts = new Map<DevRow, boolean>();
    const falseBy = new Map<string, number>();
    const wrong: string[] = [];
    for (const row of rows) {
      const d = detectEscalation({ messages: [{ role: "shopper", text: row.text }] }, {}, defaultEscalationSettings, { model });
      verdicts.set(row, d.escalate);
      if (d.escalate !== (row.label === "escalate") && !row.meta?.ambiguous) {
        if (d.escalate) for (const s of d.signals) falseBy.set(`${s.reason}/${s.source}`, (falseBy.get(`${s.reason}/${s.source}`) ?? 0) + 1);
        if (wrong.length < errors) wrong.push(`${d.escalate ? "FP" : "FN"} ${row.text.slice(0, 140)} [${d.signals.map((s) => s.reason).join(",")}]`);
      }
    }
    const publicRows = rows.filter((r) => normalizeText(r.text).mentions > 0);
    for (const [subset, picked] of [
      ["all", rows],
      ["@", publicRows],
    ] as const) {
      if (picked.length === 0) continue;
      const result = scoreRows(picked, (r) => verdicts.get(r)!);
      process.stdout.write(`| ${block} | ${file} ${subset} | ${picked.length} | ${prf(rates(result.tally))} |\n`);
      for (const [key, [hit, total]] of [...result.byReason].sort())
        if (key.startsWith("escalate")) process.stdout.write(`    ${key.padEnd(56)} ${fmt(hit / total)} (${total})\n`);
    }
    process.stdout.write(`    false escalations by signal: ${[...falseBy].map(([k, n]) => `${k}=${n}`).join(", ")}\n`);
    for (const line of wrong) process.stdout.write(`    ${line}\n`);
  }
}
