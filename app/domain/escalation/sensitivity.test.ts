import { describe, expect, it } from "vitest";
import { SENSITIVITY_PRESETS, sensitivityOf } from "./sensitivity";
import { defaultEscalationSettings, escalationSettingsInputSchema, escalationSettingsSchema, parseEscalationSettings } from "./settings";

const withThresholds = (threshold: number, sentiment: number, complaint: number) => ({
  ...defaultEscalationSettings,
  threshold,
  negativeSentiment: { ...defaultEscalationSettings.negativeSentiment, threshold: sentiment },
  complaint: { ...defaultEscalationSettings.complaint, threshold: complaint },
});

describe("sensitivity presets", () => {
  it("Balanced is exactly the defaults", () => {
    expect(sensitivityOf(defaultEscalationSettings)).toBe("balanced");
  });
  it.each(Object.entries(SENSITIVITY_PRESETS))("%s round-trips through its thresholds", (id, p) => {
    expect(sensitivityOf(withThresholds(p.thresholds.threshold, p.thresholds.sentiment, p.thresholds.complaint))).toBe(id);
  });
  it("anything else is custom", () => {
    expect(sensitivityOf(withThresholds(0.6, 0.55, 0.5))).toBe("custom");
  });
  it("Watchful escalates sooner than Balanced, Relaxed later", () => {
    const { relaxed, balanced, watchful } = SENSITIVITY_PRESETS;
    expect(watchful.thresholds.threshold).toBeLessThan(balanced.thresholds.threshold);
    expect(relaxed.thresholds.threshold).toBeGreaterThan(balanced.thresholds.threshold);
  });
});

describe("settings input limits (admin writes) vs stored parsing (storefront reads)", () => {
  it.each([
    [{ orderState: { stalledFulfillmentDays: 0 } }, "orderState.stalledFulfillmentDays"],
    [{ orderState: { stalledFulfillmentDays: 400 } }, "orderState.stalledFulfillmentDays"],
    [{ threshold: 0 }, "threshold"],
    [{ repeatedFailure: { maxAssistantFailures: 50 } }, "repeatedFailure.maxAssistantFailures"],
    [{ vip: { lowerThresholdBy: 0.9 } }, "vip.lowerThresholdBy"],
  ])("rejects %j at %s", (input, path) => {
    const r = escalationSettingsInputSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toContain(path);
  });
  it("accepts the defaults and every preset", () => {
    expect(escalationSettingsInputSchema.safeParse({}).success).toBe(true);
    for (const p of Object.values(SENSITIVITY_PRESETS)) {
      expect(escalationSettingsInputSchema.safeParse(withThresholds(p.thresholds.threshold, p.thresholds.sentiment, p.thresholds.complaint)).success).toBe(
        true,
      );
    }
  });
  it("a stored value outside the new admin limits still parses for the storefront", () => {
    const stored = { threshold: 0.99, orderState: { stalledFulfillmentDays: 400 }, keywords: ["refund"] };
    expect(escalationSettingsSchema.safeParse(stored).success).toBe(true);
    expect(parseEscalationSettings(stored)).toMatchObject({ threshold: 0.99, keywords: ["refund"], orderState: { stalledFulfillmentDays: 400 } });
  });
});
