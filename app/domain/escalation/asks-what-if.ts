// A question about what would happen, or about a policy, names a problem that has not happened: "if the item arrives
// damaged, can I return it?", "¿qué pasa si mi paquete se pierde?", "si l'article arrive endommagé, puis-je le
// retourner ?", "what is your refund policy for broken items?". The assistant answers those; the complaint rules must
// not read "damaged" or "broken" in them as a report. Eighth pass of issue 26 (decision 0089), found in the demo.
// Normalized text: lower case, accents stripped, "qu'arrive-t-il" → "qu arrive t il".
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
