import { oneOf } from "./lexicon";
import type { NormalizedText } from "./normalize";
import type { EscalationContext } from "./types";
import { NON_SHOP_OBJECT_RE, SHOP_OBJECT_RE } from "./shop-vocabulary";

// Order-state triggers combine what the shopper says with what Shopify says: "I don't have it"
// on an order marked delivered, a paid order still unfulfilled after N days, and questions about
// a cancellation or a refund's whereabouts (the assistant cannot move money or chase a carrier).

/** Which order-state situation fired. */
export type OrderStateKind = "delivered_not_received" | "stalled_fulfillment" | "refund_status" | "cancelled";

/** An order-state trigger with its strength and a fact for the evidence. */
export interface OrderStateMatch {
  kind: OrderStateKind;
  score: number;
  evidence: string;
}

const DAY_MS = 86_400_000;

// "Where is my money?" after a transfer, a top-up or an ATM withdrawal asks a bank about money the customer
// moved, not a shop about a refund (Banking77: 26 routine questions were refund-status escalations; issue 26,
// decision 0078: ordinary banking and assistant questions must not escalate). Refund words still count.
const MONEY_MOVEMENT_RE = new RegExp(
  "\\b" +
    oneOf(
      "transfer\\w*",
      "top(?:ped|s)? ?ups?",
      "topping up",
      "atm",
      "cash machine",
      "cheque",
      "deposit\\w*",
      "withdr[ae]w\\w*",
      "salary",
      "paycheck",
      "wire",
      "(?:sent|send|sending) (?:\\w+ )?(?:money|cash|funds)",
    ) +
    "\\b",
);

function isMoneyMovementQuestion(match: string, text: string): boolean {
  return !/refund|reimburs|money back/.test(match) && MONEY_MOVEMENT_RE.test(text);
}

const NOT_RECEIVED_RE = new RegExp(
  "\\b" +
    oneOf(
      "(?:not|never|still not|yet to) (?:\\w+ )?" +
        oneOf("received?", "got(?:ten)?", "arrived?", "come", "came", "here", "delivered", "seen it", "showed up", "turned up"),
      oneOf("did not", "do not", "does not", "have not", "has not", "never") + " " + oneOf("get", "got", "receive", "have", "has", "see", "find", "arrive"),
      oneOf("no", "not a", "not any", "nothing", "no sign of (?:a|the|my)?") +
        " ?(?:package|parcel|box|order)? ?(?:was |is )?(?:at|on|in front of|outside) (?:my|the) " +
        oneOf("door", "doorstep", "porch", "house", "home", "address", "mailbox", "building"),
      "(?:can not|could not|unable to) find (?:it|my|the)",
      "(?:missing|stolen|lost) (?:package|parcel|order)",
      "(?:package|parcel|order) (?:is |was |got )?(?:missing|stolen|lost)",
    ) +
    "\\b",
);
const SAYS_DELIVERED_RE = new RegExp(
  "\\b" +
    oneOf("says", "said", "shows", "showed", "showing", "marked", "listed", "status is", "tracking", "claims", "claimed", "supposedly", "apparently") +
    " (?:(?:as|it|it was|it is|it has been|that it was|that it|was|has been|is|been) )*delivered\\b",
);
const REFUND_STATUS_RE = new RegExp(
  "\\b" +
    oneOf(
      "(?:missing|waiting (?:on|for)|no) (?:the |my |a |this |any )?refund",
      "refund\\w*(?: \\w+){0,4}? (?:not|never|yet|missing|nowhere)\\b",
      "(?:not|can not|do not|does not|cannot) (?:\\w+ ){0,2}(?:see|find|view|showing|show|appear\\w*)(?: \\w+){0,3}? refund",
      "(?:see|find|view) (?:\\w+ ){0,2}refund",
      oneOf("new", "wrong", "news", "happening", "going on", "update", "updates") + " (?:on|with|about|regarding|for) (?:my|the) (?:refund|reimbursement)",
      "(?:refund|reimbursement) (?:has|have)? ?(?:been|was|is|got) " +
        oneOf("processed", "approved", "issued", "sent", "completed", "accepted", "declined", "rejected"),
      oneOf("track", "check", "status", "tracking", "update", "updates", "progress") + "\\b(?: \\w+){0,4}? (?:refund|reimbursement|money back)",
      "(?:refund|reimbursement)s? (?:status|update|progress|tracking)",
      "where (?:is|s) (?:my|the) (?:refund|reimbursement|money)",
      "(?:refund|reimbursement|money)(?: \\w+){0,3}? (?:not|never|still not|yet to) (?:\\w+ )?" +
        oneOf(
          "showing",
          "shown",
          "show up",
          "showed up",
          "arrived?",
          "received?",
          "come",
          "came",
          "appeared?",
          "processed",
          "reflected",
          "credited",
          "gone through",
          "went through",
          "back",
        ),
      oneOf("have not", "has not", "did not", "never", "still not", "not yet") +
        " (?:\\w+ )?(?:received?|got(?:ten)?|seen|get) (?:my |the |a |any )?(?:refund|reimbursement|money back)",
      "when (?:will|do|does|can|is) (?:i |my |the )?(?:get |receive |see )?(?:my |the )?(?:refund|reimbursement|money back)",
      "how long (?:will|does|do|is) (?:it take )?(?:for )?(?:my|the) (?:refund|reimbursement)",
    ) +
    "\\b",
);
const CANCEL_QUESTION_RE = new RegExp(
  "\\b" +
    oneOf(
      oneOf("game", "show", "event", "concert", "match", "flight", "trip", "class", "performance", "festival", "tour", "workshop", "course", "party", "gig") +
        " (?:was|is|has been|got|had been) " +
        oneOf("postpone\\\\w*", "cancel\\\\w*", "cancle\\\\w*", "resched\\\\w*", "called off"),
      "why (?:was|is|did|has) (?:my|the) (?:order|purchase) (?:been )?(?:cancel\\w*)",
      "(?:you|they|store|shop) (?:\\w+ )?cancel(?:l)?ed (?:my|our|the) order",
      "(?:my|our) order (?:was|got|has been|is) (?:cancel(?:l)?ed)",
      "order (?:cancel(?:l)?ed) (?:but|and|without)",
    ) +
    "\\b",
);
const REFUND_TALK_RE = /\b(?:refund\w*|reimburs\w*|money back|cancel\w*|charged|payment)\b/;
const STALLED_STATUSES = new Set(["UNFULFILLED", "PARTIALLY_FULFILLED", "IN_PROGRESS", "ON_HOLD", "PENDING_FULFILLMENT", "OPEN", "SCHEDULED"]);

/**
 * Checks the order-state triggers for the latest shopper message against the order facts in the
 * context. Text-only cases (refund status, "tracking says delivered but …") work without an order.
 */
export function findOrderState(message: NormalizedText, context: EscalationContext, stalledFulfillmentDays: number): OrderStateMatch | undefined {
  const { text } = message;
  const order = context.order;
  const delivered = Boolean(order?.delivered || order?.deliveredAt);
  const notReceived = NOT_RECEIVED_RE.test(text);

  if (delivered && notReceived && (SHOP_OBJECT_RE.test(text) || !NON_SHOP_OBJECT_RE.test(text))) {
    return {
      kind: "delivered_not_received",
      score: 0.95,
      evidence: "Order marked delivered; shopper says it was not received",
    };
  }
  // "Where is my order?" alone is a question the assistant answers first (it was delivered on …);
  // it becomes a non-delivery only when the shopper says so, or disputes what tracking says.
  if (SAYS_DELIVERED_RE.test(text) && (notReceived || /\bbut\b|\bwhere (?:is|s) (?:it|my)\b|\bwheres\b/.test(text))) {
    return {
      kind: "delivered_not_received",
      score: 0.9,
      evidence: "Shopper says tracking shows delivered but they do not have it",
    };
  }

  const refundStatus = REFUND_STATUS_RE.exec(text);
  if (refundStatus && !isMoneyMovementQuestion(refundStatus[0], text)) {
    return { kind: "refund_status", score: 0.8, evidence: refundStatus[0].trim() };
  }

  if (order && context.now !== undefined && !delivered && !order.cancelled) {
    const status = (order.fulfillmentStatus ?? "").toUpperCase();
    const since = order.createdAt;
    if (STALLED_STATUSES.has(status) && since !== undefined) {
      const days = Math.floor((context.now - since) / DAY_MS);
      if (days > stalledFulfillmentDays) {
        return {
          kind: "stalled_fulfillment",
          score: 0.75,
          evidence: `Order ${status.toLowerCase().replace(/_/g, " ")} for ${days} days`,
        };
      }
    }
  }

  // "my refund" presupposes a refund in progress: the shopper is asking about its state
  const myRefund = /\bmy (?:refund|reimbursement)s?\b/.exec(text);
  if (myRefund && !/\b(?:want|need|get|request|claim|apply for|ask for)\b(?: \w+){0,3}? my (?:refund|reimbursement)/.test(text)) {
    return { kind: "refund_status", score: 0.75, evidence: myRefund[0] };
  }

  const cancelled = CANCEL_QUESTION_RE.exec(text);
  if (cancelled) return { kind: "cancelled", score: 0.7, evidence: cancelled[0].trim() };
  const financial = (order?.financialStatus ?? "").toUpperCase();
  if ((order?.cancelled || financial === "REFUNDED" || financial === "PARTIALLY_REFUNDED") && REFUND_TALK_RE.test(text)) {
    return {
      kind: order?.cancelled ? "cancelled" : "refund_status",
      score: 0.7,
      evidence: order?.cancelled
        ? "Order is cancelled; shopper asks about it"
        : `Order ${financial.toLowerCase().replace(/_/g, " ")}; shopper asks about the refund`,
    };
  }
  return undefined;
}
