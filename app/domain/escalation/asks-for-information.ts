// A public post that opens as a question for information ("do you ship to canada", "what is the policy on…", "can I
// change the address of an order that hasn't shipped") is a question, not a problem report (issue 26, decisions
// 0087 and 0089). English: the public rules read only English posts.
import { oneOf } from "./lexicon";
import type { NormalizedText } from "./normalize";

/** Opening words of a question that asks for information; such a post is a question, not a report. */
const ASKING_RE = new RegExp(
  "^ " +
    oneOf(
      // "can you help me" asks for help with a problem, not for information
      "can (?:i|we|you)(?! (?:please |kindly )?help\\b)",
      "could (?:i|we|you)(?! (?:please |kindly )?help\\b)",
      "do (?:you|i|we)",
      "does (?:the|your|it|this)",
      "is (?:there|the|it|this|your)",
      "are (?:there|you|the)",
      // not "what did I even pay for" or "what the hell"
      "what(?! (?:did|am|are) (?:i|we) (?:even )?pa(?:y|id|ying)\\b| the (?:hell|heck|fuck)\\b)",
      "which",
      "when (?:does|do|is|are|will (?:the|you|it))",
      "where (?:can|do|is the|are the)",
      "how (?:do|can|should|much|many|early|long|often) (?:i|we|you|it|is|does|the)",
      "any (?:plans|chance|news)",
      "should i",
      "will (?:you|the|there)",
    ) +
    "\\b",
);

/** Whether the message opens as a question for information. */
export function asksForInformation(message: NormalizedText): boolean {
  return ASKING_RE.test(message.text);
}
