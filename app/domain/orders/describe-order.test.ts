import { describe, expect, it } from "vitest";
import { SEED_ORDER } from "../email/fixtures";
import { describeOrder } from "./describe-order";

const shipment = SEED_ORDER.fulfillments[0]!;

describe("describeOrder", () => {
  it.each([
    {
      name: "delivered",
      order: SEED_ORDER,
      expected: "Order #1042 was delivered on Feb 20, 2026. It shipped on Feb 18, 2026 with USPS, tracking number 9400111899223847563.",
    },
    {
      name: "not shipped",
      order: { ...SEED_ORDER, fulfillmentStatus: "UNFULFILLED", fulfillments: [] },
      expected: "Order #1042 was placed on Feb 16, 2026 and hasn't shipped yet.",
    },
    {
      name: "in transit",
      order: { ...SEED_ORDER, fulfillments: [{ ...shipment, deliveredAt: null, displayStatus: "IN_TRANSIT", estimatedDeliveryAt: "2026-02-21T00:00:00Z" }] },
      expected: "Order #1042 is on its way: it shipped on Feb 18, 2026 with USPS, tracking number 9400111899223847563. Estimated delivery: Feb 21, 2026.",
    },
    {
      name: "partly shipped",
      order: { ...SEED_ORDER, fulfillmentStatus: "PARTIALLY_FULFILLED", fulfillments: [{ ...shipment, tracking: [] }] },
      expected: "Part of order #1042 shipped on Feb 18, 2026 and was delivered on Feb 20, 2026; the rest hasn't shipped yet.",
    },
    {
      name: "cancelled and refunded",
      order: { ...SEED_ORDER, cancelledAt: "2026-02-17T10:00:00Z", financialStatus: "REFUNDED", fulfillments: [] },
      expected: "Order #1042 was cancelled on Feb 17, 2026 and refunded (74.50 USD).",
    },
    {
      name: "cancelled, partly refunded",
      order: { ...SEED_ORDER, cancelledAt: "2026-02-17T10:00:00Z", financialStatus: "PARTIALLY_REFUNDED", fulfillments: [] },
      expected: "Order #1042 was cancelled on Feb 17, 2026 and partly refunded.",
    },
    {
      name: "cancelled, not refunded",
      order: { ...SEED_ORDER, cancelledAt: "2026-02-17T10:00:00Z", fulfillments: [] },
      expected: "Order #1042 was cancelled on Feb 17, 2026. The payment hasn't been refunded yet.",
    },
    {
      name: "refunded after delivery",
      order: { ...SEED_ORDER, financialStatus: "REFUNDED" },
      expected: "Order #1042 was refunded (74.50 USD).",
    },
  ])("$name", ({ order, expected }) => {
    expect(describeOrder(order)).toBe(expected);
  });
});
