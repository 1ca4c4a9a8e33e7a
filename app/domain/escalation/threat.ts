import { gather, oneOf, wordsPattern } from "./lexicon";
import type { NormalizedText } from "./normalize";

// Threats that put money or reputation at risk: a chargeback, legal action, a regulator, a bad
// review or a public post. Any of them means the merchant should answer personally and soon.

/** Which kind of threat the shopper makes; drives the reason text and priority. */
export type ThreatKind = "chargeback" | "legal" | "regulator" | "review" | "social";

/** A threat found in one message. */
export interface ThreatMatch {
  kind: ThreatKind;
  quote: string;
}

const KINDS: ThreatKind[] = ["chargeback", "legal", "regulator", "review", "social"];
// Every language's words for each kind (lexicon/<lang>.ts), whatever the shop's languages: a threat
// in any language is worth a person.
const THREATS: [ThreatKind, RegExp][] = KINDS.map((kind) => [kind, wordsPattern(gather((l) => l.threat?.[kind]))]);

const NEGATED_THREAT_RE = new RegExp(
  "\\b" +
    oneOf("not", "never", "no need to", "do not want to", "rather not", "without") +
    " " +
    oneOf("going to ", "want to ", "trying to ", "planning to ") +
    "?" +
    oneOf("sue", "leave a bad review", "file a chargeback", "do a chargeback", "involve (?:a )?lawyers?", "call my bank", "take legal action") +
    "\\b",
);

// A chargeback asked about as a procedure ("how do I dispute a charge?", "can you help me dispute a
// transaction", "what's the process for a chargeback") is a banking or assistant task, not a threat to
// the shop: the words right before the match ask how, or ask for help with it.
const HOW_TO_BEFORE_RE = new RegExp(
  oneOf(
    "how (?:do|can|could|would|should|does) (?:i|we|you|one|someone)(?: go about)?",
    "how (?:to|long|much|do|does|is|are)",
    "what (?:is|are|s)(?: an?)?",
    "(?:can|could|would|will) you (?:please )?(?:help|show|tell|teach|walk) (?:me|us)(?: how)?(?: to)?",
    "help (?:me|us)(?: to)?",
    "(?:what|which) (?:is|are) (?:the )?(?:process|procedure|steps|way|form|rules?|policy|deadline|time limit)(?: (?:for|to|of))?",
    "(?:where|when|who) (?:do|can|should) (?:i|we)(?: go to)?",
    "(?:is it|is there a way|am i able|is it possible) (?:possible )?to",
    "(?:can|may|could) (?:i|we)",
    "steps? to",
    "explain how to",
    "instructions (?:for|to|on how to)",
  ) + " (?:\\w+ ){0,2}$",
);

/**
 * Finds a threat of chargeback, legal action, regulator complaint, bad review or public post.
 * A message that rules the threat out ("I don't want to sue anyone") does not count.
 */
export function findThreat(message: NormalizedText): ThreatMatch | undefined {
  const { text } = message;
  for (const [kind, pattern] of THREATS) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (NEGATED_THREAT_RE.test(text)) return undefined;
    if (kind === "chargeback" && HOW_TO_BEFORE_RE.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    return { kind, quote: m[0].trim() };
  }
  return undefined;
}

/** Human words for a threat kind, used in the reason text. */
export function describeThreat(kind: ThreatKind): string {
  switch (kind) {
    case "chargeback":
      return "threatens chargeback";
    case "legal":
      return "threatens legal action";
    case "regulator":
      return "threatens to report to a regulator";
    case "review":
      return "threatens a bad review";
    case "social":
      return "threatens to go public on social media";
  }
}
