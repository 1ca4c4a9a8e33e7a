import { describe, expect, it } from "vitest";
import { detectEscalation } from "../detect-escalation";
import { normalizeText } from "../normalize";
import { defaultEscalationSettings } from "../settings";
import { readsAsEnglish } from "./reads-as-english";

const english = (text: string) => readsAsEnglish(normalizeText(text).tokens);

describe("readsAsEnglish", () => {
  it.each(["@airline flight delayed again, thanks for nothing", "where is my order", "la la land is the best film", "I want to talk to a human"])(
    "%s → English",
    (text) => expect(english(text)).toBe(true),
  );
  it.each(["@lufthansa danke für den tollen Flug", "@iberia gracias por el vuelo, todo perfecto", "merci pour le super vol et pour le repas"])(
    "%s → not English",
    (text) => expect(english(text)).toBe(false),
  );
});

describe("public posts in another language keep the model's private thresholds", () => {
  it("a German thank-you at an airline does not escalate; an English complaint at one does", () => {
    const judge = (text: string) => detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings);
    expect(judge("@lufthansa danke für den tollen Flug").escalate).toBe(false);
    expect(judge("@airline sat on the runway for two hours, no food, no info").escalate).toBe(true);
  });
});
