import type { NormalizedText } from "./normalize";
import { NON_SHOP_OBJECT_RE, SHOP_OBJECT_RE } from "./shop-vocabulary";

// Topics that always need a person, whatever the thresholds: a wrong automated answer about
// personal data, a safety/allergy incident or fraud costs far more than an extra email.

/** Which sensitive area a message touches. */
export type SensitiveKind = "privacy" | "safety" | "fraud";

/** A sensitive topic found in one message. */
export interface SensitiveMatch {
  kind: SensitiveKind;
  quote: string;
}

const SENSITIVE: [SensitiveKind, RegExp][] = [
  [
    "safety",
    /\b(?:allerg(?:y|ies|ic|en|ens)|anaphyla\w*|epipen|(?:went to|ended up in|taken to|rushed to|admitted to) (?:the )?(?:hospital|emergency room|er)|(?:i|my \w+|me|we|our \w+|he|she) (?:was |were |got |have been |has been |am |is )?(?:injured|hurt|burned|burnt|electrocuted|poisoned|choked|cut) (?:by|from|with|using|when|after|because of) (?:it|this|the|your|that|a)|(?:it|this|the \w+|that|your \w+) (?:caught (?:on )?fire|exploded|started (?:a )?fire|overheated and|melted and|shocked me|burned me|burnt me|cut me|hurt me|injured)|electric(?:al)? shock|choking hazard|(?:got|have|gave me|caused|causing|developed) (?:a |an )?(?:rash|hives|reaction)|swollen|swelling|(?:made|making) (?:me|my \w+|us|him|her) (?:sick|ill|vomit|throw up)|food poisoning|sick (?:from|after) (?:eating|using|drinking)|unsafe (?:product|item|to use)|safety (?:issue|hazard|concern|problem|recall)|recall(?:ed)? (?:product|item)|sharp edges?|toxic (?:fumes|smell|chemicals?|materials?|paint)|mold in|mould in|alergi\w*|alergic\w*|allergi\w*|intoxicacion|empoisonn\w*|vergiftung|brulure|verbrennung|blessure|verletzung)\b/,
  ],
  [
    "fraud",
    /\b(?:fraud\w*|unauthori[sz]ed (?:charges?|transactions?|purchases?|payments?|orders?|use|access|debit)|(?:did not|never) (?:make|place|order|authori[sz]e|buy|purchase|approve) (?:this|that|these|those|the|any|an|a) (?:order|purchase|charge|payment|transaction)s?|(?:stolen|compromised) (?:credit )?(?:card|identity|card details)|identity theft|someone (?:used|stole|is using) my (?:credit )?(?:card|identity|details|payment)|phishing|fake (?:website|site|store|email) (?:pretending|claiming|using)|fraude|betrug|truffa|fraudulent\w*)\b/,
  ],
  [
    "privacy",
    /\b(?:gdpr|ccpa|dsgvo|rgpd|right to (?:be forgotten|erasure|access)|(?:delete|erase|remove|wipe|purge) (?:all )?(?:of )?(?:my|our) (?:personal )?(?:data|information|info|details|records|history)|(?:personal|private) (?:data|information|info|details) (?:deleted|removed|erased|request|access|breach|leak\w*|exposed|sold|shared)|data (?:deletion|erasure|removal|breach|leak|protection|subject|access request|privacy)|privacy (?:request|concern|violation|complaint|breach|issue)|(?:sell|sold|selling|share|shared|sharing) my (?:personal )?(?:data|information|info|details)|what (?:personal )?(?:data|information|info) (?:do )?you (?:have|store|keep|hold|collect) (?:on|about|of) (?:me|my|us)|(?:borrar|eliminar|suprimir) mis datos|supprimer mes (?:donnees|informations)|meine daten (?:loschen|entfernen)|cancellare i miei dati|apagar (?:os )?meus dados|datenschutz|proteccion de datos|donnees personnelles|dati personali)\b/,
  ],
];

// A fraud report about a bank card or account with no link to the shop ("I think someone used my
// card, can you lock it") is a routine banking request, not something the merchant can act on.
const SHOP_LINK_RE = /\b(?:your|this|the) (?:store|shop|site|website|company|brand)\b|\b(?:from|by|with) you\b|\byou (?:charged|billed|took|debited)\b/;
const PREVENTIVE_SAFETY_RE = /\b(?:not|no) (?:allergic|allergy|injured|hurt)\b|\ballergy[- ]free\b/;

/** Finds a privacy, safety/allergy or fraud topic in one message. */
export function findSensitiveTopic(message: NormalizedText): SensitiveMatch | undefined {
  const { text } = message;
  for (const [kind, pattern] of SENSITIVE) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (kind === "safety" && PREVENTIVE_SAFETY_RE.test(text)) continue;
    if (kind === "fraud" && NON_SHOP_OBJECT_RE.test(text) && !SHOP_OBJECT_RE.test(text) && !SHOP_LINK_RE.test(text)) continue;
    return { kind, quote: m[0].trim() };
  }
  return undefined;
}

/** Human words for a sensitive topic, used in the reason text. */
export function describeSensitive(kind: SensitiveKind): string {
  switch (kind) {
    case "privacy":
      return "privacy or personal-data request";
    case "safety":
      return "safety or allergy issue";
    case "fraud":
      return "possible fraud";
  }
}
