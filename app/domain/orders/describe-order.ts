import { formatDay, formatMoney } from "../email/format";
import type { OrderFacts } from "./facts";
import { agelessOrderStatus, type OrderStatus } from "./status";

/** " with USPS, tracking number 9400…" — what is known of the latest shipment. */
function carrierText(s: OrderStatus): string {
  return `${s.carrier ? ` with ${s.carrier}` : ""}${s.trackingNumber ? `, tracking number ${s.trackingNumber}` : ""}`;
}

/**
 * The order's status in one or two plain English sentences, for the team's email summary and the
 * model's order tool: the same status the shopper's reply and order card show (./status.ts).
 */
export function describeOrder(order: OrderFacts): string {
  const s = agelessOrderStatus(order);
  const day = formatDay;
  switch (s.kind) {
    case "unfulfilled":
      return `Order ${s.name} was placed on ${day(s.placedAt)} and hasn't shipped yet.`;
    case "partially_fulfilled":
      return (
        `Part of order ${s.name} shipped on ${day(s.shippedAt)}${carrierText(s)}` +
        `${s.deliveredAt ? ` and was delivered on ${day(s.deliveredAt)}` : ""}; the rest hasn't shipped yet.`
      );
    case "in_transit":
      return (
        `Order ${s.name} is on its way: it shipped on ${day(s.shippedAt)}` +
        `${carrierText(s)}.${s.estimatedDeliveryAt ? ` Estimated delivery: ${day(s.estimatedDeliveryAt)}.` : ""}`
      );
    case "delivered":
      return `Order ${s.name} was delivered on ${day(s.deliveredAt)}. It shipped on ${day(s.shippedAt)}${carrierText(s)}.`;
    case "refunded":
      return `Order ${s.name} was refunded${s.refunded ? ` (${formatMoney(s.refunded)})` : ""}.`;
    case "cancelled":
      if (s.refund === "full")
        return `Order ${s.name} was cancelled on ${day(s.cancelledAt)} and refunded${s.refunded ? ` (${formatMoney(s.refunded)})` : ""}.`;
      if (s.refund === "partial") return `Order ${s.name} was cancelled on ${day(s.cancelledAt)} and partly refunded.`;
      return `Order ${s.name} was cancelled on ${day(s.cancelledAt)}. The payment hasn't been refunded yet.`;
  }
}
