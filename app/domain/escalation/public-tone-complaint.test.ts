import { describe, expect, it } from "vitest";
import { detectEscalation } from "./detect-escalation";
import { normalizeText } from "./normalize";
import { publicToneComplaint } from "./public-tone-complaint";
import { scoreSentiment } from "./sentiment";
import { defaultEscalationSettings, type EscalationSettings } from "./settings";

// Issue 26, fourth pass (decision 0080): a public English post at a company that reads negative is a complaint.
const rulesOnly = (text: string, settings: EscalationSettings = defaultEscalationSettings) =>
  detectEscalation({ messages: [{ role: "shopper", text }] }, {}, settings, { model: null });
const toneOf = (text: string) => publicToneComplaint(normalizeText(text), scoreSentiment(normalizeText(text)));
const publicTone = (text: string, settings?: EscalationSettings) =>
  rulesOnly(text, settings).signals.some((s) => s.reason === "complaint" && s.kind === "public_tone");

describe("public-tone complaint", () => {
  it("a negative post at a company is a complaint without a complaint pattern", () => {
    expect(publicTone("@brand this is so sad and disappointing")).toBe(true);
    expect(rulesOnly("@brand this is so sad and disappointing").reasons).toContain("complaint");
  });

  it("needs the @mention, a negative tone and English", () => {
    expect(publicTone("this is so sad and disappointing")).toBe(false);
    expect(publicTone("@brand thank you, the new menu is lovely")).toBe(false);
    expect(toneOf("@iberia el vuelo fue terrible y la tripulacion muy grosera, nadie nos ayuda")).toBe(0);
    expect(toneOf("@iberia the flight was terrible and the crew was rude")).toBeGreaterThan(0);
  });

  it("a shop that raises its complaint threshold asks for a harsher tone", () => {
    const strict = { ...defaultEscalationSettings, complaint: { ...defaultEscalationSettings.complaint, threshold: 0.7 } };
    expect(toneOf("@brand this is so sad and disappointing")).toBeLessThan(0.7);
    expect(publicTone("@brand this is so sad and disappointing", strict)).toBe(false);
    expect(publicTone("@brand this is so sad and disappointing", defaultEscalationSettings)).toBe(true);
  });

  it("switching complaints off switches it off", () => {
    const off = { ...defaultEscalationSettings, complaint: { ...defaultEscalationSettings.complaint, enabled: false } };
    expect(rulesOnly("@brand this is so sad and disappointing", off).reasons).not.toContain("complaint");
  });
});
