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
