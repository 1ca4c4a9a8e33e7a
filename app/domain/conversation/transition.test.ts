import { describe, expect, it } from "vitest";
import type { EscalationDecision } from "../escalation";
import type { OrderFacts } from "../orders";
import { interpretMessage } from "./interpret-message";
import { initialState, transition } from "./transition";
import type { ChatEvent, ConversationState, TurnFacts } from "./types";

const NO: EscalationDecision = { escalate: false, reasons: [], reasonText: "", priority: "low", confidence: 0.9, score: 0.05, signals: [], topic: "other" };
const YES: EscalationDecision = {
  escalate: true,
  reasons: ["explicit_request"],
  reasonText: "Shopper asked for a person",
  priority: "normal",
  confidence: 0.95,
  score: 0.9,
  signals: [{ reason: "explicit_request", score: 0.95, evidence: "human please" }],
  topic: "other",
};
const ORDER: OrderFacts = {
  id: "gid://shopify/Order/1",
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
      inTransitAt: null,
      deliveredAt: "2026-02-20T18:42:00Z",
      estimatedDeliveryAt: null,
      tracking: [{ company: "USPS", number: "9400111899223847563", url: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847563" }],
    },
  ],
  items: [],
  total: { amount: "74.50", currencyCode: "USD" },
  customer: null,
};

function facts(over: Partial<TurnFacts> = {}): TurnFacts {
  return {
    lang: "en",
    orderName: over.order?.name ?? null,
    customerOrders: null,
    previousSaid: [],
    failedProofs: 0,
    order: null,
    orderLookupFailed: false,
    ownershipProven: false,
    customerEmail: null,
    policies: [],
    decision: NO,
    escalationEmailAllowed: true,
    now: Date.parse("2026-03-01T00:00:00Z"),
    contact: { shopName: "Demo Goods", email: "help@demo.example", phone: null, url: null },
    assistant: { name: "Baton", greeting: "Hi! How can I help?" },
    ...over,
  };
}
const msg = (text: string): ChatEvent => ({ type: "shopper.message_received", text, interpretation: interpretMessage(text) });
const button: ChatEvent = { type: "shopper.talk_to_human_requested" };

describe("transition — orders", () => {
  it("asks for the order email before revealing anything", () => {
    const r = transition(initialState(), msg("Where is my order #1042?"), facts({ order: ORDER }));
    expect(r.replies[0]).toMatch(/email address used on the order/);
    expect(r.replies.join(" ")).not.toMatch(/USPS|9400|delivered/i);
    expect(r.state.orderName).toBe("#1042");
  });

  it("reveals the status once the email matches: one short sentence beside the card, which shows the tracking", () => {
    const s = { ...initialState(), orderName: "#1042" };
    const r = transition(s, msg("sarah@example.com"), facts({ order: ORDER, ownershipProven: true }));
    expect(r.replies[0]).toMatch(/^Order #1042 was delivered on Feb 20, 2026\. /);
    expect(r.replies[0]).not.toContain("9400111899223847563");
    expect(r.replies[0]).not.toContain("https://");
    expect(r.attachments?.orderCard?.name).toBe("#1042");
    expect(r.state.orderVerified).toBe(true);
  });

  it.each([
    ["order exists, wrong email", ORDER],
    ["order does not exist", null],
  ])("a wrong email discloses nothing (%s)", (_label, order) => {
    const s = { ...initialState(), orderName: "#1042" };
    const r = transition(s, msg("mallory@example.com"), facts({ order, orderName: "#1042", ownershipProven: false }));
    expect(r.replies[0]).toBe(
      "I couldn't match order #1042 with that email address. Could you check the order number and use the email you " +
        "used at checkout? (Orders older than 60 days may not show up here — our team can check those.)",
    );
  });

  it("says lookups are down instead of 'not found' when the Admin API fails", () => {
    const r = transition(initialState(), msg("order 1042"), facts({ orderName: "#1042", orderLookupFailed: true }));
    expect(r.replies[0]).toMatch(/can't look up orders right now/);
    expect(r.unhelpful).toBe(true);
  });
});

describe("transition — escalation", () => {
  it("asks what it is about, then for an email, re-asks on an invalid one, then creates the case", () => {
    let r = transition(initialState(), button, facts());
    expect(r.said).toEqual(["ask_what_about"]);
    expect(r.state.phase).toBe("open");
    r = transition(r.state, msg("I need to change the delivery address"), facts());
    expect(r.state.phase).toBe("awaiting_email");
    expect(r.replies[0]).toContain("Summary for our team: “Change the shipping address”.");
    expect(r.state.pendingEscalation?.request).toBe("change_address");
    r = transition(r.state, msg("sarah@"), facts());
    expect(r.state.phase).toBe("awaiting_email");
    expect(r.replies[0]).toMatch(/doesn't look like a valid email/);
    r = transition(r.state, msg("sarah@example.com"), facts());
    expect(r.state.phase).toBe("escalated");
    expect(r.effects).toEqual([expect.objectContaining({ type: "create_case", shopperEmail: "sarah@example.com" })]);
    expect(r.effects[0]).toMatchObject({ escalation: { request: "change_address" } });
    expect(r.replies[0]).toContain("reach you at sarah@example.com");
  });

  it("does not ask a logged-in customer for their email", () => {
    const r = transition(initialState("sarah@example.com"), msg("I want a human"), facts({ decision: YES }));
    expect(r.state.phase).toBe("escalated");
    expect(r.effects[0]).toMatchObject({ type: "create_case", shopperEmail: "sarah@example.com" });
  });

  it("closes without sending when the shopper declines, with contact options", () => {
    const s: ConversationState = { ...initialState(), phase: "awaiting_email", pendingEscalation: { ...YES } };
    const r = transition(s, msg("no thanks"), facts());
    expect(r.state.phase).toBe("closed");
    expect(r.effects).toEqual([expect.objectContaining({ type: "record_case_without_email", status: "abandoned" })]);
    expect(r.replies[0]).toContain("help@demo.example");
  });

  it("never dead-ends when the plan cannot send", () => {
    const asked = transition(initialState("a@b.co"), button, facts({ escalationEmailAllowed: false }));
    const r = transition(asked.state, msg("my order is wrong"), facts({ escalationEmailAllowed: false }));
    expect(r.effects[0]).toMatchObject({ type: "record_case_without_email", status: "limited" });
    expect(r.replies[0]).toContain("help@demo.example");
    expect(r.state.phase).toBe("open");
  });

  it("adds later messages to the case as a follow-up", () => {
    const s: ConversationState = { ...initialState("a@b.co"), phase: "escalated" };
    const r = transition(s, msg("also the box was wet"), facts());
    expect(r.effects).toEqual([{ type: "queue_follow_up" }]);
    expect(r.state.phase).toBe("escalated");
  });

  it("reopens a closed conversation on a new message", () => {
    const s: ConversationState = { ...initialState(), phase: "closed" };
    const r = transition(s, msg("hello"), facts());
    expect(r.state.phase).toBe("open");
  });
});

describe("transition — LLM facts (open phase)", () => {
  const MODEL_ESC = { ...YES, reasons: ["complaint" as const], reasonText: "Assistant: item arrived damaged", priority: "high" as const };
  const { score: _s, ...pending } = MODEL_ESC;
  const cases: Array<{
    name: string;
    state?: Partial<ConversationState>;
    text: string;
    facts: Partial<TurnFacts>;
    phase: string;
    reply: RegExp;
    effect?: string;
    unhelpful?: boolean;
  }> = [
    {
      name: "model reply is used as is",
      text: "do you sell gift cards?",
      facts: { modelReply: { text: "Yes, from $10.", unhelpful: false } },
      phase: "open",
      reply: /^Yes, from \$10\.$/,
    },
    {
      name: "unhelpful model reply counts as a failure",
      text: "??",
      facts: { modelReply: { text: "Sorry, I'm not sure.", unhelpful: true } },
      phase: "open",
      reply: /not sure/,
      unhelpful: true,
    },
    {
      name: "detector escalation wins over a model reply",
      text: "I want a human",
      facts: { decision: YES, modelReply: { text: "Sure thing!", unhelpful: false } },
      phase: "awaiting_email",
      reply: /email address/,
    },
    {
      name: "model escalation asks for an email",
      text: "it arrived broken",
      facts: { modelEscalation: { ...pending, shopperAsked: true }, request: "damaged_item" },
      phase: "awaiting_email",
      reply: /^I'm sorry about this\. Summary for our team: “Item arrived damaged”\. I'll connect you/,
    },
    {
      name: "model escalation with a known email creates the case",
      state: { shopperEmail: "sarah@example.com" },
      text: "it arrived broken",
      facts: { modelEscalation: { ...pending, shopperAsked: true } },
      phase: "escalated",
      reply: /forwarded your case/,
      effect: "create_case",
    },
    {
      name: "model escalation over the allowance records a limited case",
      text: "it arrived broken",
      facts: { modelEscalation: { ...pending, shopperAsked: true }, escalationEmailAllowed: false },
      phase: "open",
      reply: /help@demo\.example/,
      effect: "record_case_without_email",
    },
    {
      name: "model failure: built-in answer plus an offer of a person",
      text: "What is your return policy?",
      facts: { modelFailed: true, policies: [{ kind: "refund", title: "Refund policy", body: "Returns within 30 days.", url: null }] },
      phase: "open",
      reply: /Returns within 30 days\. .*Talk to a person/,
    },
    {
      name: "model failure on an unknown question does not offer twice",
      text: "can you knit?",
      facts: { modelFailed: true },
      phase: "open",
      reply: /^I'm not sure I understood\.[^“]*“Talk to a person”\.$/,
      unhelpful: true,
    },
    {
      name: "model suggests a person the shopper did not ask for: offered, not opened",
      text: "it arrived broken",
      facts: { modelEscalation: pending },
      phase: "open",
      reply: /Would you like me to connect you/,
    },
  ];
  it.each(cases)("$name", (c) => {
    const r = transition({ ...initialState(), ...c.state }, msg(c.text), facts(c.facts));
    expect(r.state.phase).toBe(c.phase);
    expect(r.replies.join(" ")).toMatch(c.reply);
    expect(r.effects.map((e) => e.type)).toEqual(c.effect ? [c.effect] : []);
    expect(r.unhelpful).toBe(c.unhelpful ?? false);
  });

  it("a tool-verified order becomes the verified order under discussion", () => {
    const r = transition(
      initialState(),
      msg("where is #1042, sarah@example.com"),
      facts({
        order: ORDER,
        ownershipProven: true,
        modelReply: { text: "It was delivered on Feb 20.", unhelpful: false, verifiedOrderName: "#1042" },
      }),
    );
    expect(r.state).toMatchObject({ orderName: "#1042", orderVerified: true });
  });

  it("a verifiedOrderName without proven ownership changes nothing", () => {
    const r = transition(initialState(), msg("#1043"), facts({ modelReply: { text: "Hmm.", unhelpful: false, verifiedOrderName: "#1043" } }));
    expect(r.state.orderVerified).toBe(false);
  });
});
