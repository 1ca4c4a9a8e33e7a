// A question about what would happen, or about a policy, names a problem that has not happened: "if the item arrives
// damaged, can I return it?", "¿qué pasa si mi paquete se pierde?", "si l'article arrive endommagé, puis-je le
// retourner ?", "what is your refund policy for broken items?". The assistant answers those; the complaint rules must
// not read "damaged" or "broken" in them as a report. Eighth pass of issue 26 (decision 0089), found in the demo.
// Public posts (English) have a looser reader, `asksHypothetically`, below: a tweet asks without its "?" as often as
// with it ("asking for a friend: if a flight is overbooked…").
// Normalized text: lower case, accents stripped, "qu'arrive-t-il" → "qu arrive t il".
import { asksForInformation } from "./asks-for-information";
import type { NormalizedText } from "./normalize";

/** Opens with a condition, or asks what happens if: en, es, fr, de. ("si" alone is also Spanish "yes": it needs the "?".) */
const WHAT_IF_RE = new RegExp(
  [
    "^ (?:if|in case|what if|si|en caso de que|au cas ou|wenn|falls)\\b",
    "\\b(?:what happens|what would happen|que pasa|que pasaria|que se passe t il|qu arrive t il|was passiert|was ist) " +
      "(?:\\w+ ){0,3}?(?:if|si|wenn|falls)\\b",
  ].join("|"),
);

/** Asks what a policy is: "what is your refund policy for…", "¿cuál es su política…", "quelle est votre politique…". */
const POLICY_QUESTION_RE = new RegExp(
  [
    "^ (?:what is|what s|whats|what are) (?:your|the) (?:\\w+ ){0,2}?polic(?:y|ies)\\b",
    "^ (?:cual es|cuales son) (?:su|la|tu|sus|las) (?:\\w+ ){0,2}?politicas?\\b",
    "^ (?:quelle est|quelles sont) (?:votre|la|vos|les) (?:\\w+ ){0,2}?politiques?\\b",
    "^ wie (?:ist|sind|lautet|lauten) (?:ihre|eure|die|deine) (?:\\w+ ){0,2}?(?:richtlinien?|regelungen?|bedingungen)\\b",
  ].join("|"),
);

/** Whether the message only asks what would happen if, or what a policy is (a question, with its "?"). */
export function asksWhatIf(message: NormalizedText): boolean {
  return message.question && (WHAT_IF_RE.test(message.text) || POLICY_QUESTION_RE.test(message.text));
}

/**
 * A question about what would happen ("if a flight gets cancelled do I still earn the miles?", "what happens to my
 * bag if I miss a connection", "asking for a friend: if you miss a flight…") names a problem that has not happened.
 * Eighth pass (decision 0089); a "why" or "how come" that holds an "if" still complains.
 */
const HYPOTHETICAL_RE = /\b(?:if|in case|what happens|what if|suppose|supposing)\b/;
/** Words that say the question is asked ahead of time. */
const ASKING_AHEAD_RE = /\b(?:asking for a friend|asking before|just curious|hypothetically)\b/;
const COMPLAINING_OPENER_RE = /^ (?:why|how come|how is|how are|how does)\b/;

/** Whether a public post asks about a problem that has not happened (its tone and problem words are hypothetical). */
export function asksHypothetically(message: NormalizedText): boolean {
  const { text } = message;
  if (COMPLAINING_OPENER_RE.test(text)) return false;
  return ASKING_AHEAD_RE.test(text) || ((message.question || asksForInformation(message)) && HYPOTHETICAL_RE.test(text));
}
