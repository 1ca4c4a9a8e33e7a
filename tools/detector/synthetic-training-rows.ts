// Hand-written phrase templates that widen what the dev files teach. Bitext asks for a person in
// a dozen formulaic ways ("how can I talk to a human?"); real shoppers say "transfer me to
// billing", "get me a real human", "i don't want to talk to a bot". The templates expand those
// ways of asking (and refund synonyms, and complaint shapes) and add look-alikes that must NOT
// escalate ("is this a bot?", "how do I transfer money to another account"). They were written by
// the team from the kinds of phrasing the learned model was built for, not copied from any corpus, and are
// disjoint from the regression sets in `synthetic-checks.fixtures.ts`.
import { seededRandom } from "./train-logistic";
import { ASSISTANT_PROBLEM_QUESTIONS } from "./synthetic-assistant-problem-questions";
import { ASSISTANT_REQUESTS } from "./synthetic-assistant-phrases";
import { BRAND_NON_COMPLAINTS, BRAND_PROBLEMS, BRAND_TONES, HANDLES } from "./synthetic-brand-tweets";
import type { LabelledRow } from "./labels";
import { WRITTEN_PUBLIC_COMPLAINTS, WRITTEN_PUBLIC_ROUTINE, WRITTEN_POST_REPEATS } from "./written-public-posts";
import { MONEY, NOT_MONEY, PROBLEMS, COMPLAINT_TAILS, NOT_COMPLAINT } from "./synthetic-money-and-complaint-phrases";
import { PERSON, DEPARTMENTS, ASK_PERSON, ASK_DEPARTMENT, ELSE, REFUSE_BOT, SHORT_ASKS, LEADS, TAILS, NOT_A_REQUEST } from "./synthetic-person-phrases";

function fill(template: string, key: string, values: readonly string[]): string[] {
  return values.map((v) => template.replace(key, v));
}

/** Typo noise on one word of 4+ letters: drop, double or swap neighbours (as people type in a hurry). */
function typo(text: string, random: () => number): string {
  const words = text.split(" ");
  const candidates = words.map((w, i) => (w.length >= 4 ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const at = candidates[Math.floor(random() * candidates.length)];
  const w = words[at];
  const i = 1 + Math.floor(random() * (w.length - 2));
  const kind = Math.floor(random() * 3);
  words[at] =
    kind === 0 ? w.slice(0, i) + w.slice(i + 1) : kind === 1 ? w.slice(0, i) + w[i] + w.slice(i) : w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1);
  return words.join(" ");
}

function sample<T>(items: readonly T[], n: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

function dress(core: string, random: () => number): string {
  const lead = LEADS[Math.floor(random() * LEADS.length)];
  const tail = TAILS[Math.floor(random() * TAILS.length)];
  const text = lead + core + tail;
  return random() < 0.3 ? typo(text, random) : random() < 0.15 ? text.toUpperCase() : text;
}

/** The synthetic rows in the dev-file row shape (same labels path as the real data). Deterministic. */
export function syntheticTrainingRows(seed = 14): LabelledRow[] {
  const random = seededRandom(seed);
  const rows: LabelledRow[] = [];
  const escalate = (text: string, reason: string) => rows.push({ text, label: "escalate", meta: { reason } });
  const routine = (text: string) => rows.push({ text, label: "no_escalate", meta: { reason: null } });

  const requests = [...ASK_PERSON.flatMap((t) => fill(t, "{p}", PERSON)), ...ASK_DEPARTMENT.flatMap((t) => fill(t, "{d}", DEPARTMENTS))];
  for (const core of sample(requests, 1500, random)) escalate(dress(core, random), "explicit_human_request");
  for (const core of [...ELSE, ...REFUSE_BOT, ...SHORT_ASKS]) {
    escalate(core, "explicit_human_request");
    escalate(dress(core, random), "explicit_human_request");
    escalate(dress(core, random), "explicit_human_request");
  }
  for (const core of NOT_A_REQUEST) {
    routine(core);
    routine(dress(core, random));
    routine(dress(core, random));
  }

  for (const core of MONEY) for (let k = 0; k < 4; k++) escalate(k === 0 ? core : dress(core, random), "refund_topic");
  for (const core of NOT_MONEY) for (let k = 0; k < 3; k++) routine(k === 0 ? core : dress(core, random));

  const complaints = PROBLEMS.flatMap((p) => COMPLAINT_TAILS.map((t) => p + t));
  for (const text of sample(complaints, 300, random)) escalate(random() < 0.3 ? `@company ${text}` : random() < 0.2 ? typo(text, random) : text, "complaint");
  for (const core of NOT_COMPLAINT) for (let k = 0; k < 3; k++) routine(k === 0 ? core : k === 1 ? `@company ${core}` : typo(core, random));
  // drawn after everything above, so adding them left the earlier rows as they were
  for (const core of ASSISTANT_REQUESTS) for (let k = 0; k < 2; k++) routine(k === 0 ? core : dress(core, random));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const tweet = (core: string, tone: string) => {
    const text = random() < 0.5 ? `${pick(HANDLES)} ${core}${tone}` : `${core} ${pick(HANDLES)}${tone}`;
    return random() < 0.2 ? typo(text, random) : random() < 0.1 ? text.toUpperCase() : text;
  };
  for (const core of BRAND_PROBLEMS) for (let k = 0; k < 5; k++) escalate(tweet(core, pick(BRAND_TONES)), "complaint");
  for (const core of BRAND_NON_COMPLAINTS) for (let k = 0; k < 4; k++) routine(tweet(core, pick(["", "", "", " 😊", " 🙏", "!", " thanks", " #excited"])));
  for (const core of ASSISTANT_PROBLEM_QUESTIONS) for (let k = 0; k < 3; k++) routine(k === 0 ? core : dress(core, random));
  // public posts written by helpers who saw no detector code or data (written-public-posts.ts, decision 0089):
  // complaints teach the complaint head, the other posts teach every head what a routine post at a company reads like
  for (let k = 0; k < WRITTEN_POST_REPEATS; k++) {
    for (const post of WRITTEN_PUBLIC_COMPLAINTS) escalate(post, "complaint");
    for (const post of WRITTEN_PUBLIC_ROUTINE) routine(post);
  }
  return rows;
}
