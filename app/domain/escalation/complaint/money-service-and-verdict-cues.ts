import { either, oneOf } from "../lexicon";
import type { ProblemCue } from "./outage-and-travel-cues";

// Problem reports, part two: money; people and service; verdicts, churn and sarcasm.
export const MONEY_SERVICE_AND_VERDICT_CUES: ProblemCue[] = [
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
