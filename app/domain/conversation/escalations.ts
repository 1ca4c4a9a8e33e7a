import type { EscalationDecision, ShopperRequest } from "../escalation";
import { PRIORITIES } from "../escalation";
import type { ReplyCatalog } from "./replies";
import { said, type Said } from "./said";
import type { PendingEscalation } from "./types";

// The escalations the engine itself raises, and how two of them combine.

/** An apology where one is due: the shopper is upset, or something went wrong with what they bought. */
export function empathy(decision: Pick<EscalationDecision, "reasons">, t: ReplyCatalog, request?: ShopperRequest | null): Said[] {
  const upset = decision.reasons.some((r) => r === "complaint" || r === "negative_sentiment" || r === "order_state" || r === "threat");
  const wentWrong = request ? SORRY_FOR.has(request) : false;
  return upset || wentWrong ? [said(t.empathy, "empathy")] : [];
}

const SORRY_FOR: ReadonlySet<ShopperRequest> = new Set(["damaged_item", "wrong_item", "missing_parcel", "stalled_order", "billing", "complaint"]);

/** "Talk to a person" pressed: the shopper's own request, whatever they say next. */
export function buttonEscalation(): PendingEscalation {
  return {
    escalate: true,
    reasons: ["explicit_request"],
    reasonText: "Shopper asked to talk to a person",
    priority: "normal",
    confidence: 1,
    signals: [{ reason: "explicit_request", score: 1, evidence: "Pressed “Talk to a person”", source: "context" }],
    topic: "other",
  };
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
  const request = a.request && a.request !== "talk_to_person" ? a.request : (b.request ?? a.request);
  const signals = [...a.signals, ...b.signals.filter((x) => !a.signals.some((y) => y.reason === x.reason))];
  return { ...stronger, reasons, signals, ...(request ? { request } : {}) };
}
