import { oneOf } from "../compile";
import type { Lexicon } from "../lexicon";

export const EN_SENSITIVE: Pick<Lexicon, "sensitive"> = {
  // always a person: safety and allergies, fraud, personal data (sensitive-topics.ts)
  sensitive: {
    safety: [
      "allerg(?:y|ies|ic|en|ens)",
      "anaphyla\\w*",
      "epipen",
      oneOf("went to", "ended up in", "taken to", "rushed to", "admitted to") + " (?:the )?(?:hospital|emergency room|er)",
      "(?:i|my \\w+|me|we|our \\w+|he|she) " +
        oneOf("was ", "were ", "got ", "have been ", "has been ", "am ", "is ") +
        "?" +
        oneOf("injured", "hurt", "burned", "burnt", "electrocuted", "poisoned", "choked", "cut") +
        " " +
        oneOf("by", "from", "with", "using", "when", "after", "because of") +
        " (?:it|this|the|your|that|a)",
      "(?:it|this|the \\w+|that|your \\w+) " +
        oneOf(
          "caught (?:on )?fire",
          "exploded",
          "started (?:a )?fire",
          "overheated and",
          "melted and",
          "shocked me",
          "burned me",
          "burnt me",
          "cut me",
          "hurt me",
          "injured",
        ),
      "electric(?:al)? shock",
      "choking hazard",
      "(?:got|have|gave me|caused|causing|developed) (?:a |an )?(?:rash|hives|reaction)",
      "swollen",
      "swelling",
      "(?:made|making) (?:me|my \\w+|us|him|her) (?:sick|ill|vomit|throw up)",
      "food poisoning",
      "sick (?:from|after) (?:eating|using|drinking)",
      "unsafe (?:product|item|to use)",
      "safety (?:issue|hazard|concern|problem|recall)",
      "recall(?:ed)? (?:product|item)",
      "sharp edges?",
      "toxic (?:fumes|smell|chemicals?|materials?|paint)",
      "mold in",
      "mould in",
    ],
    fraud: [
      "fraud\\w*",
      "unauthori[sz]ed (?:charges?|transactions?|purchases?|payments?|orders?|use|access|debit)",
      "(?:did not|never) " +
        oneOf("make", "place", "order", "authori[sz]e", "buy", "purchase", "approve") +
        " (?:this|that|these|those|the|any|an|a) " +
        oneOf("order", "purchase", "charge", "payment", "transaction") +
        "s?",
      "(?:stolen|compromised) (?:credit )?(?:card|identity|card details)",
      "identity theft",
      "someone (?:used|stole|is using) my (?:credit )?(?:card|identity|details|payment)",
      "phishing",
      "fake (?:website|site|store|email) (?:pretending|claiming|using)",
      "fraudulent\\w*",
    ],
    privacy: [
      "gdpr",
      "ccpa",
      "dsgvo",
      "rgpd",
      "right to (?:be forgotten|erasure|access)",
      "(?:delete|erase|remove|wipe|purge) (?:all )?(?:of )?(?:my|our) (?:personal )?" + oneOf("data", "information", "info", "details", "records", "history"),
      "(?:personal|private) (?:data|information|info|details) " +
        oneOf("deleted", "removed", "erased", "request", "access", "breach", "leak\\w*", "exposed", "sold", "shared"),
      "data (?:deletion|erasure|removal|breach|leak|protection|subject|access request|privacy)",
      "privacy (?:request|concern|violation|complaint|breach|issue)",
      oneOf("sell", "sold", "selling", "share", "shared", "sharing") + " my (?:personal )?(?:data|information|info|details)",
      "what (?:personal )?(?:data|information|info) (?:do )?you (?:have|store|keep|hold|collect) (?:on|about|of) (?:me|my|us)",
    ],
  },
};
