import { oneOf } from "../compile";
import { EN_DET, EN_TEAM, EN_PERSON, EN_PERSON_STRONG } from "./people";
import { EN_STAFF_REQUESTS } from "./staff-requests";
import type { Lexicon } from "../lexicon";

// After a call or a number, an errand ("who do I call to activate my card?", "what number do I call to report a
// lost card") asks how to get a task done; "… to speak to someone" still asks for a person.
const ERRAND_AFTER = "(?! (?:to|so i can|in order to) (?!(?:speak|talk|chat|someone|somebody|a person|a human)\\b))";
// "Who do I talk to about …" is a routing question when the subject is a bank errand: Banking77 files "who can I speak
// with regarding a lost card", "who do I contact if there is a direct debit I did not create" and six more under the
// errand's own intent (routine), and none of its rows or Bitext's asks for a person this way (issue 26, fourth pass).
// "Who can I talk to about my booking" still asks for a person. Reporting a loss or a theft ("who do I talk to about my
// lost luggage", "who do I contact about a stolen passport") is such an errand too (fifth pass: CLINC-style questions).
const BANK_ERRAND_AFTER =
  "(?!(?: \\w+){0,8}? " +
  oneOf(
    "cards?",
    "atm",
    "pin",
    "transfers?",
    "direct debits?",
    "withdrawals?",
    "cash",
    "top ?ups?",
    "transactions?",
    "debited",
    "duplicate charges?",
    "lost",
    "stolen",
  ) +
  "\\b)";

// English asking for a person, and a bare call for one (explicit-request.ts).
export const EN_EXPLICIT_REQUEST: Pick<Lexicon, "explicitRequest" | "barePerson" | "bareFiller"> = {
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
      "banker",
      "concierge",
      "clerk",
      "desk",
      "front office",
      "housekeeping",
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
      "call",
      "ring",
      "phone",
      "number",
      "line",
      "who ",
      // verbs of reaching a person: no request pattern needs them without a word above, but the model's request
      // head is trusted only past this gate (explicit-request.ts `mayAskForPerson`): "can i talk with u"
      "contact",
      "talk",
      "speak",
      "chat",
      "reach",
      "touch",
    ],
    requests: [
      // "speak to a human", "talk with someone from your team", "get in touch with an agent"
      "\\b" +
        oneOf(
          "speak",
          "talk",
          "chatt?",
          "converse",
          "communicate",
          "get in touch",
          "be in touch",
          "get through",
          "reach out",
          "consult",
          "(?:put|get) (?:me|us) in touch",
          "have a word",
          "discuss (?:this|it|that|(?:my|the|our) \\w+)",
        ) +
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
          "members? of (?:staff|(?:your |the )?team)",
          "staff members?",
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
      // task-dialogue ways of asking for a person (NLU++-style, issue 26): a call back, a number to call,
      // who to talk to, whether anyone is there, one's own account manager
      "\\b" +
        oneOf("want", "need", "like", "request", "requesting", "get", "have", "arrange", "schedule", "book", "organi[sz]e") +
        " (?:a |an )?(?:quick )?" +
        oneOf("call ?back", "phone ?call (?:from|with) " + EN_DET + EN_PERSON, "call from " + EN_DET + EN_PERSON) +
        "\\b",
      "\\b" +
        oneOf("can", "could", "would", "will", "please", "have", "get", "need") +
        " (?:(?:you|someone|somebody|anyone|anybody|a person|one of you|your team)(?: (?:from|at|in) (?:the |your )?\\w+)? )?(?:please )?" +
        oneOf("call (?:me|us) back", "ring (?:me|us) back", "phone (?:me|us) back", "give (?:me|us) a (?:call|ring)(?! (?:reminder|alarm))") +
        "\\b",
      "\\b(?:a |the |your |any )?(?:phone |telephone |contact |customer service |support )?number (?:i|we) (?:can|could|should) " +
        oneOf("call", "ring", "phone", "use to (?:call|reach|contact|speak)") +
        "\\b" +
        ERRAND_AFTER,
      "\\bwhat (?:phone |telephone )?number (?:do|can|should|could) (?:i|we) (?:call|ring|phone|dial)\\b" + ERRAND_AFTER,
      "\\bnumber to (?:call|ring|phone|dial)(?: (?:you|someone|somebody|a person|an agent|to (?:speak|talk)))?\\b" + ERRAND_AFTER,
      "\\b" +
        oneOf("is there", "do you have", "can i (?:have|get)", "could i (?:have|get)") +
        " (?:a |an |your )?(?:customer |support |service )?" +
        oneOf("help ?line", "hot ?line", "phone line") +
        "\\b",
      "\\bhow (?:do|can|could) (?:i|we) " +
        oneOf("contact", "reach", "call", "phone", "ring", "speak to", "talk to") +
        " (?:you|your team|you guys) (?:by|on the|over the|via) (?:phone|telephone)\\b",
      "\\bwho (?:can|do|should|could|would) (?:i|we) (?:talk|speak|chat) (?:to|with)\\b" + ERRAND_AFTER + BANK_ERRAND_AFTER,
      "\\bwho (?:can|do|should|could) (?:i|we) (?:contact|call|get in touch with|reach)\\b" + ERRAND_AFTER + BANK_ERRAND_AFTER,
      "\\b(?:is|are) " +
        oneOf("anyone", "anybody", "someone", "somebody", "a person", "a human", "any humans?", "any people") +
        " (?:there|available|around|online)\\b",
      "\\b(?:speak|talk|chat)(?:ing)? (?:to|with) (?:my|our) " +
        oneOf("account manager", "relationship manager", "(?:personal )?banker", "advis[eo]r", "(?:personal |financial )?consultant", "case worker", "agent") +
        "\\b",
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
      ...EN_STAFF_REQUESTS,
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
};
