import { labelReason, type Priority } from "../escalation";
import { agelessOrderStatus, ORDER_STATUS_LABELS, orderStatusHeadline, type FulfillmentFacts, type OrderFacts } from "../orders";
import { cleanAddress, cleanBodyText, formatDay, formatMoney, humanFinancialStatus, humanFulfillmentStatus, humanShipmentStatus, safeHttpUrl } from "./format";
import type { EscalationCaseView } from "./types";

// Facts shared by the email's two parts (plain strings; each part escapes or lays them out itself).

/** Priority as the team reads it. */
export const PRIORITY_LABEL: Record<Priority, string> = { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" };

interface Shipment {
  status: string;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string | null;
  shipped: string;
  delivered: string;
  estimated: string;
}

export interface Facts {
  reason: string;
  reasonLabels: string[];
  priority: string;
  confidence: string;
  shopperEmail: string;
  summary: string;
  order: null | {
    name: string;
    /** The status the shopper was shown, in the card's English words ("Cancelled and refunded"). */
    status: string;
    payment: string;
    fulfilment: string;
    cancelled: string;
    shipments: Shipment[];
    items: string[];
    total: string;
    ordered: string;
    shipped: string;
    delivered: string;
  };
  customer: null | { name: string; orders: string; spent: string; tags: string; vip: boolean };
  adminUrl: string | null;
  shopName: string;
}

export function oneLine(s: string): string {
  return cleanBodyText(s).replace(/\s+/g, " ").trim();
}

function shipmentFacts(f: FulfillmentFacts): Shipment[] {
  const base = {
    status: humanShipmentStatus(f.displayStatus),
    shipped: formatDay(f.createdAt),
    delivered: formatDay(f.deliveredAt),
    estimated: formatDay(f.estimatedDeliveryAt),
  };
  if (f.tracking.length === 0) return [{ ...base, carrier: "", trackingNumber: "", trackingUrl: null }];
  return f.tracking.map((t) => ({
    ...base,
    carrier: oneLine(t.company ?? ""),
    trackingNumber: oneLine(t.number ?? ""),
    trackingUrl: safeHttpUrl(t.url),
  }));
}

function orderFacts(order: OrderFacts): NonNullable<Facts["order"]> {
  const shipments = order.fulfillments.flatMap(shipmentFacts);
  const firstShipped = order.fulfillments
    .map((f) => f.createdAt)
    .filter(Boolean)
    .sort()[0];
  const lastDelivered = order.fulfillments
    .map((f) => f.deliveredAt)
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1);
  return {
    name: oneLine(order.name),
    status: ORDER_STATUS_LABELS.en[orderStatusHeadline(agelessOrderStatus(order))],
    payment: humanFinancialStatus(order.financialStatus),
    fulfilment: humanFulfillmentStatus(order.fulfillmentStatus),
    cancelled: formatDay(order.cancelledAt),
    shipments,
    items: order.items.map((i) => `${i.quantity} × ${oneLine(i.title)}${i.variantTitle ? ` (${oneLine(i.variantTitle)})` : ""}`),
    total: formatMoney(order.total),
    ordered: formatDay(order.createdAt),
    shipped: formatDay(firstShipped),
    delivered: formatDay(lastDelivered),
  };
}

export function caseFacts(view: EscalationCaseView): Facts {
  const c = view.customer;
  const tags = c?.tags.map(oneLine).filter(Boolean) ?? [];
  const confidence = Number.isFinite(view.confidence) ? `${Math.round(Math.min(1, Math.max(0, view.confidence)) * 100)}%` : "";
  return {
    reason: oneLine(view.reasonText) || "Shopper asked to talk to a person",
    reasonLabels: view.reasons.map(labelReason),
    priority: PRIORITY_LABEL[view.priority] ?? String(view.priority),
    confidence,
    shopperEmail: cleanAddress(view.shopperEmail) || oneLine(view.shopperEmail),
    summary: oneLine(view.summary),
    order: view.order ? orderFacts(view.order) : null,
    customer:
      c || view.isVip
        ? {
            name: oneLine(c?.displayName ?? ""),
            orders: c ? String(c.numberOfOrders) : "",
            spent: c ? formatMoney(c.amountSpent) : "",
            tags: tags.join(", "),
            vip: view.isVip,
          }
        : null,
    adminUrl: safeHttpUrl(view.adminCaseUrl),
    shopName: oneLine(view.shop.name) || view.shop.domain,
  };
}

export function orderLines(o: NonNullable<Facts["order"]>): Array<[label: string, value: string, url?: string | null]> {
  const rows: Array<[string, string, (string | null)?]> = [
    ["Order", o.name],
    ["Status", o.status],
    ["Payment", o.payment],
    ["Fulfillment", o.fulfilment],
  ];
  if (o.cancelled) rows.push(["Cancelled", o.cancelled]);
  o.shipments.forEach((s, i) => {
    const n = o.shipments.length > 1 ? ` ${i + 1}` : "";
    const when = s.delivered ? ` (${s.delivered})` : s.estimated ? ` (expected ${s.estimated})` : "";
    if (s.status) rows.push([`Shipment${n}`, `${s.status}${when}`]);
    if (s.carrier) rows.push([`Carrier${n}`, s.carrier]);
    if (s.trackingNumber) rows.push([`Tracking${n}`, s.trackingNumber, s.trackingUrl]);
    else if (s.trackingUrl) rows.push([`Tracking${n}`, "Track shipment", s.trackingUrl]);
  });
  if (o.items.length) rows.push(["Items", o.items.join("\n")]);
  if (o.total) rows.push(["Total", o.total]);
  const dates = [o.ordered && `ordered ${o.ordered}`, o.shipped && `shipped ${o.shipped}`, o.delivered && `delivered ${o.delivered}`].filter(Boolean);
  if (dates.length) rows.push(["Dates", dates.join(" · ")]);
  return rows;
}
