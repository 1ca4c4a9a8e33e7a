import type { OrderFacts } from "../orders";
import type { EscalationCaseView, TranscriptLine } from "./types";

// The competitor's sample escalation (shared/seeds/000): Sarah, order #1042, delivered but not received.

export const SEED_ORDER: OrderFacts = {
  id: "gid://shopify/Order/5001042",
  name: "#1042",
  email: "sarah@example.com",
  createdAt: "2026-02-16T14:03:00Z",
  cancelledAt: null,
  closed: false,
  financialStatus: "PAID",
  fulfillmentStatus: "FULFILLED",
  fulfillments: [
    {
      status: "SUCCESS",
      displayStatus: "DELIVERED",
      createdAt: "2026-02-18T16:20:00Z",
      inTransitAt: "2026-02-18T21:00:00Z",
      deliveredAt: "2026-02-20T18:42:00Z",
      estimatedDeliveryAt: null,
      tracking: [
        {
          company: "USPS",
          number: "9400111899223847563",
          url: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847563",
        },
      ],
    },
  ],
  items: [
    { title: "Merino Wool Throw", variantTitle: "Oat", quantity: 1 },
    { title: "Linen Cushion Cover", variantTitle: "Sage", quantity: 2 },
  ],
  total: { amount: "74.50", currencyCode: "USD" },
  customer: {
    id: "gid://shopify/Customer/7001",
    email: "sarah@example.com",
    displayName: "Sarah Johnson",
    numberOfOrders: 3,
    amountSpent: { amount: "214.50", currencyCode: "USD" },
    tags: ["newsletter"],
  },
};

export const SEED_TRANSCRIPT: TranscriptLine[] = [
  { role: "shopper", text: "Where is my order #1042?", at: "2026-02-21T14:03:00.000Z" },
  {
    role: "assistant",
    text: "Your order #1042 shipped on February 18th via USPS and was marked as delivered on February 20th. Your tracking number is 9400111899223847563.",
    at: "2026-02-21T14:03:01.000Z",
  },
  { role: "shopper", text: "I never received it though. It says delivered but nothing was at my door.", at: "2026-02-21T14:04:10.000Z" },
  {
    role: "assistant",
    text:
      "I'm sorry to hear that. Since the carrier shows it as delivered but you haven't received it, " +
      "this is something our support team can help investigate. Would you like me to connect you with them?",
    at: "2026-02-21T14:04:11.000Z",
  },
  { role: "shopper", text: "Yes please", at: "2026-02-21T14:05:00.000Z" },
  {
    role: "assistant",
    text: "I've forwarded your case to our support team with all the details. They'll reach out to you at sarah@example.com shortly.",
    at: "2026-02-21T14:05:01.000Z",
  },
];

export function seedView(over: Partial<EscalationCaseView> = {}): EscalationCaseView {
  return {
    caseId: "case_1042",
    shop: { domain: "yourstore.myshopify.com", name: "Your Store" },
    adminCaseUrl: "https://admin.shopify.com/store/yourstore/apps/baton/app/cases/case_1042",
    messageId: "<case-case_1042@baton.example>",
    from: '"Your Store support" <escalations@baton.example>',
    to: ["support@yourstore.example"],
    cc: [],
    shopperEmail: "sarah@example.com",
    reasons: ["order_state", "complaint"],
    reasonText: "Customer reporting non-delivery",
    priority: "high",
    confidence: 0.87,
    topic: "shipping",
    order: SEED_ORDER,
    customer: SEED_ORDER.customer,
    isVip: false,
    summary: "Shopper says order #1042 shows delivered but never arrived.",
    transcript: SEED_TRANSCRIPT,
    createdAt: "2026-02-21T14:05:00.000Z",
    ...over,
  };
}
