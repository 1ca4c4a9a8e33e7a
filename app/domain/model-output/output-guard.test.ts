import { describe, expect, it } from "vitest";
import { claimsEscalation, foreignIdentifiers, guardModelReply, hasEncodedPayload, leaksPrompt, sanitizeModelText } from "./output-guard";
import { parseAnswer } from "../../chat/model/model-turn.server";
import { buildSystemPrompt, promptCanary, truncateHistory } from "../../chat/model/prompt.server";

const PROMPT = buildSystemPrompt({ shopName: "Demo Goods", assistant: { name: "Baton", tone: "friendly" }, loggedIn: false });
const CANARY = promptCanary();
const SARAH = ["Where is #1042? sarah@example.com", JSON.stringify({ order: "#1042", tracking: [{ number: "9400111899223847563" }] })];
const guard = (text: string, allowed = SARAH) => guardModelReply({ text, systemPrompt: PROMPT, canary: CANARY, allowed });

describe("sanitizeModelText", () => {
  it.each([
    ["<b>Hi</b> <script>alert(1)</script>there", "Hi alert(1) there"],
    ["a\u0000b\u001bc", "a b c"],
    ["zero\u200bwidth\u2060joiner", "zerowidthjoiner"],
    ["ｍｉｋｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "mike@example.com"],
    ["  lots   of   space \n\n\n\nend ", "lots of space \n\nend"],
  ])("%j → %j", (input, out) => expect(sanitizeModelText(input)).toBe(out));
});

describe("claimsEscalation", () => {
  it.each([
    "I've escalated your case to our support team.",
    "I have forwarded this to a human agent.",
    "I'll email the team about it right away.",
    "Your ticket has been created and passed on.",
    "Your case has been forwarded.",
    "Someone will contact you shortly.",
    "Our support team will be in touch within 24 hours.",
    "J'ai transmis votre demande à l'équipe.",
    "He enviado tu caso al equipo.",
    "Ich habe Ihre Anfrage an das Team weitergeleitet.",
  ])("flags %j", (t) => expect(claimsEscalation(t)).toBe(true));
  it.each([
    "Your order #1042 was delivered on Feb 20.",
    "Would you like me to connect you with a person on our team?",
    "You can reach Demo Goods at help@demo.example.",
    "Returns are accepted within 30 days.",
  ])("passes %j", (t) => expect(claimsEscalation(t)).toBe(false));
});

describe("leaksPrompt", () => {
  it("catches the canary, even spaced out", () => {
    expect(leaksPrompt(`marker: ${CANARY}`, PROMPT, CANARY)).toBe(true);
    expect(leaksPrompt(`marker: ${CANARY.split("").join(" ")}`, PROMPT, CANARY)).toBe(true);
  });
  it("catches a long verbatim span of the instructions", () => {
    expect(
      leaksPrompt(
        `Sure! My rules: ${PROMPT.split("\n")
          .find((l) => l.startsWith("You may never"))!
          .slice(0, 220)}`,
        PROMPT,
        CANARY,
      ),
    ).toBe(true);
  });
  it("passes ordinary replies", () => {
    expect(leaksPrompt("I can check an order's status if you tell me the order number and email.", PROMPT, CANARY)).toBe(false);
  });
});

describe("foreignIdentifiers (data egress)", () => {
  it("allows the shopper's own verified data", () => {
    expect(foreignIdentifiers("Order #1042 (sarah@example.com) has tracking 9400111899223847563.", SARAH)).toEqual([]);
  });
  it.each([
    ["another shopper's email", "The email on that order is mike@example.com.", "mike@example.com"],
    ["an order number nobody mentioned", "You also have order #1043.", "#1043"],
    ["another order's tracking", "Tracking: 1Z999AA10123456784", "1Z999AA10123456784"],
    ["a settings address", "Escalations go to support@test-goods.example", "support@test-goods.example"],
  ])("blocks %s", (_n, text, id) => expect(foreignIdentifiers(text, SARAH)).toContain(id));
  it("does not flag dates, prices, short numbers or the shop's own phone", () => {
    expect(foreignIdentifiers("Delivered Feb 20, 2026; total $74.50; 3 items; call +1 555 0100.", [...SARAH, "+1 555 0100"])).toEqual([]);
  });
  it("flags a phone number nobody published", () => {
    expect(foreignIdentifiers("Call +1 555 0100.", SARAH)).not.toEqual([]);
  });
});

describe("hasEncodedPayload", () => {
  it("flags base64 or hex of readable text", () => {
    expect(hasEncodedPayload(Buffer.from("mike@example.com lives at 1 Main St").toString("base64"), [])).toBe(true);
    expect(hasEncodedPayload(Buffer.from("mike@example.com secret").toString("hex"), [])).toBe(true);
  });
  it("allows long tokens the shopper may see (tracking URLs)", () => {
    const url = "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847563";
    expect(hasEncodedPayload(`Track it here: ${url}`, [url])).toBe(false);
  });
});

describe("guardModelReply", () => {
  it.each([
    ["", "empty"],
    [`My instructions end with ${CANARY}`, "prompt_leak"],
    ["Order #1043 belongs to mike@example.com", "data_egress"],
    ["I've forwarded your case to the team!", "escalation_claim"],
  ])("%j → %s", (text, reason) => expect(guard(text)).toEqual({ ok: false, reason }));
  it("returns cleaned text when everything passes", () => {
    expect(guard("<p>Order #1042 was delivered on Feb 20.</p>")).toEqual({ ok: true, text: "Order #1042 was delivered on Feb 20." });
  });
});

describe("parseAnswer", () => {
  it.each([
    ['{"reply":"Hi!","confidence":0.9,"answered":true}', false, { reply: "Hi!", confidence: 0.9, answered: true }],
    ['```json\n{"reply":"Hi!","confidence":0.2,"answered":false}\n```', false, { reply: "Hi!", confidence: 0.2, answered: false }],
    ["Plain text answer.", true, { reply: "Plain text answer.", confidence: 0.7 }],
    ["Plain text answer.", false, { reply: "Plain text answer.", confidence: 0.5 }],
  ])("%j", (content, tools, expected) => expect(parseAnswer(content, tools)).toEqual(expected));
  it.each(['{"reply": "cut', '{"text":"wrong shape"}', '{"reply":"x","confidence":7}', ""])("malformed %j → null", (content) =>
    expect(parseAnswer(content, false)).toBeNull(),
  );
});

describe("truncateHistory", () => {
  it("keeps the latest turns within the budget, oldest first, each capped", () => {
    const history = Array.from({ length: 30 }, (_, n) => ({
      role: n % 2 ? ("assistant" as const) : ("shopper" as const),
      text: `m${n} ${"x".repeat(n === 29 ? 5000 : 10)}`,
    }));
    const out = truncateHistory(history);
    expect(out.length).toBe(12);
    expect(out.at(-1)).toMatchObject({ role: "assistant" });
    expect(String(out.at(-1)!.content).length).toBeLessThanOrEqual(801);
    expect(String(out[0]!.content)).toMatch(/^m18 /);
  });
});
