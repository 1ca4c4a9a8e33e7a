import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { appScopes } from "../servers/shopify-access-scopes";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";

// A shop that installed Baton before a scope was added keeps its old grant until the merchant accepts
// the new one (docs/deploy-to-shopify.md). Without `read_legal_policies` Shopify answers the policy
// query with ACCESS_DENIED: the chat must keep answering (order status still works), just without policies.
let smtp: SmtpServerHandle;
let admin: ShopifyAdminServerHandle;
let app: AppServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  admin = await startShopifyAdminServer({ accessToken: TEST_ACCESS_TOKEN, shops: { [DEMO_SHOP_DOMAIN]: createDemoStore() } });
  app = await startAppServer({ env: { SMTP_URL: smtp.url, SHOPIFY_ADMIN_API_ORIGIN: admin.origin } });
  await seedShop(app.databaseUrl, { domain: DEMO_SHOP_DOMAIN, name: "Baton Demo Goods" });
});
afterAll(async () => {
  await app?.stop();
  await admin?.stop();
  await smtp?.stop();
});

const RETURNS = "What is your return policy?";
const policyQueries = () => admin.requests.filter((r) => r.operationName === "BatonShopPolicies" || r.query?.includes("BatonShopPolicies"));

describe("a shop whose token lacks read_legal_policies", () => {
  it("answers without the store's policies (Shopify: ACCESS_DENIED), and quotes them once the scope is granted", async () => {
    admin.setAccess(DEMO_SHOP_DOMAIN, { scopes: appScopes().filter((s) => s !== "read_legal_policies") });
    const denied = await storefront(app.origin).post({ message: RETURNS });
    expect(denied.status).toBe(200);
    expect(denied.body.messages!.map((m) => m.text).join(" ")).not.toContain("30 days");
    const [refused] = policyQueries();
    expect(refused?.outcome).toBe("execution-error");
    expect(JSON.stringify(refused?.response)).toContain('"code":"ACCESS_DENIED"');

    // Order status needs only read_orders and read_customers: unaffected.
    const order = storefront(app.origin);
    const asked = await order.post({ message: "Where is my order #1042?" });
    const proven = await order.post({ conversationId: asked.body.conversationId, message: "sarah@example.com" });
    expect(JSON.stringify(proven.body.messages!.at(-1))).toContain("9400111899223847563"); // in the order card

    admin.setAccess(DEMO_SHOP_DOMAIN, { scopes: appScopes() });
    const granted = await storefront(app.origin).post({ message: RETURNS });
    expect(granted.body.messages!.map((m) => m.text).join(" ")).toContain("30 days");
  });
});
