import "@shopify/shopify-api/adapters/node";
import { ApiVersion, Session, shopifyApi } from "@shopify/shopify-api";
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { billingConfigFromPlans } from "../../app/shopify/billing-plans";
import { changePlan, syncPlanFromBilling, type BillingApi } from "../../app/shopify/billing.server";
import { migrateDeploy } from "../../app/platform/prisma-cli.server";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { tempSqliteUrl } from "../support/app-server";

// The non-demo plan flow: our billing service drives @shopify/shopify-api's real Billing client
// (the one shopify-app-remix wraps as `billing`) against the Admin GraphQL fake, which validates
// every query against the real schema and keeps subscriptions per shop.
const SHOP = DEMO_SHOP_DOMAIN;
let admin: ShopifyAdminServerHandle;
let db: Db;
const realFetch = abstractFetch;

// The billing config app/shopify.server.ts uses.
const shopify = shopifyApi({
  apiKey: "key",
  apiSecretKey: "secret",
  apiVersion: ApiVersion.July26,
  hostName: "baton.example",
  isEmbeddedApp: true,
  logger: { level: 0 },
  billing: billingConfigFromPlans() as never,
});
const session = new Session({ id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "shpat_billing" });

/** What shopify-app-remix's `billing` does on top of shopify-api: bind the session, throw a redirect. */
const billing: BillingApi = {
  check: (o) => shopify.billing.check({ session, plans: o.plans ?? [], isTest: o.isTest, returnObject: true }) as never,
  async request(o) {
    const confirmationUrl = await shopify.billing.request({ session, plan: o.plan, isTest: o.isTest, returnUrl: o.returnUrl, returnObject: false });
    throw new Response(null, { status: 302, headers: { Location: confirmationUrl } });
  },
  cancel: (o) => shopify.billing.cancel({ session, subscriptionId: o.subscriptionId, isTest: o.isTest, prorate: o.prorate }),
};

beforeAll(async () => {
  // shopify-api's billing check asks for oneTimePurchases(first: 250): a few hundred points per call,
  // so back-to-back checks drain Shopify's standard 2000-point bucket. Throttling is not under test here.
  admin = await startShopifyAdminServer({
    accessToken: "shpat_billing",
    shops: { [SHOP]: createDemoStore() },
    bucket: { maximumAvailable: 100_000, restoreRate: 100_000 },
  });
  setAbstractFetchFunc((input, init) => realFetch(String(input).replace(/^https:\/\/([^/]+)\//, `${admin.origin}/$1/`), init));
  const url = tempSqliteUrl();
  await migrateDeploy(url);
  db = createDb(url);
  await db.shop.create({ data: { domain: SHOP, plan: "free" } });
  await db.shop.create({ data: { domain: "other.myshopify.com", plan: "starter" } });
}, 60_000);

afterAll(async () => {
  setAbstractFetchFunc(realFetch);
  await db?.$disconnect();
  await admin?.stop();
});

beforeEach(() => admin.assertNoInvalidQueries());

const planOf = async (domain = SHOP) => (await db.shop.findUniqueOrThrow({ where: { domain } })).plan;

describe("plans through the Billing API (Admin fake)", () => {
  it("paid plan: redirects to approval, stores the plan only once the merchant approved", async () => {
    const thrown = await changePlan(db, SHOP, billing, { planId: "growth", isTest: true, returnUrl: "https://baton.example/app/plans" }).catch(
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(Response);
    const location = (thrown as Response).headers.get("Location")!;
    expect((thrown as Response).status).toBe(302);
    expect(location).toMatch(/^https?:\/\//);
    const pending = admin.shops[SHOP]!.subscriptions!.at(-1)!;
    expect(pending).toMatchObject({ name: "Growth", status: "PENDING", test: true });
    expect(await planOf()).toBe("free");
    expect(await syncPlanFromBilling(db, SHOP, billing, true)).toEqual({ plan: "free", subscriptionId: null });

    admin.approveSubscription(SHOP, pending.id);
    expect(await syncPlanFromBilling(db, SHOP, billing, true)).toEqual({ plan: "growth", subscriptionId: pending.id });
    expect(await planOf()).toBe("growth");
    expect(await planOf("other.myshopify.com")).toBe("starter");
    admin.assertNoInvalidQueries();
  });

  it("choosing the active plan again changes nothing and asks for no approval", async () => {
    const before = admin.shops[SHOP]!.subscriptions!.length;
    expect(await changePlan(db, SHOP, billing, { planId: "growth", isTest: true, returnUrl: "https://baton.example/app/plans" })).toEqual({
      changed: false,
      plan: "growth",
    });
    expect(admin.shops[SHOP]!.subscriptions!).toHaveLength(before);
  });

  it("free: cancels the active subscription in Shopify and stores the free plan", async () => {
    expect(await changePlan(db, SHOP, billing, { planId: "free", isTest: true, returnUrl: "https://baton.example/app/plans" })).toEqual({
      changed: true,
      plan: "free",
    });
    expect(admin.shops[SHOP]!.subscriptions!.filter((s) => s.status === "ACTIVE")).toHaveLength(0);
    expect(await planOf()).toBe("free");
    expect(admin.requests.some((r) => /appSubscriptionCancel/.test(r.query ?? ""))).toBe(true);
    admin.assertNoInvalidQueries();
  });

  it("a subscription cancelled in Shopify drops the shop back to free on the next sync", async () => {
    const thrown = await changePlan(db, SHOP, billing, { planId: "starter", isTest: true, returnUrl: "https://baton.example/app/plans" }).catch(
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(Response);
    const sub = admin.shops[SHOP]!.subscriptions!.at(-1)!;
    admin.approveSubscription(SHOP, sub.id);
    expect((await syncPlanFromBilling(db, SHOP, billing, true)).plan).toBe("starter");
    sub.status = "CANCELLED";
    expect((await syncPlanFromBilling(db, SHOP, billing, true)).plan).toBe("free");
    expect(await planOf()).toBe("free");
  });
});
