import type { AdminOrderNode, AdminCustomerNode } from "~/shopify/admin-api/types";

/**
 * The demo store's orders, exactly as the Admin API answers our ORDER_BY_NAME query, so the demo
 * runs the same mapping and the same conversation code as a real shop. Dates other than the
 * seed's #1042 are relative to `now`, so "in transit" and "stalled" stay true whenever the demo runs.
 */
export const DEMO_SHOP = "baton-demo.myshopify.com";

const day = 86_400_000;

function customer(id: number, name: string, email: string, orders: number, spent: string, tags: string[]): AdminCustomerNode {
  return {
    id: `gid://shopify/Customer/${id}`,
    displayName: name,
    numberOfOrders: String(orders),
    amountSpent: { amount: spent, currencyCode: "USD" },
    tags,
    defaultEmailAddress: { emailAddress: email },
  };
}

export const DEMO_CUSTOMERS = {
  sarah: customer(7001, "Sarah Johnson", "sarah@example.com", 3, "214.50", []),
  mike: customer(7002, "Mike Chen", "mike@example.com", 1, "89.00", []),
  priya: customer(7003, "Priya Patel", "priya@example.com", 2, "156.00", []),
  tom: customer(7004, "Tom Baker", "tom@example.com", 1, "0.00", []),
  lena: customer(7005, "Lena Fischer", "lena@example.com", 4, "402.75", []),
  olivia: customer(7006, "Olivia Grant", "olivia@example.com", 38, "6240.50", ["VIP", "wholesale"]),
} as const;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

interface Parts {
  id: number;
  name: string;
  customer: AdminCustomerNode;
  createdAt: string;
  financial: string;
  fulfillment: string;
  items: Array<[title: string, variant: string | null, qty: number]>;
  total: string;
  cancelledAt?: string | null;
  fulfillments?: AdminOrderNode["fulfillments"];
}

function order(p: Parts): AdminOrderNode {
  return {
    id: `gid://shopify/Order/${p.id}`,
    name: p.name,
    email: p.customer.defaultEmailAddress?.emailAddress ?? null,
    createdAt: p.createdAt,
    cancelledAt: p.cancelledAt ?? null,
    closed: Boolean(p.cancelledAt),
    displayFinancialStatus: p.financial,
    displayFulfillmentStatus: p.fulfillment,
    totalPriceSet: { shopMoney: { amount: p.total, currencyCode: "USD" } },
    lineItems: { nodes: p.items.map(([title, variantTitle, quantity]) => ({ title, variantTitle, quantity })) },
    fulfillments: p.fulfillments ?? [],
    customer: p.customer,
  };
}

function shipment(
  company: string,
  number: string,
  url: string,
  createdAt: string,
  inTransitAt: string | null,
  deliveredAt: string | null,
  estimated: string | null = null,
) {
  return {
    status: "SUCCESS",
    displayStatus: deliveredAt ? "DELIVERED" : inTransitAt ? "IN_TRANSIT" : "CONFIRMED",
    createdAt,
    inTransitAt,
    deliveredAt,
    estimatedDeliveryAt: estimated,
    trackingInfo: [{ company, number, url }],
  };
}

/** The demo catalogue as of `now` (epoch ms). */
export function demoOrders(now: number): AdminOrderNode[] {
  return [
    order({
      id: 5001042,
      name: "#1042",
      customer: DEMO_CUSTOMERS.sarah,
      createdAt: "2026-02-16T14:03:00Z",
      financial: "PAID",
      fulfillment: "FULFILLED",
      total: "74.50",
      items: [
        ["Merino Wool Throw", "Oat", 1],
        ["Linen Cushion Cover", "Sage", 2],
      ],
      fulfillments: [
        shipment(
          "USPS",
          "9400111899223847563",
          "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847563",
          "2026-02-18T16:20:00Z",
          "2026-02-18T21:00:00Z",
          "2026-02-20T18:42:00Z",
        ),
      ],
    }),
    order({
      id: 5001043,
      name: "#1043",
      customer: DEMO_CUSTOMERS.mike,
      createdAt: iso(now - 9 * day),
      financial: "PAID",
      fulfillment: "UNFULFILLED",
      total: "89.00",
      items: [["Stoneware Mug Set", "Charcoal", 1]],
    }),
    order({
      id: 5001044,
      name: "#1044",
      customer: DEMO_CUSTOMERS.priya,
      createdAt: iso(now - 4 * day),
      financial: "PAID",
      fulfillment: "FULFILLED",
      total: "68.00",
      items: [["Cotton Bath Towel", "White", 2]],
      fulfillments: [
        shipment(
          "UPS",
          "1Z999AA10123456784",
          "https://www.ups.com/track?tracknum=1Z999AA10123456784",
          iso(now - 3 * day),
          iso(now - 2 * day),
          null,
          iso(now + 2 * day),
        ),
      ],
    }),
    order({
      id: 5001045,
      name: "#1045",
      customer: DEMO_CUSTOMERS.tom,
      createdAt: iso(now - 12 * day),
      financial: "REFUNDED",
      fulfillment: "UNFULFILLED",
      total: "120.00",
      items: [["Walnut Serving Board", null, 1]],
      cancelledAt: iso(now - 11 * day),
    }),
    order({
      id: 5001046,
      name: "#1046",
      customer: DEMO_CUSTOMERS.lena,
      createdAt: iso(now - 6 * day),
      financial: "PAID",
      fulfillment: "PARTIALLY_FULFILLED",
      total: "132.25",
      items: [
        ["Ceramic Vase", "Large", 1],
        ["Ceramic Vase", "Small", 1],
        ["Beeswax Candles", "Set of 4", 1],
      ],
      fulfillments: [
        shipment("FedEx", "794633071234", "https://www.fedex.com/fedextrack/?trknbr=794633071234", iso(now - 5 * day), iso(now - 4 * day), iso(now - 2 * day)),
      ],
    }),
    order({
      id: 5001047,
      name: "#1047",
      customer: DEMO_CUSTOMERS.olivia,
      createdAt: iso(now - 2 * day),
      financial: "PAID",
      fulfillment: "UNFULFILLED",
      total: "1180.00",
      items: [["Handwoven Wool Rug", "8x10 ft", 1]],
    }),
  ];
}

export const DEMO_POLICIES = {
  shop: {
    name: "Baton Demo Goods",
    contactEmail: "support@baton-demo.example",
    shopPolicies: [
      {
        type: "SHIPPING_POLICY",
        title: "Shipping policy",
        body:
          "<p>Orders ship within 2 business days. Standard shipping takes 3–5 business days in the US; free over " +
          "$75.</p><p>International shipping to Canada, the UK and the EU takes 7–14 days.</p>",
        url: "https://baton-demo.myshopify.com/policies/shipping-policy",
      },
      {
        type: "REFUND_POLICY",
        title: "Refund policy",
        body:
          "<p>Returns are accepted within 30 days of delivery for unused items in their original packaging. Refunds go " +
          "back to the original payment method within 5–10 business days of receiving the return.</p>",
        url: "https://baton-demo.myshopify.com/policies/refund-policy",
      },
      {
        type: "PRIVACY_POLICY",
        title: "Privacy policy",
        body: "<p>We use your details only to process orders and answer your questions. Chat conversations are kept for 90 days.</p>",
        url: "https://baton-demo.myshopify.com/policies/privacy-policy",
      },
      {
        type: "CONTACT_INFORMATION",
        title: "Contact",
        body: "<p>Email support@baton-demo.example or call +1 555 0100 (Mon–Fri, 9am–5pm ET).</p>",
        url: "https://baton-demo.myshopify.com/policies/contact-information",
      },
    ],
  },
};
