// Usage: npx tsx tools/detector/score-probe-sets.ts [--model=FILE.json] [--rules-only] [--misses]
// Scores the fifth pass's frozen probe sets (`frozen-probe-sets.ts`) at default settings with the committed model,
// a saved leave-out block or the rules alone: CLINC150-style assistant questions (false alarms per domain, must
// stay routine) and NLU++-style requests for a person (recall as explicit_request) against look-alikes in the same
// domains (false alarms of any reason). --misses lists each false alarm with the signals that fired
// (reason/source/kind) and each request that was missed.
import { defaultEscalationSettings, detectEscalation } from "~/domain/escalation";
import type { DetectorModel } from "~/domain/escalation/model/detector-model";
import { fmt } from "~/cli/escalation-metrics";
import { modelFromArgs } from "./model-from-args";
import { CLINC_STYLE_OUT_OF_SCOPE, CLINC_STYLE_PROBES, NLU_STYLE_NON_REQUESTS, NLU_STYLE_PERSON_REQUESTS } from "./frozen-probe-sets";

const args = process.argv.slice(2);
const misses = args.includes("--misses");
const model: DetectorModel | null = modelFromArgs(args);

const judge = (text: string) => detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings, { model });
const why = (text: string) =>
  judge(text)
    .signals.map((s) => `${s.reason}/${s.source}${s.kind ? `/${s.kind}` : ""}`)
    .join(", ");
const out = (line: string) => process.stdout.write(`${line}\n`);

let flaggedAll = 0;
let totalAll = 0;
const domains = [...Object.entries(CLINC_STYLE_PROBES), ["out_of_scope", { oos: CLINC_STYLE_OUT_OF_SCOPE }] as const];
for (const [domain, intents] of domains) {
  const texts = Object.values(intents).flat();
  const flagged = texts.filter((t) => judge(t).escalate);
  flaggedAll += flagged.length;
  totalAll += texts.length;
  out(`clinc ${domain}: ${flagged.length}/${texts.length} escalated`);
  if (misses) for (const t of flagged) out(`  false alarm: ${t} [${why(t)}]`);
}
out(`clinc all: ${flaggedAll}/${totalAll} escalated, FPR ${fmt(flaggedAll / totalAll)}`);

const isRequest = (text: string) => judge(text).reasons.includes("explicit_request");
const missed = NLU_STYLE_PERSON_REQUESTS.filter((t) => !isRequest(t));
const falseAlarms = NLU_STYLE_NON_REQUESTS.filter((t) => judge(t).escalate);
const hits = NLU_STYLE_PERSON_REQUESTS.length - missed.length;
out(
  `nlu person requests: ${hits}/${NLU_STYLE_PERSON_REQUESTS.length} as explicit_request (R ${fmt(hits / NLU_STYLE_PERSON_REQUESTS.length)}), ` +
    `${falseAlarms.length}/${NLU_STYLE_NON_REQUESTS.length} look-alikes escalated (FPR ${fmt(falseAlarms.length / NLU_STYLE_NON_REQUESTS.length)})`,
);
if (misses) {
  for (const t of missed) out(`  missed: ${t} [${why(t)}]`);
  for (const t of falseAlarms) out(`  false alarm: ${t} [${why(t)}]`);
}
