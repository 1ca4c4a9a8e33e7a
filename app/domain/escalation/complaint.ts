import { asksHypothetically, asksWhatIf } from "./asks-what-if";
import { saysNoComplaint } from "./says-no-complaint";
import { oneOf } from "./lexicon";
import type { NormalizedText } from "./normalize";
import { opinionQuestionWord } from "./opinion-question";
import type { EscalationTopic } from "./types";
import { DECLINED_GATE, OUTAGE_AND_TRAVEL_CUES, type ProblemCue } from "./complaint/outage-and-travel-cues";
import { FORMAL_AND_DELIVERY_RULES } from "./complaint/formal-and-delivery-rules";
import { MONEY_SERVICE_AND_VERDICT_CUES } from "./complaint/money-service-and-verdict-cues";
import { PRODUCT_AND_SERVICE_RULES } from "./complaint/product-and-service-rules";
import type { ComplaintKind, Rule } from "./complaint/rule";
import { WEAK_CUES } from "./complaint/weak-cues";
import { NON_SHOP_OBJECT_RE, SHOP_OBJECT_RE } from "./shop-vocabulary";

// Complaints: a breach of the shopper's expectation ("never arrived", "wrong item", "damaged",
// "stopped working", "still waiting after two weeks") or a wish to file a complaint. Strong
// breaches fire alone; weaker problem cues ("still", "again", "no response", negative tone) add up,
// so "why is my card declined?" stays routine while "ordered 3 weeks ago and still nothing!!" fires.

export type { ComplaintKind } from "./complaint/rule";

/** Complaint strength of one message. */
export interface ComplaintMatch {
  score: number;
  kind?: ComplaintKind;
  quote?: string;
}

// Strong breaches, each enough alone (the tables in complaint/, in the order they are tried).
const RULES: Rule[] = [...FORMAL_AND_DELIVERY_RULES, ...PRODUCT_AND_SERVICE_RULES];

// Problem reports about any company or service (telecom, airline, bank, app, retail), phrased as
// statements: an outage, a crash, a cancelled flight, a lost bag, a double charge, a rude agent, an
// unanswered ticket. Each is a strong cue but not a complaint alone: routine intent data is full of
// neutral problem questions ("my transfer hasn't arrived, how long does it take?"), so a problem
// needs one more cue (tone, time spent, a verdict, sarcasm, addressing the company in public).
const PROBLEM_CUES: ProblemCue[] = [...OUTAGE_AND_TRAVEL_CUES, ...MONEY_SERVICE_AND_VERDICT_CUES];

// Sarcastic praise next to a problem ("great, just dropped my call again. love it").
const SARCASM_RE = /\b(?:great|nice|love|good|awesome|brilliant|wonderful|perfect|fantastic|thanks|thank you|cheers|wow|classic|gotta love|really)\b/;

const GRATITUDE_RE = new RegExp(
  "\\b" +
    oneOf(
      "thank(?:s| you)",
      "love",
      "loved",
      "loving",
      "great",
      "awesome",
      "amazing",
      "appreciate\\w*",
      "excellent",
      "perfect",
      "wonderful",
      "fantastic",
      "happy",
      "glad",
      "excited",
      "congrat\\w*",
      "best",
      "enjoy\\w*",
      "recommend",
      "kudos",
      "shout ?out",
      "well done",
      "beautiful",
      "brilliant",
      "cheers",
    ) +
    "\\b",
);
const QUESTION_START_RE = new RegExp(
  "^ " +
    oneOf(
      "how",
      "what",
      "when",
      "where",
      "which",
      "can",
      "could",
      "do",
      "does",
      "is",
      "are",
      // a status question with the subject after the verb ("has flight 302 been delayed", "did my train get cancelled"); a
      // tweet that drops its subject ("has been 3 hours") is a statement
      "(?:has|have) (?!been\\b)\\w+(?: \\w+){0,3} been",
      "did (?:my|the|our|your|this|that)",
      "will",
      "would",
      "may",
      "should",
      "i want to",
      "i would like to",
      "i need to",
      "help me",
      "tell me",
      "show me",
      "i wanna",
      "id like",
    ) +
    "\\b",
);
// A problem followed by a request for the next step ("i lost my luggage, what do i do?", "my flight got
// cancelled, can you rebook me?", "charged twice, how do i get it back?") asks an assistant for help with
// a task; in private chat that is routine unless tone or time says otherwise (issue 26: CLINC-style
// assistant questions). Public posts at a company keep their complaint reading.
const HELP_SEEKING_RE = new RegExp(
  "\\b" +
    oneOf(
      "what (?:do|should|can|shall) (?:i|we) do",
      "what (?:are|is) (?:my|our|the) (?:options|next steps?)",
      "how (?:do|can|should|would) (?:i|we)",
      "how (?:to|long (?:does|will|do|would|until))",
      "(?:can|could|would|will) you (?:please )?(?:help|rebook|find|track|locate|check|tell|show|look|report|replace|reset|fix)",
      "help me",
      "(?:i|we) (?:need|want|would like) (?:to )?(?:report|file|find|track|locate|rebook|replace|get a new)",
      "is there (?:a way|anything)",
      "where (?:do|can|should) (?:i|we)",
    ) +
    "\\b",
);
/** The message opens as a question or a task ("how do i …", "has my flight been delayed", "can you …"). */
export function opensAsQuestion(message: NormalizedText): boolean {
  return QUESTION_START_RE.test(message.text);
}

// First-person emotion reports ("i feel like i am always failing") are about the writer, not a company.
const FEEL_FRAME_RE = /^ (?:i|im|i am) (?:\w+ )?(?:feel|feeling|felt)\b/;

function hasShopContext(text: string): boolean {
  return SHOP_OBJECT_RE.test(text) || !NON_SHOP_OBJECT_RE.test(text);
}

/** Scores how strongly one message complains about an order, product or service (0..1). */
export function scoreComplaint(message: NormalizedText, negativeTone: number): ComplaintMatch {
  const { text } = message;
  // "if the item arrives damaged, can I return it?": a question about what would happen is the assistant's to answer
  if (asksWhatIf(message)) return { score: 0 };
  let best: ComplaintMatch = { score: 0 };
  const shop = hasShopContext(text);
  for (const rule of RULES) {
    if (rule.score <= best.score) continue;
    if (rule.needsShopContext && !shop && message.mentions === 0) continue;
    const m = rule.pattern.exec(text);
    if (!m) continue;
    // "no complaints", "nothing to complain about", "not a complaint but…"
    if (rule.kind === "formal" && saysNoComplaint(message)) continue;
    best = { score: rule.score, kind: rule.kind, quote: m[0].trim() };
  }

  let weak = 0;
  let weakQuote: string | undefined;
  for (const [pattern, weight] of WEAK_CUES) {
    const m = pattern.exec(text);
    if (m) {
      weak += weight;
      weakQuote ??= m[0].trim();
    }
  }
  // problem reports: the strongest counts fully, further ones add a little
  let problem = 0;
  let problems = 0;
  let problemQuote: string | undefined;
  for (const [gate, pattern, weight] of PROBLEM_CUES) {
    if (!gate.test(text)) continue;
    // a declined card or frozen account is a routine banking question unless posted at the company
    if (gate === DECLINED_GATE && message.mentions === 0) continue;
    const m = pattern.exec(text);
    if (!m) continue;
    problems++;
    if (weight > problem) {
      problem = weight;
      problemQuote = m[0].trim();
    }
  }
  if (problems > 1) problem += 0.1 * Math.min(2, problems - 1);
  weak += problem;
  weak += Math.min(0.3, negativeTone * 0.4);
  if (message.exclamations >= 2 || message.capsRatio > 0.6) weak += 0.1;
  if (/\?\s*!|!\s*\?|\?\?/.test(message.raw)) weak += 0.1;
  // a message addressed to a company in public (a tweet) that reports a problem is a complaint
  // (not one that asks what would happen: "if a flight is overbooked who gets bumped", eighth pass)
  if (message.mentions > 0 && !asksHypothetically(message)) weak += problem > 0 ? 0.15 : 0.05;
  // without a concrete problem, loose cues ("again", "why", "never") are mostly chatter
  if (problem === 0) weak *= 0.85;
  const grateful = GRATITUDE_RE.test(text);
  if (grateful) weak -= problem >= 0.3 ? (SARCASM_RE.test(text) ? 0 : 0.1) : 0.25;
  // "how do I …" questions describe a task, not a breach
  if (QUESTION_START_RE.test(text)) weak -= 0.15;
  else if (message.mentions === 0 && HELP_SEEKING_RE.test(text)) weak -= 0.25;
  if (FEEL_FRAME_RE.test(text)) weak -= 0.35;
  // "is it rude to …" asks for an opinion on an act, not about a breach (opinion-question.ts)
  else if (opinionQuestionWord(message)) weak -= 0.35;

  // banking, billing and account problems ("my top-up is still pending") are routine service
  // questions for a shop assistant, so informal cues about them count for less, unless the
  // message is a public post to the company
  if (!shop && message.mentions === 0) weak *= 0.4;

  if (best.score > 0) {
    const adjusted = Math.min(1, best.score + Math.max(0, weak) * 0.3 - (grateful && best.kind !== "formal" ? 0.15 : 0));
    return { ...best, score: adjusted };
  }
  if (weak <= 0) return { score: 0 };
  return { score: Math.min(0.8, weak), kind: "general", quote: problemQuote ?? weakQuote };
}

/** Topic implied by a complaint kind, or undefined when the text decides. */
export function topicOfComplaint(kind: ComplaintKind | undefined): EscalationTopic | undefined {
  switch (kind) {
    case "non_delivery":
    case "delay":
      return "shipping";
    case "wrong_item":
    case "damaged":
    case "missing_item":
    case "quality":
      return "product";
    case "cancelled":
      return "order";
    case "charged":
      return "billing";
    default:
      return undefined;
  }
}
