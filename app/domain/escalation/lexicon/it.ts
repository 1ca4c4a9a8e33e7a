// Italian: the words each signal matches (see lexicon.ts for the slots). Accent-free, lower case.
import { oneOf } from "./compile";
import type { Lexicon } from "./lexicon";

export const IT: Lexicon = {
  explicitRequest: {
    requests: [
      "\\b" +
        oneOf("parlare", "parlo", "parli", "comunicare", "chattare", "mettermi in contatto", "contattare", "essere messo in contatto") +
        " (?:con |a |ad )?(?:(?:un|una|un altro|l|il|la|un vero|una vera|qualche) )*" +
        oneOf(
          "operatore",
          "operatrice",
          "umano",
          "essere umano",
          "persona vera",
          "persona reale",
          "persona",
          "agente",
          "consulente",
          "responsabile",
          "addetto",
          "addetta",
          "assistente",
          "qualcuno",
          "manager",
          "supervisore",
        ) +
        "\\b",
      "\\b" +
        oneOf("voglio", "vorrei", "ho bisogno di", "preferisco", "chiedo") +
        " (?:parlare con )?(?:(?:un|una|l|il) )*" +
        oneOf("operatore", "operatrice", "umano", "essere umano", "persona vera", "persona reale", "agente", "consulente", "responsabile") +
        "\\b",
      "\\b(?:passami|mi passi|mettimi in contatto|mi metta in contatto) (?:con|a)?\\b",
    ],
    negations: [
      "\\bnon " +
        oneOf("voglio", "ho bisogno", "mi serve", "serve", "necessito", "e necessario") +
        "(?: di)?(?: parlare)?(?: con)? (?:un |una |l )?" +
        oneOf("operatore", "umano", "persona", "agente", "consulente") +
        "\\b",
      "\\bsenza (?:parlare con )?(?:un |una )?(?:operatore|umano|persona|agente)\\b",
    ],
  },
  barePerson: ["operatore"],
  threat: {
    legal: ["avvocat[oi]", "denunciare", "querela"],
    review: ["recensione negativa"],
  },
  sensitive: {
    fraud: ["truffa"],
    privacy: ["cancellare i miei dati", "dati personali"],
  },
  topic: {
    refund: ["rimborso"],
    billing: ["pagamento", "fattura"],
    shipping: ["spedizione", "consegna"],
    product: ["prodotto"],
    order: ["ordine"],
  },
  shopObjects: ["ordine", "pacco"],
  refundWords: ["rimborso", "risarcimento"],
  demandVerbs: ["voglio", "vorrei"],
  complaintWords: ["reclamo"],
  notArrived: ["non (?:e )?(?:arrivato|ricevuto)"],
  arrivedDamaged: ["arrivato (?:rotto|danneggiato)"],
  angerWords: { arrabbiato: 0.75, arrabbiata: 0.75, inaccettabile: 0.75, vergognoso: 0.65, schifo: 0.6 },
  // nouns one edit away from an English typo target, not typos (normalize.ts)
  notTypos: ["umano", "contatto"],
};
