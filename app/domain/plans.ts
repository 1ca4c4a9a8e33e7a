/**
 * Plans and their monthly escalation-email allowance. Every plan hands cases to the team by email,
 * Free included (a small allowance, so a new store sees the core of the product before paying);
 * past the allowance the assistant shows the store's contact details instead (never a dead end).
 */
export type PlanId = "free" | "starter" | "growth" | "scale";

export interface Plan {
  id: PlanId;
  /** Name as shown to merchants and used as the Billing API plan key. */
  name: string;
  priceUsd: number;
  escalationsPerMonth: number;
  trialDays: number;
}

export const PLANS: readonly Plan[] = [
  { id: "free", name: "Free", priceUsd: 0, escalationsPerMonth: 25, trialDays: 0 },
  { id: "starter", name: "Starter", priceUsd: 19, escalationsPerMonth: 100, trialDays: 7 },
  { id: "growth", name: "Growth", priceUsd: 49, escalationsPerMonth: 500, trialDays: 7 },
  { id: "scale", name: "Scale", priceUsd: 149, escalationsPerMonth: 3000, trialDays: 7 },
];

/** The plan for a stored id; unknown ids fall back to free so a bad row never grants allowance. */
export function findPlan(id: string | null | undefined): Plan {
  return PLANS.find((p) => p.id === id) ?? PLANS[0]!;
}

/** Usage period key for a moment in time, in UTC: "2026-11". */
export function usagePeriod(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/** Whether one more escalation email fits in the plan's allowance this period. */
export function canSendEscalation(plan: Plan, escalationsThisPeriod: number): boolean {
  return escalationsThisPeriod < plan.escalationsPerMonth;
}
