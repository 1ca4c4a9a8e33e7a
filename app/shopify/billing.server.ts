import { PLANS, findPlan, type PlanId } from "~/domain/plans";
import type { Db } from "~/db.server";

// Plans through Shopify's Billing API. The service takes the `billing` object that
// `authenticate.admin(request)` returns (or anything with the same three calls), so it can be
// driven against the Admin GraphQL fake in tests. Shop.plan mirrors the active subscription: the
// escalation path reads the allowance from it.

/** The part of shopify-app-remix's `billing` context this service uses. */
export interface BillingApi {
  check(options: { plans?: string[]; isTest?: boolean }): Promise<{
    hasActivePayment: boolean;
    appSubscriptions: Array<{ id: string; name: string; status: string; test: boolean }>;
  }>;
  /** Always throws: a redirect to Shopify's approval page. */
  request(options: { plan: string; isTest?: boolean; returnUrl?: string }): Promise<never>;
  cancel(options: { subscriptionId: string; isTest?: boolean; prorate?: boolean }): Promise<unknown>;
}

const PAID = PLANS.filter((p) => p.priceUsd > 0);

/** The plan of a Billing API subscription name (plans are keyed by display name). */
export function planIdForSubscription(name: string | undefined): PlanId {
  return PAID.find((p) => p.name === name)?.id ?? "free";
}

/**
 * Reads the shop's active subscription and stores its plan on the Shop row when it differs (after
 * the merchant approved a charge, or cancelled it in Shopify). Returns the plan in force.
 */
export async function syncPlanFromBilling(
  db: Db,
  shop: string,
  billing: BillingApi,
  isTest: boolean,
): Promise<{ plan: PlanId; subscriptionId: string | null }> {
  const { appSubscriptions } = await billing.check({ plans: PAID.map((p) => p.name), isTest });
  const active = appSubscriptions.find((s) => s.status === "ACTIVE" && planIdForSubscription(s.name) !== "free");
  const plan = planIdForSubscription(active?.name);
  await db.shop.updateMany({ where: { domain: shop, NOT: { plan } }, data: { plan } });
  return { plan, subscriptionId: active?.id ?? null };
}

export type ChangePlanResult = { changed: boolean; plan: PlanId };

/**
 * Switches the shop to `planId`. A paid plan asks Shopify for approval: `billing.request` throws the
 * redirect to the approval page (the plan is stored once approved, by `syncPlanFromBilling` on the
 * return URL). Free cancels every active subscription and stores the free plan at once.
 */
export async function changePlan(
  db: Db,
  shop: string,
  billing: BillingApi,
  input: { planId: PlanId; isTest: boolean; returnUrl: string },
): Promise<ChangePlanResult> {
  const target = findPlan(input.planId);
  const { appSubscriptions } = await billing.check({ plans: PAID.map((p) => p.name), isTest: input.isTest });
  const active = appSubscriptions.filter((s) => s.status === "ACTIVE");
  if (target.priceUsd === 0) {
    for (const s of active) await billing.cancel({ subscriptionId: s.id, isTest: input.isTest, prorate: true });
    await db.shop.update({ where: { domain: shop }, data: { plan: "free" } });
    return { changed: active.length > 0, plan: "free" };
  }
  if (active.some((s) => s.name === target.name)) {
    await db.shop.update({ where: { domain: shop }, data: { plan: target.id } });
    return { changed: false, plan: target.id };
  }
  // Shopify replaces the current subscription once the merchant approves the new one.
  return billing.request({ plan: target.name, isTest: input.isTest, returnUrl: input.returnUrl });
}

/** The local demo has no Shopify to charge: the plan is stored directly (the page says so). */
export async function setPlanWithoutBilling(db: Db, shop: string, planId: PlanId): Promise<ChangePlanResult> {
  const plan = findPlan(planId).id;
  const { count } = await db.shop.updateMany({ where: { domain: shop, NOT: { plan } }, data: { plan } });
  return { changed: count > 0, plan };
}
