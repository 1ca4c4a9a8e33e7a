import { randomBytes } from "node:crypto";
import { type GraphQLResolveInfo } from "graphql";
import type { FixtureAppSubscription, FixtureMoneyV2, FixtureStore, FixtureUsageRecord } from "./shopify-admin-types";
import { formatDecimal, type AdminContext } from "./shopify-admin-resolvers";

// The fake Admin API's billing mutations: app subscriptions and usage records, and their approval.

type Args = Record<string, unknown>;
type Resolver = (args: Args, ctx: AdminContext, info: GraphQLResolveInfo) => unknown;

interface MoneyInput {
  amount: unknown;
  currencyCode: string;
}

const toMoney = (input: MoneyInput): FixtureMoneyV2 => ({ amount: formatDecimal(input.amount), currencyCode: input.currencyCode });
const newId = () => 10_000 + Math.floor(Math.random() * 89_000_000);

function findLineItem(store: FixtureStore, id: unknown) {
  for (const subscription of store.subscriptions ?? []) {
    const item = subscription.lineItems.find((line) => line.id === id);
    if (item) return { subscription, item };
  }
  return null;
}

export const mutationRoot: Record<string, Resolver> = {
  appSubscriptionCreate: (args, ctx) => {
    const lineItems = args.lineItems as Array<{ plan: { appRecurringPricingDetails?: Args; appUsagePricingDetails?: Args } }>;
    const id = newId();
    const subscription: FixtureAppSubscription = {
      id: `gid://shopify/AppSubscription/${id}`,
      name: String(args.name),
      status: "PENDING",
      test: args.test === true,
      trialDays: typeof args.trialDays === "number" ? args.trialDays : 0,
      createdAt: ctx.now().toISOString(),
      currentPeriodEnd: null,
      returnUrl: String(args.returnUrl),
      lineItems: lineItems.map(({ plan }, index) => {
        const recurring = plan.appRecurringPricingDetails;
        const usage = plan.appUsagePricingDetails;
        const lineId = `gid://shopify/AppSubscriptionLineItem/${id}?v=1&index=${index}`;
        if (recurring) {
          const price = toMoney(recurring.price as MoneyInput);
          return {
            id: lineId,
            plan: {
              pricingDetails: {
                __typename: "AppRecurringPricing",
                price,
                interval: String(recurring.interval ?? "EVERY_30_DAYS"),
                planHandle: null,
                discount: null,
              },
            },
          };
        }
        const capped = toMoney((usage ?? {}).cappedAmount as MoneyInput);
        return {
          id: lineId,
          plan: {
            pricingDetails: {
              __typename: "AppUsagePricing",
              cappedAmount: capped,
              balanceUsed: { amount: "0.0", currencyCode: capped.currencyCode },
              interval: String(usage?.interval ?? "EVERY_30_DAYS"),
              terms: String(usage?.terms ?? ""),
            },
          },
          usageRecords: [],
        };
      }),
    };
    ctx.store.subscriptions = [...(ctx.store.subscriptions ?? []), subscription];
    const signature = randomBytes(24).toString("base64url");
    return {
      appSubscription: subscription,
      confirmationUrl:
        `https://${ctx.domain}/admin/charges/${ctx.appHandle}/${id}/RecurringApplicationCharge/` +
        `confirm_recurring_application_charge?signature=${signature}`,
      userErrors: [],
    };
  },

  appSubscriptionCancel: (args, ctx) => {
    const subscription = (ctx.store.subscriptions ?? []).find((s) => s.id === args.id);
    if (!subscription) return { appSubscription: null, userErrors: [{ field: ["id"], message: "Couldn't find RecurringApplicationCharge" }] };
    subscription.status = "CANCELLED";
    return { appSubscription: subscription, userErrors: [] };
  },

  appUsageRecordCreate: (args, ctx) => {
    const found = findLineItem(ctx.store, args.subscriptionLineItemId);
    const details = found?.item.plan.pricingDetails;
    if (!found || details?.__typename !== "AppUsagePricing") {
      return {
        appUsageRecord: null,
        userErrors: [{ field: ["subscriptionLineItemId"], message: "Subscription line item not found or not a usage line item" }],
      };
    }
    const records = (found.item.usageRecords ??= []);
    const key = typeof args.idempotencyKey === "string" ? args.idempotencyKey : null;
    const existing = key ? records.find((r) => r.idempotencyKey === key) : undefined;
    if (existing) return { appUsageRecord: { ...existing, subscriptionLineItem: found.item }, userErrors: [] };
    const price = toMoney(args.price as MoneyInput);
    const balance = Number(details.balanceUsed.amount) + Number(price.amount);
    if (balance > Number(details.cappedAmount.amount)) {
      return { appUsageRecord: null, userErrors: [{ field: null, message: "Total price exceeds balance remaining" }] };
    }
    details.balanceUsed = { amount: formatDecimal(balance.toFixed(2)), currencyCode: price.currencyCode };
    const record: FixtureUsageRecord = {
      id: `gid://shopify/AppUsageRecord/${newId()}`,
      description: String(args.description),
      idempotencyKey: key,
      price,
      createdAt: ctx.now().toISOString(),
    };
    records.push(record);
    return { appUsageRecord: { ...record, subscriptionLineItem: found.item }, userErrors: [] };
  },
};

/** What the merchant's click on "Approve" does: the pending subscription becomes ACTIVE and replaces the old one. */
export function approveSubscription(store: FixtureStore, id: string, now: Date): FixtureAppSubscription {
  const subscriptions = store.subscriptions ?? [];
  const subscription = subscriptions.find((s) => s.id === id);
  if (!subscription) throw new Error(`no subscription ${id}`);
  for (const other of subscriptions) if (other !== subscription && other.status === "ACTIVE") other.status = "CANCELLED";
  subscription.status = "ACTIVE";
  subscription.currentPeriodEnd = new Date(now.getTime() + 30 * 24 * 3600 * 1000).toISOString();
  return subscription;
}
