import { describe, expect, it } from "vitest";
import { isoDate, mapAdminOrder, UnusableOrderError } from "./map-admin-order";
import type { AdminOrderNode } from "./types";

const fulfillment = {
  status: "SUCCESS",
  displayStatus: "DELIVERED",
  createdAt: "2026-02-18T10:00:00Z",
  inTransitAt: null,
  deliveredAt: "2026-02-20T19:12:00Z",
  estimatedDeliveryAt: null,
  trackingInfo: [],
};
const sarahs = () =>
  ({
    id: "gid://shopify/Order/1042",
    name: "#1042",
    email: "sarah@example.com",
    createdAt: "2026-02-17T09:00:00Z",
    cancelledAt: null,
    closed: false,
    displayFinancialStatus: "PAID",
    displayFulfillmentStatus: "FULFILLED",
    fulfillments: [fulfillment],
    lineItems: { nodes: [] },
    totalPriceSet: null,
    customer: null,
  }) as unknown as AdminOrderNode;

describe("Admin dates", () => {
  it.each([
    ["2026-02-20T19:12:00Z", "2026-02-20T19:12:00Z"],
    ["2026-02-20", "2026-02-20"],
    ["yesterday", null],
    ["2026-13-45T99:00:00Z", null],
    ["", null],
    [null, null],
  ] as const)("%s → %s", (raw, expected) => {
    expect(isoDate(raw)).toBe(expected);
  });

  it("an unparseable optional date becomes null, never a throw", () => {
    const node = sarahs();
    const odd = { ...node, cancelledAt: "not a date", fulfillments: node.fulfillments.map((f) => ({ ...f, createdAt: "soon", deliveredAt: "yesterday" })) };
    const order = mapAdminOrder(odd as AdminOrderNode);
    expect(order.cancelledAt).toBeNull();
    expect(order.fulfillments[0]).toMatchObject({ createdAt: null, deliveredAt: null });
  });

  it("an order without a usable date of its own is an unusable answer (the lookup reports it unavailable)", () => {
    expect(() => mapAdminOrder({ ...sarahs(), createdAt: "garbage" } as AdminOrderNode)).toThrow(UnusableOrderError);
  });
});
