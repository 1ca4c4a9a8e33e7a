import { oneOf } from "../compile";
import type { Lexicon } from "../lexicon";

export const EN_THREAT: Pick<Lexicon, "threat"> = {
  // threats of a chargeback, legal action, a regulator, a bad review or going public (threat.ts)
  threat: {
    chargeback: [
      "charge ?backs?",
      "dispute (?:the |this |my |a )?(?:charge|transaction|payment|purchase)",
      "(?:open|file|start|raise) (?:a )?(?:dispute|claim) (?:with|through) (?:my |the )?" +
        oneOf("bank", "card", "credit card", "paypal", "visa", "mastercard", "amex"),
      // "I'll call my bank" is a threat; "call my bank" / "how do I contact my bank" / "I'm going to the bank
      // to change my PIN" are errands (assistant and banking questions): an intention is needed
      "(?:i|we) (?:will|shall|am going to|are going to|am gonna|have to|will have to|might|may|might have to|need to|would) " +
        "(?:just |simply |now |then |have to )?" +
        oneOf("call", "contact", "tell", "ask", "go to", "complain to") +
        " (?:my |the )?" +
        oneOf("bank", "credit card company", "card issuer", "paypal") +
        "(?! (?:to|and) (?:change|reset|get|open|order|withdraw|deposit|activate|update|set|cash|pay|ask about|find))",
      "report (?:you|this|it) to (?:my |the )?" + oneOf("bank", "credit card company", "card issuer", "paypal"),
      "(?:cancel|stop|reverse|block) (?:the )?payment (?:with|through) (?:my )?bank",
    ],
    legal: [
      "(?:my|our) (?:lawyers?|attorneys?|solicitors?|legal (?:team|counsel|department))",
      "(?:i|we) " +
        oneOf("will", "would", "am going to", "are going to", "shall", "may", "might", "could", "can", "have", "am", "are", "plan to", "intend to") +
        " (?:\\w+ ){0,3}" +
        oneOf("sue", "suing", "lawyer", "attorney", "solicitor", "legal action", "court", "lawsuit"),
      "(?:get|hire|call|contact|involve|consult) (?:a |my |an )?(?:lawyer|attorney|solicitor)",
      "legal (?:action|steps|proceedings)",
      "(?:sue|suing) (?:you|your|them|the company|this|the store|the shop)",
      "take (?:you|this|it|them) to court",
      "small claims",
      "class action",
      "lawsuit",
    ],
    regulator: [
      "better business bureau",
      "bbb",
      "ftc",
      "trading standards",
      "consumer (?:protection|rights|affairs|ombudsman|council|agency)",
      "ombudsman",
      "attorney general",
      "report (?:you|this|your (?:company|store|shop)|the (?:company|store|shop)) to",
      "(?:call|contact|go to|involve) (?:the )?(?:authorities|police)",
    ],
    review: [
      oneOf("bad", "negative", "terrible", "horrible", "scathing", "honest", "1 ?star", "one ?star", "zero ?star", "awful", "poor") +
        " (?:review|rating|feedback)s?",
      oneOf("leave", "write", "post", "give", "giving", "leaving", "writing", "posting") +
        " (?:you )?(?:a |an )?(?:\\w+ )?(?:review|rating)s? " +
        oneOf("everywhere", "on (?:trustpilot|yelp|google|amazon|facebook|every)"),
      "trustpilot",
      "yelp",
      "(?:warn|tell) " + oneOf("everyone", "everybody", "all my friends", "other (?:people|customers|buyers)", "others"),
    ],
    social: [
      "(?:i|we) " +
        oneOf("will", "am going to", "are going to", "shall", "might", "may", "could", "can", "am gonna", "plan to") +
        " (?:\\w+ ){0,3}" +
        oneOf("post", "share", "put", "tweet", "write", "tell", "blast", "expose") +
        "\\b(?: \\w+){0,6}? " +
        oneOf("social media", "twitter", "facebook", "instagram", "tiktok", "reddit", "youtube", "linkedin", "online", "the internet", "everyone", "everybody"),
      "go(?:ing)? (?:public|viral) with",
      "expose (?:you|your|this)",
      "name and shame",
      "(?:contact|tell|go to|call) (?:the )?(?:press|media|news)",
    ],
  },
};
