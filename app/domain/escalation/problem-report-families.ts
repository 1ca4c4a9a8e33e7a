// The families of problem a public post at a company reports (issue 26, sixth and seventh passes; decisions 0087 and
// 0088): each is one pattern over normalized English text. The reading of them (how many, the score, the gates) is in
// public-problem-report.ts.
import { either, oneOf } from "./lexicon";

const NUMBER = oneOf("\\d+", "an?", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "several", "many", "few");
const SPAN = oneOf("mins?", "minutes?", "hrs?", "hours?", "days?", "weeks?", "months?");
const AMOUNT_OF_TIME = `(?:${NUMBER} ?(?:\\+ )?${SPAN}|\\d+ ?(?:hrs?|mins?|h))`;

/** Families of problem report: a post that matches one reports a problem; several are more evidence. */
export const PROBLEM_FAMILIES: Record<string, RegExp> = {
  // the service or the thing does not work; words with an everyday sense ("dead", "out", "error", "broke into",
  // "leaked files", "freezing weather") count only with a thing that fails
  breakdown: new RegExp(
    either(
      "\\b(?:not|never|will not|can not|does not|do not|did not|would not|could not|is not|are not|still not) (?:\\w+ )?" +
        oneOf(
          "work",
          "working",
          "load",
          "loading",
          "connect",
          "connecting",
          "open",
          "turn on",
          "print",
          "printing",
          "sync",
          "syncing",
          "let me",
          "go through",
        ) +
        "\\b",
      "\\b" +
        oneOf(
          "broken",
          "broke (?:down|again|after|in (?:half|two))",
          "crash(?:es|ed|ing)",
          "(?:it|app|screen|phone|game|tv|laptop|computer|site|page|keeps?) (?:\\w+ )?(?:froze|freezes|freezing)",
          "(?:it|phone|laptop|battery|tv|app|car|printer|modem|router|screen|console|speaker|washer) (?:\\w+ )?(?:died|is dead|went dead)",
          "offline",
          "outages?",
          "glitch(?:es|ing|y|ed)?",
          "(?:getting|get|got|says|shows|showing|gives me|giving me) (?:an )?error(?: message| code)?",
          "error (?:message|code|page|\\d+)",
          "leak(?:s|ing)",
          "keeps? " +
            oneOf("crashing", "freezing", "rebooting", "restarting", "dropping", "disconnecting", "buffering", "failing", "glitching", "lagging") +
            "|keeps? (?:logging|signing|kicking|locking) (?:me|us) out",
          "stopped working",
          "no (?:internet|wifi|signal|service|power|bars|connection|hot water|heat|sound|picture|dial tone)",
          "sos only",
          "zero (?:bars|signal|service|internet)",
        ) +
        "\\b",
      "\\b" +
        oneOf(
          "internet",
          "wifi",
          "wi fi",
          "power",
          "service",
          "signal",
          "cable",
          "tv",
          "app",
          "site",
          "website",
          "server",
          "servers",
          "network",
          "system",
          "phone",
          "phones",
          "line",
          "lines",
          "electricity",
          "connection",
          "everything",
          "it",
        ) +
        " (?:is|was|are|were|went|been|has been|goes|keeps going|still) (?:\\w+ )?(?:down|out)\\b",
      "\\b(?:down|offline) (?:again|since|for|all)\\b",
      "\\b(?:can not|unable to|could not) (?:log ?in|login|sign in|access|reach|get through|check in|use)\\b",
      "\\b(?:logs|logged|logging|signs|signed|signing|kicks|kicked|kicking) (?:me|us) out\\b",
      // the company's side will not, can not or does not do its part (seventh pass): "it will not charge past 80",
      // "the adjuster does not return calls", "they still can not find a seat"; not "it does not matter"
      "\\b" +
        oneOf(
          "you",
          "they",
          "it",
          "your \\w+",
          "the (?:app|site|website|store|agent|agents|driver|staff|rep|adjuster|technician|pharmacy|crew|manager|desk|system)",
        ) +
        " (?:still )?(?:can not|could not|will not|would not|does not|did not|do not|never|refuse to|refused to) (?:even )?" +
        oneOf(
          "work",
          "charge",
          "respond",
          "reply",
          "answer",
          "return",
          "call",
          "pick up",
          "show up",
          "help",
          "fix",
          "refund",
          "honou?r",
          "extend",
          "accept",
          "find",
          "deliver",
          "ship",
          "process",
          "send",
          "update",
          "explain",
          "issue",
          "credit",
          "recognize",
          "scan",
        ) +
        "\\b",
    ),
  ),
  // waiting, on hold, stuck for a stretch of time
  wait: new RegExp(
    either(
      "\\b(?:still|been|keep) waiting\\b",
      "\\bwaiting (?:on|for) (?:my|our|a|the|an|someone|anyone|over|almost)\\b",
      "\\bon hold\\b",
      `\\b(?:waited|waiting|stuck|sat|sitting|stranded|delay|delayed|in transit|on hold|in line|late|open|pending|processing|in progress) ` +
        `(?:\\w+ ){0,5}(?:for )?` +
        `(?:over |almost |nearly |about |another )?(?:${AMOUNT_OF_TIME}|all (?:day|night|morning|week|weekend))\\b`,
      `\\b${AMOUNT_OF_TIME} (?:and counting|late|delay|delayed|wait|waiting|on hold|on the (?:tarmac|runway)|in line|in transit|without)\\b`,
      // the time that has passed since a promise or a start (seventh pass): "been at the gate since 6am", "that was an
      // hour ago", "2 hours later still at jfk", "ready at 3, it's 6"
      "\\b(?:still|stuck|sitting|sat|waiting|been (?:waiting|stuck|sitting|here|on hold|at the \\w+)) (?:\\w+ ){0,4}since\\b",
      `\\bthat was (?:${AMOUNT_OF_TIME}|an? \\w+) ago\\b`,
      `\\b(?:${AMOUNT_OF_TIME}|an? (?:hour|day|week)) later (?:and )?(?:still|we are|i am|no)\\b`,
      "\\b(?:ready|here|delivered|open|fixed|done|window was) (?:at|by|between)? ?\\d{1,2}\\b.{0,20}\\bit is (?:now )?\\d",
      "\\b(?:has not|have not|did not|not) (?:been )?(?:updated|moved|changed)\\b",
      "\\bno (?:update|updates|response|reply|answer|call back|callback|explanation|one (?:answers|picks up|cares|knows))\\b",
      "\\b(?:been|being|was|were|got|keeps? getting|still) ignored\\b",
      "\\b(?:have not|has not|never) heard back\\b",
      "\\b(?:nobody|no one) (?:is|was|answers|answered|picks up|responds|responded|knows|called|at)\\b",
      "\\b(?:pushed back|postponed|rescheduled) (?:again|a \\w+ time)\\b",
      // reaching the company fails (seventh pass): "been trying to reach you all day", "hung up on me", "transferred 4 times"
      "\\b(?:been trying|tried|trying|try) (?:for \\w+ \\w+ )?to " +
        oneOf(
          "reach (?:you|u|your|someone|anyone|a (?:person|human|rep|agent)|customer|support|the (?:desk|office|store|team))",
          "call",
          "contact",
          "get through",
          "get ahold",
          "get a hold",
          "get in touch",
        ) +
        "\\b",
      "\\b(?:hung up on|hangs up on|disconnected me|dropped my call|keeps? (?:transferring|disconnecting) me)\\b",
      `\\btransferred (?:me )?(?:${NUMBER} times|again|around)\\b`,
    ),
  ),
  // something promised never came
  "never came": new RegExp(
    either(
      "\\b(?:never|not yet|has not|have not|did not|still not|still has not|still have not|not) (?:been )?" +
        oneOf(
          "arrived",
          "arrive",
          "received",
          "receive",
          "came",
          "come",
          "shipped",
          "ship",
          "delivered",
          "showed up",
          "show up",
          "got (?:it|my|our)",
          "reached",
        ) +
        "\\b",
      "\\bwhere (?:is|are|s) (?:my|our)\\b",
      "\\bstill (?:no|nothing)\\b",
      "\\bnever (?:happened|comes|came|showed|arrived|shipped)\\b",
      "\\b(?:did not|never|does not) make it\\b",
      "\\b(?:marked|says|shows|showed|showing) (?:it (?:was |as )?|as )?delivered\\b",
      "\\breturned to sender\\b",
      "\\bno (?:truck|driver|delivery|package|pizza|food|order|refund|credit|reservation)\\b",
      "\\bno record of (?:my|our|the|any)\\b",
    ),
  ),
  // money taken that should not have been
  money: new RegExp(
    either(
      "\\b(?:charged|billed|debited|took|taking) (?:me |us )?(?:twice|double|two times|again|\\d+ times|for (?:a|an|something|the same)|after)\\b",
      "\\b(?:overcharg\\w*|double charg\\w*|overdraft fee|hidden fee\\w*|surprise \\w+ fee|termination fee)\\b",
      "\\bstill (?:charging|billing|paying|being charged|being billed)\\b",
      "\\b(?:no|still no|never got (?:my|a|the)|waiting (?:on|for) (?:my|a|the)) (?:refund|credit|money back)\\b",
      "\\brefund (?:is|was) (?:stuck|pending|promised|denied)\\b",
      "\\b(?:bill|fare|price|rate) (?:went up|doubled|tripled|increased)\\b",
      "\\b(?:raised|hiked|increased|doubled) (?:my|our|the) (?:bill|price|rate|fare|fees?|premium)\\b",
      "\\bpaying (?:full price )?for \\S+ (?:\\w+ )?(?:getting|that works|and getting)\\b",
      // a fee or a price out of line (seventh pass): "now there is a 35 activation fee on my bill", "the fare is double the estimate"
      "\\b\\w+ fee (?:on|to|added to) (?:my|our) (?:bill|account|card|statement|booking)\\b",
      "\\b(?:fare|price|bill|charge|total) (?:is|was) (?:now )?(?:double|twice|triple)\\b|\\b(?:double|twice|triple) the (?:estimate|quote|quoted)\\b",
      "(?<!not )\\b(?:have|had) to pay (?:extra |again |twice )?(?:for|to)\\b",
    ),
  ),
  // a trip or a booking gone wrong
  trip: new RegExp(
    "\\b" +
      oneOf(
        "delayed",
        "cancel(?:l)?ed (?:my|our|the) (?:flight|train|trip|booking|reservation|order)",
        "(?:flight|train|bus|trip|booking|reservation|order) (?:\\w+ )?(?:was |got |is |been )?cancel(?:l)?ed",
        "rebooked",
        "diverted",
        "stranded",
        "tarmac",
        "missed (?:my|our|the) (?:connection|connecting flight|flight|train|meeting|wedding|event)",
        "(?:you|they|u) (?:\\w+ )?lost (?:my|our)",
        "lost (?:my|our) (?:bags?|luggage|suitcases?|package|parcel|order|item|stroller|car seat|reservation|booking|data|photos|account|money)",
        "(?:bags?|luggage|suitcases?|stroller) (?:\\w+ )?(?:went|is|was|are|were|still)\\b(?! (?:great|fine|perfect|here|early))",
        "no reservation",
        "overbooked",
        "bumped",
      ) +
      "\\b",
  ),
  // what came is wrong, damaged or incomplete
  "wrong or damaged": new RegExp(
    either(
      "\\b" +
        oneOf(
          "wrong (?:size|item|order|color|colour|address|one|thing|part)",
          "someone else(?: s)? (?:order|package|parcel|item|bag|food|stuff|luggage)",
          "instead of (?:mine|my|ours|our|the)",
          "missing (?:two|an?|one|the|my|our|\\w+ (?:legs?|parts?|pieces?|items?))",
          "(?:was|were|is|are|came|arrived|showed up) (?:\\w+ )?" +
            oneOf("missing", "cold", "damaged", "cracked", "broken", "bent", "torn", "smashed", "wet", "soaking", "empty", "stale", "expired") +
            "|(?:was|were|is|are|came|arrived|showed up) (?:\\w+ )?" +
            oneOf("crushed", "ripped", "torn open", "ripped open", "filthy", "dirty", "moldy"),
          "(?:cracked|damaged|smashed|dented|torn|bent) (?:screen|box|item|package|case|in half)",
          "half (?:empty|missing|eaten|of my order)",
          "no \\w+ in it",
          "nothing like the (?:photos?|pictures?|description)",
          "(?:substituted|replaced) (?:\\w+ ){0,3}with",
          "expired (?:\\w+ ){0,3}before",
          "still (?:raw|pink|frozen)",
        ) +
        "\\b",
    ),
  ),
  // the problem again
  again: new RegExp(
    either(
      "\\bagain\\b",
      "\\b(?:for )?the (?:second|third|fourth|fifth|\\d+(?:st|nd|rd|th)) time\\b",
      "\\b(?:second|third|fourth|fifth|another) (?:outage|time|day|week|morning|night) (?:this|in a row|of|that)\\b",
      "\\bin a row\\b",
      "\\bevery (?:single )?time\\b",
      `\\b${NUMBER} times? (?:today|this week|this month|now|already)\\b`,
    ),
  ),
  // praise that names what went wrong, said to the company (seventh pass): "thanks for the 4am cancellation text",
  // "love being told to call back later", "paid for early boarding just to wait on a bus", "great job losing my bag",
  // "customer service at its finest";
  // thanks for a fix ("thanks for rebooking me after the cancellation") names the fix, not the problem, and is not it
  sarcasm: new RegExp(
    either(
      "\\b(?:thanks|thank you|thank u|thx) (?:so much |a lot )?for (?:the |another |a |an |my |all the )?(?:\\w+ ){0,2}?" +
        oneOf("cancel\\w*", "delay\\w*", "nothing", "losing", "lost", "ruining", "stranding", "overbooking", "bumping", "overcharging", "the runaround") +
        "\\b",
      "\\b(?:love|loving|gotta love|got to love|nothing like|enjoying) " +
        oneOf(
          "being told",
          "being on hold",
          "being stuck",
          "paying \\d+",
          "paying for",
          "waiting",
          "sitting on",
          "standing in",
          "getting bumped",
          "getting charged",
        ) +
        "\\b",
      "\\bjust to (?:wait|sit|stand|be told|get bumped|be charged|find out)\\b",
      "\\b(?:great|good|nice|awesome|amazing|fantastic|stellar) (?:job|work) (?:\\w+ ){0,2}?(?:losing|cancel\\w*|delaying|ruining|breaking)\\b",
      "\\bhope (?:the|your|it|that|this) (?:\\w+ ){0,6}(?:was|were|is) worth it\\b",
      "\\bcool cool\\b",
      "\\bat (?:its|it s|their) finest\\b",
    ),
  ),
  // dissatisfaction said flatly, where the negation hides the tone from AFINN (seventh pass): "not good enough",
  // "not happy", "this is a joke"
  dissatisfied: new RegExp(
    either(
      "\\bnot " +
        oneOf("happy(?! hour)", "impressed", "ok", "okay", "cool", "good enough", "acceptable", "fair", "right", "how you treat", "what i paid for") +
        "\\b",
      "\\b(?:is|was|are|were) (?:such |an absolute |a complete |a total )?(?:a )?joke\\b",
      // a reply to the company's support that its answer did not do: "that doesn't help", "not what I was told",
      // "I already tried that", "you could have told us sooner"
      "\\b(?:that|this|it|which) (?:does not|did not|is not|will not|would not) (?:really |even )?help\\b",
      "\\bnot what (?:i|we) (?:was|were) (?:told|promised|quoted)\\b",
      "\\b(?:i|we) (?:already |have already |already have )?(?:tried|did) that\\b",
      "\\b(?:could|should|might) have (?:told|warned|informed|let) (?:us|me)\\b",
    ),
  ),
  // a "why" about the writer's own case, asked of the company, reports a problem by itself (seventh pass): "why was I
  // charged twice", "why does my account keep logging out", "why did you close my card"; "why not add a sleep timer",
  // "why is the sky blue" and "why do you stock that brand" do not
  "why about mine": new RegExp(
    either(
      "^ why (?!(?:not|do not (?:you|we))\\b)(?:is|are|was|were|do|does|did|would|can|will|has|have|should|am|is not|are not|does not|" +
        "do not|did not|can not|will not|would not|has not|have not)\\b(?:\\s\\S+){0,8}?\\s(?:i|my|me|we|our|(?<!the )us)\\b",
      "^ (?:how is it possible|how come)\\b",
      "\\bnever (?:again|flying|fly|ordering|order|buying|buy|shopping|using|booking|going back|coming back)(?: (?:with|from|at) (?:you|u))?\\b",
    ),
  ),
  // a question that complains: "why does the app keep signing me out", "how is my package still in memphis"
  "why question": new RegExp(
    either(
      "^ why (?!(?:not|do not (?:you|we))\\b)",
      "^ how (?:is|are|does|can|did|has|come|on earth) (?!i\\b|we\\b|you\\b(?! (?:still|not)))",
      "^ (?:is|will) (?:anyone|anybody|someone|somebody) (?:going to|ever|at|from)\\b",
      "^ when will (?:someone|anyone|i|we|my|our)\\b",
    ),
  ),
};
