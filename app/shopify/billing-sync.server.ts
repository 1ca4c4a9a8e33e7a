import { createHash } from "node:crypto";
import type { Db } from "~/db.server";
import { planIdForSubscription } from "./billing.server";
import type { PlanId } from "~/domain/plans";
import { logger } from "~/platform/logger.server";

const log = logger.child({ capability: "shopify" });

// Keeps Shop.plan in step with Shopify's billing outside /app/plans: on install/reinstall
// (afterAuth) and on every app_subscriptions/update webhook. Shopify's current state is the
// source of truth (read with `currentAppInstallation.activeSubscriptions`), because webhooks may
// arrive out of order (an upgrade cancels the old subscription and activates the new one).

export const ACTIVE_SUBSCRIPTIONS_QUERY = `#graphql
  query BatonActiveSubscriptions {
    currentAppInstallation { activeSubscriptions { id name status test } }
  }
`;

interface ActiveSubscriptionsResult {
  currentAppInstallation: { activeSubscriptions: Array<{ id: string; name: string; status: string; test: boolean }> };
}

/** Runs one GraphQL query and returns the parsed `{ data }` body. */
export type RunQuery = (query: string) => Promise<{ data?: unknown; errors?: unknown }>;

/** The plan the active subscriptions pay for (test charges count only outside production). */
export function planFromSubscriptions(subs: ActiveSubscriptionsResult["currentAppInstallation"]["activeSubscriptions"], acceptTest: boolean): PlanId {
  const active = subs.find((s) => s.status === "ACTIVE" && (acceptTest || !s.test) && planIdForSubscription(s.name) !== "free");
  return planIdForSubscription(active?.name);
}

export async function readPlanFromBilling(run: RunQuery, acceptTest: boolean): Promise<PlanId> {
  const body = await run(ACTIVE_SUBSCRIPTIONS_QUERY);
  const data = body.data as ActiveSubscriptionsResult | undefined;
  if (!data?.currentAppInstallation) throw new Error(`billing state unreadable: ${JSON.stringify(body.errors ?? body).slice(0, 200)}`);
  return planFromSubscriptions(data.currentAppInstallation.activeSubscriptions, acceptTest);
}

async function storePlan(db: Db, shop: string, plan: PlanId): Promise<void> {
  await db.shop.updateMany({ where: { domain: shop, NOT: { plan } }, data: { plan } });
}

/**
 * Install or reinstall. Uninstalling cancels an app's subscriptions, so when billing cannot be read
 * the shop starts on free (a paid subscription is picked up by its webhook or on /app/plans).
 */
export async function resetPlanFromBilling(db: Db, shop: string, run: RunQuery, acceptTest: boolean): Promise<PlanId> {
  const plan = await readPlanFromBilling(run, acceptTest).catch((error: unknown) => {
    log.warn({ shop, err: error }, "billing not read; plan reset to free");
    return "free" as const;
  });
  await storePlan(db, shop, plan);
  return plan;
}

/** The `app_subscription` object of an app_subscriptions/update webhook. */
export interface SubscriptionUpdate {
  name: string;
  status: string;
}

/** Which delivery this is: Shopify's webhook id and when the event happened. */
export interface WebhookDelivery {
  webhookId: string;
  /** The subscription's `updated_at` (inside the signed body), else X-Shopify-Triggered-At. */
  eventAt: Date;
}

/** DataRequest rows of this topic record the billing deliveries applied (the table compliance webhooks dedupe with). */
export const BILLING_DELIVERY_TOPIC = "APP_SUBSCRIPTIONS_UPDATE";
/** Enough recent deliveries to know the newest event applied (a shop sees a few a month). */
const RECENT_DELIVERIES = 50;

/**
 * Takes a delivery for the shop unless it was taken already (same webhook id: Shopify's retry, or a
 * replay; the row id is derived from it, so two copies arriving at once cannot both insert) or a
 * newer event was applied (an older `updated_at`: out of order, or a replayed old upgrade under a
 * new id — the id header is not signed, the body's `updated_at` is). Equal times pass: an upgrade's
 * cancel and activate may share a second, and each is applied as usual.
 */
export async function claimBillingDelivery(db: Db, shop: string, delivery: WebhookDelivery): Promise<boolean> {
  const id = `bw_${createHash("sha256").update(`${shop}\u0000${delivery.webhookId}`).digest("base64url").slice(0, 24)}`;
  const recent = await db.dataRequest.findMany({
    where: { shop, topic: BILLING_DELIVERY_TOPIC },
    orderBy: { receivedAt: "desc" },
    take: RECENT_DELIVERIES,
    select: { payload: true },
  });
  const newest = Math.max(0, ...recent.map((r) => Date.parse(String((r.payload as { eventAt?: unknown } | null)?.eventAt ?? "")) || 0));
  try {
    await db.dataRequest.create({
      data: { id, shop, topic: BILLING_DELIVERY_TOPIC, payload: { webhookId: delivery.webhookId, eventAt: delivery.eventAt.toISOString() } },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
  return delivery.eventAt.getTime() >= newest;
}

// By code, not instanceof: the SQLite and PostgreSQL generated clients have distinct error classes.
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

/**
 * app_subscriptions/update. Idempotent: it stores what Shopify says now, so a repeated or
 * out-of-order delivery changes nothing. If Shopify cannot be asked (no token, API down), the
 * payload decides: ACTIVE sets its plan; CANCELLED/DECLINED/EXPIRED/FROZEN of the plan in force
 * drops to free; an update about another plan (the replaced one after an upgrade) is ignored.
 */
export async function applySubscriptionUpdate(
  db: Db,
  shop: string,
  update: SubscriptionUpdate,
  run: RunQuery | undefined,
  acceptTest: boolean,
): Promise<{ plan: PlanId; source: "billing" | "payload" }> {
  if (run) {
    try {
      const plan = await readPlanFromBilling(run, acceptTest);
      await storePlan(db, shop, plan);
      return { plan, source: "billing" };
    } catch (error) {
      log.warn({ shop, err: error }, "billing not read; using the webhook payload");
    }
  }
  const named = planIdForSubscription(update.name);
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { plan: true } });
  const current = (row?.plan ?? "free") as PlanId;
  let plan = current;
  if (update.status === "ACTIVE" && named !== "free") plan = named;
  else if (["CANCELLED", "DECLINED", "EXPIRED", "FROZEN"].includes(update.status) && named === current) plan = "free";
  await storePlan(db, shop, plan);
  return { plan, source: "payload" };
}
