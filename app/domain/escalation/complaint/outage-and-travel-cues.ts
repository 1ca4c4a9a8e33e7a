import { either, oneOf } from "../lexicon";

/** Declined cards and frozen accounts: a routine banking question unless posted at the company (see complaint.ts). */
export const DECLINED_GATE = /declin|reject|refus|denied|blocked|frozen|suspend|locked|disabled|closed/;
// Each cue is [cheap literal gate, pattern, weight]: the gate skips the costly pattern on most text.
export type ProblemCue = [gate: RegExp, pattern: RegExp, weight: number];

// Problem reports, part one: outages and breakdowns; travel and delivery breakdowns.
export const OUTAGE_AND_TRAVEL_CUES: ProblemCue[] = [
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
];
