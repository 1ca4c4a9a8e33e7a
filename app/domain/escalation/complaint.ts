import { either, gather, oneOf, wordsPattern } from "./lexicon";
import type { NormalizedText } from "./normalize";
import type { EscalationTopic } from "./types";
import { NON_SHOP_OBJECT_RE, SHOP_OBJECT, SHOP_OBJECT_RE } from "./shop-vocabulary";

// Complaints: a breach of the shopper's expectation ("never arrived", "wrong item", "damaged",
// "stopped working", "still waiting after two weeks") or a wish to file a complaint. Strong
// breaches fire alone; weaker problem cues ("still", "again", "no response", negative tone) add up,
// so "why is my card declined?" stays routine while "ordered 3 weeks ago and still nothing!!" fires.

/** What kind of breach the shopper describes; used for the reason text and the topic. */
export type ComplaintKind =
  "non_delivery" | "wrong_item" | "damaged" | "missing_item" | "quality" | "delay" | "cancelled" | "charged" | "formal" | "service" | "general";

/** Complaint strength of one message. */
export interface ComplaintMatch {
  score: number;
  kind?: ComplaintKind;
  quote?: string;
}

interface Rule {
  kind: ComplaintKind;
  score: number;
  pattern: RegExp;
  /** require a shop object in the message (or no banking/account object) */
  needsShopContext?: boolean;
}

const NOT = "(?:not|never|still not|yet to|no longer)";

const RULES: Rule[] = [
  // formal complaints and claims
  {
    kind: "formal",
    score: 0.85,
    pattern: new RegExp(
      either(
        "\\b" +
          oneOf(
            "file",
            "filing",
            "make",
            "making",
            "lodge",
            "lodging",
            "submit",
            "submitting",
            "open",
            "opening",
            "raise",
            "raising",
            "register",
            "registering",
            "place",
            "log",
            "write",
            "put in",
            "send",
            "issue",
            "report",
            "present",
            "start",
            "create",
          ) +
          "\\b(?: \\w+){0,3}? " +
          oneOf("complaint", "complaints", "reclamation", "reclamations", "grievance") +
          "\\b",
        "\\b" +
          oneOf(
            "file",
            "filing",
            "make",
            "making",
            "lodge",
            "lodging",
            "submit",
            "submitting",
            "open",
            "opening",
            "raise",
            "raising",
            "register",
            "registering",
            "place",
            "log",
            "put in",
            "send",
            "start",
            "create",
          ) +
          "(?:" +
          " " +
          oneOf(
            "a",
            "an",
            "my",
            "the",
            "formal",
            "official",
            "another",
            "new",
            "warranty",
            "damage",
            "damages",
            "shipping",
            "lost",
            "missing",
            "insurance",
            "written",
            "consumer",
            "customer",
            "refund",
            "return",
            "package",
            "parcel",
            "delivery",
            "bloody",
            "damn",
            "fucking",
            "freaking",
            "goddamn",
            "stupid",
          ) +
          ")*" +
          " claims?\\b",
        "\\b(?:filea|fil|maing|mak|submita|opena) claims?\\b",
      ),
    ),
  },
  {
    kind: "formal",
    score: 0.85,
    pattern: new RegExp("\\b" + oneOf("complaint", "claim", "reclamation", "grievance") + "s? (?:against|regarding) (?:you|your|the|this)\\b"),
  },
  {
    kind: "formal",
    score: 0.8,
    pattern: new RegExp(
      either("\\b(?:i|we) (?:want|would like|need|wish|have|am going|will) (?:to )?complain\\b", "\\bcomplain(?:ing)? (?:about|to|against)\\b"),
    ),
  },
  {
    kind: "formal",
    score: 0.75,
    pattern: new RegExp(
      either("\\b(?:a|my|our|the|consumer|customer|formal|official) (?:complaint|reclamation|grievance)\\b", "^ (?:complaint|reclamation)s?\\b"),
    ),
  },
  {
    kind: "service",
    score: 0.7,
    pattern: new RegExp(
      "\\b" +
        oneOf(
          "not (?:happy|satisfied|pleased|content)",
          "unhappy",
          "dissatisfied",
          "discontent(?:ed)?",
          "displeased",
          "disappointed",
          "do not like",
          "did not like",
          "dislike",
        ) +
        " (?:at all )?(?:with|about|by|in)? ?(?:the|your|this|my|ur) " +
        oneOf(
          "service",
          "services",
          "work",
          "company",
          "store",
          "shop",
          "product",
          "products",
          "order",
          "purchase",
          "item",
          "delivery",
          "support",
          "customer service",
          "experience",
          "quality",
        ) +
        "\\b",
    ),
  },
  // formal complaints in other languages (lexicon/<lang>.ts `complaintWords`)
  { kind: "formal", score: 0.8, pattern: wordsPattern(gather((l) => l.complaintWords)) },
  // the order never came
  {
    kind: "non_delivery",
    score: 0.85,
    needsShopContext: true,
    pattern: new RegExp(
      either(
        "\\b" +
          NOT +
          " (?:\\w+ )?" +
          oneOf("arrived?", "delivered", "shown up", "showed up", "turned up", "been delivered", "been received", "come", "came", "reached me") +
          "\\b",
        "\\b" +
          NOT +
          " (?:\\w+ )?(?:received?|gotten) " +
          oneOf("it", "them", "my", "the", "our", "anything", "any of", "this", "that", "what i", "a single", "either") +
          "\\b",
        "\\b(?:never|still not|not yet) (?:arrived|received|delivered|came|showed up|turned up)\\b",
      ),
    ),
  },
  {
    kind: "non_delivery",
    score: 0.85,
    pattern: new RegExp(
      "\\b" +
        oneOf(
          "lost (?:my |the |in the )?(?:package|parcel|order|shipment|delivery|mail)",
          oneOf("package", "parcel", "order", "shipment", "delivery") + " (?:was |got |has been |is )?(?:lost|stolen|missing)",
        ) +
        "\\b",
    ),
  },
  {
    kind: "non_delivery",
    score: 0.8,
    pattern: new RegExp(
      "\\b" +
        oneOf(
          "where the (?:hell|fuck|heck) is",
          "where is my (?:\\w+ )?" +
            oneOf("order", "package", "parcel", "stuff", "refund", "money") +
            "[^a-z]*(?:\\w+ ){0,6}(?:weeks?|months?|still|already|days?)",
        ) +
        "\\b",
    ),
  },
  // "it never arrived" in other languages (`notArrived`)
  { kind: "non_delivery", score: 0.85, pattern: wordsPattern(gather((l) => l.notArrived)) },
  // wrong, damaged, missing, defective
  {
    kind: "wrong_item",
    score: 0.85,
    pattern: new RegExp(
      either(
        "\\b(?:wrong|incorrect|different) " +
          oneOf("item", "size", "colou?r", "product", "order", "package", "thing", "model", "style", "version", "shoes", "parcel", "book", "variant") +
          "s?\\b",
        "\\b" + oneOf("sent", "shipped", "delivered", "received", "got", "gave", "give") + " (?:me |us )?(?:the |a |an )?(?:wrong|incorrect)\\b",
        "\\bnot (?:the )?(?:item|product|one|thing|size|colou?r)s? i (?:ordered|bought|paid for)\\b",
        "\\bnot what i (?:ordered|paid for|bought)\\b",
      ),
    ),
  },
  {
    kind: "damaged",
    score: 0.85,
    needsShopContext: true,
    pattern: new RegExp(
      "\\b" +
        oneOf("arrived", "arrives", "came", "come", "comes", "was", "were", "is", "are", "got here", "showed up", "delivered", "received it", "got it") +
        " " +
        oneOf("completely ", "totally ", "all ", "badly ", "already ", "severely ", "just ") +
        "?" +
        oneOf(
          "damaged",
          "broken",
          "smashed",
          "crushed",
          "cracked",
          "ripped",
          "torn",
          "defective",
          "faulty",
          "dented",
          "leaking",
          "leaked",
          "dirty",
          "stained",
          "scratched",
          "expired",
          "rotten",
          "spoiled",
          "moldy",
          "mouldy",
          "melted",
          "shattered",
          "destroyed",
          "ruined",
          "bent",
          "wet",
          "soaked",
          "missing parts",
          "in pieces",
        ) +
        "\\b",
    ),
  },
  {
    kind: "damaged",
    score: 0.8,
    pattern: new RegExp(
      either(
        "\\b" +
          oneOf(
            "damaged",
            "broken",
            "smashed",
            "crushed",
            "cracked",
            "defective",
            "faulty",
            "dented",
            "leaking",
            "shattered",
            "torn",
            "ripped",
            "expired",
            "used",
            "opened",
          ) +
          " " +
          SHOP_OBJECT +
          "\\b",
        "\\b" +
          SHOP_OBJECT +
          " (?:is |was |are |were |arrived |came )?" +
          oneOf("damaged", "broken", "smashed", "crushed", "cracked", "defective", "faulty", "shattered") +
          "\\b",
      ),
    ),
  },
  {
    kind: "damaged",
    score: 0.8,
    needsShopContext: true,
    pattern: new RegExp(
      "\\b" + oneOf("arrived", "came", "delivered", "received it", "got it", "was sent", "were sent") + " (?:already |clearly )?(?:used|opened|worn)\\b",
    ),
  },
  // "it arrived broken" in other languages (`arrivedDamaged`)
  { kind: "damaged", score: 0.85, pattern: wordsPattern(gather((l) => l.arrivedDamaged)) },
  {
    kind: "missing_item",
    score: 0.8,
    pattern: new RegExp(
      either(
        "\\b(?:missing|forgot|left out) (?:an |one |two |some |the |a )?" +
          oneOf("items?", "parts?", "pieces?", "products?", "things?", "accessor(?:y|ies)") +
          "\\b",
        "\\b(?:items?|parts?|pieces?|products?) (?:is |are |was |were )?missing\\b",
        "\\bmissing from (?:my |the )?" + SHOP_OBJECT + "\\b",
        "\\b" + SHOP_OBJECT + " (?:was|is|came|arrived) (?:empty|incomplete|half empty)\\b",
        "\\bonly (?:got|received) (?:one|two|half|part)\\b",
      ),
    ),
  },
  // it does not work / not as described
  {
    kind: "quality",
    score: 0.75,
    needsShopContext: true,
    pattern: new RegExp(
      either(
        "\\b(?:stopped|stops|quit) working\\b",
        "\\b" +
          oneOf(
            "it",
            "this",
            "they",
            "these",
            "those",
            "mine",
            "that one",
            SHOP_OBJECT,
            "internet",
            "wifi",
            "wi fi",
            "service",
            "app",
            "website",
            "site",
            "connection",
            "signal",
            "tv",
            "cable",
            "charger",
            "battery",
            "screen",
            "zipper",
            "printer",
            "machine",
            "device",
          ) +
          " (?:\\w+ )?" +
          oneOf("does", "did", "do", "will", "would", "is", "was", "are", "has", "have", "keeps?") +
          " not " +
          oneOf("work", "working", "fit", "fitting", "turn on", "charge", "charging", "function", "close", "zip", "hold", "stay", "load", "connect", "start") +
          "\\b",
        "\\bnot as (?:described|advertised|pictured|shown|expected)\\b",
        "\\b(?:fell|falling|came|coming) apart\\b",
        "\\bbroke (?:after|within|on the first|in (?:a|one|two|the first))\\b",
        "\\b" +
          oneOf("poor", "cheap", "low", "bad", "terrible", "horrible", "awful", "shoddy", "crap", "crappy") +
          " " +
          oneOf("quality", "material", "materials", "workmanship", "product") +
          "\\b",
        "\\b(?:knock ?off|counterfeit|fake product|rip ?off)\\b",
      ),
    ),
  },
  // late, cancelled, charged
  {
    kind: "delay",
    score: 0.7,
    needsShopContext: true,
    pattern: new RegExp(
      "\\b" +
        oneOf("ordered", "order(?:ed)? (?:it|this|them)", "paid", "bought", "purchased", "placed (?:my|an|the) order", "waiting", "been waiting", "waited") +
        " " +
        oneOf("it ", "this ", "them ", "for it ", "for (?:my|the) (?:order|package|parcel|delivery) ") +
        "?" +
        oneOf("over ", "more than ", "almost ", "nearly ", "about ", "like ", "for ", "since ") +
        "*" +
        oneOf("\\d+", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "a few", "few") +
        " (?:business )?(?:days?|weeks?|months?)\\b(?: (?:ago|now|already))?(?:[^a-z]+| and | but )*" +
        oneOf("(?:still|and still|yet|never|nothing|no |not|where)\\b", "it (?:has|hasn)", "have not", "has not", "is not here"),
    ),
  },
  {
    kind: "delay",
    score: 0.7,
    needsShopContext: true,
    pattern: new RegExp(
      either(
        "\\b(?:weeks?|months?|days?) " +
          oneOf(
            "late",
            "overdue",
            "past (?:the )?(?:due|delivery|estimated)",
            "and still (?:no|not|nothing|waiting)",
            "and nothing",
            "and no (?:sign|update|response|reply|package|order|delivery)",
          ) +
          "\\b",
        "\\b(?:still|been) " + oneOf("waiting", "have not (?:heard|received|got)", "has not (?:arrived|shipped|been shipped|moved|updated)") + "\\b",
      ),
    ),
  },
  {
    kind: "delay",
    score: 0.65,
    pattern: new RegExp(
      "\\b" +
        oneOf("order", "package", "parcel", "delivery", "shipment", "tracking") +
        " " +
        oneOf("has not", "have not", "did not", "is not", "was not", "not") +
        " (?:been )?" +
        oneOf("shipped", "moved", "updated", "sent", "dispatched", "processed") +
        "\\b",
    ),
  },
  {
    kind: "cancelled",
    score: 0.7,
    pattern: new RegExp(
      either(
        "\\b" +
          oneOf("you", "they", "u", "store", "shop", "seller", "somebody", "someone") +
          " (?:\\w+ )?(?:cancelled|canceled) (?:my|our|the) (?:order|purchase|subscription|delivery)\\b",
        "\\b(?:my|our) (?:order|purchase) (?:was|got|has been|had been) (?:cancelled|canceled) (?:without|for no|and no)\\b",
      ),
    ),
  },
  {
    kind: "charged",
    score: 0.7,
    needsShopContext: true,
    pattern: new RegExp(
      either(
        "\\b(?:charged|billed) (?:me )?" +
          oneOf("twice", "double", "two times", "three times", "again", "the wrong amount", "too much", "extra", "more than") +
          "\\b",
        "\\bdouble (?:charged|billed|charge)\\b",
        "\\bovercharged\\b",
        "\\b(?:took|taken|take) (?:my )?money (?:but|and) (?:\\w+ )?(?:no|never|nothing|not)\\b",
      ),
    ),
  },
  // service breakdowns: unanswered emails, hours on hold
  {
    kind: "service",
    score: 0.7,
    pattern: new RegExp(
      "\\b" +
        oneOf(
          "no (?:one|body) (?:has |have |will |is )?" +
            oneOf("replied", "responded", "answered", "got back", "called", "emailed", "helped", "help", "answer", "respond", "reply", "contacted"),
          "nobody (?:replied|responded|answered|helps|cares)",
          "(?:no|zero|never got (?:a|any)) " + oneOf("response", "reply", "answer", "callback", "call back") + "s? (?:from|to|yet|after|since|in)",
          oneOf("emailed", "called", "messaged", "contacted", "written to", "wrote to") +
            " (?:you |your \\w+ )?(?:\\w+ )?" +
            oneOf("times", "twice", "several times", "multiple times", "repeatedly"),
          "(?:hours?|minutes?|days?) on hold",
          "been on hold",
          "ignor(?:ing|ed) (?:me|my)",
          "keep (?:getting|being) (?:ignored|transferred|passed|sent)",
        ) +
        "\\b",
    ),
  },
];

// Weak cues that add up for informal complaints (tweets, angry chats). None fires alone.
const WEAK_CUES: [RegExp, number][] = [
  [/\b(?:still|again|yet again|once again|every time|everytime|always|constantly|keeps? (?:on )?\w+ing|repeatedly)\b/, 0.2],
  [
    new RegExp(
      "\\b" +
        oneOf(
          "not working",
          "does not work",
          "did not work",
          "do not work",
          "will not work",
          "won't load",
          "will not (?:load|open|let|connect|turn on|start)",
          "can not (?:log ?in|login|access|connect|get|use|sign|open|find|reach|load)",
          "unable to",
          "broken",
          "outage",
          "is down",
          "are down",
          "went down",
          "crash(?:es|ed|ing)?",
          "glitch\\w*",
          "bug(?:gy|s)?",
          "error\\w*",
          "fail(?:s|ed|ing|ure)?",
          "problem\\w*",
          "issue\\w*",
          "delayed",
          "delay",
          "late",
          "cancel(?:l)?ed",
          "lost",
          "missing",
          "stuck",
          "frozen",
          "freezing",
          "overcharged",
          "slow",
        ) +
        "\\b",
    ),
    0.2,
  ],
  [
    new RegExp(
      "\\b" +
        oneOf(
          "why " +
            oneOf(
              "is",
              "are",
              "does",
              "do",
              "did",
              "can not",
              "will not",
              "would",
              "has",
              "have",
              "is not",
              "are not",
              "does not",
              "the hell",
              "on earth",
              "would you",
            ),
          "what happened",
          "what is going on",
          "how (?:is|are) (?:this|you|it) (?:still|even|possible)",
          "how hard is it",
          "how (?:many|much longer|long) (?:more |do i have to|times|until|is it going)",
        ) +
        "\\b",
    ),
    0.2,
  ],
  [
    new RegExp(
      "\\b" +
        oneOf(
          "no " +
            oneOf(
              "one",
              "body",
              "response",
              "reply",
              "answer",
              "help",
              "update",
              "updates",
              "info",
              "information",
              "service",
              "signal",
              "internet",
              "wifi",
              "power",
              "refund",
              "email",
              "call",
              "sign",
            ),
          "nothing",
          "never",
          "nobody",
          "neither",
        ) +
        "\\b",
    ),
    0.15,
  ],
  [/\b(?:\d+|two|three|four|five|six|several|many|few) (?:hours?|days?|weeks?|months?|times|emails|calls)\b|\ball (?:day|week|night|morning)\b/, 0.15],
  [
    new RegExp(
      "\\b" +
        oneOf(
          "disappoint\\w*",
          "unhappy",
          "dissatisfied",
          "displeased",
          "upset",
          "shame",
          "unfortunately",
          "sadly",
          "poor",
          "awful",
          "terrible",
          "horrible",
          "worst",
          "bad",
          "sucks",
          "fail",
          "seriously",
          "really",
          "smh",
          "ugh",
          "sigh",
          "annoy\\w*",
          "frustrat\\w*",
          "ridiculous",
          "unacceptable",
          "joke",
          "rude",
          "useless",
          "pathetic",
          "waste",
        ) +
        "\\b",
    ),
    0.2,
  ],
  [/\b(?:you|your (?:company|store|shop|team|staff|service|website|site|app|support|customer service|driver|courier))\b/, 0.05],
];

// Problem reports about any company or service (telecom, airline, bank, app, retail), phrased as
// statements: an outage, a crash, a cancelled flight, a lost bag, a double charge, a rude agent, an
// unanswered ticket. Each is a strong cue but not a complaint alone: routine intent data is full of
// neutral problem questions ("my transfer hasn't arrived, how long does it take?"), so a problem
// needs one more cue (tone, time spent, a verdict, sarcasm, addressing the company in public).
const DECLINED_GATE = /declin|reject|refus|denied|blocked|frozen|suspend|locked|disabled|closed/;
// Each cue is [cheap literal gate, pattern, weight]: the gate skips the costly pattern on most text.
const PROBLEM_CUES: [RegExp, RegExp, number][] = [
  // outages and breakdowns
  [
    /down|out|offline|dead|outage/,
    new RegExp(
      either(
        "\\b" +
          oneOf(
            "internet",
            "wifi",
            "wi fi",
            "service",
            "services",
            "site",
            "website",
            "app",
            "server",
            "servers",
            "network",
            "system",
            "systems",
            "line",
            "lines",
            "connection",
            "cable",
            "tv",
            "phone",
            "phones",
            "power",
            "email",
            "portal",
            "platform",
            "broadband",
            "landline",
            "signal",
            "it",
            "everything",
          ) +
          " (?:\\w+ ){0,2}" +
          oneOf("is", "are", "was", "were", "been", "went", "goes", "keeps going", "keep going", "still", "has gone", "have gone") +
          " (?:\\w+ )?(?:down|out|offline|dead)\\b",
        "\\boutages?\\b",
        "\\b(?:down|offline) " + oneOf("again", "all (?:day|morning|night|week|weekend)", "for (?:hours|days|\\d+)") + "\\b",
      ),
    ),
    0.4,
  ],
  [
    /no |without|zero|lost|losing/,
    new RegExp(
      "\\b(?:no|without|zero|lost|losing) " +
        oneOf(
          "service",
          "signal",
          "internet",
          "wifi",
          "wi fi",
          "power",
          "connection",
          "network",
          "cable",
          "tv",
          "phone service",
          "electricity",
          "hot water",
          "water",
          "heat",
          "heating",
          "reception",
          "dial tone",
          "coverage",
          "data",
        ) +
        "\\b",
    ),
    0.35,
  ],
  [
    /keep|kept|constantly|always/,
    new RegExp(
      "\\b" +
        oneOf("keeps?", "kept", "keep on", "constantly", "always") +
        " (?:\\w+ )?" +
        oneOf(
          "crashing",
          "freezing",
          "dropping",
          "disconnecting",
          "buffering",
          "logging me out",
          "cutting out",
          "restarting",
          "rebooting",
          "failing",
          "breaking",
          "glitching",
          "lagging",
          "declining",
          "charging me",
          "cancell?ing",
          "going (?:down|off|out)",
        ) +
        "\\b",
    ),
    0.35,
  ],
  [/crash|buffer|lagg|glitch/, /\b(?:crash(?:es|ed|ing)?|buffering|lagging|glitch(?:y|ing|es)?)\b/, 0.25],
  [
    /brick|broken|cold|damag|crack|smash|crush|stale|expir|soggy|melt|leak|empty|incomplete|missing/,
    new RegExp(
      "\\b" +
        oneOf(
          "bricked",
          oneOf("arrived", "came", "showed up", "got here", "delivered", "received it", "got it", "was", "were") +
            " (?:\\w+ ){0,2}" +
            oneOf("broken", "cold", "damaged", "cracked", "smashed", "crushed", "stale", "expired", "soggy", "melted", "leaking", "half empty", "incomplete"),
          "(?:half|part|some|most|all) of (?:it|them|my \\w+|the \\w+) (?:was|were|is|are) missing",
          "box of broken",
        ) +
        "\\b",
    ),
    0.35,
  ],
  [
    DECLINED_GATE,
    new RegExp(
      "\\b" +
        oneOf("card", "cards", "payment", "payments", "transaction", "transfer", "transfers", "account") +
        " (?:\\w+ )?" +
        oneOf("was ", "got ", "keeps? (?:getting |being )?", "is being ", "has been ") +
        "?" +
        oneOf("declined", "rejected", "refused", "denied", "blocked", "frozen", "suspended", "locked", "disabled", "closed") +
        "\\b",
    ),
    0.3,
  ],
  [
    /drop|cut|logged|kicked|signed/,
    new RegExp(
      either(
        "\\b" +
          oneOf("dropped", "drops", "dropping", "cut off", "cuts off", "cut") +
          " (?:my|our|the|every) " +
          oneOf("call", "calls", "connection", "internet", "broadband", "service", "line", "signal") +
          "\\b",
        "\\bkeeps? (?:getting )?(?:logged|kicked|signed) (?:me )?out\\b",
        "\\b(?:getting|got|get) (?:logged|kicked|signed) out\\b",
      ),
    ),
    0.35,
  ],
  [
    /can not|could not|unable|let me/,
    new RegExp(
      "\\b" +
        oneOf("can not", "could not", "unable to", "will not let me", "does not let me", "did not let me") +
        " (?:even )?" +
        oneOf(
          "log ?in",
          "sign ?in",
          "login",
          "access",
          "connect",
          "load",
          "stream",
          "watch",
          "check ?in",
          "get through",
          "get hold",
          "reach",
          "open",
          "make (?:a )?calls?",
          "use (?:the|your|my) (?:app|site|website|service|internet)",
        ) +
        "\\b",
    ),
    0.3,
  ],
  // travel and delivery breakdowns
  [
    /delay|divert|overbook|bump|strand|stuck|missed|tarmac/,
    new RegExp(
      either(
        "\\b" +
          oneOf(
            "delayed",
            "diverted",
            "overbooked",
            "bumped",
            "stranded",
            "stuck (?:on|at|in) (?:the )?" + oneOf("tarmac", "plane", "airport", "gate", "runway", "train", "warehouse", "customs", "transit"),
            "missed (?:my|our|the) (?:connection|flight|train)",
          ) +
          "\\b",
        "\\bon the tarmac\\b",
      ),
    ),
    0.35,
  ],
  [
    /cancel/,
    new RegExp(
      either(
        "\\b" +
          oneOf(
            "you",
            "they",
            "host",
            "driver",
            "airline",
            "he",
            "she",
            "someone",
            "somebody",
            "your \\w+",
            "the (?:airline|host|driver|hotel|store|shop|restaurant|company)",
          ) +
          " (?:\\w+ )?cancel(?:l)?ed (?:on (?:me|us)|my|our|the)\\b",
        "\\b" +
          oneOf("flight", "train", "order", "booking", "reservation", "ride", "trip", "appointment", "service", "delivery") +
          "s? " +
          oneOf("was", "were", "got", "has been", "have been", "is", "been") +
          " (?:\\w+ )?cancel(?:l)?ed\\b",
      ),
    ),
    0.4,
  ],
  [
    /lost|misplac|damaged|destroy|broke|ruin|delet|wiped|luggage|bag|suitcase/,
    new RegExp(
      either(
        "\\b" +
          oneOf("lost", "misplaced", "damaged", "destroyed", "broke", "ruined", "deleted", "wiped") +
          " (?:my|our) " +
          oneOf(
            "bags?",
            "luggage",
            "suitcases?",
            "package",
            "parcel",
            "order",
            "stuff",
            "car",
            "reservation",
            "booking",
            "data",
            "files",
            "photos",
            "pictures",
            "account",
            "progress",
            "stroller",
            "wheelchair",
          ) +
          "\\b",
        "\\b(?:luggage|bags?|suitcase) (?:\\w+ ){0,3}" + oneOf("lost", "missing", "damaged", "did not (?:make|arrive|come)") + "\\b",
      ),
    ),
    0.4,
  ],
  [
    /sitting|stuck|sat |sits|supposed|meant|promised|scheduled|due/,
    new RegExp(
      either(
        "\\b(?:sitting|stuck|sat|sits) (?:in|at) (?:a |the |your )?" + oneOf("warehouse", "depot", "facility", "hub", "sorting", "customs") + "\\b",
        "\\b" +
          oneOf("supposed", "meant", "promised", "scheduled", "due") +
          " (?:to )?(?:\\w+ )?" +
          oneOf("ship", "arrive", "be (?:here|delivered|fixed|installed)", "come", "deliver", "call", "be back", "last week", "yesterday", "days ago") +
          "\\b",
      ),
    ),
    0.3,
  ],
  [
    /hold|wait/,
    new RegExp(
      "\\b" +
        oneOf("on hold", "waiting", "waited", "been waiting", "been on hold", "hold time") +
        " (?:for )?" +
        oneOf("over ", "more than ", "almost ", "nearly ", "about ", "like ") +
        "?" +
        oneOf("\\d+", "an?", "one", "two", "three", "four", "five", "six", "several", "many", "hours", "forever", "ages") +
        "(?: \\w+)?(?: (?:hours?|minutes?|mins?|hrs?|days?|weeks?|months?))?\\b",
    ),
    0.35,
  ],
  // money
  [
    /charg|bill|debit|fee|price|rate|premium|rent|hidden/,
    new RegExp(
      either(
        "\\b" +
          oneOf("charged", "billed", "debited", "charging", "billing") +
          " (?:me |us )?" +
          oneOf(
            "twice",
            "double",
            "two times",
            "three times",
            "again",
            "for (?:a |an |the )?" +
              oneOf("something", "nothing", "same", "subscription", "service", "cancelled", "canceled", "an order", "a ride", "a \\w+ i"),
          ) +
          "\\b",
        "\\bovercharg\\w*",
        "\\bdouble (?:charged|billed)\\b",
        "\\b" +
          oneOf("bill", "price", "prices", "rate", "fee", "fees", "premium", "rent") +
          " (?:\\w+ )?" +
          oneOf("went up", "goes up", "increased", "doubled", "jumped", "keeps going up") +
          "\\b",
        "\\bcharg(?:ed|ing) me (?:\\d+|\\w+ (?:dollars|euros|pounds|bucks))\\b",
        "\\bhidden (?:fees?|charges?)\\b",
      ),
    ),
    0.35,
  ],
  // people and service
  [
    /rude|hung|hang|unhelpful|clueless|incompetent|lied|lying|treated|help|useless/,
    new RegExp(
      "\\b" +
        oneOf(
          "rude",
          "hung up",
          "hang up on",
          "hangs up",
          "unhelpful",
          "clueless",
          "incompetent",
          "lied to (?:me|us)",
          "lying to (?:me|us)",
          "treated (?:me|us) like",
          "no help at all",
          "zero help",
          "useless",
        ) +
        "\\b",
    ),
    0.35,
  ],
  [
    /no one|nobody|no body/,
    new RegExp(
      "\\b(?:no (?:one|body)|nobody) (?:\\w+ )?" +
        oneOf(
          "answers?",
          "answered",
          "responds?",
          "responded",
          "replies",
          "replied",
          "helps?",
          "helped",
          "picks? up",
          "picked up",
          "bothered to",
          "got back",
          "gets back",
          "calls? (?:me )?back",
          "called (?:me )?back",
          "cares",
          "can (?:help|tell|explain|fix|answer|give)",
          "could (?:help|tell|explain|fix|answer|give)",
          "knows? (?:where|what|why|how|when|anything)",
        ) +
        "\\b",
    ),
    0.3,
  ],
  [
    /replied|responded|answered|back|fixed|resolved|refunded|shown|showed|through|processed|shipped/,
    new RegExp(
      "\\b" +
        oneOf("has not", "have not", "did not", "never", "still not", "not yet", "yet to be") +
        " (?:\\w+ )?" +
        oneOf(
          "replied",
          "responded",
          "answered",
          "called (?:me )?back",
          "gotten back",
          "got back",
          "heard back",
          "been fixed",
          "fixed",
          "resolved",
          "refunded",
          "shown up",
          "showed up",
          "went through",
          "gone through",
          "been processed",
          "been shipped",
          "shipped",
        ) +
        "\\b",
    ),
    0.3,
  ],
  [
    /notice|warning|explanation|record|apology|compensation|way to|one to|response|repl|answer|update|info|reason/,
    new RegExp(
      either(
        "\\b(?:no|without any|without|zero) " +
          oneOf(
            "notice",
            "warning",
            "explanation",
            "record",
            "records",
            "apology",
            "compensation",
            "way to (?:contact|reach|talk)",
            "one to (?:help|talk)",
            "response",
            "reply",
            "replies",
            "answer",
            "answers",
            "updates?",
            "info",
            "information",
          ) +
          "\\b",
        "\\bfor no reason\\b",
      ),
    ),
    0.3,
  ],
  // verdicts, churn and sarcasm
  [
    /again|switch|cancel|fix|sort|together|step up|better|one job|nothing|cheers|thank|so much for|paying|joke|fail|not good/,
    new RegExp(
      "\\b" +
        oneOf(
          "never again",
          "switching (?:to|providers|carriers|banks|companies)",
          "cancel(?:l)?ing my (?:account|subscription|service|membership|plan|contract|order)",
          "fix (?:it|this|your)",
          "sort (?:it|this) out",
          "get it together",
          "step up",
          "do better",
          "you had one job",
          "thanks? (?:\\w+ )?for nothing",
          "cheers for that",
          "thanks a lot",
          "(?<!thanks |thank you )so much for",
          "paying for this",
          "(?:what|how) a joke",
          "is a joke",
          "hashtag fail",
          "epic fail",
          "customer service fail",
          "not good enough",
        ) +
        "\\b",
    ),
    0.35,
  ],
  [
    /every|time/,
    new RegExp(
      "\\b" +
        oneOf(
          "every (?:single )?(?:day|time|week|month)",
          "third time",
          "fourth time",
          "fifth time",
          "\\d+(?:st|nd|rd|th) time",
          "(?:two|three|four|five|\\d+) times (?:in a row|today|this week|now)",
        ) +
        "\\b",
    ),
    0.2,
  ],
];

// Sarcastic praise next to a problem ("great, just dropped my call again. love it").
const SARCASM_RE = /\b(?:great|nice|love|good|awesome|brilliant|wonderful|perfect|fantastic|thanks|thank you|cheers|wow|classic|gotta love|really)\b/;

const GRATITUDE_RE = new RegExp(
  "\\b" +
    oneOf(
      "thank(?:s| you)",
      "love",
      "loved",
      "loving",
      "great",
      "awesome",
      "amazing",
      "appreciate\\w*",
      "excellent",
      "perfect",
      "wonderful",
      "fantastic",
      "happy",
      "glad",
      "excited",
      "congrat\\w*",
      "best",
      "enjoy\\w*",
      "recommend",
      "kudos",
      "shout ?out",
      "well done",
      "beautiful",
      "brilliant",
      "cheers",
    ) +
    "\\b",
);
const QUESTION_START_RE = new RegExp(
  "^ " +
    oneOf(
      "how",
      "what",
      "when",
      "where",
      "which",
      "can",
      "could",
      "do",
      "does",
      "is",
      "are",
      "will",
      "would",
      "may",
      "should",
      "i want to",
      "i would like to",
      "i need to",
      "help me",
      "tell me",
      "show me",
      "i wanna",
      "id like",
    ) +
    "\\b",
);
// First-person emotion reports ("i feel like i am always failing") are about the writer, not a company.
const FEEL_FRAME_RE = /^ (?:i|im|i am) (?:\w+ )?(?:feel|feeling|felt)\b/;

function hasShopContext(text: string): boolean {
  return SHOP_OBJECT_RE.test(text) || !NON_SHOP_OBJECT_RE.test(text);
}

/** Scores how strongly one message complains about an order, product or service (0..1). */
export function scoreComplaint(message: NormalizedText, negativeTone: number): ComplaintMatch {
  const { text } = message;
  let best: ComplaintMatch = { score: 0 };
  const shop = hasShopContext(text);
  for (const rule of RULES) {
    if (rule.score <= best.score) continue;
    if (rule.needsShopContext && !shop && message.mentions === 0) continue;
    const m = rule.pattern.exec(text);
    if (!m) continue;
    // "no complaints", "nothing to complain about"
    if (rule.kind === "formal" && /\b(?:no|not|nothing to|never) complain/.test(text)) continue;
    best = { score: rule.score, kind: rule.kind, quote: m[0].trim() };
  }

  let weak = 0;
  let weakQuote: string | undefined;
  for (const [pattern, weight] of WEAK_CUES) {
    const m = pattern.exec(text);
    if (m) {
      weak += weight;
      weakQuote ??= m[0].trim();
    }
  }
  // problem reports: the strongest counts fully, further ones add a little
  let problem = 0;
  let problems = 0;
  let problemQuote: string | undefined;
  for (const [gate, pattern, weight] of PROBLEM_CUES) {
    if (!gate.test(text)) continue;
    // a declined card or frozen account is a routine banking question unless posted at the company
    if (gate === DECLINED_GATE && message.mentions === 0) continue;
    const m = pattern.exec(text);
    if (!m) continue;
    problems++;
    if (weight > problem) {
      problem = weight;
      problemQuote = m[0].trim();
    }
  }
  if (problems > 1) problem += 0.1 * Math.min(2, problems - 1);
  weak += problem;
  weak += Math.min(0.3, negativeTone * 0.4);
  if (message.exclamations >= 2 || message.capsRatio > 0.6) weak += 0.1;
  if (/\?\s*!|!\s*\?|\?\?/.test(message.raw)) weak += 0.1;
  // a message addressed to a company in public (a tweet) that reports a problem is a complaint
  if (message.mentions > 0) weak += problem > 0 ? 0.15 : 0.05;
  // without a concrete problem, loose cues ("again", "why", "never") are mostly chatter
  if (problem === 0) weak *= 0.85;
  const grateful = GRATITUDE_RE.test(text);
  if (grateful) weak -= problem >= 0.3 ? (SARCASM_RE.test(text) ? 0 : 0.1) : 0.25;
  // "how do I …" questions describe a task, not a breach
  if (QUESTION_START_RE.test(text)) weak -= 0.15;
  if (FEEL_FRAME_RE.test(text)) weak -= 0.35;

  // banking, billing and account problems ("my top-up is still pending") are routine service
  // questions for a shop assistant, so informal cues about them count for less, unless the
  // message is a public post to the company
  if (!shop && message.mentions === 0) weak *= 0.4;

  if (best.score > 0) {
    const adjusted = Math.min(1, best.score + Math.max(0, weak) * 0.3 - (grateful && best.kind !== "formal" ? 0.15 : 0));
    return { ...best, score: adjusted };
  }
  if (weak <= 0) return { score: 0 };
  return { score: Math.min(0.8, weak), kind: "general", quote: problemQuote ?? weakQuote };
}

/** Topic implied by a complaint kind, or undefined when the text decides. */
export function topicOfComplaint(kind: ComplaintKind | undefined): EscalationTopic | undefined {
  switch (kind) {
    case "non_delivery":
    case "delay":
      return "shipping";
    case "wrong_item":
    case "damaged":
    case "missing_item":
    case "quality":
      return "product";
    case "cancelled":
      return "order";
    case "charged":
      return "billing";
    default:
      return undefined;
  }
}
