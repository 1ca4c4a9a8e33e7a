import { oneOf } from "../compile";
import { EN_DET, EN_PERSON, EN_TEAM } from "./people";

// English requests for a person by staff, role and call (issue 26, fifth pass: hotel and banking task dialogue in
// the style of NLU++): a team or desk to speak to, a connection to be made, a person asked to call. Joined to the
// end of `explicitRequest.requests` in explicit-request.ts (same compiling, same negations).

// Where a person works ("someone from the bank", "anyone at reception") and what they are asked to do about a call.
const PERSON_FROM = "(?: (?:from|at|in) (?:the |your |a )?\\w+(?: \\w+)?)?";
const PERSON_CALLS = oneOf("call", "ring", "phone", "contact", "get back to", "give (?:me|us) a (?:call|ring|bell)");

export const EN_STAFF_REQUESTS: string[] = [
  // "talk to the reservations desk", "put me in touch with your mortgage team"
  "\\b" +
    oneOf("speak", "talk", "chat", "have a word", "(?:put|get) (?:me|us) in touch", "get in touch", "get through") +
    "(?:ing)? (?:to|with) " +
    EN_TEAM +
    "\\b",
  // "can i be put through to the front desk", "get transferred to an advisor"
  "\\b(?:be|get) " +
    oneOf("connected", "transferred", "put through", "passed", "forwarded", "redirected") +
    " (?:to|with) " +
    oneOf(EN_DET + EN_PERSON, EN_TEAM) +
    "\\b",
  // a person asked to call: "i need someone from the bank to call me back", "could anyone at the branch phone me",
  // "i'd like a member of staff to ring us" (the person, a call; the person first, or after can / could)
  "\\b" + EN_DET + EN_PERSON + PERSON_FROM + " (?:to|could|can) (?:please )?" + PERSON_CALLS + " (?:me|us)\\b",
  "\\b(?:can|could|would|will|please) " + EN_DET + EN_PERSON + PERSON_FROM + " (?:please )?" + PERSON_CALLS + " (?:me|us)\\b",
  "\\b" +
    oneOf("want", "need", "like", "request", "requesting", "arrange", "schedule", "book", "organi[sz]e") +
    " (?:a |an )?(?:phone )?call from (?:the|your|a|an|one of your) \\w+",
];
