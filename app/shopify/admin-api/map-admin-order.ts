import type { CustomerFacts, OrderFacts, PolicyKind, ShopPolicy } from "~/domain/orders";
import type { AdminCustomerNode, AdminOrderNode, ShopPoliciesResult } from "./types";

/**
 * Admin API order node → the app's order facts (also used for the demo catalogue). An unparseable
 * date becomes null: the replies format dates with Intl, which throws on an invalid one, and one
 * odd value must not fail the shopper's turn.
 */
export function mapAdminOrder(node: AdminOrderNode): OrderFacts {
  const createdAt = isoDate(node.createdAt);
  // The order's own date is required by every view of it; without one it cannot be shown, and the
  // lookup fails as any unusable answer does ("I can't look up orders right now").
  if (!createdAt) throw new UnusableOrderError(`order ${node.name} has an unparseable createdAt`);
  return {
    id: node.id,
    name: node.name,
    email: node.email,
    createdAt,
    cancelledAt: isoDate(node.cancelledAt),
    closed: node.closed,
    financialStatus: node.displayFinancialStatus,
    fulfillmentStatus: node.displayFulfillmentStatus,
    fulfillments: node.fulfillments.map((f) => ({
      status: f.status,
      displayStatus: f.displayStatus,
      createdAt: isoDate(f.createdAt),
      inTransitAt: isoDate(f.inTransitAt),
      deliveredAt: isoDate(f.deliveredAt),
      estimatedDeliveryAt: isoDate(f.estimatedDeliveryAt),
      tracking: f.trackingInfo.map((t) => ({ company: t.company, number: t.number, url: t.url })),
    })),
    items: node.lineItems.nodes.map((li) => ({ title: li.title, variantTitle: li.variantTitle, quantity: li.quantity })),
    total: node.totalPriceSet?.shopMoney ?? null,
    customer: node.customer ? mapAdminCustomer(node.customer) : null,
  };
}

/** An Admin API answer the app cannot use (the lookup reports it as unavailable). */
export class UnusableOrderError extends Error {
  override name = "UnusableOrderError";
}

/** The Admin API's date as it came (ISO 8601), or null when missing or unparseable. */
export function isoDate(value: string | null | undefined): string | null {
  return value && !Number.isNaN(Date.parse(value)) ? value : null;
}

export function mapAdminCustomer(node: AdminCustomerNode): CustomerFacts {
  return {
    id: node.id,
    email: node.defaultEmailAddress?.emailAddress ?? null,
    displayName: node.displayName,
    // UnsignedInt64 and Decimal arrive as strings.
    numberOfOrders: Number(node.numberOfOrders) || 0,
    amountSpent: node.amountSpent,
    tags: node.tags,
  };
}

const POLICY_KINDS: Record<string, PolicyKind> = {
  REFUND_POLICY: "refund",
  SHIPPING_POLICY: "shipping",
  PRIVACY_POLICY: "privacy",
  TERMS_OF_SERVICE: "terms",
  CONTACT_INFORMATION: "contact",
};

export function mapShopPolicies(result: ShopPoliciesResult): ShopPolicy[] {
  return result.shop.shopPolicies.map((p) => ({
    kind: POLICY_KINDS[p.type] ?? "other",
    title: p.title,
    body: htmlToText(p.body),
    url: p.url,
  }));
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };

/** Policy bodies are merchant HTML; the assistant quotes them as plain text. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e.toLowerCase()] ?? m)
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim();
}
