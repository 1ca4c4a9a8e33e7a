import { describe, expect, it } from "vitest";
import { detectEscalation } from "./detect-escalation";
import { defaultEscalationSettings } from "./settings";
import type { EscalationContext } from "./types";

// Callers tell findings apart by `source` and `kind` (the chat offers a person instead of escalating
// when only the model flagged a store question, and answers a stalled order with its facts), so
// both are part of the detector's contract, not decoration.

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 1, 20);

const judge = (text: string, context: EscalationContext = {}) =>
  detectEscalation({ messages: [{ role: "shopper", text }] }, context, defaultEscalationSettings);
const rulesOnly = (text: string) => detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings, { model: null });

describe("signal source and kind", () => {
  it("a stalled order is a fact of the context, kind stalled_fulfillment", () => {
    const d = judge("any news on my order?", { now: NOW, order: { fulfillmentStatus: "UNFULFILLED", createdAt: NOW - 9 * DAY } });
    expect(d.escalate).toBe(true);
    expect(d.signals).toContainEqual(expect.objectContaining({ reason: "order_state", kind: "stalled_fulfillment", source: "context" }));
  });

  it("delivered-but-not-received is read from the words, so its source is the rule", () => {
    const d = judge("tracking says delivered but I never got it", { order: { delivered: true, fulfillmentStatus: "FULFILLED" } });
    expect(d.signals).toContainEqual(expect.objectContaining({ reason: "order_state", kind: "delivered_not_received", source: "rule" }));
  });

  it.each<[string, "explicit_request" | "authority_limit"]>([
    ["could someone in billing buzz me", "explicit_request"],
    ["i was told id be refunded and nothing yet", "authority_limit"],
  ])("a finding only the model makes says source model: %s", (text, reason) => {
    expect(rulesOnly(text).reasons).not.toContain(reason);
    const signal = judge(text).signals.find((s) => s.reason === reason);
    expect(signal).toMatchObject({ reason, source: "model" });
  });

  it("a phrase the rules list says source rule", () => {
    expect(judge("I want to talk to a human").signals).toContainEqual(expect.objectContaining({ reason: "explicit_request", source: "rule" }));
  });

  it("the widget's button is a fact of the context", () => {
    const d = judge("hello", { action: "talk_to_human" });
    expect(d.signals).toContainEqual(expect.objectContaining({ reason: "explicit_request", source: "context" }));
  });
});
