// Claims the model may never make: that a person was told / a case exists (only the pure core
// knows, and it says so itself), or that the shop did something it did not (refund, cancellation,
// discount, address change, delivery guarantee). Checked by meaning in the widget's languages
// (en, es, fr, de) plus it, pt and ja, active and passive. Offers and questions ("Would you like me
// to connect you with a person?", "I can check that") are not claims.

import { COMMITMENTS } from "./claims/commitments";
import { HANDOFF_DE } from "./claims/de";
import { HANDOFF_EN } from "./claims/en";
import { HANDOFF_ES } from "./claims/es";
import { HANDOFF_FR } from "./claims/fr";
import { HANDOFF_IT } from "./claims/it";
import { HANDOFF_JA } from "./claims/ja";
import { HANDOFF_PT } from "./claims/pt";
import { oneOf } from "../escalation/lexicon/compile";

export type ClaimKind = "handoff" | "refund" | "cancellation" | "discount" | "address_change" | "delivery_promise" | "authority";

/** Lower case, accents and typographic quotes folded, so one pattern covers "transféré"/"transfere". */
export function foldText(text: string): string {
  return (
    text
      .normalize("NFKD")
      // Latin diacritics only: Japanese voicing marks (U+3099) are part of the letter.
      .replace(/[\u0300-\u036f]/g, "")
      .normalize("NFC")
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`´]/g, "'")
      .replace(/\s+/g, " ")
  );
}

// Hand-off claims per language (claims/<lang>.ts), English first.
const HANDOFF: RegExp[] = [...HANDOFF_EN, ...HANDOFF_ES, ...HANDOFF_FR, ...HANDOFF_DE, ...HANDOFF_IT, ...HANDOFF_PT];

// Only for text the support team reads: model words that pretend to be the system or a person
// with authority ("Identity verified by Baton", "Manager pre-approved a full refund").
const AUTHORITY: RegExp[] = [
  new RegExp(
    "\\b(?:verified|authenticated|confirmed identity|identity " +
      oneOf("is ", "was ", "has been ") +
      "?(?:verified|confirmed)|pre-?approved|approved|authori[sz]ed|sanctioned|cleared|waived|override|overridden|instructed|per (?:the )?(?:manager" +
      "|policy exception)|by baton|baton " +
      oneOf("has", "verified", "confirmed") +
      "|system note|admin note|manager note|do not (?:verify|check)|no need to (?:verify|check))\\b",
  ),
];

const NEGATION = new RegExp(
  "\\b" +
    oneOf(
      "no",
      "not",
      "don't",
      "do not",
      "doesn't",
      "does not",
      "can't",
      "cannot",
      "unable",
      "isn't",
      "aren't",
      "never",
      "pas",
      "nicht",
      "kein",
      "keine",
      "keinen",
      "non",
      "nao",
      "nunca",
      "ningun",
      "ninguna",
    ) +
    "\\b|n't\\b",
);

/** The first kind of claim the text makes, or null. Questions and offers are not claims. */
export function findClaim(text: string, options: { audience?: "shopper" | "team"; evidence?: string } = {}): ClaimKind | null {
  const folded = foldText(text);
  const evidence = foldText(options.evidence ?? "");
  for (const sentence of splitSentences(folded)) {
    // "Would you like me to let the team know?" offers; it does not claim.
    if (/\?\s*$|？\s*$/.test(sentence)) continue;
    if (HANDOFF.some((re) => re.test(sentence)) || HANDOFF_JA.some((re) => re.test(sentence))) return "handoff";
    const negated = NEGATION.test(sentence);
    for (const c of COMMITMENTS) {
      if (!c.re.test(sentence)) continue;
      // "We don't offer discount codes" states a limit, not a commitment.
      if (negated && c.kind === "discount") continue;
      // A verified order that really is cancelled/refunded may be described as such.
      if (c.kind === "cancellation" && /cancel/.test(evidence)) continue;
      if (c.kind === "refund" && /"financial_status":"(?:partially_)?refunded"/.test(evidence)) continue;
      return c.kind;
    }
    if (options.audience === "team" && AUTHORITY.some((re) => re.test(sentence))) return "authority";
  }
  return null;
}

/** Sentences of folded text (Latin and CJK punctuation, line breaks). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|(?<=[。！？])|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
