// The chat judges a turn with the conversation so far, so every earlier shopper message would be normalized and
// read again on each turn. The work that depends only on a message's text (normalizing it, its negativity for the
// rising-frustration trend, its rule signals for a set of languages) is kept here per process, keyed by the exact
// text, so each message is read once (issue 29 needs a cheap turn; issue 26, fifth pass). Bounded: the least
// recently used of at most MEMO_CAPACITY texts is dropped first (a Map keeps insertion order; a hit moves the
// entry to the end), and very long texts are not kept. No I/O and no clock: the values are pure functions of the
// key, so a hit returns exactly what a fresh reading would (message-memo.test.ts). Callers must not mutate them.
import { BoundedMemo } from "../bounded-memo";
import { normalizeText, type NormalizedText } from "./normalize";
import { problemReportFamilies } from "./public-problem-report";
import { readRuleSignals, type RuleSignals } from "./rule-signals";
import { scoreNegativity, scoreSentiment } from "./sentiment";
import type { DetectorLanguage } from "./settings";

/** Texts kept at most (a few MB at worst; a shop's busy hour repeats far fewer). */
export const MEMO_CAPACITY = 2000;
/** Longer texts are read fresh each time (they are rare, and one would hold too much). */
const MAX_TEXT_LENGTH = 2000;

/** What one message's text yields, filled in as the detector asks for it. */
export interface MessageReading {
  normalized: NormalizedText;
  /** negativity as a turn of the history (frustration-trend.ts) */
  negativity?: number;
  /** rule signals per set of shop languages (the request lexicons depend on them) */
  rules?: Map<string, RuleSignals>;
  /** families of problem a public post reports (public-problem-report.ts) */
  problemFamilies?: number;
}

const memo = new BoundedMemo<string, MessageReading>(MEMO_CAPACITY);

/** The reading of a text: from the memo when it was read recently, else fresh (and kept). */
export function readMessage(text: string, useMemo = true): MessageReading {
  if (!useMemo || text.length > MAX_TEXT_LENGTH) return { normalized: normalizeText(text) };
  return memo.remember(text, (t): MessageReading => ({ normalized: normalizeText(t) }));
}

/** The message's negativity as an earlier turn (sentiment.ts), read once. */
export function historyNegativity(reading: MessageReading): number {
  reading.negativity ??= scoreNegativity(reading.normalized, scoreSentiment(reading.normalized));
  return reading.negativity;
}

/** The message's rule signals for the shop's languages (rule-signals.ts), read once per set of languages. */
export function messageRules(reading: MessageReading, languages: readonly DetectorLanguage[]): RuleSignals {
  const key = languages.join(",");
  reading.rules ??= new Map();
  let rules = reading.rules.get(key);
  if (!rules) {
    rules = readRuleSignals(reading.normalized, languages);
    reading.rules.set(key, rules);
  }
  return rules;
}

/** The families of problem the message reports as a public post (public-problem-report.ts), read once. */
export function messageProblemFamilies(reading: MessageReading): number {
  reading.problemFamilies ??= problemReportFamilies(reading.normalized);
  return reading.problemFamilies;
}

/** How many texts the memo holds (tests). */
export function memoSize(): number {
  return memo.size;
}

/** Empties the memo (tests and benchmarks start cold with it). */
export function clearMessageMemo(): void {
  memo.clear();
}
