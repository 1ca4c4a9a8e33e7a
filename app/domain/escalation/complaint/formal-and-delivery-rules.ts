import { either, gather, oneOf, wordsPattern } from "../lexicon";
import { NOT, type Rule } from "./rule";

// Strong complaint rules, part one: formal complaints and claims, and orders that never came.
export const FORMAL_AND_DELIVERY_RULES: Rule[] = [
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
          // "still no sign of my order": the parcel has not come
          "no sign of (?:my |the |our )?(?:\\w+ )?" + oneOf("package", "parcel", "order", "shipment", "delivery"),
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
];
