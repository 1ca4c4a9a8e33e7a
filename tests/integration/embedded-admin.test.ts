import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { startAppServer, TEST_API_KEY, TEST_API_SECRET, type AppServer } from "../support/app-server";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";

// The embedded admin as Shopify loads it (a document request with a session token), against the
// built production app: App Bridge must be in <head>, once, as Shopify documents it.
let admin: ShopifyAdminServerHandle;
let app: AppServer;
const SHOP = DEMO_SHOP_DOMAIN;

/** A session token as App Bridge issues it: HS256 with the app secret (https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens). */
function sessionToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = encode({ alg: "HS256", typ: "JWT" });
  const payload = encode({
    iss: `https://${SHOP}/admin`,
    dest: `https://${SHOP}`,
    aud: TEST_API_KEY,
    sub: "42",
    exp: now + 60,
    nbf: now - 5,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID(),
  });
  const signature = createHmac("sha256", TEST_API_SECRET).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

beforeAll(async () => {
  admin = await startShopifyAdminServer({ accessToken: TEST_ACCESS_TOKEN, shops: { [SHOP]: createDemoStore() } });
  app = await startAppServer({ env: { SHOPIFY_ADMIN_API_ORIGIN: admin.origin } });
  await seedShop(app.databaseUrl, { domain: SHOP, name: "Baton Demo Goods" });
});

afterAll(async () => {
  await app?.stop();
  await admin?.stop();
});

describe("embedded admin document", () => {
  it("loads the latest App Bridge from Shopify's CDN in <head>, with the shopify-api-key meta, and not again in <body>", async () => {
    const host = Buffer.from(`admin.shopify.com/store/${SHOP.replace(".myshopify.com", "")}`).toString("base64url");
    const query = new URLSearchParams({ embedded: "1", shop: SHOP, host, id_token: sessionToken() });
    // The library answers bots (any non-browser User-Agent, Node's fetch included) with 410.
    const response = await fetch(`${app.origin}/app?${query}`, { headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36" } });
    const html = await response.text();
    expect(response.status, html.slice(0, 500)).toBe(200);
    const head = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
    const body = html.slice(html.indexOf("</head>"));
    expect(head).toContain(`<meta name="shopify-api-key" content="${TEST_API_KEY}"/>`);
    expect(head).toContain(`<script src="https://cdn.shopify.com/shopifycloud/app-bridge.js"></script>`);
    // App Bridge comes before every other script in <head> (Remix's module preloads are links, not scripts).
    expect(head.indexOf("<script")).toBe(head.indexOf(`<script src="https://cdn.shopify.com/shopifycloud/app-bridge.js"`));
    expect(body).not.toContain("app-bridge.js");
    expect(html.match(/app-bridge\.js/g)).toHaveLength(1);
  });
});
