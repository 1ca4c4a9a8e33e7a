import { deliveredAt, type Money, type OrderFacts } from "../orders";

/** Where an order stands, in the words a shopper thinks in (not Shopify's status codes). */
export type OrderStatusKind = "unfulfilled" | "partially_fulfilled" | "in_transit" | "delivered" | "cancelled" | "refunded";

/** The facts one status answer needs; every date is ISO-8601. */
export interface OrderStatus {
  kind: OrderStatusKind;
  name: string;
  placedAt: string;
  /** Whole days since the order was placed. */
  daysSincePlaced: number;
  shippedAt: string | null;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  /** Only http(s) links. */
  trackingUrl: string | null;
  cancelledAt: string | null;
  /** What went back to the shopper (the order total when Shopify says refunded). */
  refunded: Money | null;
  /** Partially fulfilled orders: how many items shipped and how many are still to come. */
  itemsShipped: number;
  itemsPending: number;
}

const DAY_MS = 86_400_000;

/** Reads an order into the status a shopper is told (pure: `now` is passed in). */
export function orderStatus(order: OrderFacts, now: number): OrderStatus {
  const shipments = order.fulfillments.filter((f) => f.status === "SUCCESS" || f.displayStatus);
  const latest = shipments.at(-1) ?? null;
  const tracking = latest?.tracking.find((t) => t.number || t.company) ?? null;
  const financial = (order.financialStatus ?? "").toUpperCase();
  const delivered = deliveredAt(order);
  const totalItems = order.items.reduce((n, i) => n + i.quantity, 0);
  const partial = order.fulfillmentStatus === "PARTIALLY_FULFILLED";
  const kind: OrderStatusKind = order.cancelledAt
    ? financial.includes("REFUNDED")
      ? "refunded"
      : "cancelled"
    : financial === "REFUNDED"
      ? "refunded"
      : partial
        ? "partially_fulfilled"
        : !latest
          ? "unfulfilled"
          : delivered
            ? "delivered"
            : "in_transit";
  // Shopify does not say how many items each shipment held here; a partial order has at least one of each.
  const itemsShipped = partial ? Math.max(1, Math.min(totalItems - 1, shipments.length)) : latest ? totalItems : 0;
  return {
    kind,
    name: order.name,
    placedAt: order.createdAt,
    daysSincePlaced: Math.max(0, Math.round((now - Date.parse(order.createdAt)) / DAY_MS)),
    shippedAt: latest?.createdAt ?? null,
    deliveredAt: partial ? (latest?.deliveredAt ?? null) : delivered,
    estimatedDeliveryAt: latest?.estimatedDeliveryAt ?? null,
    carrier: tracking?.company ?? null,
    trackingNumber: tracking?.number ?? null,
    trackingUrl: tracking?.url && /^https?:\/\//i.test(tracking.url) ? tracking.url : null,
    cancelledAt: order.cancelledAt,
    refunded: kind === "refunded" ? order.total : null,
    itemsShipped,
    itemsPending: partial ? Math.max(1, totalItems - itemsShipped) : 0,
  };
}

/** Words that say a sentence is about the money coming back, or about shipping. */
const TOPIC_WORDS = {
  refund: /refund|reembols|rembours|erstatt|money back/i,
  shipping: /ship|envi|exp[eé]di|versand|liefer|deliver/i,
};

/**
 * The sentence of a store policy that answers "how long?" — naming a number of days or weeks, and
 * preferably the topic ("Refunds go back … within 5–10 business days", not the 30-day return window).
 * The shop's own words, quoted as written.
 */
export function policyTiming(body: string | null | undefined, topic: keyof typeof TOPIC_WORDS): string | null {
  if (!body) return null;
  const sentences = body.replace(/\s+/g, " ").split(/(?<=[.!?])\s+/);
  const timed = sentences.filter((s) => /\d+\s*(?:[–-]\s*\d+\s*)?(?:business |working )?(?:days?|weeks?|días|jours|tage|werktage)\b/i.test(s));
  const hit = timed.find((s) => TOPIC_WORDS[topic].test(s)) ?? timed[0];
  return hit ? hit.trim().slice(0, 240) : null;
}
