import { describe, expect, it } from "vitest";
import { detectEscalation } from "./detect-escalation";
import { defaultEscalationSettings } from "./settings";

// Words are looked up in word tables; a word that names a property every object has ("constructor") must find
// nothing there. "the constructor set arrived broken" threw in normalize.ts before 2026-12-07 (fifth pass).
const NAMES = Object.getOwnPropertyNames(Object.prototype);

describe("words that name object properties", () => {
  it.each([...NAMES, ...NAMES.map((n) => n.toLowerCase())].map((name) => `the ${name} set arrived broken, i feel ${name} about it`))(
    "%s → judged without throwing, with numeric scores",
    (text) => {
      for (const model of [undefined, null]) {
        const d = detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings, { model });
        expect(typeof d.score).toBe("number");
        expect(Number.isFinite(d.confidence)).toBe(true);
      }
    },
  );

  it("a word that names a property carries no tone", () => {
    const d = detectEscalation({ messages: [{ role: "shopper", text: "what is a constructor in javascript" }] }, {}, defaultEscalationSettings, {
      model: null,
    });
    expect(d.escalate).toBe(false);
    expect(d.score).toBe(0);
  });
});
