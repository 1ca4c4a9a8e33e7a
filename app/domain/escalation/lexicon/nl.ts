// Dutch: the words each signal matches (see lexicon.ts for the slots). Accent-free, lower case.
import { oneOf } from "./compile";
import type { Lexicon } from "./lexicon";

export const NL: Lexicon = {
  explicitRequest: {
    requests: [
      "\\b(?:met|tot) (?:(?:een|de|het|uw|jullie|echte|echt|menselijke|levende) )*" +
        oneOf("mens", "medewerker", "medewerkster", "persoon", "agent", "vertegenwoordiger", "manager", "leidinggevende", "iemand", "klantenservice") +
        "(?: \\w+){0,3}? " +
        oneOf("spreken", "praten", "chatten", "verbonden", "verbinden", "bellen") +
        "\\b",
      "\\b(?:spreken|praten|chatten) met (?:een |de )?(?:echte |echt |menselijke )?" + oneOf("mens", "medewerker", "medewerkster", "persoon", "iemand") + "\\b",
      "\\b(?:wil|wil graag|graag|verbind|verbindt) (?:me |mij )?(?:met )?(?:een |de )?(?:echte |echt |menselijke )?(?:medewerker|medewerkster|mens|persoon)\\b",
    ],
    negations: ["\\bgeen (?:echte |menselijke )?(?:mens|medewerker|persoon)\\b", "\\bniet (?:met )?(?:een )?(?:medewerker|mens|persoon)\\b"],
  },
  barePerson: ["medewerker"],
  threat: {
    legal: ["advocaat", "rechtszaak"],
  },
  topic: {
    refund: ["retour"],
  },
  shopObjects: ["bestelling", "pakket"],
  refundWords: ["terugbetaling", "geld terug", "compensatie"],
  complaintWords: ["klacht"],
  notArrived: ["niet (?:ontvangen|aangekomen|geleverd)"],
  arrivedDamaged: ["kapot", "beschadigd"],
  angerWords: { boos: 0.65, woedend: 0.8, belachelijk: 0.7, onacceptabel: 0.75 },
};
