import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { adminGraphql } from "../../app/shopify/admin-api/admin-graphql.server";
import { resetPlanFromBilling } from "../../app/shopify/billing-sync.server";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import type { FixtureAppSubscription } from "../servers/shopify-admin-types";
import { buildWebhookRequestInit } from "../servers/shopify-signing";
import { startAppServer, TEST_API_SECRET, type AppServer } from "../support/app-server";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";

// Shop.plan follows Shopify's billing outside /app/plans: app_subscriptions/update (signed as
// Shopify signs webhooks) and install/reinstall. The Admin fake holds the subscriptions and
// validates the billing query against the 2026-07 schema.
const SHOP = DEMO_SHOP_DOMAIN;
let admin: ShopifyAdminServerHandle;
let app: AppServer;
let db: Db;

const subscription = (id: number, name: string, status: string): FixtureAppSubscription => ({
  id: `gid://shopify/AppSubscription/${id}`,
  name,
  status,
  test: true,
  trialDays: 0,
  createdAt: "2026-12-01T00:00:00Z",
  currentPeriodEnd: null,
  returnUrl: "https://example.com/app/plans",
  lineItems: [],
});

async function deliver(body: unknown, secret = TEST_API_SECRET) {
  const init = buildWebhookRequestInit({ topic: "app_subscriptions/update", shop: SHOP, body, secret });
  const res = await fetch(`${app.origin}/webhooks/app_subscriptions/update`, init);
  await res.arrayBuffer();
  return res.status;
}
const update = (id: number, name: string, status: string) => ({
  app_subscription: {
    admin_graphql_api_id: `gid://shopify/AppSubscription/${id}`,
    name,
    status,
    admin_graphql_api_shop_id: "gid://shopify/Shop/1",
    currency: "USD",
  },
});
const plan = async () => (await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).plan;

beforeAll(async () => {
  admin = await startShopifyAdminServer({ accessToken: TEST_ACCESS_TOKEN, shops: { [SHOP]: createDemoStore() } });
  app = await startAppServer({ env: { SHOPIFY_ADMIN_API_ORIGIN: admin.origin } });
  await seedShop(app.databaseUrl, { domain: SHOP, plan: "growth" });
  db = createDb(app.databaseUrl);
});

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
  await admin?.stop();
});

describe("app_subscriptions/update", () => {
  it("a cancelled subscription drops the paid allowance; repeated deliveries change nothing", async () => {
    admin.shops[SHOP]!.subscriptions = [subscription(1, "Growth", "CANCELLED")];
    expect(await deliver(update(1, "Growth", "CANCELLED"))).toBe(200);
    expect(await plan()).toBe("free");
    expect(await deliver(update(1, "Growth", "CANCELLED"))).toBe(200);
    expect(await plan()).toBe("free");
  });

  it("an upgrade stays put whatever order Shopify delivers the two updates in", async () => {
    admin.shops[SHOP]!.subscriptions = [subscription(1, "Growth", "CANCELLED"), subscription(2, "Scale", "ACTIVE")];
    expect(await deliver(update(2, "Scale", "ACTIVE"))).toBe(200);
    expect(await plan()).toBe("scale");
    expect(await deliver(update(1, "Growth", "CANCELLED"))).toBe(200);
    expect(await plan()).toBe("scale");
    admin.assertNoInvalidQueries();
    expect(admin.requests.some((r) => r.query?.includes("currentAppInstallation"))).toBe(true);
  });

  it("falls back to the payload when the Admin API is down: a frozen plan in force drops to free", async () => {
    admin.shops[SHOP]!.subscriptions = [subscription(2, "Scale", "ACTIVE")];
    admin.failNext(20, 503);
    expect(await deliver(update(7, "Growth", "FROZEN"))).toBe(200);
    expect(await plan()).toBe("scale"); // about another plan: ignored
    expect(await deliver(update(2, "Scale", "FROZEN"))).toBe(200);
    expect(await plan()).toBe("free");
    admin.reset();
  });

  it("rejects a wrong signature with 401 and a malformed payload with 400, changing nothing", async () => {
    admin.shops[SHOP]!.subscriptions = [subscription(3, "Starter", "ACTIVE")];
    expect(await deliver(update(3, "Starter", "ACTIVE"), "wrong-secret")).toBe(401);
    expect(await deliver({ app_subscription: { status: 42 } })).toBe(400);
    expect(await plan()).toBe("free");
  });
});

describe("install / reinstall", () => {
  const run = (query: string) => adminGraphql({ shop: SHOP, accessToken: TEST_ACCESS_TOKEN, origin: admin.origin }, query).then((data) => ({ data }));

  it("resets the stored plan from Shopify's billing state", async () => {
    await db.shop.update({ where: { domain: SHOP }, data: { plan: "scale" } });
    admin.shops[SHOP]!.subscriptions = [subscription(4, "Scale", "CANCELLED")];
    expect(await resetPlanFromBilling(db, SHOP, run, true)).toBe("free");
    expect(await plan()).toBe("free");
    admin.shops[SHOP]!.subscriptions = [subscription(5, "Starter", "ACTIVE")];
    expect(await resetPlanFromBilling(db, SHOP, run, true)).toBe("starter");
    // Test charges never count in production.
    expect(await resetPlanFromBilling(db, SHOP, run, false)).toBe("free");
    admin.assertNoInvalidQueries();
  });
});

describe("public/", () => {
  it("serves the favicon (no 404 on every page load)", async () => {
    for (const [file, type] of [
      ["favicon.ico", "image/"],
      ["favicon.svg", "image/svg+xml"],
    ] as const) {
      const res = await fetch(`${app.origin}/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });
});
