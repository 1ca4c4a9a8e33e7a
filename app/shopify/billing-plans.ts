import { BillingInterval } from "@shopify/shopify-api";
import { PLANS } from "~/domain/plans";

/** Paid plans as Billing API plans keyed by their display name (shopifyApp's `billing` option). */
export function billingConfigFromPlans() {
  return Object.fromEntries(
    PLANS.filter((p) => p.priceUsd > 0).map((p) => [
      p.name,
      {
        trialDays: p.trialDays,
        lineItems: [{ amount: p.priceUsd, currencyCode: "USD", interval: BillingInterval.Every30Days }],
      },
    ]),
  ) as Record<string, { trialDays: number; lineItems: [{ amount: number; currencyCode: string; interval: BillingInterval.Every30Days }] }>;
}
