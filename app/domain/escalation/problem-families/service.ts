// Problem families of a service that fails: a breakdown, a wait, something that never came
// (issue 26, sixth to eighth passes; decisions 0087–0089). How they are read: public-problem-report.ts.
import { either, oneOf } from "../lexicon";
import { NUMBER, AMOUNT_OF_TIME } from "./amounts";

export const SERVICE_FAMILIES: Record<string, RegExp> = {
  // the service or the thing does not work; words with an everyday sense ("dead", "out", "error", "broke into",
  // "leaked files", "freezing weather") count only with a thing that fails
  breakdown: new RegExp(
    either(
      "\\b(?:not|never|will not|can not|does not|do not|did not|would not|could not|is not|are not|still not) (?:\\w+ )?" +
        oneOf(
          "work",
          "working",
          "worked",
          "load",
          "loading",
          "loaded",
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
          "(?:it|app|screen|display|phone|game|tv|laptop|computer|site|page|keeps?) (?:\\w+ )?(?:froze|frozen|freezes|freezing)",
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
          "(?:times|timed|timing) out",
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
      // eighth pass: a thing that fails on a schedule or since a change ("reboots every 10 mins", "keeps skipping since
      // the update", "the latest update broke my system"), wears out early ("sole came off after 3 weeks"), is out of
      // order or cannot be used ("lag is unplayable"), or will not take what it should ("website wont take my card")
      "\\b(?:reboots?|restarts?|crashes|disconnects?|drops|dies|freezes|shuts (?:off|down)|turns off|cuts out|logs (?:me|us) out) (?:\\w+ )?every\\b",
      "\\bsince (?:the|your|this|their|that) (?:\\w+ )?(?:update|upgrade|patch|redesign|new version)\\b",
      "\\b(?:update|upgrade|patch) (?:\\w+ )?(?:broke|killed|ruined|wiped|deleted|bricked|messed up)\\b",
      "\\b(?:came off|fell off|broke|snapped|tore|ripped|died|cracked|peeled|stopped \\w+ing) (?:\\w+ )?after (?:only |just )?" +
        `(?:${NUMBER}|one) (?:days?|weeks?|months?|uses?|wears?|washes?)\\b`,
      "\\bout of (?:order|service)\\b",
      "\\b(?:unplayable|unusable|unwatchable|inedible|undrinkable)\\b",
      "\\b(?:website|site|app|machine|kiosk|terminal|atm|reader|system|portal|checkout|page|link|code|voucher|coupon) (?:still )?" +
        "(?:will not|would not|does not|did not|can not|refuses to|keeps refusing to) (?:\\w+ )?" +
        "(?:take|accept|load|let|go through|apply|scan|recognize|open)\\b",
      "\\b(?:can not|unable to|could not) (?:log ?in|login|sign in|access|reach|get through|check in|use)\\b",
      "\\b(?:logs|logged|logging|signs|signed|signing|kicks|kicked|kicking) (?:me|us) out\\b",
      // eighth pass: a supply out for a stretch ("power out since the storm"), an account or a card stopped by the
      // company ("card declined", "central line suspended"), a thing that wore out ("shrank 2 sizes", "fell apart")
      "\\b(?:power|internet|wifi|service|signal|electricity|phone|tv|cable|heat|heating|water|gas) (?:has been |is |been |still )?" +
        "(?:out|down|off) (?:since|for|all|again|in)\\b",
      "\\b(?:account|card|line|service|payment|transfer|transaction|order|booking|subscription) (?:\\w+ )?(?:is |was |got |has been |been |keeps getting )?" +
        "(?:suspended|locked|blocked|declined|frozen|closed|deactivated|disabled)\\b",
      "\\b(?:shrank|shrunk|fell apart|came apart|falling apart|coming apart|peeling off|ripped after|tore after)\\b",
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
      `\\b(?:waited|waiting|stuck|sat|sitting|stranded|delay|delayed|in transit|on hold|in line|late|open|pending|processing|in progress|` +
        `in review|under review|under investigation) ` +
        `(?:\\w+ ){0,5}(?:for )?` +
        `(?:over |almost |nearly |about |another )?(?:${AMOUNT_OF_TIME}|all (?:day|night|morning|week|weekend))\\b`,
      `\\b${AMOUNT_OF_TIME} (?:and counting|late|delay|delayed|wait|waiting|on hold|on the (?:tarmac|runway)|in line|in transit|without)\\b`,
      // the time that has passed since a promise or a start (seventh pass): "been at the gate since 6am", "that was an
      // hour ago", "2 hours later still at jfk", "ready at 3, it's 6"
      "\\b(?:still|stuck|sitting|sat|waiting|been (?:waiting|stuck|sitting|here|on hold|at the \\w+)) (?:\\w+ ){0,4}since\\b",
      `\\bthat was (?:${AMOUNT_OF_TIME}|an? \\w+) ago\\b`,
      `\\b(?:it is|it has|its) been (?:over |almost |nearly |about )?${AMOUNT_OF_TIME}\\b`,
      `\\b(?:${AMOUNT_OF_TIME}|an? (?:hour|day|week)) later (?:and )?(?:still|we are|i am|no)\\b`,
      "\\b(?:ready|here|delivered|open|fixed|done|window was) (?:at|by|between)? ?\\d{1,2}\\b.{0,20}\\bit is (?:now )?\\d",
      "\\b(?:has not|have not|did not|not) (?:been )?(?:updated|moved|changed)\\b",
      // eighth pass: "flight 1182 still at the gate, 2 hrs now", "order placed 25 min ago", "otp not coming since
      // morning", "4th day in a row", "sending me in circles"
      "\\bstill (?:at|on|in) (?:the )?(?:gate|tarmac|runway|plane|terminal|queue|warehouse|depot|facility|customs|sorting)\\b",
      `\\b${AMOUNT_OF_TIME} now\\b(?! (?:and (?:i|we) )?(?:love|loving|still love|happy|great))`,
      `\\b(?:ordered|placed|booked|paid|submitted|called|emailed|filed|reported|requested|sent) (?:\\w+ ){0,3}?(?:over |almost )?${AMOUNT_OF_TIME} ago\\b`,
      `\\bnot \\w+ing (?:since|for (?:${AMOUNT_OF_TIME}|hours|days|weeks))\\b`,
      "\\b(?:\\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth) (?:day|night|week|time) (?:in a row|running)\\b",
      "\\b(?:going|sending (?:me|us)|sent (?:me|us)|running) (?:round |around )?in circles\\b",
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
      // eighth pass: "tried 5x", "called 3 times", "been trying to change it all morning", "in the rebooking line for 3
      // hours", "higher than normal call volumes"
      `\\b(?:tried|called|emailed|messaged|rang|chased|asked) (?:\\w+ ){0,3}?(?:\\d+ ?x|${NUMBER} times)\\b`,
      `\\bbeen trying (?:to \\w+ (?:\\w+ ){0,4}?)?(?:all (?:day|morning|night|week|afternoon|evening)|for (?:hours|days|weeks|${AMOUNT_OF_TIME}))\\b`,
      `\\b(?:line|queue) (?:\\w+ ){0,2}?for (?:over |almost |nearly )?${AMOUNT_OF_TIME}\\b`,
      "\\b(?:higher than normal|high|heavy|unusually high) call volumes?\\b",
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
      "\\bout for delivery (?:since|for|all|again)\\b",
      "\\bno (?:truck|driver|delivery|package|pizza|food|order|refund|credit|reservation)\\b",
      "\\bno record of (?:my|our|the|any)\\b",
      // eighth pass: "engineer didnt turn up", "didn't get my upgrade again", "i just want my kettle"
      "\\b(?:did not|never|still has not|still have not|has not|have not) (?:turn(?:ed)? up|get (?:my|our|the|any))\\b",
      "\\b(?:i|we) just want (?:my|our)\\b",
    ),
  ),
};
