import { describe, expect, it } from "vitest";
import { SEED_ORDER, SEED_TRANSCRIPT } from "./fixtures";
import { describeOrderState, summarizeCase } from "./summarize-case";
import type { TranscriptLine } from "./types";

const line = (role: TranscriptLine["role"], text: string, i = 0): TranscriptLine => ({ role, text, at: new Date(Date.UTC(2026, 1, 20, 14, i)).toISOString() });

describe("summarizeCase", () => {
  it("quotes the informative shopper messages of the seed case and adds the order state", () => {
    const s = summarizeCase({ transcript: SEED_TRANSCRIPT, reasonText: "Customer reporting non-delivery", order: SEED_ORDER });
    expect(s).toBe(
      "Shopper: “Where is my order #1042? … I never received it though. It says delivered but nothing was at my door.” " +
        "Order #1042 is paid and fulfilled; USPS shows it delivered on Feb 20, 2026.",
    );
  });

  it.each([
    {
      name: "falls back to the reason when the shopper only pressed the button",
      transcript: [line("shopper", "[Pressed “Talk to a person”]"), line("assistant", "Sure, what's your email?"), line("shopper", "me@x.example")],
      reason: "Shopper asked to talk to a person",
      expected: "Shopper asked to talk to a person.",
    },
    {
      name: "no transcript, no reason",
      transcript: [],
      reason: "",
      expected: "The shopper asked to talk to a person.",
    },
    {
      name: "a long rant is trimmed to ~300 characters",
      transcript: [line("shopper", `My parcel was damaged ${"and it is unacceptable ".repeat(30)}`)],
      reason: "Complaint",
      check: (s: string) => {
        expect(s.length).toBeLessThanOrEqual(320);
        expect(s).toMatch(/…”$/);
      },
    },
    {
      name: "prefers the complaint over small talk",
      transcript: [
        line("shopper", "Hello there, hope you are having a lovely day today!", 0),
        line("shopper", "The mug arrived broken.", 1),
        line("shopper", "ok", 2),
      ],
      reason: "Complaint",
      check: (s: string) => expect(s).toContain("The mug arrived broken."),
    },
  ])("$name", ({ transcript, reason, expected, check }) => {
    const s = summarizeCase({ transcript, reasonText: reason, order: null });
    if (expected !== undefined) expect(s).toBe(expected);
    check?.(s);
  });
});

describe("describeOrderState", () => {
  it.each([
    { name: "delivered", order: SEED_ORDER, expected: "Order #1042 is paid and fulfilled; USPS shows it delivered on Feb 20, 2026." },
    {
      name: "not shipped",
      order: { ...SEED_ORDER, fulfillmentStatus: "UNFULFILLED", fulfillments: [] },
      expected: "Order #1042 is paid and unfulfilled; placed on Feb 16, 2026, not shipped yet.",
    },
    {
      name: "in transit",
      order: { ...SEED_ORDER, fulfillments: [{ ...SEED_ORDER.fulfillments[0]!, deliveredAt: null, displayStatus: "IN_TRANSIT" }] },
      expected: "Order #1042 is paid and fulfilled; shipped on Feb 18, 2026 with USPS, not yet delivered.",
    },
    {
      name: "cancelled",
      order: { ...SEED_ORDER, cancelledAt: "2026-02-17T10:00:00Z", financialStatus: "REFUNDED" },
      expected: "Order #1042 was canceled on Feb 17, 2026 (refunded).",
    },
  ])("$name", ({ order, expected }) => {
    expect(describeOrderState(order)).toBe(expected);
  });
});
