/**
 * What the app knows about orders and customers, independent of where it came from (the Admin
 * API, or the demo catalogue). Money arrives from Shopify as decimal strings; we keep the string
 * for display and a number for rules.
 */
export interface Money {
  amount: string;
  currencyCode: string;
}

export interface TrackingInfo {
  company: string | null;
  number: string | null;
  url: string | null;
}

export interface FulfillmentFacts {
  status: string;
  displayStatus: string | null;
  createdAt: string;
  inTransitAt: string | null;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  tracking: TrackingInfo[];
}

export interface LineItemFacts {
  title: string;
  variantTitle: string | null;
  quantity: number;
}

export interface CustomerFacts {
  id: string;
  email: string | null;
  displayName: string | null;
  numberOfOrders: number;
  amountSpent: Money;
  tags: string[];
}

export interface OrderFacts {
  id: string;
  /** Display name such as "#1042". */
  name: string;
  email: string | null;
  createdAt: string;
  cancelledAt: string | null;
  closed: boolean;
  financialStatus: string | null;
  fulfillmentStatus: string;
  fulfillments: FulfillmentFacts[];
  items: LineItemFacts[];
  total: Money | null;
  customer: CustomerFacts | null;
}

export type PolicyKind = "refund" | "shipping" | "privacy" | "terms" | "contact" | "other";

export interface ShopPolicy {
  kind: PolicyKind;
  title: string;
  /** Plain text (HTML stripped). */
  body: string;
  url: string | null;
}

/** The one interface through which order data reaches the app (Admin API or demo catalogue). */
export interface OrderLookup {
  /** Orders whose name matches exactly (e.g. "#1042"); null when none. */
  findOrderByName(name: string): Promise<OrderFacts | null>;
  findCustomer(customerId: string): Promise<CustomerFacts | null>;
  /** A customer's most recent orders, newest first (at most `limit`). */
  listCustomerOrders(customerId: string, limit: number): Promise<OrderFacts[]>;
  listPolicies(): Promise<ShopPolicy[]>;
}

/** Normalises what a shopper typed ("1042", "#1042", "order 1042") to Shopify's "#1042" form. */
export function toOrderName(raw: string): string | null {
  const match = /#?\s*([A-Za-z0-9-]{1,32})/.exec(raw.trim());
  if (!match) return null;
  return `#${match[1]!.replace(/^#/, "")}`;
}

/** Case-insensitive, whitespace-insensitive email equality (the ownership proof). */
export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The numeric id at the end of a Shopify GID, or the input when it is already numeric. */
export function legacyId(gidOrId: string): string {
  const m = /(\d+)$/.exec(gidOrId);
  return m ? m[1]! : gidOrId;
}

/** Whether a signed storefront customer id owns the order. */
export function customerOwnsOrder(customerId: string | null | undefined, order: OrderFacts): boolean {
  if (!customerId || !order.customer) return false;
  return legacyId(order.customer.id) === legacyId(customerId);
}

/** The latest delivery timestamp across fulfilments, if any fulfilment was delivered. */
export function deliveredAt(order: OrderFacts): string | null {
  const times = order.fulfillments.map((f) => f.deliveredAt).filter((t): t is string => Boolean(t));
  return times.sort().at(-1) ?? null;
}
