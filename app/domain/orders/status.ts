import { deliveredAt, type Money, type OrderFacts } from "./facts";

/**
 * Where an order stands, in the words a shopper thinks in (not Shopify's status codes). These are
 * also the order card's `status` values (README "Storefront chat API"), so they never change.
 */
export type OrderStatusKind = "unfulfilled" | "partially_fulfilled" | "in_transit" | "delivered" | "cancelled" | "refunded";

/**
 * How much of the payment went back. A cancelled order says it as a detail ("cancelled and
 * refunded"); `refunded` is the kind of an order refunded in full without being cancelled.
 */
export type RefundState = "full" | "partial" | "none";

/** The facts one status answer needs; every date is ISO-8601. */
export interface OrderStatus {
  kind: OrderStatusKind;
  refund: RefundState;
  name: string;
  placedAt: string;
  /** Whole days since the order was placed. */
  daysSincePlaced: number;
  /** When the latest shipment left. */
  shippedAt: string | null;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  /** Only http(s) links. */
  trackingUrl: string | null;
  cancelledAt: string | null;
  /** What went back to the shopper: the order total when it was refunded in full, else null (Shopify does not say how much of a part). */
  refunded: Money | null;
  /** Partially fulfilled orders: how many items shipped and how many are still to come. */
  itemsShipped: number;
  itemsPending: number;
}

/**
 * The status as one key, for labels that name a cancelled order's refund too ("Cancelled and
 * refunded"): the kind, with the refund of a cancelled order folded in.
 */
export type OrderStatusHeadline = OrderStatusKind | "cancelled_refunded" | "cancelled_partly_refunded";

const DAY_MS = 86_400_000;

/**
 * Reads an order into the one status every view shows: the reply sentence, the order card and the
 * team's email (pure: `now` only dates the order's age).
 *
 * A cancellation wins over everything else, and the refund is its detail: #1045, cancelled and
 * refunded, is `cancelled` with `refund: "full"` everywhere (the order was cancelled; the money
 * coming back is what happened to the payment). `refunded` is an order refunded in full that was
 * not cancelled (returned after delivery, say).
 */
export function orderStatus(order: OrderFacts, now: number): OrderStatus {
  const shipped = shipments(order);
  const latest = shipped.at(-1) ?? null;
  const tracking = latest?.tracking.find((t) => t.number || t.company || t.url) ?? null;
  const financial = (order.financialStatus ?? "").toUpperCase();
  const refund: RefundState = financial === "REFUNDED" ? "full" : financial === "PARTIALLY_REFUNDED" ? "partial" : "none";
  const delivered = deliveredAt(order);
  const totalItems = order.items.reduce((n, i) => n + i.quantity, 0);
  const partial = order.fulfillmentStatus === "PARTIALLY_FULFILLED";
  const kind: OrderStatusKind = order.cancelledAt
    ? "cancelled"
    : refund === "full"
      ? "refunded"
      : partial
        ? "partially_fulfilled"
        : !latest
          ? "unfulfilled"
          : delivered
            ? "delivered"
            : "in_transit";
  // Shopify does not say how many items each shipment held here; a partial order has at least one of each.
  const itemsShipped = partial ? Math.max(1, Math.min(totalItems - 1, shipped.length)) : latest ? totalItems : 0;
  return {
    kind,
    refund,
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
    refunded: refund === "full" ? order.total : null,
    itemsShipped,
    itemsPending: partial ? Math.max(1, totalItems - itemsShipped) : 0,
  };
}

/**
 * The status for views that show no age (the order card, the team's sentence): the same answer at
 * any time, so they need no clock.
 */
export function agelessOrderStatus(order: OrderFacts): OrderStatus {
  return orderStatus(order, Date.parse(order.createdAt));
}

/** The status's label key: the kind, or a cancelled order with what happened to its payment. */
export function orderStatusHeadline(s: Pick<OrderStatus, "kind" | "refund">): OrderStatusHeadline {
  if (s.kind !== "cancelled" || s.refund === "none") return s.kind;
  return s.refund === "full" ? "cancelled_refunded" : "cancelled_partly_refunded";
}

/** Whether the order shows a shipping progress line (ordered → shipped → delivered). */
export function isInProgress(kind: OrderStatusKind): boolean {
  return kind !== "cancelled" && kind !== "refunded";
}

// A fulfilment counts as a shipment once Shopify reports it done or shows a carrier status.
function shipments(order: OrderFacts) {
  return order.fulfillments.filter((f) => f.status === "SUCCESS" || f.displayStatus);
}
