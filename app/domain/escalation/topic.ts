import { gather, wordsPattern } from "./lexicon";
import type { NormalizedText } from "./normalize";
import type { EscalationTopic } from "./types";

// Topic for functional routing when no signal already implies one. Ordered: money first (refund,
// billing), then delivery, product, account, order.

const ORDERED = ["refund", "billing", "shipping", "product", "account", "order"] as const;
const TOPIC_RULES: [EscalationTopic, RegExp][] = ORDERED.map((topic) => [topic, wordsPattern(gather((l) => l.topic?.[topic]))]);

/** Guesses what a message is about from its words; "other" when nothing matches. */
export function guessTopic(message: NormalizedText | undefined): EscalationTopic {
  if (!message) return "other";
  for (const [topic, pattern] of TOPIC_RULES) if (pattern.test(message.text)) return topic;
  return "other";
}
