import type { EscalationDecision, ShopperRequest, Signal } from "../escalation";
import type { OrderStatus } from "../orders";
import type { HistoryReading } from "./read-history";
import { NO_ESCALATION } from "./detect-turn";
import { requestIn } from "./interpret-message";
import type { PendingEscalation } from "./types";

/**
 * The hand-off rule (docs/decisions/0068): **answer first, hand over when a person is needed.**
 *
 * - A case is opened unasked (the assistant starts the hand-off: it asks for an email, or sends the
 *   case when it has one) for what the assistant truly cannot do: an explicit request for a person
 *   (words or the button), a threat or a sensitive topic, a merchant keyword, a delivered-but-missing
 *   parcel, damage or a wrong item, a stalled order, a cancellation, an address change, a billing
 *   problem, a refund for an order, and two answers in a row that did not help.
 * - Everything the shop's facts answer is answered, with the offer of a person beside it (never a
 *   case): impatience about an order that is delivered, on its way or on time gets its status; a
 *   return, an exchange or a bare refund question gets the refund policy; a store question gets the
 *   policy; a cancelled order gets its state; "where is my stuff" without a number gets a question
 *   for the order number.
 * - Mood alone (frustration, a complaint with no problem named) about something the assistant can
 *   answer is an answer and an offer; about nothing it can answer, a hand-off.
 *
 * The detector says how the shopper feels; this rule decides what Baton does about it.
 */
export type HandOff = { decision: EscalationDecision; offer?: PendingEscalation };

export interface HandOffFacts {
  detected: EscalationDecision;
  /** The problem the shopper names (this message, or earlier in the conversation). */
  request: ShopperRequest | null;
  /** The proven order's status, when there is one. */
  orderStatus: OrderStatus["kind"] | null;
  /** An order is under discussion (named, proven or the signed customer's). */
  orderKnown: boolean;
  /** This message asks something the assistant answers: an order's status, a store policy, a product. */
  answerable: boolean;
  /** The shop has a refund policy to quote. */
  hasRefundPolicy: boolean;
  /** The shopper was told this order's status already (a repeated question is not news). */
  toldBefore: boolean;
  /** A person was offered on the previous turn: more frustration now is the answer to that offer. */
  offered: boolean;
}

/** Requests only a person can act on: the shopper need not ask for one. */
const TEAM_ONLY: ReadonlySet<ShopperRequest> = new Set(["cancel_order", "change_address", "damaged_item", "wrong_item", "billing", "talk_to_person"]);

export function handOff(f: HandOffFacts): HandOff {
  const d = f.detected;
  const findings = d.signals.filter((x) => x.reason !== "vip");
  if (needsPerson(f, findings)) return { decision: d.escalate ? d : { ...asEscalation(f, d), score: 0.8 } };
  const offerable = d.escalate && findings.length > 0;
  if (offerable || offersByRequest(f)) return { decision: NO_ESCALATION, offer: asEscalation(f, d) };
  return { decision: d };
}

function needsPerson(f: HandOffFacts, findings: Signal[]): boolean {
  // The detector's findings that always need a person, whatever else the message asks.
  const fired = f.detected.escalate && findings.length > 0;
  if (fired && findings.some((x) => ALWAYS.has(x.reason) && x.source !== "model")) return true;
  const r = f.request;
  if (r && TEAM_ONLY.has(r)) return true;
  // Which order? Asked first: the case is useless without it.
  if ((r === "missing_parcel" || r === "stalled_order") && !f.orderKnown) return false;
  if (r === "missing_parcel") return f.orderStatus !== "in_transit" && f.orderStatus !== "unfulfilled" && f.orderStatus !== "partially_fulfilled";
  if (r === "stalled_order") return f.orderStatus !== "delivered" && !onTime(f, findings);
  if (r === "refund") return f.orderKnown && f.orderStatus !== "refunded" && f.orderStatus !== "cancelled";
  if (r === "return_item" || r === "change_item") return !f.hasRefundPolicy;
  if (!fired) return false;
  if (findings.some((x) => x.reason === "order_state" && (x.kind === "delivered_not_received" || x.kind === "stalled_fulfillment"))) {
    // A stalled order heard for the first time gets its status and an offer; asked about again, a person.
    return !findings.every((x) => x.reason === "order_state" && x.kind === "stalled_fulfillment") || f.toldBefore;
  }
  // Mood, a model's guess, a refund or cancellation state: answered when the message asks something
  // answerable — unless the shopper heard the answer (or the offer) already and is still upset.
  const words = findings.some((x) => x.source !== "model");
  return words && (f.offered || f.toldBefore || (!f.answerable && !f.orderKnown));
}

const ALWAYS: ReadonlySet<Signal["reason"]> = new Set(["explicit_request", "threat", "sensitive_topic", "keyword", "repeated_failure"]);

// In transit or not yet due: the facts answer "it hasn't moved" better than a case would.
function onTime(f: HandOffFacts, findings: Signal[]): boolean {
  return (f.orderStatus === "in_transit" || f.orderStatus === "unfulfilled") && !findings.some((x) => x.kind === "stalled_fulfillment");
}

function offersByRequest(f: HandOffFacts): boolean {
  return f.request !== null && f.request !== "product_question";
}

// The detector did not fire, or fired on something else: the request itself is the reason.
function asEscalation(f: HandOffFacts, d: EscalationDecision): PendingEscalation {
  const { score: _score, ...rest } = d;
  if (d.escalate && d.signals.length) return { ...rest, request: requestOf(rest, f.request) };
  const request = f.request ?? "other";
  const text = REQUEST_TEXT[request];
  const reason = REQUEST_REASON[request];
  return {
    escalate: true,
    reasons: [reason],
    reasonText: text,
    priority: URGENT_FOR.has(request) ? "high" : "normal",
    confidence: 0.8,
    signals: [{ reason, score: 0.8, evidence: text, source: "rule", ...(REQUEST_KIND[request] ? { kind: REQUEST_KIND[request] } : {}) }],
    topic: f.request ? REQUEST_TOPIC[f.request] : d.topic,
    request: f.request,
  };
}

/** A case's reason line leads with the request; the trigger that opened it follows. */
export function reasonLine(reasonText: string, request: ShopperRequest | null | undefined): string {
  if (!request || request === "other" || request === "talk_to_person") return reasonText;
  const lead = REQUEST_TEXT[request];
  if (!reasonText) return lead;
  return reasonText.startsWith(lead) ? reasonText : `${lead} (${reasonText})`;
}

const URGENT_FOR: ReadonlySet<ShopperRequest> = new Set(["missing_parcel", "damaged_item", "wrong_item"]);

const REQUEST_REASON: Record<ShopperRequest, Signal["reason"]> = {
  cancel_order: "authority_limit",
  change_address: "authority_limit",
  change_item: "authority_limit",
  return_item: "authority_limit",
  refund: "authority_limit",
  damaged_item: "complaint",
  wrong_item: "complaint",
  missing_parcel: "order_state",
  stalled_order: "order_state",
  order_problem: "complaint",
  billing: "authority_limit",
  account: "authority_limit",
  product_question: "repeated_failure",
  complaint: "complaint",
  talk_to_person: "explicit_request",
  other: "explicit_request",
};

const REQUEST_KIND: Partial<Record<ShopperRequest, string>> = { missing_parcel: "delivered_not_received", stalled_order: "stalled_fulfillment" };

/** What the case is about: the request the shopper named, else what the detector's findings say. */
export function requestOf(e: Pick<PendingEscalation, "reasons" | "signals" | "topic" | "request">, named: ShopperRequest | null): ShopperRequest {
  if (named && named !== "talk_to_person") return named;
  if (e.request && e.request !== "talk_to_person") return e.request;
  const kind = e.signals.find((x) => x.reason === "order_state")?.kind;
  if (kind === "delivered_not_received") return "missing_parcel";
  if (kind === "stalled_fulfillment") return "stalled_order";
  if (kind === "refund_status") return "refund";
  if (kind === "cancelled") return "order_problem";
  if (e.reasons.includes("authority_limit")) return e.topic === "refund" ? "refund" : "order_problem";
  if (e.reasons.includes("explicit_request") || named === "talk_to_person" || e.request === "talk_to_person") return "talk_to_person";
  if (e.reasons.includes("complaint") || e.reasons.includes("negative_sentiment") || e.reasons.includes("threat")) return "complaint";
  if (e.topic === "product") return "product_question";
  if (e.topic === "billing") return "billing";
  if (e.topic === "account") return "account";
  if (e.topic === "order" || e.topic === "shipping") return "order_problem";
  return "other";
}

/** The reason line a request gives a case no detector finding named (English: the case codec's language). */
export const REQUEST_TEXT: Record<ShopperRequest, string> = {
  cancel_order: "Wants to cancel an order",
  change_address: "Wants to change the shipping address of an order",
  change_item: "Wants to exchange an item (size or colour)",
  return_item: "Wants to return an item",
  refund: "Asks for a refund",
  damaged_item: "Reports a damaged item",
  wrong_item: "Received the wrong item",
  missing_parcel: "Parcel not received",
  stalled_order: "Order not moving (tracking or fulfilment stalled)",
  order_problem: "A problem with an order",
  billing: "A billing problem",
  account: "A customer account problem",
  product_question: "A product question",
  complaint: "A complaint",
  talk_to_person: "Asked to talk to a person",
  other: "Asked the team for help",
};

const REQUEST_TOPIC: Record<ShopperRequest, EscalationDecision["topic"]> = {
  cancel_order: "order",
  change_address: "shipping",
  change_item: "product",
  return_item: "refund",
  refund: "refund",
  damaged_item: "product",
  wrong_item: "product",
  missing_parcel: "shipping",
  stalled_order: "shipping",
  order_problem: "order",
  billing: "billing",
  account: "account",
  product_question: "product",
  complaint: "other",
  talk_to_person: "other",
  other: "other",
};

/**
 * The problem the conversation names: this message's, else the latest earlier shopper message that
 * named one (since the last case), so "#1042 never arrived" → "sarah@example.com" still knows it.
 */
export function standingRequest(now: ShopperRequest | null, history: Pick<HistoryReading, "lines">, pending: PendingEscalation | null): ShopperRequest | null {
  if (now && now !== "talk_to_person") return now;
  if (pending?.request && pending.request !== "talk_to_person") return pending.request;
  const lines = history.lines;
  for (let n = lines.length - 1, seen = 0; n >= 0 && seen < 6; n--) {
    const line = lines[n]!;
    if (line.role !== "shopper") continue;
    seen++;
    const r = requestIn(line.text);
    if (r && r !== "talk_to_person") return r;
  }
  return now;
}
