// Claims the model may never make: that a person was told / a case exists (only the pure core
// knows, and it says so itself), or that the shop did something it did not (refund, store credit,
// replacement, cancellation, discount, address change, delivery guarantee). Checked by meaning in
// GUARD_LANGUAGES, active and passive, as plain sentences and as status lines ("Refund: approved ✅"),
// on text normalised first (claim-text.ts). Offers ("Would you like me to connect you with a
// person?", "I can check that") are not claims; a question mark alone does not make one an offer.

import { claimText } from "./claim-text";
import { COMMITMENTS } from "./claims/commitments";
import { CREDITS, MONEY_BACK, REPLACEMENTS } from "./claims/credits-and-replacements";
import { discountTokens, DISCOUNT_CODES } from "./claims/discount-codes";
import { STATUS_LABELS } from "./claims/status-labels";
import { HANDOFF_DE } from "./claims/de";
import { HANDOFF_EN } from "./claims/en";
import { HANDOFF_ES } from "./claims/es";
import { HANDOFF_FR } from "./claims/fr";
import { HANDOFF_IT } from "./claims/it";
import { HANDOFF_JA } from "./claims/ja";
import { HANDOFF_PT } from "./claims/pt";
import { oneOf } from "../escalation/lexicon/compile";

export type ClaimKind =
  "handoff" | "refund" | "store_credit" | "replacement" | "cancellation" | "discount" | "address_change" | "delivery_promise" | "authority";

/** The languages whose claims (and requests for secrets) the guard reads; each has its row of tests in guard-languages.test.ts. */
export const GUARD_LANGUAGES = ["en", "es", "fr", "de", "it", "pt", "ja"] as const;

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
  // The same in es, fr, de, it, pt ("identidad verificada", "vorab genehmigt", "approvato dal responsabile") and ja.
  new RegExp(
    "\\b" +
      oneOf(
        "verificad[oa]",
        "verifiee?",
        "verifiziert",
        "verificat[oa]",
        "autenticad[oa]",
        "authentifiee?",
        "authentifiziert",
        "autenticat[oa]",
        "pre-?aprobad[oa]",
        "aprobad[oa] (?:previamente|por)",
        "pre-?approuvee?",
        "approuvee? par",
        "vorab genehmigt",
        "genehmigt (?:von|durch)",
        "pre-?approvat[oa]",
        "approvat[oa] dal",
        "pre-?aprovad[oa]",
        "aprovad[oa] (?:previamente|pel[oa])",
        "por (?:el|la) (?:gerente|supervisor[a]?|responsable)",
        "par (?:le|la) (?:responsable|manager|superviseur)",
        "(?:vom|von der) (?:manager|vorgesetzten|teamleitung|filialleitung)",
        "dal (?:responsabile|manager|supervisore)",
        "pel[oa] (?:gerente|supervisor[a]?|responsavel)",
        "nota (?:del sistema|de sistema|do sistema|di sistema|interna)",
        "note (?:systeme|interne)",
        "systemhinweis",
        "no (?:es necesario|hace falta) (?:verificar|comprobar)",
        "pas besoin de verifier",
        "nicht (?:prufen|verifizieren)",
        "non (?:serve|e necessario) verificare",
        "nao (?:e necessario|precisa) verificar",
      ) +
      "\\b|" +
      oneOf("本人確認済み", "認証済み", "承認済み", "確認済み", "マネージャー(?:が|の)?承認", "事前承認", "システムメモ"),
  ),
];

// A negation, up to four words of the same clause, then a discount word.
const NEGATED_DISCOUNT = new RegExp(
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
      "kein\\w*",
      "non",
      "nao",
      "nunca",
      "ningun\\w*",
      "\\w+n't",
    ) +
    "(?:\\s+[^\\s,;:.!?—–-]+){0,4}?\\s+" +
    oneOf(
      "discount",
      "coupon",
      "promo",
      "voucher",
      "code",
      "rabatt",
      "gutschein",
      "descuento",
      "cupon",
      "codigo",
      "reduction",
      "sconto",
      "codice",
      "desconto",
      "cupom",
    ) +
    "\\w*",
  "g",
);

// Every commitment pattern, status lines first (they are the shortest to match).
const ALL_COMMITMENTS = [...STATUS_LABELS, ...CREDITS, ...MONEY_BACK, ...REPLACEMENTS, ...DISCOUNT_CODES, ...COMMITMENTS];

// A question that offers ("Would you like me to let the team know?", "¿Quieres que…?", "Soll ich…?",
// "…しましょうか？") claims nothing; "I've passed this to the team, anything else?" still claims.
const OFFER = new RegExp(
  "^[¿\"'(]*" +
    oneOf(
      "would",
      "shall",
      "should (?:i|we)",
      "do you (?:want|need|wish)",
      "can (?:i|we)",
      "could (?:i|we)",
      "may (?:i|we)",
      "want me",
      "is there",
      "anything else",
      "how about",
      "quier[ea]s?",
      "te gustaria",
      "le gustaria",
      "desea[s]?",
      "prefier[ea]s?",
      "puedo",
      "podemos",
      "voulez-vous",
      "veux-tu",
      "souhaitez-vous",
      "souhaites-tu",
      "aimeriez-vous",
      "puis-je",
      "dois-je",
      "est-ce que (?:vous|tu) (?:voulez|veux|souhaitez|souhaites)",
      "mochten sie",
      "mochtest du",
      "soll(?:en)? (?:ich|wir)",
      "darf ich",
      "wollen sie",
      "willst du",
      "kann ich",
      "konnen wir",
      "vuoi",
      "vuole",
      "desideri",
      "desidera",
      "posso",
      "devo",
      "preferisci",
      "ti andrebbe",
      "quer",
      "queres",
      "gostaria",
      "deseja",
      "prefere",
    ) +
    "\\b|(?:か|ですか|ましょうか)[?？]\\s*$",
);

/** The first kind of claim the text makes, or null. Offers are not claims. */
export function findClaim(text: string, options: { audience?: "shopper" | "team"; evidence?: string; published?: string } = {}): ClaimKind | null {
  const evidence = foldText(options.evidence ?? "");
  const published = `${evidence}\n${foldText(options.published ?? "")}`;
  const known = sentenceCache(`${options.audience ?? ""}\u0000${evidence}\u0000${published}`);
  for (const sentence of splitSentences(foldText(claimText(text)))) {
    let kind = known.get(sentence);
    if (kind === undefined) {
      kind = sentenceClaim(sentence, options.audience, evidence, published);
      if (known.size >= MAX_CACHED_SENTENCES) known.clear();
      known.set(sentence, kind);
    }
    if (kind) return kind;
  }
  return null;
}

// The stream gate re-checks the reply's whole prefix at every new sentence: each sentence's verdict
// is kept for the turn (same evidence), so a long streamed reply costs one check per sentence.
const MAX_CACHED_SENTENCES = 256;
let cache: { key: string; verdicts: Map<string, ClaimKind | null> } = { key: "", verdicts: new Map() };
function sentenceCache(key: string): Map<string, ClaimKind | null> {
  if (cache.key !== key) cache = { key, verdicts: new Map() };
  return cache.verdicts;
}

function sentenceClaim(sentence: string, audience: "shopper" | "team" | undefined, evidence: string, published: string): ClaimKind | null {
  if (/[?？]\s*$/.test(sentence) && OFFER.test(sentence)) return null;
  if (HANDOFF.some((re) => re.test(sentence)) || HANDOFF_JA.some((re) => re.test(sentence))) return "handoff";
  // "We don't offer discount codes" states a limit, not a commitment: the negated phrase is left out
  // of the discount check, and only it ("No worries, here's a 15% code" still offers one).
  const unnegated = sentence.replace(NEGATED_DISCOUNT, " ");
  for (const c of ALL_COMMITMENTS) {
    if (!c.re.test(c.kind === "discount" ? unnegated : sentence)) continue;
    if (c.kind === "handoff") return "handoff";
    // A code or percentage the shop itself published may be quoted.
    if (c.kind === "discount" && publishedDiscount(sentence, published)) continue;
    // A verified order that really is cancelled/refunded may be described as such.
    if (c.kind === "cancellation" && /cancel/.test(evidence)) continue;
    if (c.kind === "refund" && /"financial_status":"(?:partially_)?refunded"/.test(evidence)) continue;
    return c.kind;
  }
  if (audience === "team" && AUTHORITY.some((re) => re.test(sentence))) return "authority";
  return null;
}

/** Every figure and code of the sentence appears in what the shop published (not in what the shopper typed). */
function publishedDiscount(sentence: string, published: string): boolean {
  const tokens = discountTokens(sentence);
  return (
    tokens.length > 0 &&
    tokens.every((t) => new RegExp(`(?<![\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u").test(published))
  );
}

/** Sentences of folded text (Latin and CJK punctuation, line breaks). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|(?<=[。！？])|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
