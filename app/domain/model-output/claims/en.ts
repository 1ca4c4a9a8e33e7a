import { oneOf } from "../../escalation/lexicon/compile";

// English hand-off claims, and the first-person subject the commitments share.

export const TEAM = oneOf(
  "team",
  "staff",
  "colleague",
  "coworker",
  "manager",
  "supervisor",
  "agent",
  "human",
  "person",
  "people",
  "someone",
  "specialist",
  "department",
  "support",
  "billing",
  "warehouse",
  "owner",
  "merchant",
  "representative",
  "rep",
  "crew",
  "store",
  "shop",
);
// Communication verbs only: "we make our mugs with a small team" is no hand-off.
export const HANDOFF_VERB = oneOf(
  "escalat",
  "forward",
  "notif",
  "flag",
  "alert",
  "inform",
  "told",
  "tell",
  "pass",
  "hand",
  "sen[dt]",
  "email",
  "e-mail",
  "messag",
  "contact",
  "ping",
  "loop",
  "transferr?",
  "refer",
  "assign",
  "reach",
  "relay",
  "report",
  "let",
  "mention",
  "connected",
  "brought",
  "bring",
);
export const I =
  "\\b(?:i|we)" +
  oneOf(
    "'ve",
    "'ll",
    "'m",
    "'re",
    " have",
    " has",
    " will",
    " am",
    " are",
    " just",
    " already",
    " now",
    " also",
    " went ahead and",
    " have gone ahead and",
    " 've gone ahead and",
  ) +
  "*";

export const HANDOFF_EN: RegExp[] = [
  // "I've let the team know", "I've flagged this for a colleague", "we've notified our staff"
  new RegExp(I + " " + HANDOFF_VERB + "\\w*\\b[^.!?\\n]{0,60}\\b" + TEAM + "s?\\b"),
  // "I'm escalating this now", "I've escalated it", "I've opened a ticket"
  new RegExp(I + " " + oneOf("escalat", "forward", "transferr?") + "\\w*\\b"),
  new RegExp(
    I +
      " " +
      oneOf("open", "creat", "fil", "log", "submit", "rais", "register") +
      "\\w* " +
      oneOf("a", "an", "the", "your") +
      "?\\s?" +
      oneOf("support ", "new ", "priority ", "formal ") +
      "?" +
      oneOf("ticket", "case", "request", "claim", "report", "complaint"),
  ),
  // passive: "Our team has been notified", "your case has been forwarded", "a ticket is open"
  new RegExp(
    "\\b(?:" +
      TEAM +
      "|they)s? " +
      oneOf("has", "have", "had", "is", "are", "was", "were", "'s", "'re") +
      " " +
      oneOf("already ", "now ", "just ", "been ", "being ", "fully ") +
      "*" +
      oneOf("notified", "informed", "alerted", "told", "made aware", "aware", "in touch", "on it", "looking into", "contacted", "looped in", "in the loop"),
  ),
  new RegExp(
    "\\b" +
      oneOf("ticket", "case", "request", "claim", "complaint", "report", "inquiry", "enquiry") +
      "s? " +
      oneOf("has", "have", "had", "is", "are", "was", "were", "'s") +
      " " +
      oneOf("already ", "now ", "just ", "been ", "being ") +
      "*(?:escalated|forwarded|flagged|sent|passed|handed|opened|open|created|filed|logged|submitted|raised|registered|transferred|assigned|referred" +
      "|reported|with (?:our|the))",
  ),
  new RegExp(
    "\\b(?:it|this|that|everything|your " +
      oneOf("issue", "problem", "message", "question", "details") +
      "|the issue|the problem)" +
      oneOf(" has", " have", "'s", " is", " was") +
      " " +
      oneOf("already ", "now ", "just ", "been ", "being ") +
      "*" +
      oneOf(
        "escalated",
        "forwarded",
        "flagged",
        "passed on",
        "passed along",
        "handed over",
        "handed off",
        "reported",
        "logged",
        "assigned",
        "referred",
        "relayed",
        "noted for",
      ),
  ),
  // future by someone else: "the team will reach out", "someone will get back to you"
  new RegExp(
    "\\b(?:" +
      TEAM +
      "|they|one of us|one of our \\w+)s? " +
      oneOf("will", "'ll", "is going to", "are going to", "shall", "should", "is about to") +
      " (?:\\w+ ){0,2}" +
      oneOf(
        "reach",
        "contact",
        "email",
        "e-mail",
        "call",
        "get back",
        "be in touch",
        "follow up",
        "reply",
        "respond",
        "write",
        "look into",
        "review",
        "handle",
        "take care",
        "get in touch",
        "ring",
        "message",
      ),
  ),
  // "Your case is now with our support team", "The team has received your request"
  new RegExp(
    "\\b" +
      oneOf("case", "request", "ticket", "issue", "message", "details", "conversation", "complaint", "question", "inquiry", "enquiry") +
      "s?\\b[^.!?]{0,20}\\b(?:is|are|'s)\\s+(?:now\\s+|already\\s+)*" +
      oneOf("with", "in the hands of", "in front of", "on the desk of", "in the queue (?:of|for)") +
      "\\s+(?:our|the|a|one of our)\\s+(?:\\w+\\s+)?" +
      TEAM,
  ),
  new RegExp(
    "\\b" +
      TEAM +
      "s?\\b[^.!?]{0,15}\\b(?:has|have|'s|got)\\s+(?:now\\s+|already\\s+|just\\s+)*" +
      oneOf("received", "got", "your (?:case|request|message|details|ticket)"),
  ),
  new RegExp("\\bstatus\\s*[:\\-–—=]\\s*" + oneOf("escalated", "forwarded", "assigned", "handed", "transferred", "with (?:the|our) team")),
  // "You'll hear from our team", "Expect an email from our support team", "Our team is reviewing your case"
  new RegExp("\\byou(?:'ll| will) (?:soon |shortly )?hear (?:back )?from (?:us|them|someone|one of|(?:our|the) (?:\\w+ )?" + TEAM + ")"),
  new RegExp("\\bexpect (?:an? )?(?:email|e-mail|reply|call|message|answer|response)s? (?:soon |shortly )?from (?:us|(?:our|the) (?:\\w+ )?" + TEAM + ")"),
  new RegExp(
    "\\b" +
      TEAM +
      "s? (?:is|are|'s|'re) (?:now |already |currently )?" +
      oneOf("reviewing", "handling", "working on", "looking at", "investigating", "checking") +
      " (?:your|this|the) (?:case|request|issue|complaint|message|ticket|problem|order)",
  ),
  // "Escalated to our support team" (not "can be escalated to our team")
  new RegExp(
    "(?<!(?:can|could|may|might|will|would|should|must|be) (?:be )?)\\b" +
      oneOf("escalated", "forwarded", "handed (?:over|off)", "passed (?:on|along)", "transferred") +
      " (?:to|for) (?:the|our|a|an) (?:\\w+ )?" +
      TEAM,
  ),
];
