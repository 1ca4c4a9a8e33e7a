import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../../../tests/fixtures/shopify-orders";
import { homeGoodsProducts, syntheticProducts } from "../../../tests/fixtures/shopify-products";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../../../tests/servers/shopify-admin-server";
import { createCatalogueCache, type CatalogueCacheOptions } from "./admin-catalogue.server";

// Large catalogues through a bulk query operation, against the fake Admin API's bulk operations
// (inner query validated against the 2026-07 schema and Shopify's bulk rules, JSONL with __parentId).

let admin: ShopifyAdminServerHandle;
const token = "shpat_fake";
const fastSleep = () => Promise.resolve();

beforeAll(async () => {
  admin = await startShopifyAdminServer({
    accessToken: token,
    shops: { [DEMO_SHOP_DOMAIN]: createDemoStore() },
    bucket: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 },
  });
});
afterAll(() => admin.stop());
beforeEach(() => {
  admin.reset();
  admin.shops[DEMO_SHOP_DOMAIN].products = [...homeGoodsProducts(DEMO_SHOP_DOMAIN), ...syntheticProducts(DEMO_SHOP_DOMAIN, 60)];
});

function catalogue(options: CatalogueCacheOptions = {}) {
  const cache = createCatalogueCache({ bulkPollMs: 1, bulkMaxPollMs: 2, ...options });
  return { cache, source: cache.sourceFor({ shop: DEMO_SHOP_DOMAIN, accessToken: token, origin: admin.origin, sleep: fastSleep }) };
}
const count = (name: string) => admin.requests.filter((r) => r.query?.includes(name)).length;
const everything = async (options: CatalogueCacheOptions) => {
  const { source } = catalogue(options);
  return source.searchProducts({ words: [], limit: 1_000 });
};

describe("a large catalogue by bulk operation", () => {
  it("reads the same products as the pages would, after two pages, without a page per 15 products", async () => {
    const paged = await everything({ bulkAfterPages: Infinity });
    const pagedRequests = count("BatonProductsPage");
    admin.reset();
    const bulk = await everything({});
    expect(pagedRequests).toBe(Math.ceil(admin.shops[DEMO_SHOP_DOMAIN].products!.length / 15));
    expect(count("BatonProductsPage")).toBe(2);
    expect(count("BatonProductsBulkRun")).toBe(1);
    expect(bulk.length).toBeGreaterThan(60);
    expect(bulk).toEqual(paged);
    const throw_ = bulk.find((p) => p.handle === "merino-wool-throw");
    expect(throw_?.variants.map((v) => [v.title, v.availableForSale, v.quantityAvailable])).toEqual([
      ["Oat", true, 24],
      ["Sage", true, 3],
      ["Charcoal", false, 0],
    ]);
    expect(admin.bulk.latest(DEMO_SHOP_DOMAIN)?.query).toContain("inventoryQuantity");
    admin.assertNoInvalidQueries();
  });

  it("refreshes a shop known to be large by bulk alone, polling until the operation completes", async () => {
    let now = 0;
    const { source } = catalogue({ ttlMs: 1_000, now: () => now });
    await source.searchProducts({ words: ["throw"], limit: 1 });
    admin.reset();
    admin.bulk.configure({ pollsBeforeDone: 3 });
    admin.shops[DEMO_SHOP_DOMAIN].products![0].title = "Merino Wool Throw (new season)";
    now += 5_000;
    await source.searchProducts({ words: ["throw"], limit: 1 });
    await vi.waitFor(async () => expect((await source.getProductByHandle("merino-wool-throw"))?.title).toBe("Merino Wool Throw (new season)"), {
      timeout: 10_000,
    });
    expect(count("BatonProductsPage")).toBe(0);
    expect(count("BatonProductsBulkRun")).toBe(1);
    // Three reads the fake holds RUNNING, then as many as its background execution takes, then COMPLETED.
    expect(count("BatonBulkOperationStatus")).toBeGreaterThanOrEqual(4);
  });

  it("keeps the previous index when a bulk refresh fails, and reports it", async () => {
    let now = 0;
    const failures: unknown[] = [];
    const { source } = catalogue({ ttlMs: 1_000, now: () => now, onRefreshError: (_shop, error) => failures.push(error) });
    await source.searchProducts({ words: ["throw"], limit: 1 });
    admin.bulk.configure({ failWith: "INTERNAL_SERVER_ERROR" });
    now += 5_000;
    expect((await source.searchProducts({ words: ["merino", "throw"], limit: 1 })).map((p) => p.handle)).toEqual(["merino-wool-throw"]);
    await vi.waitFor(() => expect(String(failures[0])).toMatch(/FAILED \(INTERNAL_SERVER_ERROR\)/), { timeout: 10_000 });
  });

  it("falls back to pages when a bulk refresh is denied a field, and leaves the field out from then on", async () => {
    let now = 0;
    const { source } = catalogue({ ttlMs: 1_000, now: () => now });
    await source.searchProducts({ words: ["throw"], limit: 1 });
    admin.reset();
    // read_inventory revoked since the last load (reset() cleared the record of requests, then the grant changes).
    admin.setAccess(DEMO_SHOP_DOMAIN, { scopes: ["read_products", "read_translations"] });
    now += 5_000;
    await source.searchProducts({ words: ["throw"], limit: 1 });
    await vi.waitFor(async () => expect((await source.getProductByHandle("merino-wool-throw"))?.variants[0].quantityAvailable).toBeNull(), { timeout: 10_000 });
    expect(count("BatonProductsBulkRun")).toBe(2);
    expect(admin.bulk.latest(DEMO_SHOP_DOMAIN)?.query).not.toContain("inventoryQuantity");
  });
});
