import { describe, expect, it } from "vitest";
import { defaultEscalationSettings, escalationSettingsSchema, parseEscalationSettings } from "./settings";

describe("escalation settings", () => {
  it.each<[string, unknown]>([
    ["empty object", {}],
    ["null", null],
    ["older partial settings", { threshold: 0.5, vip: { tags: ["gold"] } }],
  ])("fills defaults for %s", (_, stored) => {
    const parsed = parseEscalationSettings(stored);
    expect(parsed.complaint.enabled).toBe(true);
    expect(parsed.repeatedFailure.maxAssistantFailures).toBe(2);
    expect(parsed.languages).toContain("en");
  });

  it("keeps stored values and drops unknown keys", () => {
    const parsed = escalationSettingsSchema.parse({ vip: { tags: ["gold"] }, legacyField: 1 });
    expect(parsed.vip.tags).toEqual(["gold"]);
    expect(parsed.vip.minOrderCount).toBe(defaultEscalationSettings.vip.minOrderCount);
    expect("legacyField" in parsed).toBe(false);
  });

  it("falls back to defaults on invalid input instead of disabling escalation", () => {
    expect(parseEscalationSettings({ threshold: 7 })).toEqual(defaultEscalationSettings);
  });
});
