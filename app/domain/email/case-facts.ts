import { agelessOrderStatus, ORDER_STATUS_LABELS, orderStatusHeadline, type FulfillmentFacts, type OrderFacts } from "../orders";
import { caseProblem, noteOpensHeadline, noteRepeatsHeadline, reasonsBesideHeadline, type CaseProblem } from "./case-problem";
import { cleanAddress, cleanBodyText, safeHttpUrl } from "./format";
import { emailFormat, formatDayIn, formatMoneyIn, statusWord, type EmailFormat } from "./localized-format";
import { shopifyAdminResourceUrl } from "./shopify-admin-url";
import { bestShopperQuote } from "./summarize-case";
import type { EscalationCaseView } from "./types";

// Facts shared by the email's two parts (plain strings in the shop's language; each part escapes
// or lays them out itself).

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
  fmt: EmailFormat;
  problem: CaseProblem;
  /** The request line: "Wants to cancel order #1042 — ownership proven". */
  reason: string;
  /** The triggers and mood behind the case that the request line does not already say, in the shop's language. */
  reasonLabels: string[];
  /** The detector's or the model's own words, shown only in English emails (they are English). */
  details: string;
  priority: string;
  confidence: string;
  shopperEmail: string;
  summary: string;
  order: null | {
    name: string;
    /** The status the shopper was shown, in the card's words ("Cancelled and refunded"). */
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
    /** The order in Shopify admin, when its id is a Shopify one. */
    adminUrl: string | null;
  };
  customer: null | { name: string; orders: string; spent: string; tags: string; vip: boolean; adminUrl: string | null };
  adminUrl: string | null;
  shopName: string;
}

export function oneLine(s: string): string {
  return cleanBodyText(s).replace(/\s+/g, " ").trim();
}

function shipmentFacts(f: FulfillmentFacts, fmt: EmailFormat): Shipment[] {
  const base = {
    status: f.displayStatus ? statusWord(fmt.labels.shipmentStatus, f.displayStatus, "") : "",
    shipped: formatDayIn(f.createdAt, fmt),
    delivered: formatDayIn(f.deliveredAt, fmt),
    estimated: formatDayIn(f.estimatedDeliveryAt, fmt),
  };
  if (f.tracking.length === 0) return [{ ...base, carrier: "", trackingNumber: "", trackingUrl: null }];
  return f.tracking.map((t) => ({
    ...base,
    carrier: oneLine(t.company ?? ""),
    trackingNumber: oneLine(t.number ?? ""),
    trackingUrl: safeHttpUrl(t.url),
  }));
}

function orderFacts(order: OrderFacts, shop: string, fmt: EmailFormat): NonNullable<Facts["order"]> {
  const L = fmt.labels;
  const shipments = order.fulfillments.flatMap((f) => shipmentFacts(f, fmt));
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
    status: ORDER_STATUS_LABELS[fmt.language][orderStatusHeadline(agelessOrderStatus(order))],
    payment: statusWord(L.financial, order.financialStatus, L.unknown),
    fulfilment: statusWord(L.fulfillmentStatus, order.fulfillmentStatus, L.unknown),
    cancelled: formatDayIn(order.cancelledAt, fmt),
    shipments,
    items: order.items.map((i) => `${i.quantity} × ${oneLine(i.title)}${i.variantTitle ? ` (${oneLine(i.variantTitle)})` : ""}`),
    total: formatMoneyIn(order.total, fmt),
    ordered: formatDayIn(order.createdAt, fmt),
    shipped: formatDayIn(firstShipped, fmt),
    delivered: formatDayIn(lastDelivered, fmt),
    adminUrl: shopifyAdminResourceUrl(shop, "orders", order.id),
  };
}

/**
 * The request line: what the shopper asks, naming the order and whether its owner was proven (a
 * signed-in shopper's own order, or the email that placed it) or it was only mentioned.
 */
export function requestLine(view: EscalationCaseView, fmt: EmailFormat): string {
  const L = fmt.labels;
  const proven = view.order ? oneLine(view.order.name) : "";
  const mentioned = proven ? "" : oneLine(view.mentionedOrderName ?? "");
  const sentence = L.requests[caseProblem(view)](proven || mentioned || null);
  if (proven) return `${sentence} — ${L.ownershipProven}`;
  if (mentioned) return `${sentence} — ${L.ownershipNotProven}`;
  return sentence;
}

// The stored summary is English (the extractive one, or the model's); in another language the email
// quotes the shopper instead, and the order's state is in the order table.
function summaryIn(view: EscalationCaseView, fmt: EmailFormat): string {
  if (fmt.language === "en") return oneLine(view.summary);
  const quote = bestShopperQuote(view.transcript);
  return quote ? oneLine(`${fmt.labels.shopper}: “${quote}”`) : "";
}

export function caseFacts(view: EscalationCaseView): Facts {
  const fmt = emailFormat(view.shop);
  const L = fmt.labels;
  const c = view.customer;
  const tags = c?.tags.map(oneLine).filter(Boolean) ?? [];
  const confidence = Number.isFinite(view.confidence) ? `${Math.round(Math.min(1, Math.max(0, view.confidence)) * 100)}%` : "";
  const reason = requestLine(view, fmt);
  const note = oneLine(view.reasonText);
  const problem = caseProblem(view);
  return {
    fmt,
    problem,
    reason,
    reasonLabels: reasonsBesideHeadline(problem, view.reasons).map((r) => L.reasonLabels[r] ?? r),
    details: fmt.language === "en" && note && !noteOpensHeadline(note, reason) && !noteRepeatsHeadline(problem, view.reasons) ? note : "",
    priority: L.priorityNames[view.priority] ?? String(view.priority),
    confidence,
    shopperEmail: cleanAddress(view.shopperEmail) || oneLine(view.shopperEmail),
    summary: summaryIn(view, fmt),
    order: view.order ? orderFacts(view.order, view.shop.domain, fmt) : null,
    customer:
      c || view.isVip
        ? {
            name: oneLine(c?.displayName ?? ""),
            orders: c ? String(c.numberOfOrders) : "",
            spent: c ? formatMoneyIn(c.amountSpent, fmt) : "",
            tags: tags.join(", "),
            vip: view.isVip,
            adminUrl: shopifyAdminResourceUrl(view.shop.domain, "customers", c?.id ?? view.order?.customer?.id),
          }
        : null,
    adminUrl: safeHttpUrl(view.adminCaseUrl),
    shopName: oneLine(view.shop.name) || view.shop.domain,
  };
}

/** One row of the order table: label, value, and an optional link (with its own words, or on the value). */
export type FactRow = [label: string, value: string, url?: string | null, linkLabel?: string];

export function orderLines(o: NonNullable<Facts["order"]>, fmt: EmailFormat): FactRow[] {
  const L = fmt.labels;
  const rows: FactRow[] = [
    [L.order, o.name, o.adminUrl, L.openOrderInShopify],
    [L.status, o.status],
    [L.payment, o.payment],
    [L.fulfillment, o.fulfilment],
  ];
  if (o.cancelled) rows.push([L.cancelled, o.cancelled]);
  o.shipments.forEach((s, i) => {
    const n = o.shipments.length > 1 ? ` ${i + 1}` : "";
    const when = s.delivered ? ` (${s.delivered})` : s.estimated ? ` (${L.expected(s.estimated)})` : "";
    if (s.status) rows.push([`${L.shipment}${n}`, `${s.status}${when}`]);
    if (s.carrier) rows.push([`${L.carrier}${n}`, s.carrier]);
    if (s.trackingNumber) rows.push([`${L.tracking}${n}`, s.trackingNumber, s.trackingUrl]);
    else if (s.trackingUrl) rows.push([`${L.tracking}${n}`, L.trackShipment, s.trackingUrl]);
  });
  if (o.items.length) rows.push([L.items, o.items.join("\n")]);
  if (o.total) rows.push([L.total, o.total]);
  const dates = [o.ordered && `${L.ordered} ${o.ordered}`, o.shipped && `${L.shipped} ${o.shipped}`, o.delivered && `${L.delivered} ${o.delivered}`];
  if (dates.some(Boolean)) rows.push([L.dates, dates.filter(Boolean).join(" · ")]);
  return rows;
}
