import type { EscalationSettings } from "./settings";

// Merchant-facing sensitivity presets over the detector's three score thresholds. "Balanced" is
// exactly the defaults; the others move every threshold together, which is what a merchant means by
// "escalate sooner / later". Any other combination is "custom" (set under Advanced).

export type SensitivityPreset = "relaxed" | "balanced" | "watchful";

export interface SensitivityThresholds {
  /** overall score at which a case escalates */
  threshold: number;
  /** single-message negative sentiment */
  sentiment: number;
  /** complaint score */
  complaint: number;
}

export const SENSITIVITY_PRESETS: Readonly<Record<SensitivityPreset, { label: string; description: string; thresholds: SensitivityThresholds }>> = {
  relaxed: {
    label: "Relaxed",
    description: "Only clear requests, strong complaints and very negative messages reach your team.",
    thresholds: { threshold: 0.7, sentiment: 0.7, complaint: 0.65 },
  },
  balanced: {
    label: "Balanced",
    description: "Recommended. The assistant keeps routine questions and hands over frustrated shoppers.",
    thresholds: { threshold: 0.55, sentiment: 0.55, complaint: 0.5 },
  },
  watchful: {
    label: "Watchful",
    description: "Your team hears about mild frustration and complaints early. Expect more cases.",
    thresholds: { threshold: 0.4, sentiment: 0.4, complaint: 0.35 },
  },
};

const close = (a: number, b: number) => Math.abs(a - b) < 0.005;

/** The preset the settings' thresholds match, or "custom". */
export function sensitivityOf(s: Pick<EscalationSettings, "threshold" | "negativeSentiment" | "complaint">): SensitivityPreset | "custom" {
  for (const [id, p] of Object.entries(SENSITIVITY_PRESETS) as Array<[SensitivityPreset, (typeof SENSITIVITY_PRESETS)[SensitivityPreset]]>) {
    const t = p.thresholds;
    if (close(s.threshold, t.threshold) && close(s.negativeSentiment.threshold, t.sentiment) && close(s.complaint.threshold, t.complaint)) return id;
  }
  return "custom";
}
