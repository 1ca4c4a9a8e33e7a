import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/db.server";
import { parseRoutingSettings } from "~/domain/routing";
import { migrateDeploy } from "~/platform/prisma-cli.server";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../../tests/fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../../tests/servers/shopify-admin-server";
import { tempSqliteUrl } from "../../tests/support/app-server";
import { prefillEmptyRecipient, syncShopProfile, type AdminGraphql } from "./shop-profile.server";

// Install reads the shop's profile from the Admin API (the fake validates the query against the
// 2026-07 schema) and prefills an empty escalation recipient with the shop's contact email.
const SHOP = DEMO_SHOP_DOMAIN;
const TOKEN = "shpat_profile";
let admin: ShopifyAdminServerHandle;
let db: Db;

/** What `afterAuth` / `authenticate.admin` hand us: a graphql(query) that returns the raw Response. */
const client: AdminGraphql = {
  graphql: (query) =>
    fetch(admin.graphqlUrlFor(SHOP), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": TOKEN },
      body: JSON.stringify({ query }),
    }),
};
const routing = async () => (await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).routing;
// The shops whose stored settings changed (the composition root resets the chat's cache for them).
const changedShops: string[] = [];
const changed = (shop: string) => void changedShops.push(shop);

beforeAll(async () => {
  admin = await startShopifyAdminServer({ accessToken: TOKEN, shops: { [SHOP]: createDemoStore() } });
  const url = tempSqliteUrl();
  await migrateDeploy(url);
  db = createDb(url);
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await admin?.stop();
});

beforeEach(async () => {
  await db.shop.deleteMany({});
  admin.requests.length = 0;
});

describe("syncShopProfile (install)", () => {
  it("stores name, currency, zone and language, and prefills the recipient of a new shop", async () => {
    await db.shop.create({ data: { domain: SHOP, locale: "fr" } });
    await syncShopProfile(db, SHOP, client, changed);
    const row = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    expect(row).toMatchObject({ name: "Baton Demo Goods", currencyCode: "USD", ianaTimezone: "America/Los_Angeles", locale: "en" });
    expect(parseRoutingSettings(row.routing).defaultTo).toEqual(["support@baton-demo.example"]);
    admin.assertNoInvalidQueries();
  });

  it("keeps a recipient the merchant chose, and the rest of a stored matrix", async () => {
    const stored = { defaultTo: ["team@merchant.example"], fromName: "Team", ccUrgent: [], routes: [] };
    await db.shop.create({ data: { domain: SHOP, routing: stored } });
    await syncShopProfile(db, SHOP, client, changed);
    expect(parseRoutingSettings(await routing()).defaultTo).toEqual(["team@merchant.example"]);
  });

  it("fills an empty recipient without losing the stored routes", async () => {
    const route = { id: "r1", when: { topic: "refund" }, to: ["billing@merchant.example"], cc: [] };
    await db.shop.create({ data: { domain: SHOP, routing: { defaultTo: [], fromName: "Shop team", ccUrgent: [], routes: [route] } } });
    await syncShopProfile(db, SHOP, client, changed);
    const r = parseRoutingSettings(await routing());
    expect(r.defaultTo).toEqual(["support@baton-demo.example"]);
    expect(r.fromName).toBe("Shop team");
    expect(r.routes.map((x) => x.id)).toEqual(["r1"]);
  });

  it("never fails install when the Admin API does", async () => {
    await db.shop.create({ data: { domain: SHOP } });
    const broken: AdminGraphql = { graphql: async () => new Response("bad gateway", { status: 502 }) };
    await expect(syncShopProfile(db, SHOP, broken, changed)).resolves.toBeUndefined();
    expect(await routing()).toBeNull();
  });
});

describe("prefillEmptyRecipient (shops installed earlier)", () => {
  it("fills an empty recipient from the contact email", async () => {
    await db.shop.create({ data: { domain: SHOP, routing: { defaultTo: [], routes: [] } } });
    await prefillEmptyRecipient(db, SHOP, client, changed);
    expect(parseRoutingSettings(await routing()).defaultTo).toEqual(["support@baton-demo.example"]);
  });

  it("does not call the Admin API once a recipient is set", async () => {
    await db.shop.create({ data: { domain: SHOP, routing: { defaultTo: ["team@merchant.example"] } } });
    await prefillEmptyRecipient(db, SHOP, client, changed);
    expect(admin.requests).toHaveLength(0);
    expect(parseRoutingSettings(await routing()).defaultTo).toEqual(["team@merchant.example"]);
  });
});
