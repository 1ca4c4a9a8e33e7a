import { policyTiming, type OrderStatus } from "../orders";
import { joined, said, type Said } from "./said";
import type { Turn } from "./turn";
import type { TurnFacts } from "./types";

/**
 * The status sentence, with what the shop's policy promises where the shopper will ask "when?" —
 * never a returns timeline for an order that was cancelled (nothing comes back to the shop). `card`:
 * the order card is shown beside it, so the text stays short. An order past its shipping time is
 * apologized for first.
 */
export function statusText(status: OrderStatus, orderName: string, turn: Turn, card = false): Said {
  const { facts, t, f } = turn;
  const policyKind = status.kind === "unfulfilled" ? "shipping" : status.kind === "refunded" || status.kind === "cancelled" ? "refund" : null;
  const timing = policyKind ? policyTiming(facts.policies.find((p) => p.kind === policyKind)?.body, policyKind) : null;
  const promise = timing && policyKind === "refund" && ABOUT_RETURNS.test(timing) ? null : timing;
  const text = said(t.orderStatus(status, f, promise, card), `order_status:${orderName}`);
  return card && status.kind === "unfulfilled" && stalled(facts) ? joined([said(t.sorryForDelay, "sorry_for_delay"), text]) : text;
}

const ABOUT_RETURNS = /\b(?:return|devoluci|devolver|retour|r[üu]cksend|r[üu]ckgabe)/i;

/** The facts say the order is late: the detector's stalled-fulfilment finding, or the shopper says it has not moved. */
function stalled(facts: TurnFacts): boolean {
  const signals = [...facts.decision.signals, ...(facts.offerEscalation?.signals ?? [])];
  return signals.some((x) => x.kind === "stalled_fulfillment") || facts.request === "stalled_order";
}
