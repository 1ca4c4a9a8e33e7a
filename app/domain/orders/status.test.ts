import { describe, expect, it } from "vitest";
import type { FulfillmentFacts, OrderFacts } from "./facts";
import { policyTiming } from "./policies";
import { orderStatus, orderStatusHeadline } from "./status";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const base: OrderFacts = {
  id: "gid://shopify/Order/1",
  name: "#1",
  email: "a@example.com",
  createdAt: "2026-02-20T12:00:00Z",
  cancelledAt: null,
  closed: false,
  financialStatus: "PAID",
  fulfillmentStatus: "UNFULFILLED",
  fulfillments: [],
  items: [{ title: "Mug", variantTitle: null, quantity: 2 }],
  total: { amount: "20.00", currencyCode: "USD" },
  customer: null,
};
const shipment = (over: Partial<FulfillmentFacts> = {}): FulfillmentFacts => ({
  status: "SUCCESS",
  displayStatus: "IN_TRANSIT",
  createdAt: "2026-02-22T10:00:00Z",
  inTransitAt: null,
  deliveredAt: null,
  estimatedDeliveryAt: "2026-03-03T00:00:00Z",
  tracking: [{ company: "UPS", number: "1Z", url: "https://ups.example/1Z" }],
  ...over,
});

describe("orderStatus", () => {
  it.each([
    ["unfulfilled", {}, "unfulfilled"],
    ["in transit", { fulfillmentStatus: "FULFILLED", fulfillments: [shipment()] }, "in_transit"],
    ["delivered", { fulfillmentStatus: "FULFILLED", fulfillments: [shipment({ deliveredAt: "2026-02-25T10:00:00Z" })] }, "delivered"],
    ["partially fulfilled", { fulfillmentStatus: "PARTIALLY_FULFILLED", fulfillments: [shipment()] }, "partially_fulfilled"],
    ["cancelled, not refunded", { cancelledAt: "2026-02-21T00:00:00Z" }, "cancelled"],
    ["cancelled and refunded", { cancelledAt: "2026-02-21T00:00:00Z", financialStatus: "REFUNDED" }, "cancelled"],
    ["cancelled after shipping", { cancelledAt: "2026-02-23T00:00:00Z", fulfillmentStatus: "FULFILLED", fulfillments: [shipment()] }, "cancelled"],
    ["refunded without cancelling", { financialStatus: "REFUNDED", fulfillmentStatus: "FULFILLED", fulfillments: [shipment()] }, "refunded"],
  ] as const)("%s", (_label, over, kind) => {
    expect(orderStatus({ ...base, ...over } as OrderFacts, NOW).kind).toBe(kind);
  });

  it("counts days since the order and keeps only http(s) tracking links", () => {
    const s = orderStatus(
      { ...base, fulfillmentStatus: "FULFILLED", fulfillments: [shipment({ tracking: [{ company: "X", number: "9", url: "javascript:alert(1)" }] })] },
      NOW,
    );
    expect(s.daysSincePlaced).toBe(9);
    expect(s.trackingUrl).toBeNull();
    expect(s.carrier).toBe("X");
  });

  it("a full refund carries the amount; a partial one says so without inventing it", () => {
    const full = orderStatus({ ...base, financialStatus: "REFUNDED", cancelledAt: "2026-02-21T00:00:00Z" }, NOW);
    expect(full).toMatchObject({ kind: "cancelled", refund: "full", refunded: { amount: "20.00", currencyCode: "USD" } });
    const partial = orderStatus({ ...base, financialStatus: "PARTIALLY_REFUNDED", cancelledAt: "2026-02-21T00:00:00Z" }, NOW);
    expect(partial).toMatchObject({ kind: "cancelled", refund: "partial", refunded: null });
    expect(orderStatus(base, NOW)).toMatchObject({ refund: "none", refunded: null });
  });
});

describe("orderStatusHeadline", () => {
  it.each([
    [{ kind: "cancelled", refund: "full" }, "cancelled_refunded"],
    [{ kind: "cancelled", refund: "partial" }, "cancelled_partly_refunded"],
    [{ kind: "cancelled", refund: "none" }, "cancelled"],
    [{ kind: "refunded", refund: "full" }, "refunded"],
    [{ kind: "delivered", refund: "partial" }, "delivered"],
  ] as const)("%j → %s", (s, headline) => {
    expect(orderStatusHeadline(s)).toBe(headline);
  });
});

describe("policyTiming", () => {
  const refund = "We accept returns within 30 days of delivery. Refunds go back to the original payment method within 5–10 business days.";
  it("prefers the sentence about the topic", () => {
    expect(policyTiming(refund, "refund")).toBe("Refunds go back to the original payment method within 5–10 business days.");
    expect(policyTiming("Orders ship within 2 business days. Returns within 30 days.", "shipping")).toBe("Orders ship within 2 business days.");
  });
  it("null without a timed sentence", () => {
    expect(policyTiming("We love our customers.", "refund")).toBeNull();
    expect(policyTiming(null, "refund")).toBeNull();
  });
});
