import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildSystemPrompt, PROMPT_VERSION } from "../prompt.server";
import { ANSWER_EXAMPLE, languageName, renderSystemPrompt, type PromptFacts } from "./system-prompt.v2";

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
  it("holds the chat core's rules: every question answered, an honest bot answer, goodbyes end, one sentence beside the card", () => {
    expect(prompt).toMatch(/Answer every question in the message/);
    expect(prompt).toMatch(/say honestly that you are the store's automated assistant/);
    expect(prompt).toMatch(/end politely and ask nothing again/);
    expect(prompt).toMatch(/report the order in one short sentence and do not repeat the tracking number or link/);
    expect(prompt).toMatch(/translate it and say it is written in that language/);
  });
  it("German answers say “Sie”, as the widget does", () => {
    const german = buildSystemPrompt({
      shopName: "S",
      assistant: { name: "B", tone: "friendly" },
      loggedIn: false,
      locale: "de-DE",
      now: new Date(),
      contact: { email: null, phone: null, url: null },
      policies: [],
    });
    expect(german).toMatch(/In German address the shopper as "Sie", never "du"/);
    expect(prompt).not.toMatch(/"Sie"/);
  });
  it("names languages by locale", () => {
    expect(languageName("es-MX")).toBe("Spanish");
    expect(languageName("de")).toBe("German");
    expect(languageName(null)).toBeNull();
  });
});

// The exact prompt text, pinned by hash: a reformatting of system-prompt.v2.ts (long lines split into joined
// literals) must build the very same string. A deliberate prompt change updates these hashes with PROMPT_VERSION.
describe("system prompt v2 text", () => {
  const facts: PromptFacts = {
    assistantName: "Baton",
    tone: "friendly",
    shopName: "Baton Demo Goods",
    locale: "fr-CA",
    today: "2026-12-03 (Thursday)",
    contact: { email: "help@demo.example", phone: "+1 555 0100", url: "https://baton-demo.myshopify.com/pages/contact" },
    policies: [{ title: "Refund policy", summary: "Returns within 30 days of delivery.", url: "https://baton-demo.myshopify.com/policies/refund-policy" }],
    loggedIn: false,
    canary: "bt-canary-000000000000000000",
  };
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  it.each<[string, PromptFacts, string]>([
    ["a guest in French with every fact", facts, "6c0e0a8fec852177547578b45250d39697270f5b4482a8961202e42e0f21733c"],
    [
      "a signed-in shopper, no locale, no contact or policies",
      { ...facts, locale: null, loggedIn: true, contact: { email: null, phone: null, url: null }, policies: [] },
      "424fb0abc785f82c1895748fe1bc3c4c870b1a161c641a6fd62e817b7373bda4",
    ],
  ])("is the same text for %s", (_name, f, hash) => expect(sha256(renderSystemPrompt(f))).toBe(hash));
});
