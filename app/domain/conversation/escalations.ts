import type { EscalationDecision } from "../escalation";
import { PRIORITIES } from "../escalation";
import type { ReplyCatalog } from "./replies";
import { said, type Said } from "./said";
import type { PendingEscalation } from "./types";

// The escalations the engine itself raises, and how two of them combine.

export function empathy(decision: Pick<EscalationDecision, "reasons">, t: ReplyCatalog): Said[] {
  const upset = decision.reasons.some((r) => r === "complaint" || r === "negative_sentiment" || r === "order_state" || r === "threat");
  return upset ? [said(t.empathy, "empathy")] : [];
}

export function toPending(d: EscalationDecision): PendingEscalation {
  const { score: _score, ...rest } = d;
  return rest;
}

export function cannotHelpEscalation(): PendingEscalation {
  return {
    escalate: true,
    reasons: ["repeated_failure"],
    reasonText: "The assistant could not answer the shopper's question",
    priority: "normal",
    confidence: 0.6,
    signals: [{ reason: "repeated_failure", score: 0.6, evidence: "Two questions in a row the assistant could not answer" }],
    topic: "other",
  };
}

export function changeRequestEscalation(kind: "address" | "cancel"): PendingEscalation {
  const reasonText = kind === "address" ? "Wants to change the shipping address of an order" : "Wants to cancel an order";
  return {
    escalate: true,
    reasons: ["authority_limit"],
    reasonText,
    priority: "normal",
    confidence: 0.8,
    signals: [{ reason: "authority_limit", score: 0.8, evidence: reasonText }],
    topic: "order",
  };
}

/** Keeps the stronger of two escalations, with the union of their reasons and signals. */
export function mergeEscalations(a: PendingEscalation, b: PendingEscalation): PendingEscalation {
  const stronger = PRIORITIES.indexOf(b.priority) > PRIORITIES.indexOf(a.priority) ? b : a;
  const reasons = [...new Set([...a.reasons, ...b.reasons])];
  return { ...stronger, reasons, signals: [...a.signals, ...b.signals.filter((x) => !a.signals.some((y) => y.reason === x.reason))] };
}
