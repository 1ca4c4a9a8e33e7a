import { oneOf } from "./lexicon";
import type { NormalizedText } from "./normalize";
import type { DetectorMessage, EscalationContext } from "./types";

// The assistant is not getting anywhere: it could not help N times, the LLM is unsure, the
// shopper asks the same thing again, or says the answers do not help.

/** A repeated-failure trigger with its strength and a fact for the evidence. */
export interface RepeatedFailureMatch {
  score: number;
  evidence: string;
}

const STOPWORDS = new Set([
  "a",
  "an",
  "the",
  "i",
  "my",
  "me",
  "you",
  "your",
  "is",
  "are",
  "was",
  "it",
  "to",
  "for",
  "of",
  "on",
  "in",
  "and",
  "or",
  "do",
  "does",
  "did",
  "can",
  "could",
  "would",
  "will",
  "please",
  "what",
  "how",
  "where",
  "when",
  "this",
  "that",
  "with",
  "be",
  "have",
  "has",
  "hi",
  "hello",
  "hey",
  "again",
  "so",
  "just",
  "at",
  "am",
  "we",
  "our",
  "there",
  "about",
  "any",
  "not",
  "no",
  "yes",
  "ok",
  "okay",
]);

const NOT_HELPING_RE = new RegExp(
  "\\b" +
    oneOf(
      "(?:i )?(?:do|can|could) not (?:understand|follow) " + oneOf("you", "what you", "your (?:answer|reply|response)s?", "a word"),
      "you (?:do|can|did) not (?:understand|get it|get what)",
      "you (?:are|were) not (?:helping|helpful|listening|answering|understanding|reading)",
      "(?:that|this|it) (?:does not|did not|is not|was not) " + oneOf("help", "answer", "helpful", "what i asked", "my question"),
      "not what i asked",
      "not my question",
      "(?:you|it) (?:keep|keeps) (?:saying|repeating|telling|giving)",
      "i (?:already|just) (?:asked|told you|said|explained|answered)",
      "as i (?:said|told you|mentioned|already)",
      "read my (?:message|question)",
      "answer my question",
      "same (?:answer|response|reply|thing) (?:again|over)",
      "useless (?:bot|chat ?bot|assistant|ai)",
      "(?:bot|chat ?bot|assistant|ai) is useless",
      "going (?:round|around) in circles",
    ) +
    "\\b",
);

function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const token of text.split(" ")) if (token.length > 1 && !STOPWORDS.has(token)) words.add(token);
  return words;
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Checks the repeated-failure triggers. `shopperTurns` are the normalized shopper messages in
 * order (last = current); assistant turns are read for `assistantUnhelpful` flags.
 */
export function findRepeatedFailure(
  messages: readonly DetectorMessage[],
  shopperTurns: readonly NormalizedText[],
  context: EscalationContext,
  settings: { maxAssistantFailures: number; minModelConfidence: number; repeatedQuestion: boolean },
): RepeatedFailureMatch | undefined {
  const flagged = messages.filter((m) => m.role === "assistant" && m.assistantUnhelpful).length;
  const failures = Math.max(context.assistantFailures ?? 0, flagged);
  if (failures >= settings.maxAssistantFailures) {
    return { score: Math.min(0.95, 0.7 + 0.1 * (failures - settings.maxAssistantFailures)), evidence: `Assistant could not help ${failures} times` };
  }

  const current = shopperTurns[shopperTurns.length - 1];
  if (current && NOT_HELPING_RE.test(current.text)) {
    return { score: 0.7, evidence: `Shopper says the answers do not help: "${NOT_HELPING_RE.exec(current.text)?.[0]}"` };
  }

  if (settings.repeatedQuestion && current && shopperTurns.length >= 2) {
    const words = contentWords(current.text);
    if (words.size >= 2) {
      for (let i = shopperTurns.length - 2; i >= 0 && i >= shopperTurns.length - 5; i--) {
        if (similarity(words, contentWords(shopperTurns[i].text)) >= 0.6) {
          return { score: 0.7, evidence: "Shopper repeated the same question" };
        }
      }
    }
  }

  if (context.modelConfidence !== undefined && context.modelConfidence < settings.minModelConfidence) {
    return { score: 0.6, evidence: `Assistant unsure (confidence ${context.modelConfidence.toFixed(2)})` };
  }
  return undefined;
}
