import { describe, expect, it } from "vitest";
import { detectEscalation } from "./detect-escalation";
import { defaultEscalationSettings } from "./settings";
import {
  ANGRY_SENTENCES,
  COMPLAINT_TWEETS,
  HUMAN_REQUESTS,
  NON_COMPLAINT_TWEETS,
  NOT_ANGRY_SENTENCES,
  ROUTINE_ASSISTANT_QUERIES,
} from "./synthetic-checks.fixtures";

// Gates on hand-written sets shaped like the public data acceptance uses (see the fixtures file).
// Each text is the first shopper message of a new conversation with default settings, as
// `npm run detect` scores it. Thresholds leave a little room so one new edge case does not fail CI,
// while a broad regression does.

const judge = (text: string) => detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings);
const rate = (texts: string[]) => texts.filter((t) => judge(t).escalate).length / texts.length;
const failures = (texts: string[], want: boolean) => texts.filter((t) => judge(t).escalate !== want);

describe("synthetic checks", () => {
  it("complaint tweets escalate as complaint/negative_sentiment/threat; praise and questions do not (F1 ≥ 0.9)", () => {
    const allowed = new Set(["complaint", "negative_sentiment", "threat"]);
    const tp = COMPLAINT_TWEETS.filter((t) => judge(t).reasons.some((r) => allowed.has(r))).length;
    const fp = NON_COMPLAINT_TWEETS.filter((t) => judge(t).escalate).length;
    const precision = tp / (tp + fp);
    const recall = tp / COMPLAINT_TWEETS.length;
    const f1 = (2 * precision * recall) / (precision + recall);
    expect(f1, `misses: ${failures(COMPLAINT_TWEETS, true).join(" | ")}; FPs: ${failures(NON_COMPLAINT_TWEETS, false).join(" | ")}`).toBeGreaterThanOrEqual(
      0.9,
    );
  });

  it("routine virtual-assistant and banking queries do not escalate (≤ 2 %)", () => {
    expect(rate(ROUTINE_ASSISTANT_QUERIES), failures(ROUTINE_ASSISTANT_QUERIES, false).join(" | ")).toBeLessThanOrEqual(0.02);
  });

  it("requests for a person in en/es/fr/de, with typos, escalate as explicit_request (≥ 95 %)", () => {
    const hits = HUMAN_REQUESTS.filter((t) => judge(t).reasons.includes("explicit_request")).length;
    expect(hits / HUMAN_REQUESTS.length, failures(HUMAN_REQUESTS, true).join(" | ")).toBeGreaterThanOrEqual(0.95);
  });

  it("angry sentences escalate (≥ 85 %), sad/fearful/happy ones do not (≤ 5 %)", () => {
    expect(rate(ANGRY_SENTENCES), failures(ANGRY_SENTENCES, true).join(" | ")).toBeGreaterThanOrEqual(0.85);
    expect(rate(NOT_ANGRY_SENTENCES), failures(NOT_ANGRY_SENTENCES, false).join(" | ")).toBeLessThanOrEqual(0.05);
  });

  it.each<[string, boolean]>([
    ["i feel so irritated", true],
    ["i am feeling really resentful", true],
    ["i do not feel angry anymore", false],
    ["i feel sad and lonely", false],
    ["i feel scared and anxious", false],
  ])("feel-frame: %s → %s", (text, want) => {
    expect(judge(text).escalate).toBe(want);
  });

  it("a bank-card fraud report with no link to the shop is routine; fraud involving the shop is not", () => {
    expect(judge("I think someone used my card, can you lock it").escalate).toBe(false);
    expect(judge("someone used my card to place an order on your store").reasons).toContain("sensitive_topic");
  });
});
