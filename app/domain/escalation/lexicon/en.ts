// English: the words each signal matches (see lexicon.ts for the slots). Patterns run on normalized
// text (lower case, no accents, "don't" → "do not", typos of key nouns fixed), so they list word
// choices, not spellings.
import { either, oneOf } from "./compile";
import type { Lexicon } from "./lexicon";

// Determiners and adjectives before a person ("a real", "one of your", "someone from your").
const EN_DET = `(?:${oneOf(
  "a",
  "an",
  "the",
  "one",
  "some",
  "your",
  "ur",
  "any",
  "real",
  "live",
  "actual",
  "physical",
  "proper",
  "human",
  "actual",
  "of your",
  "someone from your",
)} )*`;
// Teams a shopper may ask to be put through to ("put me through to billing"). "returns" is left
// out: "send it to returns" is about the parcel.
const EN_TEAM = oneOf(
  "(?:the |your |ur )?" +
    oneOf(
      "billing",
      "accounts?",
      "sales",
      "complaints?",
      "fraud",
      "claims",
      "reservations",
      "front desk",
      "reception",
      "technical support",
      "tech support",
      "loans?",
      "mortgages?",
      "finance",
      "payments?",
    ) +
    "(?: (?:department|dept|team|desk|office|people|section))?",
  "(?:the |your )?(?:right|correct|relevant|appropriate) (?:department|team|person)",
);
// Anyone who is a person at the shop; customer service followed by a contact detail is not.
const EN_PERSON = oneOf(
  "colleagues?",
  "someone else",
  "somebody else",
  "(?:customer|client) (?:service|support|care)(?! (?:number|email|hours|phone|line|address|policy|policies|website|page|chat ?bot|bot))",
  "humans?",
  "human beings?",
  "(?:real|live|actual) (?:ones?|persons?)",
  "persons?",
  "people",
  "agents?",
  "reps?",
  "representatives?",
  "operators?",
  "associates?",
  "advis[eo]rs?",
  "consultants?",
  "employees?",
  "staff(?: members?)?",
  "team members?",
  "specialists?",
  "assistants?",
  "managers?",
  "supervisors?",
  "boss",
  "owner",
  "someone",
  "somebody",
  "anyone",
  "anybody",
  "(?:customer|client) (?:service|support|care|success) " +
    oneOf("agent", "rep", "representative", "person", "team", "staff", "department", "associate", "member", "officer") +
    "s?",
  "(?:support|service|sales|help ?desk) (?:team|staff|agent|rep|person)s?",
);
// Nouns that on their own (after "want"/"need") mean a person, excluding vague "someone".
const EN_PERSON_STRONG = oneOf(
  "humans?",
  "human beings?",
  "real (?:person|one|human)",
  "live (?:person|agent|rep|representative|operator|human|support|chat|help)",
  "agents?",
  "representatives?",
  "reps?",
  "operators?",
  "managers?",
  "supervisors?",
  "actual (?:person|human)",
  "person",
);

export const EN: Lexicon = {
  explicitRequest: {
    // literal fragments: a message with none of them cannot match `requests` (a cheap check first)
    gate: [
      "human",
      "person",
      "people",
      "agent",
      "rep",
      "operator",
      "colleague",
      "billing",
      "account",
      "sales",
      "complain",
      "fraud",
      "claim",
      "reserv",
      "front desk",
      "reception",
      "loan",
      "mortgage",
      "financ",
      "payment",
      "department",
      "refuse",
      "associate",
      "advis",
      "consult",
      "employee",
      "staff",
      "team",
      "specialist",
      "assistant",
      "manag",
      "supervis",
      "boss",
      "owner",
      "someone",
      "somebody",
      "anyone",
      "anybody",
      "customer",
      "client",
      "support",
      "service",
      "sales",
      "help",
      "live",
      "real",
      "actual",
      "escalat",
      "bot",
      "machine",
      " ai ",
      "computer",
      "automat",
    ],
    requests: [
      // "speak to a human", "talk with someone from your team", "get in touch with an agent"
      "\\b" +
        oneOf("speak", "talk", "chatt?", "converse", "communicate", "get in touch", "be in touch", "get through", "reach out", "consult") +
        "(?:s|ed|ing)? " +
        oneOf("directly ", "right now ", "now ", "immediately ", "please ", "just ", "again ") +
        "?(?:to|too|tto|ot|with|wiht|whit|wit|w) " +
        EN_DET +
        "(?:(?:damn|fucking|bloody|goddamn|freaking|proper|competent|qualified|senior|human) )?" +
        EN_DET +
        EN_PERSON +
        "\\b",
      // "connect me to an agent", "transfer me to a representative", "put me through to a manager"
      "\\b" +
        oneOf("connect", "transfer", "put", "patch", "switch", "pass", "forward", "hand", "redirect", "send", "escalate", "route") +
        "(?:s|ed|ing)? " +
        oneOf("me", "us", "this", "it", "my (?:case|issue|request|call|chat|question|ticket|complaint)") +
        oneOf(" over", " through", " thru", " on", " now", " please") +
        "? (?:to|with) " +
        EN_DET +
        EN_PERSON +
        "\\b",
      // "put me through to billing", "transfer me to the accounts team", "speak to someone in accounts"
      "\\b" +
        oneOf("connect", "transfer", "put", "patch", "switch", "pass", "forward", "hand") +
        "(?:s|ed|ing)? (?:me|us)(?: over| through| thru| on)? (?:to|with) " +
        EN_TEAM +
        "\\b",
      "\\b(?:speak|talk|chat)(?:ing)? (?:to|with) " + oneOf("someone", "somebody", "a person", "anyone", "anybody") + " (?:in|from|at) " + EN_TEAM + "\\b",
      // "i refuse to keep chatting with a machine", "i do not want to talk to a bot"
      "\\b" +
        oneOf("refuse to", "will not", "do not want to", "not going to", "no longer want to", "rather not", "not want to") +
        " (?:keep |continue )?" +
        oneOf("talk", "talking", "chat", "chatting", "speak", "speaking", "deal", "dealing", "text", "texting") +
        " (?:to|with) (?:a |an |the |this |your |some )?" +
        oneOf("stupid ", "useless ", "dumb ", "automated ", "fucking ") +
        "?" +
        oneOf("bots?", "robots?", "chat ?bots?", "machines?", "ai", "computers?", "automated (?:system|assistant)") +
        "\\b",
      // "I want a human", "need a real person", "get me a manager", "is there a live agent"
      "\\b" +
        oneOf(
          "want",
          "wanted",
          "need",
          "needed",
          "require",
          "request",
          "requesting",
          "demand",
          "demanding",
          "prefer",
          "get me",
          "give me",
          "find me",
          "bring me",
          "have",
          "like",
          "is there",
          "are there",
          "there any",
          "looking for",
          "where is",
          "where are",
          "i would like",
          "id like",
          "(?:can|could|may) (?:i|we) (?:please )?(?:get|have)",
        ) +
        " (?:to (?:have|get|see|reach|contact) )?" +
        EN_DET +
        EN_PERSON_STRONG +
        "\\b(?! (?:said|says|told|answered|replied|gave|promised|was|were|is))",
      // "contact a live agent", "call a supervisor", "reach a representative"
      "\\b" +
        oneOf("reach", "contact", "call", "phone", "email", "message", "ring", "see", "get hold of", "get ahold of") +
        "(?:ing|ed)? " +
        EN_DET +
        "(?:(?:damn|fucking|bloody|goddamn|freaking) )?" +
        oneOf(
          "humans?",
          "real person",
          "live (?:person|agent|rep|representative|operator)",
          "agents?",
          "representatives?",
          "reps?",
          "operators?",
          "managers?",
          "supervisors?",
          "person",
          "someone",
          "somebody",
        ) +
        "\\b",
      // "human help", "human support", "live agent please"
      "\\b" +
        oneOf("human", "real person", "live person", "live agent", "actual person") +
        " " +
        oneOf("help", "assistance", "support", "agent", "contact", "interaction", "response", "answer", "please", "now", "asap", "immediately") +
        "\\b",
      // "have someone call me", "can a person get back to me"
      "\\b" +
        oneOf("have", "get", "can", "could", "would", "let", "need", "want") +
        " " +
        EN_DET +
        EN_PERSON +
        " (?:to )?" +
        oneOf("call", "contact", "email", "reach", "phone", "ring", "get back to", "reply to", "respond to", "text", "look at", "review") +
        " (?:me|us|my|this)\\b",
      // "transfer to me an agent", "direct me to somebody"
      "\\b" +
        oneOf("transfer", "connect", "put", "direct", "redirect", "send", "pass", "forward") +
        "\\w* (?:to )?(?:me|us) (?:to |with )?" +
        EN_DET +
        EN_PERSON +
        "\\b",
      // "is there anyone available", "is there a person I can talk to"
      "\\b(?:is|are) (?:there|their) (?:any|a|an|some|a real|an actual)? ?" +
        oneOf("persons?", "someone", "somebody", "anyone", "anybody", "humans?", "agents?", "people", "representatives?", "reps?", "staff", "operators?") +
        " " +
        oneOf("available", "there", "around", "online", "in the office", "working", "i can (?:talk|speak|chat)", "to (?:talk|speak|chat)", "who can help") +
        "\\b",
      "\\b" + oneOf("anyone", "anybody", "any (?:person|human|agent)s?") + " (?:available|there|online|around) (?:to (?:talk|speak|chat|help))?\\b",
      // "is there a customer service person I can talk to"
      "\\b(?:is|are) there (?:\\w+ ){0,3}" +
        oneOf("persons?", "humans?", "agents?", "representatives?", "reps?", "operators?", "someone", "somebody", "anyone", "anybody", "people", "staff") +
        " (?:\\w+ ){0,2}(?:i|we) (?:can|could|may) (?:talk|speak|chat)\\b",
      // "escalate this", "please escalate my case"
      "\\bescalate (?:this|it|my|the|our|me)\\b",
      // "not a bot", "stop the bot", "tired of talking to a machine"
      "\\b" +
        oneOf("not", "no", "stop", "enough", "tired of", "sick of", "fed up with", "done with", "hate") +
        " " +
        oneOf("talking to ", "chatting with ", "speaking to ", "with ") +
        "?(?:a |an |the |this |your |some )?" +
        oneOf("stupid ", "useless ", "dumb ", "automated ", "fucking ") +
        "?" +
        oneOf("bots?", "robots?", "chat ?bots?", "machines?", "ai", "computers?", "automated (?:system|assistant|responses?|answers?|replies)") +
        "\\b",
    ],
    negations: [
      "\\b(?:not|never|no) (?:really |actually |even |yet )?" +
        oneOf("need", "needed", "want", "wanted", "wish", "require", "ask", "asked", "care", "like", "going", "have", "trying") +
        " (?:(?:to|for|about) )?" +
        "(?:" +
        oneOf("speak", "talk", "chat", "be transferred", "be connected", "get", "contact", "call", "reach", "see") +
        "\\w* (?:to |with |for )?" +
        ")?" +
        EN_DET +
        EN_PERSON +
        "\\b",
      "\\bno need (?:to|for) (?:(?:speak|talk|chat|contact|get)\\w* (?:to |with )?)?" + EN_DET + EN_PERSON + "\\b",
      "\\b" +
        oneOf("rather not", "prefer not to", "without", "instead of", "unless i") +
        " (?:having to |needing to )?(?:speak|talk|chat|contact|get|call)\\w* (?:to |with )?" +
        EN_DET +
        EN_PERSON +
        "\\b",
      "\\bnot " +
        oneOf("transfer", "connect", "put", "escalate", "send", "forward", "pass") +
        "\\w* (?:me|this|it|my \\w+)(?: \\w+)? (?:to|with) " +
        EN_DET +
        EN_PERSON +
        "\\b",
      "\\bnot (?:escalate|transfer) (?:this|it|me|my)\\b",
      "\\bno " +
        oneOf("humans?", "agents?", "people", "persons?", "reps?", "representatives?", "managers?") +
        "(?: (?:needed|necessary|required|please|thanks))?\\b",
      "\\b(?:not|never) (?:necessary|needed|required) (?:to )?(?:(?:speak|talk|chat)\\w* (?:to|with) )?" + EN_DET + EN_PERSON + "\\b",
      // someone else is told to talk to a person ("you should talk to someone")
      "\\b(?:you|he|she|they|we|people) " +
        oneOf("should", "need to", "could", "might", "have to", "must", "can", "ought to", "may") +
        " (?:(?!i |we |you )\\w+ )?(?:speak|talk|chat|reach out) (?:to|with) " +
        EN_DET +
        EN_PERSON +
        "\\b",
      // narration, not a request: "I talked to an agent yesterday", "your agent told me"
      "\\b(?:i|we) " +
        oneOf("already ", "just ", "have ", "had ", "have already ", "already have ") +
        "?" +
        oneOf("spoke", "talked", "chatted", "been talking", "been speaking", "was talking", "was speaking") +
        " (?:to|with) " +
        EN_DET +
        EN_PERSON +
        "\\b(?! (?:again|now))",
    ],
  },
  // a bare call: at most five words, one of them a person ("agent!!", "a real human please")
  barePerson: ["human", "humans", "agent", "agents", "representative", "rep", "operator", "person", "manager", "supervisor"],
  bareFiller: [
    "a",
    "an",
    "the",
    "real",
    "live",
    "actual",
    "please",
    "now",
    "i",
    "want",
    "need",
    "customer",
    "service",
    "support",
    "hello",
    "hi",
    "hey",
    "get",
    "me",
    "give",
    "just",
    "immediately",
    "asap",
    "right",
    "yes",
    "talk",
    "speak",
    "to",
    "ok",
    "okay",
    "thanks",
    "thank",
    "you",
    "can",
    "could",
    "may",
    "have",
    "some",
    "sales",
    "chat",
  ],
  // threats of a chargeback, legal action, a regulator, a bad review or going public (threat.ts)
  threat: {
    chargeback: [
      "charge ?backs?",
      "dispute (?:the |this |my |a )?(?:charge|transaction|payment|purchase)",
      "(?:open|file|start|raise) (?:a )?(?:dispute|claim) (?:with|through) (?:my |the )?" +
        oneOf("bank", "card", "credit card", "paypal", "visa", "mastercard", "amex"),
      oneOf("call", "contact", "tell", "ask", "going to", "go to", "report (?:you|this|it) to") +
        " (?:my |the )?" +
        oneOf("bank", "credit card company", "card issuer", "paypal"),
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
  // routing words per topic, tried in this order (topic.ts)
  topic: {
    refund: ["refund\\w*", "reimburs\\w*", "money back", "return(?:ing|ed|s)?"],
    billing: [
      "charge[ds]?",
      "charging",
      "billing",
      "billed",
      "bill",
      "invoice\\w*",
      "payment\\w*",
      "paid",
      "pay",
      "card",
      "paypal",
      "price",
      "overcharged",
      "subscription",
    ],
    shipping: [
      "ship\\w*",
      "deliver\\w*",
      "track\\w*",
      "package",
      "parcel",
      "courier",
      "carrier",
      "usps",
      "ups",
      "fedex",
      "dhl",
      "arriv\\w*",
      "transit",
      "address",
    ],
    product: [
      "damaged",
      "broken",
      "defective",
      "faulty",
      "wrong (?:item|size|colou?r)",
      "size",
      "quality",
      "product\\w*",
      "item\\w*",
      "stock",
      "ingredient\\w*",
      "material\\w*",
      "fit",
      "fits",
      "warranty",
    ],
    account: ["account", "log ?in", "login", "password", "sign ?in", "sign ?up", "profile", "email address", "newsletter"],
    order: ["order\\w*", "cancel\\w*", "purchase\\w*", "bought"],
  },
  // things a shopper receives from a shop (shop-vocabulary.ts)
  shopObjects: [
    "orders?",
    "packages?",
    "parcels?",
    "deliver(?:y|ies)",
    "shipments?",
    "items?",
    "products?",
    "purchases?",
    "goods",
    "box(?:es)?",
    "merch",
    "stuff",
    "gifts?",
    "shoes",
    "shirts?",
    "dress(?:es)?",
    "jackets?",
    "bags?",
    "pants",
    "jeans",
    "furniture",
    "sofa",
    "chair",
    "table",
    "lamp",
    "phone",
    "laptop",
    "headphones",
    "watch",
    "ring",
    "necklace",
    "earrings",
    "bracelet",
    "book",
    "toy",
    "kit",
    "bottle",
  ],
  // money back and compensation, and the verbs that demand them (authority-limit.ts)
  refundWords: ["refund\\w*", "reimburs\\w*", "rebate\\w*", "money back", "full amount", "compensat\\w*", "store credit", "partial refund"],
  demandVerbs: [
    "want",
    "wants",
    "need",
    "needs",
    "get",
    "getting",
    "request",
    "requesting",
    "demand",
    "demanding",
    "claim",
    "claiming",
    "receive",
    "receiving",
    "issue",
    "give me",
    "give us",
    "would like",
    "id like",
    "asking for",
    "ask for",
    "asked for",
    "obtain",
    "obtaining",
    "expect",
    "expecting",
    "deserve",
    "apply for",
    "process",
    "entitled to",
    "refund me",
    "reimburse me",
    "compensate me",
    "pay me",
    "return my",
    "send me",
    "where can i get",
    "how (?:do|can|could) i get",
    "help me get",
  ],
  // anger and frustration (sentiment.ts); sadness and fear are deliberately absent
  angerWords: {
    // outright anger
    furious: 0.85,
    livid: 0.85,
    enraged: 0.85,
    infuriated: 0.85,
    infuriating: 0.85,
    outraged: 0.85,
    fuming: 0.8,
    irate: 0.8,
    seething: 0.8,
    pissed: 0.8,
    angry: 0.75,
    angrier: 0.75,
    anger: 0.7,
    angered: 0.75,
    rage: 0.7,
    raging: 0.7,
    mad: 0.45,
    // annoyance and frustration
    annoyed: 0.65,
    annoying: 0.6,
    irritated: 0.65,
    irritating: 0.6,
    irritable: 0.65,
    frustrated: 0.65,
    frustrating: 0.65,
    frustration: 0.6,
    aggravated: 0.65,
    aggravating: 0.65,
    exasperated: 0.7,
    exasperating: 0.7,
    agitated: 0.6,
    cranky: 0.6,
    grumpy: 0.6,
    grouchy: 0.6,
    impatient: 0.55,
    bothered: 0.45,
    fed: 0,
    ugh: 0.5,
    argh: 0.55,
    grr: 0.6,
    grrr: 0.6,
    smh: 0.5,
    ffs: 0.7,
    // hostility and resentment
    hate: 0.5,
    hated: 0.5,
    hates: 0.5,
    hating: 0.6,
    detest: 0.7,
    insufferable: 0.65,
    indignant: 0.7,
    vengeance: 0.55,
    hatred: 0.55,
    hateful: 0.7,
    despise: 0.75,
    loathe: 0.75,
    resent: 0.7,
    resentful: 0.7,
    resentment: 0.7,
    bitter: 0.55,
    hostile: 0.65,
    spiteful: 0.65,
    vindictive: 0.65,
    vengeful: 0.65,
    vicious: 0.6,
    violent: 0.55,
    cruel: 0.55,
    heartless: 0.55,
    offended: 0.65,
    offensive: 0.55,
    insulted: 0.7,
    insulting: 0.7,
    disrespected: 0.7,
    disrespectful: 0.7,
    rude: 0.65,
    rudest: 0.75,
    greedy: 0.5,
    selfish: 0.5,
    petty: 0.5,
    jealous: 0.35,
    envious: 0.45,
    stubborn: 0.4,
    wronged: 0.6,
    cheated: 0.65,
    betrayed: 0.6,
    lied: 0.6,
    liar: 0.7,
    liars: 0.7,
    lying: 0.55,
    // harsh verdicts
    unacceptable: 0.75,
    ridiculous: 0.7,
    pathetic: 0.75,
    disgraceful: 0.75,
    disgrace: 0.7,
    disgusting: 0.6,
    disgusted: 0.6,
    dumbest: 0.7,
    appalling: 0.75,
    appalled: 0.75,
    outrageous: 0.75,
    outrage: 0.7,
    absurd: 0.6,
    atrocious: 0.7,
    incompetent: 0.75,
    incompetence: 0.75,
    useless: 0.65,
    worthless: 0.65,
    shameful: 0.65,
    scandalous: 0.65,
    horrendous: 0.65,
    joke: 0.2,
    worst: 0.5,
    terrible: 0.42,
    horrible: 0.42,
    awful: 0.42,
    ruined: 0.55,
    clowns: 0.6,
    bigot: 0.7,
    fascist: 0.55,
    racist: 0.35,
    // insults
    idiot: 0.75,
    idiots: 0.75,
    idiotic: 0.75,
    stupid: 0.6,
    stupidest: 0.7,
    stupidity: 0.7,
    moron: 0.75,
    morons: 0.75,
    moronic: 0.75,
    dumb: 0.5,
    dumbass: 0.75,
    imbecile: 0.75,
    asshole: 0.8,
    assholes: 0.8,
    bastard: 0.75,
    bastards: 0.75,
    bitch: 0.6,
    bitches: 0.6,
    cunt: 0.8,
    dick: 0.55,
    dickhead: 0.8,
    prick: 0.75,
    jerk: 0.65,
    jerks: 0.65,
    scum: 0.8,
    scumbag: 0.8,
    scumbags: 0.8,
    trash: 0.5,
    garbage: 0.5,
    clown: 0.5,
    pig: 0.45,
    loser: 0.55,
    losers: 0.55,
    douche: 0.55,
    douchebag: 0.75,
    twat: 0.75,
    wanker: 0.75,
    shithead: 0.8,
    shitheads: 0.8,
    asshat: 0.75,
    asshats: 0.75,
    fool: 0.5,
    fools: 0.6,
    sociopath: 0.6,
    psychopath: 0.55,
    narcissist: 0.55,
    hypocrite: 0.6,
    hypocrites: 0.6,
    coward: 0.55,
    cowards: 0.55,
    heathen: 0.5,
    dipshit: 0.8,
    jackass: 0.75,
    dumbfuck: 0.85,
    shitpost: 0.35,
    // profanity: anger when not softened by clearly positive words
    fuck: 0.55,
    fucking: 0.45,
    fucked: 0.45,
    fucks: 0.6,
    fuckin: 0.45,
    fuckers: 0.8,
    fucker: 0.8,
    motherfucker: 0.85,
    motherfucking: 0.8,
    shit: 0.42,
    shitty: 0.6,
    bullshit: 0.65,
    crap: 0.5,
    crappy: 0.45,
    damn: 0.4,
    damned: 0.35,
    damnit: 0.6,
    dammit: 0.6,
    goddamn: 0.6,
    goddamned: 0.6,
    bloody: 0.35,
    hell: 0.3,
    wtf: 0.65,
    stfu: 0.8,
    pissing: 0.6,
    bs: 0.55,
  },
  // anger phrases with their weight (sentiment.ts)
  angerPhrases: [
    [
      "\\b" +
        oneOf(
          "fed up",
          "sick and tired",
          "had enough",
          "(?:so|really|fucking|absolutely|getting|am|i am) (?:sick|tired) of",
          "sick of (?:this|it|you|your|waiting|his|her|their|the|people|being|hearing|dealing)",
          "tired of (?:this|waiting|your|you)",
          "do your (?:fucking |damn |god damn )?job",
        ) +
        "\\b",
      0.75,
    ],
    [
      "\\b" +
        oneOf(
          "how dare",
          "are you (?:kidding|serious|joking)",
          "you have got to be kidding",
          "give me a break",
          "for (?:fuck|god|christ|pete) sake",
          "what the (?:fuck|hell|heck)",
        ) +
        "\\b",
      0.75,
    ],
    [
      "\\b" +
        oneOf(
          "pissed off",
          "piss off",
          "screw (?:you|this|that|them)",
          "fuck " + oneOf("you", "off", "this", "that", "them", "your", "him", "her", "name", "everyone", "everything", "whoever", "these", "those", "all"),
          "go to hell",
          "shut (?:the (?:fuck|hell) |tf |your (?:mouth|face) )?up",
          "stfu",
          "hate (?:you|this|it|your|them|that|everything|him|her|people|when)",
        ) +
        "\\b",
      0.85,
    ],
    [
      "\\b" +
        oneOf(
          "get (?:the (?:fuck|hell) )?out(?: of here)? (?:with|now)",
          "get the (?:fuck|hell) out",
          "(?:god ?)?dam(?:n|mit)? it",
          "blood boil\\w*",
          "boils? my blood",
          "pisses me off",
          "pissing me off",
          "makes me (?:sick|furious|livid)",
          "(?:do not|never) tell me what to do",
          "i (?:will|would|am going to|could) (?:\\w+ )?(?:kill|strangle|punch|slap|murder) (?:you|him|her|them|someone|somebody)",
          oneOf("you", "what a", "such a", "you are a", "you are an", "you are such a", "you are the") +
            " (?:\\w+ )?" +
            oneOf(
              "idiots?",
              "morons?",
              "clowns?",
              "jerks?",
              "losers?",
              "assholes?",
              "bastards?",
              "hypocrites?",
              "cucks?",
              "freaks?",
              "scum\\w*",
              "trash",
              "donut",
              "dumbass",
              "pieces? of (?:shit|garbage|trash|work)",
            ),
        ) +
        "\\b",
      0.75,
    ],
    // violence aimed at a person ("kill her", "smack him", "kick it in the balls")
    [
      either(
        "\\b" +
          oneOf("kill", "smack", "punch", "slap", "strangle", "stab", "shoot", "beat", "choke", "kick") +
          " " +
          oneOf("him", "her", "them", "you", "that (?:guy|woman|man|bitch|bastard)") +
          "\\b",
        "\\bkick (?:\\w+ ){1,3}in the (?:balls|nuts|teeth|face)\\b",
      ),
      0.75,
    ],
    [
      "\\b" +
        oneOf(
          "i (?:really |just |fucking |absolutely |so )?(?:hate|loathe|despise|detest|can not stand)",
          "(?:is|are) (?:such )?(?:trash|garbage|the worst|disgusting|gross|pathetic)",
          "sick freaks?",
          "arrogan(?:t|ce)",
        ) +
        "\\b",
      0.65,
    ],
    [
      "\\b" +
        oneOf(
          oneOf("so", "really", "very", "extremely", "getting", "am", "is", "are", "makes me", "made me", "make me", "feel", "feeling", "i was", "that") +
            " mad",
          "mad (?:at|about|that|because|as hell)",
        ) +
        "\\b",
      0.7,
    ],
    [
      "\\b" +
        oneOf(
          "drives? me (?:crazy|nuts|insane|mad)",
          "driving me (?:crazy|nuts|insane|mad)",
          "losing my (?:mind|patience|temper)",
          "lost my patience",
          "out of patience",
          "at my wits end",
        ) +
        "\\b",
      0.75,
    ],
    [
      "\\b" +
        oneOf(
          "waste of (?:time|money)",
          "wasted my (?:time|money)",
          "rip ?off",
          "ripped (?:me )?off",
          "this is a joke",
          "a complete joke",
          "a total joke",
          "joke of a",
        ) +
        "\\b",
      0.7,
    ],
    ["\\bwhat a joke\\b", 0.5],
    ["\\b" + oneOf("worst (?:service|company|experience|customer|store|shop|purchase|ever)", "never (?:again|buying|ordering|shopping)") + "\\b", 0.75],
  ],
  pleasantries: [
    "hi",
    "hello",
    "hey",
    "hiya",
    "howdy",
    "there",
    "good",
    "morning",
    "afternoon",
    "evening",
    "day",
    "thanks",
    "thank",
    "you",
    "thx",
    "ok",
    "okay",
    "yes",
    "no",
    "please",
    "pls",
    "plz",
    "sure",
    "cool",
    "great",
  ],
  // chat shorthand and contractions, rewritten before any pattern runs (normalize.ts)
  shorthand: {
    "won't": "will not",
    wont: "will not",
    "can't": "can not",
    cant: "can not",
    cannot: "can not",
    "ain't": "is not",
    aint: "is not",
    "i'm": "i am",
    "i've": "i have",
    ive: "i have",
    "i'll": "i will",
    "i'd": "i would",
    "you're": "you are",
    youre: "you are",
    "it's": "it is",
    "that's": "that is",
    thats: "that is",
    "what's": "what is",
    whats: "what is",
    "there's": "there is",
    "let's": "let us",
    u: "you",
    ur: "your",
    r: "are",
    pls: "please",
    plz: "please",
    plez: "please",
    pleas: "please",
    pleaseee: "please",
    thx: "thanks",
    thnx: "thanks",
    ty: "thank you",
    wanna: "want to",
    // words run together in a hurry
    tospeak: "to speak",
    totalk: "to talk",
    tochat: "to chat",
    witth: "with",
    gonna: "going to",
    gotta: "got to",
    hafta: "have to",
    wtf: "what the fuck",
    omfg: "oh my fucking god",
    smh: "shaking my head",
    srsly: "seriously",
    rn: "right now",
    asap: "as soon as possible",
    b4: "before",
    w: "with",
    msg: "message",
    pkg: "package",
    // short typos of key words (too short for the edit-distance pass)
    huma: "human",
    humn: "human",
    hman: "human",
    aent: "agent",
    agnt: "agent",
    agen: "agent",
    prsn: "person",
    recieve: "receive",
    recieved: "received",
    havent: "have not",
    hasnt: "has not",
    hadnt: "had not",
    dont: "do not",
    doesnt: "does not",
    didnt: "did not",
    isnt: "is not",
    wasnt: "was not",
    arent: "are not",
    werent: "were not",
    couldnt: "could not",
    wouldnt: "would not",
    shouldnt: "should not",
    mustnt: "must not",
    neednt: "need not",
  },
  // key words whose one-letter typos are corrected, tried in this order (normalize.ts)
  typoTargets: [
    "human",
    "agent",
    "person",
    "people",
    "representative",
    "operator",
    "supervisor",
    "manager",
    "someone",
    "somebody",
    "speak",
    "refund",
    "reimbursement",
    "delivered",
    "receive",
    "received",
    "arrived",
    "chargeback",
    "lawyer",
    "attorney",
    "complaint",
    "reclamation",
    "claim",
    "customer",
    "support",
    "package",
    "parcel",
    "damaged",
    "contact",
    "reimbursement",
    "ridiculous",
    "unacceptable",
    "terrible",
    "horrible",
    "disappointed",
    "chatting",
  ],
  // real words one edit away from a typo target, left alone
  notTypos: [
    "managed",
    "manages",
    "steak",
    "sneak",
    "spear",
    "speck",
    "deceived",
    "receiver",
    "arrives",
    "humans",
    "agents",
    "persons",
    "peoples",
    "parcels",
    "packages",
    "customers",
    "supports",
    "refunds",
    "lawyers",
    "complaints",
    "damages",
    "operators",
    "managers",
    "supervisors",
    "representatives",
    "attorneys",
    "arrive",
    "deliver",
    "delivers",
    "receives",
    "peopled",
    "charting",
    "chattin",
  ],
};
