import { describe, expect, it } from "vitest";
import { readCaseData } from "./case-data";

const base = { reasons: ["complaint"], signals: [], route: { to: ["a@x.test"], cc: [], from: "B <b@x.test>" }, orderFacts: null, customerFacts: null };

describe("readCaseData", () => {
  it("reads what planCase wrote", () => {
    const d = readCaseData({ ...base, priority: "high", topic: "shipping", signals: [{ reason: "vip", score: 1, evidence: "VIP tag", source: "context" }] });
    expect(d).toMatchObject({ reasons: ["complaint"], priority: "high", topic: "shipping", isVip: true, route: { to: ["a@x.test"], from: "B <b@x.test>" } });
    expect(d.signals[0]).toMatchObject({ reason: "vip", source: "context" });
  });

  it("reads damaged or older rows with safe defaults, field by field", () => {
    const d = readCaseData({
      reasons: "complaint",
      signals: [{ nope: 1 }, { reason: "threat", score: "x", evidence: 3 }],
      route: { to: "a@x.test", from: 7 },
      orderFacts: { total: 1 },
      customerFacts: [],
      priority: "bogus",
      topic: "nope",
    });
    expect(d).toMatchObject({ reasons: [], priority: "normal", topic: "other", order: null, customer: null, route: { to: [], cc: [], from: "" } });
    expect(d.signals).toEqual([{ reason: "threat", score: 0, evidence: "" }]);
  });

  it("fills an older order's missing lists and falls back to the order's customer", () => {
    const d = readCaseData({ ...base, priority: "normal", topic: null, orderFacts: { name: "#1042", customer: { displayName: "Sarah" } } });
    expect(d.order).toMatchObject({ name: "#1042", items: [], fulfillments: [] });
    expect(d.customer).toMatchObject({ displayName: "Sarah" });
  });
});
