// Problem families of a purchase gone wrong: money taken, a trip or booking, a wrong or damaged thing
// (issue 26, sixth to eighth passes; decisions 0087–0089). How they are read: public-problem-report.ts.
import { either, oneOf } from "../lexicon";

export const PURCHASE_FAMILIES: Record<string, RegExp> = {
  // money taken that should not have been
  money: new RegExp(
    either(
      "\\b(?:charged|billed|debited|took|taking) (?:me |us )?(?:twice|double|two times|again|\\d+ times|for (?:a|an|something|the same)|after)\\b",
      "\\b(?:overcharg\\w*|double charg\\w*|overdraft fee|hidden fee\\w*|surprise \\w+ fee|termination fee)\\b",
      "\\bstill (?:charging|billing|paying|being charged|being billed)\\b",
      "\\b(?:no|still no|never got (?:my|a|the)|waiting (?:on|for) (?:my|a|the)) (?:refund|credit|money back)\\b",
      "\\brefund (?:is|was) (?:stuck|pending|promised|denied)\\b",
      "\\b(?:bill|fare|price|rate) (?:went up|doubled|tripled|increased)\\b",
      // eighth pass: "changing a flight costs more than the flight", "estimated bill is 3x what we actually use"
      "\\bcosts? (?:more|twice|double) than (?:the|a|my|our)\\b",
      "\\b(?:bill|charge|invoice|statement) (?:\\w+ ){0,4}?(?:\\d+ ?x|double|twice|triple) what\\b",
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
        "cancel(?:l)?ed (?:my|our|the) (?:\\w+ )?(?:flight|train|trip|booking|reservation|order)",
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
        // eighth pass: "4th delay notification today", "u moved my flight 6 hours earlier", "downgraded", "my wife and I
        // were split up", "cancelled the 0720 to edinburgh"
        "(?:\\d+(?:st|nd|rd|th)|second|third|fourth|fifth|another) (?:delay|cancellation|gate change|schedule change)",
        "(?:you|u|they) (?:\\w+ )?(?:moved|changed|switched|downgraded) (?:my|our) (?:flight|seats?|booking|reservation|trip)",
        "downgraded",
        "moved (?:me |us )?to (?:economy|coach|a middle seat|the back)",
        "(?:were|was|got|been) (?:\\w+ )?(?:split up|separated) (?:on|for|from)",
        "(?:seated|sat) apart",
        "not (?:seated|sat) together",
        "cancel(?:l)?ed the \\d{3,4}",
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
          "(?:was|were|is|are|came|came out|arrived|showed up) (?:\\w+ )?" +
            oneOf("missing", "cold", "damaged", "cracked", "broken", "bent", "torn", "smashed", "wet", "soaking", "soaked", "empty", "stale", "expired") +
            "|(?:was|were|is|are|came|arrived|showed up) (?:\\w+ )?" +
            oneOf("crushed", "ripped", "torn open", "ripped open", "filthy", "dirty", "moldy"),
          "(?:cracked|damaged|smashed|dented|torn|bent) (?:screen|box|item|package|case|in half)",
          "half (?:empty|missing|eaten|of my order)",
          "no \\w+ in it",
          "nothing like the (?:photos?|pictures?|description)",
          "(?:substituted|replaced) (?:\\w+ ){0,3}with",
          "expired (?:\\w+ ){0,3}before",
          "still (?:raw|pink|frozen)",
          // eighth pass: "received an empty box instead of a phone", "ordered a large, received a medium", "you forgot the
          // chips", "expires tomorrow and it is already brown"
          "(?:received|got|sent|delivered|gave) (?:me |us )?(?:\\w+ ){0,4}instead of",
          "ordered (?:\\w+ ){1,3}(?:and |but )?(?:received|got|was sent|were sent|they sent|you sent)(?: me| us)? (?:a|an|the|\\d+|only)",
          // eighth pass: "found a bit of plastic in my can", a thing that fails young ("check engine light on a 2 month old car")
          "found (?:\\w+ ){1,4}in (?:my|our|the) (?:\\w+ )?" +
            "(?:food|meal|can|bottle|drink|salad|burger|sandwich|pizza|box|cereal|soup|coffee|chips|fries|wrap|bowl|takeaway)",
          "(?:\\d+|one|two|three|a) (?:day|week|month)s? old " +
            "(?:car|phone|laptop|tv|fridge|washer|dryer|machine|bike|console|device|shoes|boots|sofa|couch|mattress|tablet|watch|headphones)",
          "(?:you|they|u) forgot (?:my|our|to (?:add|include|pack|send|put|give|deliver|ship|refund))",
          "forgot (?:the|my|our) (?:\\w+ )?(?:fries|chips|drinks?|sauces?|sides?|items?|toppings?|straws?|napkins|cutlery)",
          "already (?:brown|moldy|mouldy|stale|rotten|expired|gone off|broken|ripped|torn|cracked)",
          "^ (?:just )?(?:broke|smashed|cracked|damaged|ripped|destroyed|ruined|dented|lost) (?:my|our|the)",
        ) +
        "\\b",
    ),
  ),
};
