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
  /** When it shipped; null when Shopify's value could not be read as a date. */
  createdAt: string | null;
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

/** Normalises what a shopper typed ("1042", "#1042", "order 1042") to Shopify's "#1042" form. */
export function toOrderName(raw: string): string | null {
  const match = /#?\s*([A-Za-z0-9-]{1,32})/.exec(raw.trim());
  if (!match) return null;
  return `#${match[1]!.replace(/^#/, "")}`;
}

/** The numeric id at the end of a Shopify GID, or the input when it is already numeric. */
export function legacyId(gidOrId: string): string {
  const m = /(\d+)$/.exec(gidOrId);
  return m ? m[1]! : gidOrId;
}

/** The latest delivery timestamp across fulfilments, if any fulfilment was delivered. */
export function deliveredAt(order: OrderFacts): string | null {
  const times = order.fulfillments.map((f) => f.deliveredAt).filter((t): t is string => Boolean(t));
  return times.sort().at(-1) ?? null;
}
