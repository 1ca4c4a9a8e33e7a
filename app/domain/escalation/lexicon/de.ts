// German: the words each signal matches (see lexicon.ts for the slots). Accent-free, lower case.
import { oneOf } from "./compile";
import type { Lexicon } from "./lexicon";

export const DE: Lexicon = {
  explicitRequest: {
    // literal fragments: a message with none of them cannot match `requests` (a cheap check first)
    gate: [
      "mensch",
      "person",
      "mitarbeit",
      "berater",
      "agent",
      "sachbearbeit",
      "vorgesetzt",
      "manager",
      "chef",
      "ansprechpartner",
      "kundenservice",
      "kundendienst",
      "support",
      "verantwortlich",
      "jemand",
      "verbind",
      "leite",
    ],
    requests: [
      "\\b(?:mit|zu) " +
        "(?:" +
        oneOf(
          "einem",
          "einer",
          "einen",
          "dem",
          "der",
          "den",
          "ihrem",
          "ihrer",
          "ihren",
          "echten",
          "echter",
          "richtigen",
          "richtiger",
          "menschlichen",
          "lebenden",
          "realen",
          "jemandem",
          "einem echten",
          "einer echten",
        ) +
        " " +
        ")*" +
        oneOf(
          "mensch",
          "menschen",
          "person",
          "mitarbeiter",
          "mitarbeiterin",
          "mitarbeitenden",
          "berater",
          "beraterin",
          "kundenberater",
          "kundenberaterin",
          "agenten",
          "sachbearbeiter",
          "sachbearbeiterin",
          "vorgesetzten",
          "manager",
          "chef",
          "ansprechpartner",
          "ansprechpartnerin",
          "kundenservice",
          "kundendienst",
          "support",
          "verantwortlichen",
          "jemandem",
        ) +
        "(?: \\w+){0,4}? " +
        oneOf("sprechen", "reden", "verbunden", "verbinden", "chatten", "telefonieren", "schreiben", "kontakt") +
        "\\b",
      "\\b" + oneOf("verbinden", "verbindet", "verbinde", "leiten", "leite") + " (?:sie |du )?(?:mich|uns) (?:bitte |jetzt |sofort )?(?:mit|an|weiter)\\b",
      "\\b" +
        oneOf("mochte", "mochten", "will", "wollen", "brauche", "brauchen", "wunsche", "verlange", "hatte gern", "hatte gerne", "suche") +
        " " +
        oneOf("gerne ", "gern ", "jetzt ", "sofort ", "bitte ", "bitte einen ", "doch ") +
        "?" +
        oneOf("einen ", "eine ", "einem ", "mit einem ", "mit einer ") +
        "?" +
        oneOf("echten ", "richtigen ", "menschlichen ", "lebenden ", "realen ") +
        "?" +
        oneOf(
          "menschen",
          "mitarbeiter",
          "mitarbeiterin",
          "berater",
          "beraterin",
          "kundenberater",
          "kundenberaterin",
          "ansprechpartner",
          "ansprechpartnerin",
          "vorgesetzten",
          "sachbearbeiter",
          "echte person",
          "reale person",
        ) +
        "\\b",
      "\\b" +
        oneOf("echter", "echten", "richtigen", "richtiger", "realen") +
        " " +
        oneOf("mensch", "menschen", "person", "mitarbeiter", "ansprechpartner") +
        "\\b",
      "\\bmenschlichen? (?:ansprechpartner|mitarbeiter|berater|support|kontakt|hilfe)\\b",
    ],
    negations: [
      "\\b(?:keinen|keine|kein) (?:echten |richtigen |menschlichen )?" +
        oneOf("menschen", "mensch", "mitarbeiter", "mitarbeiterin", "berater", "person", "ansprechpartner", "agenten") +
        "\\b",
      "\\bnicht (?:mit|zu) (?:einem|einer|dem|der) (?:\\w+ )?" + oneOf("menschen", "mitarbeiter", "person", "berater", "agenten") + "\\b",
      "\\bohne (?:mit )?(?:einem |einer )?(?:menschen|mitarbeiter|berater|person)\\b",
    ],
  },
  barePerson: ["mensch", "mitarbeiter"],
  bareFiller: ["bitte", "einen", "echten", "echte"],
  threat: {
    chargeback: ["ruckbuchung", "lastschrift zuruck", "storno"],
    legal: ["anwalt", "anwaltin", "rechtsanwalt", "verklagen", "klage einreichen"],
    regulator: ["verbraucherzentrale", "verbraucherschutz"],
    review: ["schlechte bewertung"],
    social: ["sozialen medien"],
  },
  sensitive: {
    safety: ["vergiftung", "verbrennung", "verletzung"],
    fraud: ["betrug"],
    privacy: ["meine daten (?:loschen|entfernen)", "datenschutz"],
  },
  topic: {
    refund: ["ruckerstattung", "erstattung"],
    billing: ["zahlung", "rechnung"],
    shipping: ["lieferung", "versand", "paket"],
    product: ["produkt"],
    account: ["konto"],
    order: ["bestellung"],
  },
  shopObjects: ["bestellung", "paket", "lieferung"],
  refundWords: ["ruckerstattung", "erstattung", "geld zuruck", "entschadigung"],
  demandVerbs: ["ich mochte", "ich will", "ich verlange"],
  refundDemands: ["geld zuruck"],
  complaintWords: ["beschwerde", "beschweren", "reklamation", "reklamieren"],
  notArrived: ["nicht (?:angekommen|erhalten|geliefert)"],
  arrivedDamaged: ["(?:ist|kam|war) (?:kaputt|beschadigt|defekt|zerbrochen)"],
  angerWords: { wutend: 0.8, sauer: 0.55, verargert: 0.7, frechheit: 0.75, unverschamt: 0.75, inakzeptabel: 0.75, unmoglich: 0.45, scheisse: 0.6 },
  angerPhrases: [
    [
      "\\b" +
        oneOf("ich bin (?:so |sehr )?(?:wutend|sauer|verargert)", "das ist (?:eine )?(?:frechheit|unverschamt|inakzeptabel|eine zumutung)", "es reicht") +
        "\\b",
      0.75,
    ],
  ],
  pleasantries: ["hallo", "guten", "tag", "danke", "ja", "nein"],
  // nouns one edit away from an English typo target, not typos (normalize.ts)
  notTypos: ["agenten", "kontakt", "manager"],
};
