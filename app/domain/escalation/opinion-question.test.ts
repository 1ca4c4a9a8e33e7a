import { describe, expect, it } from "vitest";
import { detectEscalation } from "./detect-escalation";
import { defaultEscalationSettings } from "./settings";

// A question whether an act would be rude or stupid judges the act, not the shop (opinion-question.ts); the same
// words about what was done to the writer, or put as "isn't it …", still escalate. Rules alone.
const rulesOnly = (text: string) => detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings, { model: null });

describe("opinion questions", () => {
  it.each(["is it rude to ask for a discount", "would it be stupid to buy two of the same jacket", "is it really rude to tip less than 15 percent"])(
    "%s → routine",
    (text) => {
      expect(rulesOnly(text).escalate).toBe(false);
    },
  );

  it.each(["is it rude to keep us waiting this long", "isn't it rude to keep me waiting 3 weeks for my order", "your driver was rude and threw my parcel"])(
    "%s → escalates",
    (text) => {
      expect(rulesOnly(text).escalate).toBe(true);
    },
  );
});
