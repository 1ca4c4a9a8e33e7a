import { describeOrder, type OrderFacts } from "../orders";
import { isBareEmail } from "./address";
import { cleanBodyText, truncate } from "./format";
import type { TranscriptLine } from "./types";

export interface SummarizeCaseInput {
  transcript: readonly TranscriptLine[];
  reasonText: string;
  order: OrderFacts | null;
}

const QUOTE_MAX = 300;

// Words that make a shopper message worth quoting: the problem, not the pleasantries (en, then the
// stems of es, fr and de; a stem never ends in an accented letter, which \b would not see).
const PROBLEM_WORDS = new RegExp(
  "\\b(" +
    [
      ...["never", "not", "didn'?t", "hasn'?t", "haven'?t", "wrong", "damaged", "broken", "missing", "lost", "stolen", "late"],
      ...["refund", "return", "cancel\\w*", "charged?", "chargeback", "complain\\w*", "received?", "arrived?", "delivered", "tracking"],
      ...["problem", "issue", "still", "lawyer", "legal", "review", "allerg\\w*", "fraud", "unauthori[sz]ed", "delete", "privacy"],
      ...["nunca", "rot[oa]s?", "da\u00f1ad\\w*", "reembols\\w*", "devol\\w*", "llegad\\w*", "recibid\\w*", "equivocad\\w*", "problema"],
      ...["jamais", "cass\\w*", "endommag\\w*", "rembours\\w*", "annul\\w*", "retour\\w*", "re\u00e7u", "arriv\\w*", "probl\\w*"],
      ...["nie", "nicht", "kaputt\\w*", "besch\u00e4digt\\w*", "erstatt\\w*", "storn\\w*", "angekommen", "erhalten", "falsch\\w*", "fehlt"],
    ].join("|") +
    ")\\b",
  "gi",
);
const ORDER_REF = /#\s?\d{3,}|\b(order|pedido|commande|bestellung)\b/i;
// Chat noise that says nothing about the case.
const TRIVIAL = new RegExp(
  "^(\\[.*\\]|yes( please)?|no( thanks)?|ok(ay)?|thanks?( you)?|hi|hello|hey|please|sure" +
    "|s\u00ed( por favor)?|gracias|hola|oui( merci)?|merci|bonjour|ja( bitte)?|danke|hallo)[.!?\\s]*$",
  "i",
);

function informativeness(text: string): number {
  const problemHits = text.match(PROBLEM_WORDS)?.length ?? 0;
  return Math.min(text.length, 240) / 40 + problemHits * 3 + (ORDER_REF.test(text) ? 2 : 0);
}

/**
 * The shopper's most informative message(s) (longest, naming the order or the problem), trimmed to
 * ~300 characters, verbatim but for quotation marks; null when the shopper said nothing useful.
 */
export function bestShopperQuote(transcript: readonly TranscriptLine[]): string | null {
  const shopper = transcript
    .map((line, index) => ({ index, text: cleanBodyText(line.text).replace(/\s+/g, " ").trim(), role: line.role }))
    .filter((l) => l.role === "shopper" && l.text && !TRIVIAL.test(l.text) && !isBareEmail(l.text));

  // The two best messages, kept in the order they were written.
  const best = [...shopper]
    .sort((a, b) => informativeness(b.text) - informativeness(a.text) || b.index - a.index)
    .slice(0, 2)
    .sort((a, b) => a.index - b.index);
  if (best.length === 0) return null;
  let quote = best[0]!.text;
  if (best[1] && quote.length + best[1].text.length + 3 <= QUOTE_MAX) quote = `${quote} … ${best[1].text}`;
  else if (best[1] && informativeness(best[1].text) > informativeness(best[0]!.text)) quote = best[1].text;
  // The shopper's own quotation marks become plain ones, so nothing they type can close the quote
  // and read as the assistant's or Baton's words.
  return truncate(quote.replace(/[“”„«»]/g, '"'), QUOTE_MAX);
}

/**
 * An extractive 1–3 sentence summary of a case: the shopper's most informative message(s) quoted
 * (bestShopperQuote), then the order's status in words (the sentence the model's order tool gets
 * too). Falls back to the escalation reason when the shopper said nothing useful.
 * (An LLM-written summary replaces this when a model is configured.)
 */
export function summarizeCase(input: SummarizeCaseInput): string {
  const sentences: string[] = [];
  const quote = bestShopperQuote(input.transcript);
  if (quote) {
    sentences.push(`Shopper: “${quote}”`);
  } else {
    const reason = input.reasonText.trim();
    sentences.push(reason ? `${truncate(reason.replace(/\s+/g, " "), QUOTE_MAX).replace(/[.!?…]?$/, ".")}` : "The shopper asked to talk to a person.");
  }
  if (input.order) sentences.push(describeOrder(input.order));
  return sentences.join(" ");
}
