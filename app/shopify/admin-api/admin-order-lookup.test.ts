import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../../../tests/servers/shopify-admin-server";
import { createDemoStore, createOtherStore, DEMO_SHOP_DOMAIN, OTHER_SHOP_DOMAIN } from "../../../tests/fixtures/shopify-orders";
import { AdminApiError, adminGraphql, backoffMs } from "./admin-graphql.server";
import { createAdminOrderLookup } from "./admin-order-lookup.server";
import { createAdminPolicySource } from "./admin-policy-source.server";
import { SHOP_POLICIES_QUERY } from "./queries";

let admin: ShopifyAdminServerHandle;
const token = "shpat_fake";

beforeAll(async () => {
  admin = await startShopifyAdminServer({
    accessToken: token,
    shops: { [DEMO_SHOP_DOMAIN]: createDemoStore(), [OTHER_SHOP_DOMAIN]: createOtherStore() },
  });
});
afterAll(() => admin.stop());
beforeEach(() => admin.reset());

const fastSleep = () => Promise.resolve();
const lookup = (shop = DEMO_SHOP_DOMAIN, extra = {}) => createAdminOrderLookup({ shop, accessToken: token, origin: admin.origin, sleep: fastSleep, ...extra });

describe("Admin API order lookup", () => {
  it("finds the seed order with status, carrier and tracking", async () => {
    const order = await lookup().findOrderByName("#1042");
    expect(order).toMatchObject({ name: "#1042", email: "sarah@example.com", fulfillmentStatus: "FULFILLED" });
    expect(order!.fulfillments[0]!.tracking[0]).toMatchObject({ company: "USPS", number: "9400111899223847563" });
    expect(order!.customer!.numberOfOrders).toBeTypeOf("number");
    admin.assertNoInvalidQueries();
  });

  it("returns null for an unknown order and never another shop's order", async () => {
    expect(await lookup().findOrderByName("#99999")).toBeNull();
    const other = await lookup(OTHER_SHOP_DOMAIN).findOrderByName("#1042");
    expect(other?.email).not.toBe("sarah@example.com");
  });

  it("reads the shop's policies as plain text", async () => {
    const policies = await createAdminPolicySource({ shop: DEMO_SHOP_DOMAIN, accessToken: token, origin: admin.origin, sleep: fastSleep }).listPolicies();
    expect(policies.length).toBeGreaterThan(0);
    for (const p of policies) expect(p.body).not.toMatch(/<[a-z]/i);
  });

  it("retries THROTTLED answers (HTTP 200) and succeeds", async () => {
    admin.throttleNext(2);
    const order = await lookup().findOrderByName("#1042");
    expect(order?.name).toBe("#1042");
    expect(admin.requests.filter((r) => r.outcome === "throttled").length).toBe(2);
  });

  it("retries 503 and dropped connections", async () => {
    admin.failNext(1, 503);
    admin.dropNext(1);
    expect((await lookup().findOrderByName("#1042"))?.name).toBe("#1042");
  });

  it("gives up with a typed error when throttling persists", async () => {
    admin.throttleNext(10);
    await expect(
      adminGraphql({ shop: DEMO_SHOP_DOMAIN, accessToken: token, origin: admin.origin, sleep: fastSleep, maxAttempts: 3 }, SHOP_POLICIES_QUERY),
    ).rejects.toMatchObject({ kind: "throttled" });
  });

  it("times out within its budget", async () => {
    admin.setDelay(2000);
    const started = Date.now();
    await expect(
      adminGraphql({ shop: DEMO_SHOP_DOMAIN, accessToken: token, origin: admin.origin, timeoutMs: 300 }, SHOP_POLICIES_QUERY),
    ).rejects.toBeInstanceOf(AdminApiError);
    expect(Date.now() - started).toBeLessThan(1500);
    admin.setDelay(0);
  });

  it("does not retry a refused token", async () => {
    await expect(
      adminGraphql({ shop: DEMO_SHOP_DOMAIN, accessToken: "wrong", origin: admin.origin, sleep: fastSleep }, SHOP_POLICIES_QUERY),
    ).rejects.toMatchObject({ kind: "auth" });
    expect(admin.requests.length).toBe(1);
  });
});

describe("backoffMs", () => {
  it.each([
    [1, 0, 50],
    [1, 1, 100],
    [3, 1, 400],
    [10, 1, 2000],
  ])("attempt %i with random %f → %i ms", (attempt, r, ms) => {
    expect(backoffMs(attempt, () => r)).toBe(ms);
  });
});
