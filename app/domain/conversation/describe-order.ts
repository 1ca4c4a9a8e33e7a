import type { OrderFacts, TrackingInfo } from "../orders";
import { deliveredAt } from "../orders";
import { formatDay, humanFinancialStatus, humanFulfillmentStatus } from "../email/format";

/** "Feb 20, 2026" (UTC, so the same order reads the same everywhere). */
const formatDate = (iso: string): string => formatDay(iso);

/** Shopify's display statuses in the lower-case words used mid-sentence ("partially fulfilled"). */
function humanStatus(status: string | null | undefined, kind: "financial" | "fulfillment"): string {
  return (kind === "financial" ? humanFinancialStatus(status) : humanFulfillmentStatus(status)).toLowerCase();
}

function trackingText(t: TrackingInfo | undefined): string {
  if (!t || (!t.number && !t.company)) return "";
  const carrier = t.company ? ` with ${t.company}` : "";
  const number = t.number ? `, tracking number ${t.number}` : "";
  const url = t.url && /^https?:\/\//i.test(t.url) ? ` (${t.url})` : "";
  return `${carrier}${number}${url}`;
}

/** The status answer for a verified owner: state, carrier, tracking and dates in plain words. */
export function describeOrder(order: OrderFacts): string {
  if (order.cancelledAt) {
    const refund = order.financialStatus ? ` Payment status: ${humanStatus(order.financialStatus, "financial")}.` : "";
    return `Order ${order.name} was cancelled on ${formatDate(order.cancelledAt)}.${refund}`;
  }
  const shipped = order.fulfillments.filter((f) => f.status === "SUCCESS" || f.displayStatus);
  const latest = shipped.at(-1);
  const delivered = deliveredAt(order);
  const partial = order.fulfillmentStatus === "PARTIALLY_FULFILLED";

  if (!latest) {
    return `Order ${order.name} was placed on ${formatDate(order.createdAt)} and hasn't shipped yet (status: ${humanStatus(order.fulfillmentStatus, "fulfillment")}).`;
  }
  const track = trackingText(latest.tracking[0]);
  const shippedOn = `shipped on ${formatDate(latest.createdAt)}${track}`;
  if (partial) {
    const where = latest.deliveredAt ? ` and was delivered on ${formatDate(latest.deliveredAt)}` : "";
    return `Part of order ${order.name} ${shippedOn}${where}. The rest of the order hasn't shipped yet.`;
  }
  if (delivered) {
    return `Order ${order.name} was delivered on ${formatDate(delivered)}. It ${shippedOn}.`;
  }
  const eta = latest.estimatedDeliveryAt ? ` Estimated delivery: ${formatDate(latest.estimatedDeliveryAt)}.` : "";
  return `Order ${order.name} is on its way: it ${shippedOn}.${eta}`;
}
