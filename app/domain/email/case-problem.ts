import type { EscalationTopic, ReasonCode, ShopperRequest } from "../escalation";

/**
 * What a case is about, as the team triages it: the shopper's request when the chat core named one,
 * else the topic, else what the triggers say. Never the mood ("is upset") and never model text.
 */
export type CaseProblem = ShopperRequest | "shipping" | "product_issue" | "privacy" | "safety" | "fraud";

const FROM_TOPIC: Record<EscalationTopic, CaseProblem | null> = {
  refund: "refund",
  billing: "billing",
  shipping: "shipping",
  order: "order_problem",
  product: "product_issue",
  account: "account",
  privacy: "privacy",
  safety: "safety",
  fraud: "fraud",
  other: null,
};

// When neither a request nor a topic says it, the strongest trigger does (in this order).
const FROM_REASON: Array<[ReasonCode, CaseProblem]> = [
  ["explicit_request", "talk_to_person"],
  ["authority_limit", "refund"],
  ["order_state", "order_problem"],
  ["complaint", "complaint"],
  ["threat", "complaint"],
  ["negative_sentiment", "complaint"],
];

/** The problem of a case (see CaseProblem). */
export function caseProblem(c: { request?: ShopperRequest | null; topic?: EscalationTopic | null; reasons?: readonly ReasonCode[] }): CaseProblem {
  if (c.request) return c.request;
  const byTopic = c.topic ? FROM_TOPIC[c.topic] : null;
  if (byTopic) return byTopic;
  return FROM_REASON.find(([reason]) => c.reasons?.includes(reason))?.[1] ?? "other";
}

// The triggers a headline already says in its own words ("Asked to talk to a person" is the request for a person,
// "Received the wrong item" the complaint, "Has not received order #1042" the order's state and the complaint): the
// email's "Also noted" line leaves them out, so the team does not read the same thing twice. "Asks for a refund" does
// not say the refund is beyond the assistant's limit, so that trigger stays.
const RESTATED: Partial<Record<CaseProblem, readonly ReasonCode[]>> = {
  talk_to_person: ["explicit_request"],
  complaint: ["complaint"],
  wrong_item: ["complaint"],
  damaged_item: ["complaint"],
  product_issue: ["complaint"],
  missing_parcel: ["order_state", "complaint"],
  stalled_order: ["order_state", "complaint"],
  shipping: ["order_state", "complaint"],
  order_problem: ["order_state"],
  privacy: ["sensitive_topic"],
  safety: ["sensitive_topic"],
  fraud: ["sensitive_topic"],
};

/**
 * Headlines that say all a lone trigger of theirs could: "Asked to talk to a person", "Reports fraud…". With no other
 * trigger, the detector's own note ("Shopper asked to talk to a person") only repeats them. A complaint's note names
 * its kind ("says the item arrived damaged"), so it stays.
 */
const SAYS_ALL = new Set<CaseProblem>(["talk_to_person", "privacy", "safety", "fraud"]);

/** The detector's note would only repeat the headline: its one trigger is the one the headline names. */
export function noteRepeatsHeadline(problem: CaseProblem, reasons: readonly ReasonCode[]): boolean {
  return SAYS_ALL.has(problem) && reasonsBesideHeadline(problem, reasons).length === 0;
}

/** The note is the request line's own opening words ("Received the wrong item" over "Received the wrong item in order #1042"). */
export function noteOpensHeadline(note: string, requestLine: string): boolean {
  const words = note.replace(/[.\s]+$/, "").toLowerCase();
  return words.length > 0 && requestLine.toLowerCase().startsWith(words);
}

/** The case's reasons minus the one its headline (`caseProblem`) already states. */
export function reasonsBesideHeadline(problem: CaseProblem, reasons: readonly ReasonCode[]): ReasonCode[] {
  const restated = RESTATED[problem] ?? [];
  return reasons.filter((r) => !restated.includes(r));
}
