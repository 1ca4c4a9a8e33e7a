import { describe, expect, it } from "vitest";
import { buildSystemPrompt, PROMPT_VERSION } from "../prompt.server";
import { ANSWER_EXAMPLE, languageName } from "./system-prompt.v2";

// Pins the rules the shopper-facing prompt must carry: a prompt edit that drops one fails here.
const prompt = buildSystemPrompt({
  shopName: "Baton Demo Goods",
  assistant: { name: "Baton", tone: "friendly" },
  loggedIn: false,
  locale: "fr-CA",
  now: new Date("2026-12-03T12:00:00Z"),
  contact: { email: "help@demo.example", phone: "+1 555 0100", url: "https://baton-demo.myshopify.com/pages/contact" },
  policies: [
    {
      kind: "refund",
      title: "Refund policy",
      body: "Returns within 30 days of delivery. Items must be unused.",
      url: "https://baton-demo.myshopify.com/policies/refund-policy",
    },
  ],
});

describe("system prompt v2", () => {
  it("is versioned", () => expect(PROMPT_VERSION).toMatch(/^v2-/));
  it("states the date, the language to answer in and the store facts up front", () => {
    expect(prompt).toContain("Today is 2026-12-03 (Thursday)");
    expect(prompt).toMatch(/answer in French/);
    expect(prompt).toContain("help@demo.example");
    expect(prompt).toContain("+1 555 0100");
    expect(prompt).toContain("Refund policy (https://baton-demo.myshopify.com/policies/refund-policy): Returns within 30 days");
  });
  it.each([["refunds"], ["cancellations"], ["address"], ["discounts"], ["delivery dates and guarantees"], ["coupon or gift codes"]])(
    "forbids promising %s",
    (w) => expect(prompt).toMatch(new RegExp(`never do or promise[^\\n]*${w}`)),
  );
  it("never lets the model claim an action or hand-off", () =>
    expect(prompt).toMatch(/Never say that you did something, or that you told, notified, flagged, forwarded or escalated anything/));
  it("says when to offer a person and when not", () => {
    expect(prompt).toMatch(/call it when the shopper asks for a person/);
    expect(prompt).toMatch(/Do not call it for greetings, thanks, small talk/);
  });
  it("covers scope, not knowing, sensitive topics and links", () => {
    expect(prompt).toMatch(/Scope: this store's orders/);
    expect(prompt).toContain('say "I don\'t know"');
    expect(prompt).toMatch(/allergy or safety/);
    expect(prompt).toMatch(/Links: only the store's links/);
  });
  it("product facts only from search_products, never a made-up stock count or restock date", () => {
    expect(prompt).toMatch(/Products: names, prices, availability, sizes, materials and care come only from search_products results/);
    expect(prompt).toMatch(/never a product, price, stock count or restock date the results do not give/);
  });
  it("carries a JSON example that parses and calibrates confidence", () => {
    expect(prompt).toContain(ANSWER_EXAMPLE);
    expect(JSON.parse(ANSWER_EXAMPLE)).toMatchObject({ confidence: 0.85, answered: true });
    expect(prompt).toMatch(/confidence: 0\.9 or more when/);
  });
  it("names languages by locale", () => {
    expect(languageName("es-MX")).toBe("Spanish");
    expect(languageName("de")).toBe("German");
    expect(languageName(null)).toBeNull();
  });
});
