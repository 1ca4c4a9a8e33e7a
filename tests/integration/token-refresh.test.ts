import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { startAppServer, TEST_API_KEY, TEST_API_SECRET, type AppServer } from "../support/app-server";
import { createPostgresDatabase } from "../support/postgres";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";
import { loaderData } from "./admin-fixtures";

// Expiring offline tokens (shopify.server.ts: expiringOfflineAccessTokens) on the storefront path:
// the Admin fake issues a token that has already expired plus a refresh token and serves
// Shopify's refresh grant (rotating the refresh token). Two app instances share one PostgreSQL
// database, as in production (needs the local PostgreSQL, tests/support/ensure-postgres.sh).
const SHOP = DEMO_SHOP_DOMAIN;
let admin: ShopifyAdminServerHandle;
let app: AppServer;
let second: AppServer;
let third: AppServer;
let demo: AppServer;
let db: Db;
let database: Awaited<ReturnType<typeof createPostgresDatabase>>;

// The text and its reply parts: beside the order card the text is one short sentence, the card carries the tracking.
const texts = (r: { body: { messages?: Array<{ text: string }> } }) => (r.body.messages ?? []).map((m) => `${m.text} ${JSON.stringify(m)}`).join("\n");

async function expireStoredToken(refreshToken: string) {
  const past = new Date(Date.now() - 60_000);
  // As Shopify would: the token the app holds is past its expiry, the refresh token still valid.
  admin.issueExpiringToken(SHOP, { accessToken: admin.shops[SHOP]!.accessToken ?? TEST_ACCESS_TOKEN, expiresAt: past, refreshToken });
  await db.session.update({ where: { id: `offline_${SHOP}` }, data: { expires: past, refreshToken } });
}

async function askForOrder(origin: string) {
  const shopper = storefront(origin, { shop: SHOP });
  const first = await shopper.post({ message: "Where is my order #1042?" });
  return shopper.post({ conversationId: first.body.conversationId, message: "sarah@example.com" });
}

beforeAll(async () => {
  admin = await startShopifyAdminServer({
    accessToken: TEST_ACCESS_TOKEN,
    shops: { [SHOP]: createDemoStore() },
    clientId: TEST_API_KEY,
    clientSecret: TEST_API_SECRET,
  });
  database = await createPostgresDatabase("baton_refresh");
  app = await startAppServer({ databaseUrl: database.url, env: { SHOPIFY_ADMIN_API_ORIGIN: admin.origin } });
  await seedShop(app.databaseUrl, { domain: SHOP, name: "Baton Demo Goods" });
  // The processes of the last test start here too, all at once (after the seed, so the demo's own
  // seed finds the shop and leaves it alone). They handle no request before that test, so their
  // session caches are empty then: they read the row it changes.
  [second, third, demo] = await Promise.all([
    startAppServer({ databaseUrl: app.databaseUrl, env: { SHOPIFY_ADMIN_API_ORIGIN: admin.origin } }),
    startAppServer({ databaseUrl: app.databaseUrl, env: { SHOPIFY_ADMIN_API_ORIGIN: admin.origin } }),
    startAppServer({ databaseUrl: app.databaseUrl, demo: true }),
  ]);
  db = createDb(app.databaseUrl);
  // A legacy row: the seed wrote the token in plain text, and no refresh token yet.
  await expireStoredToken("shprt_initial");
});

afterAll(async () => {
  await db?.$disconnect();
  await Promise.all([demo?.stop(), third?.stop(), second?.stop(), app?.stop()]);
  await admin?.stop();
  await database?.drop();
});

describe("expiring offline tokens on the storefront path", () => {
  it("refreshes once across two instances under concurrent turns, and lookups keep working", async () => {
    const turns = await Promise.all([app, second, app, second, app, second].map((a) => askForOrder(a.origin)));
    for (const turn of turns) expect(texts(turn)).toContain("9400111899223847563");
    const grants = admin.refreshGrants;
    expect(grants.filter((g) => g.status === 200)).toHaveLength(1);
    expect(grants.filter((g) => g.status !== 200)).toHaveLength(0);
    expect(grants[0]!.body).toMatchObject({
      client_id: TEST_API_KEY,
      client_secret: TEST_API_SECRET,
      refresh_token: "shprt_initial",
      grant_type: "refresh_token",
    });
    admin.assertNoInvalidQueries();
  });

  it("stores the new tokens encrypted, never in plain text", async () => {
    const row = await db.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } });
    const current = admin.currentToken(SHOP)!;
    expect(row.accessToken).toMatch(/^enc:v1:/);
    expect(row.refreshToken).toMatch(/^enc:v1:/);
    expect(JSON.stringify(row)).not.toContain(current.accessToken);
    expect(JSON.stringify(row)).not.toContain(current.refreshToken);
    expect(row.expires!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });

  it("uses the refreshed token without refreshing again while it is valid", async () => {
    const before = admin.refreshGrants.length;
    expect(texts(await askForOrder(app.origin))).toContain("9400111899223847563");
    expect(admin.refreshGrants.length).toBe(before);
  });

  it("a rejected refresh: the shopper hears lookups are unavailable, the merchant sees a banner", async () => {
    admin.rejectRefreshes(true);
    await expireStoredToken(admin.currentToken(SHOP)!.refreshToken);
    // The session cache (10 s) still holds the valid-looking session; a process that has not
    // served this shop yet (`third`) reads the row.
    const turn = await askForOrder(third.origin);
    expect(texts(turn)).toContain("I can't look up orders right now");
    expect(texts(turn)).not.toContain("9400111899223847563");
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    expect(shop.adminAccessIssue).toBe("refresh_rejected");
    expect(shop.tokenRefreshLockedUntil).toBeNull();

    // The demo process signs in as this shop (baton-demo.myshopify.com) without Shopify.
    const home = await loaderData(demo.origin, "/app", "routes/app._index");
    expect(home.data.adminAccess).toMatchObject({ issue: "refresh_rejected" });
    const html = await (await fetch(`${demo.origin}/app`)).text();
    expect(html).toContain("Baton can’t look up orders right now");

    // Shopify accepts again (the merchant reconnected): the next refresh clears the notice.
    admin.rejectRefreshes(false);
    await db.shop.update({ where: { domain: SHOP }, data: { adminAccessIssueAt: new Date(Date.now() - 120_000) } });
    expect(texts(await askForOrder(third.origin))).toContain("9400111899223847563");
    expect((await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).adminAccessIssue).toBeNull();
    expect((await loaderData(demo.origin, "/app", "routes/app._index")).data.adminAccess).toBeNull();
  });
});
