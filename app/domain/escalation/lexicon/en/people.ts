import { oneOf } from "../compile";

// English words for a person and the words around one, shared by the explicit-request patterns.
// Determiners and adjectives before a person ("a real", "one of your", "someone from your").
export const EN_DET = `(?:${oneOf(
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
export const EN_TEAM = oneOf(
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
export const EN_PERSON = oneOf(
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
  "members? of (?:staff|(?:your |the )?team)",
  "(?:personal )?bankers?",
  "concierge",
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
export const EN_PERSON_STRONG = oneOf(
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
