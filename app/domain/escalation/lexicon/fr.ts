// French: the words each signal matches (see lexicon.ts for the slots). Accent-free, lower case.
import { oneOf } from "./compile";
import type { Lexicon } from "./lexicon";

export const FR: Lexicon = {
  explicitRequest: {
    // literal fragments: a message with none of them cannot match `requests` (a cheap check first)
    gate: [
      "humain",
      "personne",
      "agent",
      "conseill",
      "operat",
      "responsable",
      "quelqu",
      "gerant",
      "manager",
      "superviseur",
      "representant",
      "interlocuteur",
      "service client",
      "mettez",
      "mets moi",
      "passez",
      "passe moi",
      "transfer",
      "redirig",
      "connect",
      "relation",
      "assistance",
      "aide",
      "support",
    ],
    requests: [
      "\\b" +
        oneOf(
          "parler",
          "discuter",
          "echanger",
          "communiquer",
          "etre mis en relation",
          "etre mise en relation",
          "me mettre en relation",
          "etre en contact",
          "entrer en contact",
          "joindre",
          "contacter",
          "avoir affaire",
        ) +
        " (?:directement |maintenant |svp )?(?:a |avec |au |aupres d )?(?:(?:un|une|le|la|l|du|votre|vrai|vraie|veritable|quelqu) )*" +
        oneOf(
          "humain",
          "etre humain",
          "personne reelle",
          "personne physique",
          "vraie personne",
          "vrai personne",
          "agent",
          "conseiller",
          "conseillere",
          "operateur",
          "operatrice",
          "responsable",
          "quelquun",
          "gerant",
          "manager",
          "superviseur",
          "representant",
          "interlocuteur",
          "service client",
        ) +
        "\\b",
      "\\b" +
        oneOf(
          "mettez moi",
          "mets moi",
          "passez moi",
          "passe moi",
          "transferez moi",
          "transfere moi",
          "redirigez moi",
          "connectez moi",
          "mettre en relation avec",
          "mise en relation avec",
        ) +
        " (?:en relation |en contact )?(?:avec|a|au)?\\b",
      "\\b" +
        oneOf("je veux", "je voudrais", "j aimerais", "je souhaite", "je souhaiterais", "je demande", "il me faut", "je prefere", "j exige") +
        " " +
        oneOf("parler a ", "parler avec ", "avoir ", "joindre ") +
        "?(?:(?:un|une|le|la|l|vrai|vraie|veritable) )*" +
        oneOf(
          "humain",
          "etre humain",
          "vraie personne",
          "personne reelle",
          "agent",
          "conseiller",
          "conseillere",
          "operateur",
          "operatrice",
          "responsable",
          "representant",
          "interlocuteur humain",
        ) +
        "\\b",
      "\\b" + oneOf("un humain", "une vraie personne", "un conseiller", "un agent") + " " + oneOf("svp", "s il vous plait", "s il te plait", "merci") + "\\b",
      "\\b(?:assistance|aide|support|conseiller|interlocuteur|agent) humaine?\\b",
    ],
    negations: [
      "\\bpas (?:besoin )?(?:de |d )?(?:parler )?(?:a |avec )?(?:(?:un|une|d un|d une|le|la) )?" +
        oneOf("humain", "personne", "agent", "conseiller", "conseillere", "operateur", "responsable") +
        "\\b",
      "\\b(?:veux|voudrais|souhaite|ai) (?:pas|plus|aucun|aucune) (?:\\w+ ){0,3}(?:humain|agent|conseiller|operateur)\\b",
      "\\bsans (?:parler a |passer par )?(?:un |une )?(?:humain|agent|conseiller|operateur)\\b",
      "\\bne \\w+ (?:\\w+ )?(?:parler )?a personne\\b",
    ],
  },
  barePerson: ["humain", "conseiller", "operateur"],
  bareFiller: ["svp", "vrai", "vraie"],
  threat: {
    chargeback: ["retrofacturation", "rejet de paiement"],
    legal: ["avocats?", "poursuivre", "porter plainte", "tribunal"],
    regulator: ["dgccrf"],
    review: ["mauvais avis"],
    social: ["reseaux sociaux"],
  },
  sensitive: {
    safety: ["allergi\\w*", "empoisonn\\w*", "brulure", "blessure"],
    privacy: ["supprimer mes (?:donnees|informations)", "donnees personnelles"],
  },
  topic: {
    refund: ["remboursement"],
    billing: ["paiement", "facture"],
    shipping: ["livraison", "colis"],
    product: ["produit"],
    account: ["compte"],
    order: ["commande"],
  },
  shopObjects: ["commande", "colis"],
  refundWords: ["remboursement", "rembourser", "rembourse", "dedommagement"],
  demandVerbs: ["je veux", "je voudrais", "j exige"],
  refundDemands: ["rembourse(?:z)? moi"],
  complaintWords: ["plainte", "reclamation"],
  // feminine and plural participles too: "ma commande n'est pas arrivée", "la lampe est arrivée cassée" (eighth pass)
  notArrived: ["pas (?:encore )?(?:recue?s?|arrivee?s?)", "jamais (?:recue?s?|arrivee?s?)"],
  arrivedDamaged: [
    "arrivee?s? (?:casse|cassee|casses|cassees|endommagee?s?|abimee?s?)",
    "(?:est|sont) (?:casse|cassee|casses|cassees|defectueux|defectueuses?|abimee?s?|endommagee?s?)",
    "recue? (?:\\w+ ){1,3}(?:casse|cassee|endommagee?|abimee?)",
  ],
  angerWords: {
    colere: 0.75,
    furieux: 0.85,
    furieuse: 0.85,
    enerve: 0.65,
    enervee: 0.65,
    agace: 0.6,
    agacee: 0.6,
    inadmissible: 0.75,
    inacceptable: 0.75,
    honteux: 0.65,
    scandaleux: 0.7,
    nul: 0.45,
    nulle: 0.45,
    merde: 0.6,
    putain: 0.6,
  },
  angerPhrases: [
    [
      "\\b" +
        oneOf(
          "j en ai marre",
          "ras le bol",
          "c est (?:inadmissible|inacceptable|honteux|scandaleux|n importe quoi)",
          "je suis (?:furieux|furieuse|en colere|enerve|enervee)",
        ) +
        "\\b",
      0.75,
    ],
  ],
  pleasantries: ["bonjour", "salut", "merci", "oui"],
  // nouns one edit away from an English typo target, not typos (normalize.ts)
  // "arrivée" is one letter from the English target "arrived" (eighth pass: "la lampe est arrivée cassée" read as English)
  notTypos: ["personne", "humain", "humains", "support", "arrivee"],
};
