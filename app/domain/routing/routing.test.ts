import { describe, expect, it } from "vitest";
import { parseRoutingSettings, routeEscalation, routingSettingsSchema, type RoutableDecision } from "./routing";

const settings = routingSettingsSchema.parse({
  defaultTo: ["support@shop.example"],
  ccUrgent: ["lead@shop.example", "Support@Shop.example"],
  routes: [
    { id: "refunds", when: { topic: "refund" }, to: ["billing@shop.example"], cc: [] },
    { id: "shipping", when: { topic: "shipping" }, to: ["ops@shop.example"], cc: [] },
    { id: "legal", when: { reason: "threat" }, to: ["legal@shop.example"], cc: ["BILLING@shop.example"] },
    { id: "vip", when: { reason: "vip" }, to: [], cc: ["senior@shop.example"] },
    { id: "high", when: { priority: "high" }, to: [], cc: ["duty@shop.example"] },
    { id: "refund-urgent", when: { topic: "refund", priority: "urgent" }, to: ["cfo@shop.example"], cc: [] },
  ],
});

const d = (over: Partial<RoutableDecision>): RoutableDecision => ({ reasons: ["explicit_request"], topic: "other", priority: "normal", ...over });

describe("routeEscalation", () => {
  const cases: Array<{ name: string; decision: RoutableDecision; to: string[]; cc: string[]; ids: string[] }> = [
    { name: "no route → default", decision: d({}), to: ["support@shop.example"], cc: [], ids: [] },
    { name: "functional: refund → billing", decision: d({ topic: "refund" }), to: ["billing@shop.example"], cc: [], ids: ["refunds"] },
    { name: "functional: shipping → ops", decision: d({ topic: "shipping" }), to: ["ops@shop.example"], cc: [], ids: ["shipping"] },
    {
      name: "later matching route adds its to as CC; its cc de-duplicated against to (case-insensitive)",
      decision: d({ topic: "refund", reasons: ["threat"] }),
      to: ["billing@shop.example"],
      cc: ["legal@shop.example"],
      ids: ["refunds", "legal"],
    },
    {
      name: "CC-only route (VIP) keeps the default and adds CC",
      decision: d({ reasons: ["vip"] }),
      to: ["support@shop.example"],
      cc: ["senior@shop.example"],
      ids: ["vip"],
    },
    {
      name: "priority matches that priority or higher",
      decision: d({ priority: "urgent" }),
      to: ["support@shop.example"],
      cc: ["duty@shop.example", "lead@shop.example"],
      ids: ["high"],
    },
    { name: "lower priority does not match", decision: d({ priority: "normal" }), to: ["support@shop.example"], cc: [], ids: [] },
    {
      name: "hierarchical: urgent refund → billing primary, CFO + duty + ccUrgent as CC, default address CC'd via ccUrgent",
      decision: d({ topic: "refund", priority: "urgent" }),
      to: ["billing@shop.example"],
      cc: ["duty@shop.example", "cfo@shop.example", "lead@shop.example", "Support@Shop.example"],
      ids: ["refunds", "high", "refund-urgent"],
    },
  ];
  it.each(cases)("$name", ({ decision, to, cc, ids }) => {
    const r = routeEscalation(decision, settings, ["contact@shop.example"]);
    expect(r).toEqual({ to, cc, matchedRouteIds: ids });
    const lower = new Set(r.to.map((a) => a.toLowerCase()));
    expect(r.cc.some((a) => lower.has(a.toLowerCase()))).toBe(false);
  });

  const empty = routingSettingsSchema.parse({});
  it.each([
    {
      name: "nothing configured → fallback (shop contact email)",
      s: empty,
      decision: d({}),
      fallback: ["contact@shop.example"],
      to: ["contact@shop.example"],
      cc: [],
    },
    { name: "nothing configured, no fallback → nobody (caller must not send)", s: empty, decision: d({}), fallback: [], to: [], cc: [] },
    {
      name: "urgent with only ccUrgent and no default → fallback in to, ccUrgent in cc",
      s: routingSettingsSchema.parse({ ccUrgent: ["lead@shop.example"] }),
      decision: d({ priority: "urgent" }),
      fallback: ["contact@shop.example"],
      to: ["contact@shop.example"],
      cc: ["lead@shop.example"],
    },
    {
      name: "CC-only addresses and nothing else → promoted to to",
      s: routingSettingsSchema.parse({ ccUrgent: ["lead@shop.example"] }),
      decision: d({ priority: "urgent" }),
      fallback: [],
      to: ["lead@shop.example"],
      cc: [],
    },
    {
      name: "duplicate default addresses collapse case-insensitively",
      s: routingSettingsSchema.parse({ defaultTo: ["a@shop.example", "A@SHOP.example", " b@shop.example "] }),
      decision: d({}),
      fallback: [],
      to: ["a@shop.example", "b@shop.example"],
      cc: [],
    },
  ])("$name", ({ s, decision, fallback, to, cc }) => {
    const r = routeEscalation(decision, s, fallback);
    expect(r.to).toEqual(to);
    expect(r.cc).toEqual(cc);
  });
});

describe("routingSettingsSchema / parseRoutingSettings", () => {
  it("fills defaults from nothing", () => {
    expect(parseRoutingSettings(null)).toEqual({ defaultTo: [], fromName: "Baton", ccUrgent: [], routes: [] });
  });

  it.each([
    { name: "invalid default address", input: { defaultTo: ["not-an-email"] } },
    { name: "route without a condition", input: { routes: [{ id: "x", when: {}, to: ["a@b.example"], cc: [] }] } },
    { name: "route without addresses", input: { routes: [{ id: "x", when: { topic: "refund" }, to: [], cc: [] }] } },
    { name: "unknown reason", input: { routes: [{ id: "x", when: { reason: "bogus" }, to: ["a@b.example"] }] } },
  ])("rejects $name (settings form)", ({ input }) => {
    expect(routingSettingsSchema.safeParse(input).success).toBe(false);
  });

  it("strips header-breaking characters from the sender name", () => {
    expect(routingSettingsSchema.parse({ fromName: 'Acme "Support"\r\nBcc: x@y.z <evil>' }).fromName).toBe("Acme SupportBcc: x@y.z evil");
  });

  it("salvages a stored document with one bad entry instead of dropping the whole matrix", () => {
    const parsed = parseRoutingSettings({
      defaultTo: ["support@shop.example", "oops"],
      fromName: "Shop",
      routes: [
        { id: "refunds", when: { topic: "refund" }, to: ["billing@shop.example", "bad"], cc: [] },
        { id: "broken", when: {}, to: ["x@shop.example"] },
      ],
    });
    expect(parsed).toEqual({
      defaultTo: ["support@shop.example"],
      fromName: "Shop",
      ccUrgent: [],
      routes: [{ id: "refunds", when: { topic: "refund" }, to: ["billing@shop.example"], cc: [] }],
    });
  });
});
