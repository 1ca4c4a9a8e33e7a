import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDemoStore, createOtherStore, DEMO_SHOP_DOMAIN, OTHER_SHOP_DOMAIN } from "../../../tests/fixtures/shopify-orders";
import { homeGoodsProducts, syntheticProducts } from "../../../tests/fixtures/shopify-products";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../../../tests/servers/shopify-admin-server";
import { createCatalogueCache, type CatalogueCacheOptions } from "./admin-catalogue.server";

let admin: ShopifyAdminServerHandle;
const token = "shpat_fake";

beforeAll(async () => {
  const demo = createDemoStore();
  const other = createOtherStore();
  // A roomy bucket: these tests are about the catalogue, not Shopify's rate limits (one test below is).
  admin = await startShopifyAdminServer({
    accessToken: token,
    shops: { [DEMO_SHOP_DOMAIN]: demo, [OTHER_SHOP_DOMAIN]: other },
    bucket: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 },
  });
});
afterAll(() => admin.stop());
beforeEach(() => {
  admin.reset();
  admin.shops[DEMO_SHOP_DOMAIN].products = homeGoodsProducts(DEMO_SHOP_DOMAIN);
  admin.shops[OTHER_SHOP_DOMAIN].products = syntheticProducts(OTHER_SHOP_DOMAIN, 40);
});

const fastSleep = () => Promise.resolve();
function catalogue(options: CatalogueCacheOptions = {}, shop = DEMO_SHOP_DOMAIN) {
  const cache = createCatalogueCache(options);
  return { cache, source: cache.sourceFor({ shop, accessToken: token, origin: admin.origin, sleep: fastSleep }) };
}
const productRequests = () => admin.requests.filter((r) => r.query?.includes("BatonProductsPage")).length;

describe("Admin API catalogue", () => {
  it("searches the shop's active products and reports each variant's availability as the data gives it", async () => {
    const { source } = catalogue();
    const [throw_] = await source.searchProducts({ words: ["throw", "charcoal"], limit: 3 });
    expect(throw_).toMatchObject({
      handle: "merino-wool-throw",
      title: "Merino Wool Throw",
      productType: "Throw",
      url: `https://${DEMO_SHOP_DOMAIN}/products/merino-wool-throw`,
      image: { url: "https://cdn.shopify.com/s/files/1/0000/products/merino-wool-throw.jpg", alt: "Merino Wool Throw" },
      options: [{ name: "Color", values: ["Oat", "Sage", "Charcoal"] }],
      priceRange: { min: { amount: "49.0", currencyCode: "USD" }, max: { amount: "49.0", currencyCode: "USD" } },
    });
    expect(throw_.description).toContain("not machine washable");
    expect(throw_.variants.map((v) => [v.title, v.options, v.price.amount, v.availableForSale, v.quantityAvailable])).toEqual([
      ["Oat", { Color: "Oat" }, "49.00", true, 24],
      ["Sage", { Color: "Sage" }, "49.00", true, 3],
      ["Charcoal", { Color: "Charcoal" }, "49.00", false, 0],
    ]);
    admin.assertNoInvalidQueries();
    expect(admin.synthesizedFields).toEqual(new Set());
  });

  it("never states a count the shop does not track or does not stop selling at", async () => {
    const { source } = catalogue();
    const rug = await source.getProductByHandle("handwoven-wool-rug");
    expect(rug?.variants.map((v) => [v.title, v.price.amount, v.availableForSale, v.quantityAvailable])).toEqual([
      ["5x8 ft", "690.00", true, null],
      ["8x10 ft", "1180.00", true, null],
    ]);
    const candles = await source.getProductByHandle("beeswax-taper-candles");
    expect(candles?.variants[0]).toMatchObject({ availableForSale: true, quantityAvailable: null });
    expect(candles?.image).toBeNull();
  });

  it("answers in the shopper's language where the shop published a translation, and finds products by it", async () => {
    const { source } = catalogue();
    const [es] = await source.searchProducts({ words: ["manta", "merino"], language: "es", limit: 1 });
    expect([es.handle, es.title, es.description]).toEqual([
      "merino-wool-throw",
      "Manta de lana merino",
      "100 % lana merino, 130 × 180 cm. Lavar a mano en frío o en seco.",
    ]);
    const fr = await source.getProductByHandle("merino-wool-throw", "fr-CA");
    expect([fr?.title, fr?.description]).toEqual(["Plaid en laine mérinos", expect.stringContaining("not machine washable")]);
    expect((await source.getProductByHandle("merino-wool-throw", "de"))?.title).toBe("Merino Wool Throw");
    expect((await source.searchProducts({ words: ["plaid"], limit: 1 }))[0].title).toBe("Merino Wool Throw");
  });

  it("reads a shop that has not granted read_inventory yet without counts, availability still known", async () => {
    admin.setAccess(DEMO_SHOP_DOMAIN, { scopes: ["read_orders", "read_customers", "read_products", "read_translations"] });
    const { source } = catalogue();
    const product = await source.getProductByHandle("merino-wool-throw");
    expect(product?.variants.map((v) => [v.title, v.availableForSale, v.quantityAvailable])).toEqual([
      ["Oat", true, null],
      ["Sage", true, null],
      ["Charcoal", false, null],
    ]);
    expect(productRequests()).toBe(2);
  });

  it("reads a shop that has not granted read_translations yet in its own language", async () => {
    admin.setAccess(DEMO_SHOP_DOMAIN, { scopes: ["read_products", "read_inventory"] });
    const { source } = catalogue();
    expect((await source.getProductByHandle("merino-wool-throw", "es"))?.title).toBe("Merino Wool Throw");
    expect(productRequests()).toBe(2);
  });

  it("keeps price ranges, leaves drafts out and finds nothing for a product the shop does not carry", async () => {
    const { source } = catalogue();
    expect((await source.searchProducts({ words: ["rug"], limit: 5, maxPrice: 500 })).map((p) => p.handle)).toEqual([]);
    expect((await source.searchProducts({ words: ["rug"], limit: 5, minPrice: 1000 })).map((p) => p.handle)).toEqual(["handwoven-wool-rug"]);
    expect((await source.searchProducts({ words: ["gift"], limit: 5, maxPrice: 30 })).map((p) => p.handle)).toEqual(["beeswax-taper-candles"]);
    expect(await source.searchProducts({ words: ["lamp"], limit: 5 })).toEqual([]);
    expect(await source.getProductByHandle("secret-prototype-lamp")).toBeNull();
    // Active but not on the Online Store (sold to trade or in person only): never described to shoppers.
    expect(await source.searchProducts({ words: ["wholesale", "linen", "bundle"], limit: 5 })).toEqual([]);
    expect(await source.getProductByHandle("wholesale-linen-bundle")).toBeNull();
    expect(await source.getProductByHandle("no-such-thing")).toBeNull();
  });

  it("loads a catalogue page by page, once, however many turns ask at the same time", async () => {
    const { source, cache } = catalogue({ pageSize: 7, bulkAfterPages: Infinity }, OTHER_SHOP_DOMAIN);
    const answers = await Promise.all([1, 2, 3].map(() => source.searchProducts({ words: ["wool"], limit: 50 })));
    expect(answers[0].length).toBe(10);
    expect(answers[1]).toEqual(answers[0]);
    expect(productRequests()).toBe(Math.ceil(40 / 7));
    expect(cache.stats()).toEqual({ shops: 1, products: 40 });
    admin.assertNoInvalidQueries();
  });

  it("caps the products kept per shop", async () => {
    const { cache, source } = catalogue({ pageSize: 15, maxProductsPerShop: 20 }, OTHER_SHOP_DOMAIN);
    await source.searchProducts({ words: ["wool"], limit: 5 });
    expect(cache.stats().products).toBe(20);
    expect(productRequests()).toBe(2);
  });

  it("sees a product changed on the server once the TTL has passed, answering from the previous load meanwhile", async () => {
    let now = 1_000_000;
    const { source } = catalogue({ ttlMs: 60_000, now: () => now });
    const sage = async () => (await source.getProductByHandle("merino-wool-throw"))?.variants.find((v) => v.title === "Sage");
    expect(await sage()).toMatchObject({ availableForSale: true, quantityAvailable: 3 });

    const variant = admin.shops[DEMO_SHOP_DOMAIN].products![0].variants[1];
    Object.assign(variant, { availableForSale: false, inventoryQuantity: 0 });
    now += 59_000;
    expect(await sage()).toMatchObject({ availableForSale: true, quantityAvailable: 3 });
    expect(productRequests()).toBe(1);

    now += 1_000;
    expect(await sage()).toMatchObject({ quantityAvailable: 3 });
    await vi.waitFor(async () => expect(await sage()).toMatchObject({ availableForSale: false, quantityAvailable: 0 }));
    expect(productRequests()).toBe(2);
  });

  it("keeps answering from the previous load when a refresh fails, and reports it", async () => {
    let now = 0;
    const failures: string[] = [];
    const { source } = catalogue({ ttlMs: 1_000, now: () => now, onRefreshError: (shop) => failures.push(shop) });
    await source.searchProducts({ words: ["throw"], limit: 1 });
    now += 5_000;
    admin.failNext(10, 503);
    expect((await source.searchProducts({ words: ["throw"], limit: 1 })).map((p) => p.handle)).toEqual(["merino-wool-throw"]);
    await vi.waitFor(() => expect(failures).toEqual([DEMO_SHOP_DOMAIN]));
  });

  it("stops a turn waiting for a slow first load, and answers from it once it is in", async () => {
    const { source } = catalogue({ coldWaitMs: 50 });
    admin.setDelay(150);
    await expect(source.searchProducts({ words: ["throw"], limit: 1 })).rejects.toThrow(/still loading/);
    admin.setDelay(0);
    await vi.waitFor(async () => expect((await source.searchProducts({ words: ["throw"], limit: 1 })).map((p) => p.handle)).toEqual(["merino-wool-throw"]));
    expect(productRequests()).toBe(1);
  });

  it("evicts the least recently asked shop past the bound, and fails a cold load honestly", async () => {
    const cache = createCatalogueCache({ maxShops: 1 });
    const source = (shop: string) => cache.sourceFor({ shop, accessToken: token, origin: admin.origin, sleep: fastSleep });
    await source(DEMO_SHOP_DOMAIN).searchProducts({ words: ["throw"], limit: 1 });
    await source(OTHER_SHOP_DOMAIN).searchProducts({ words: ["wool"], limit: 1 });
    expect(cache.stats()).toEqual({ shops: 1, products: 40 });

    admin.setAccess(DEMO_SHOP_DOMAIN, { scopes: ["read_orders"] });
    await expect(source(DEMO_SHOP_DOMAIN).searchProducts({ words: ["throw"], limit: 1 })).rejects.toThrow(/read_products/);
  });
});
