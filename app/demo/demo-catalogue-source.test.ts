import { describe, expect, it } from "vitest";
import type { ProductFacts } from "~/domain/catalogue";
import { createDemoCatalogueSource } from "./demo-catalogue-source";

// The facts issue 24 lists for the demo store, read back through the port the chat uses.
const catalogue = createDemoCatalogueSource();
const get = async (handle: string): Promise<ProductFacts> => {
  const product = await catalogue.getProductByHandle(handle);
  if (!product) throw new Error(`no ${handle}`);
  return product;
};
const variant = (product: ProductFacts, title: string) => product.variants.find((v) => v.title === title);
const titles = async (words: string[], bounds: { maxPrice?: number; minPrice?: number } = {}) =>
  (await catalogue.searchProducts({ words, limit: 10, ...bounds })).map((p) => p.title);

describe("demo catalogue", () => {
  it("has the Merino Wool Throw with its material, size, care and three colours' availability", async () => {
    const product = await get("merino-wool-throw");
    expect(product.title).toBe("Merino Wool Throw");
    expect(product.priceRange.min).toEqual({ amount: "49.00", currencyCode: "USD" });
    expect(product.description).toMatch(/100 % merino wool/);
    expect(product.description).toMatch(/130 × 180 cm/);
    expect(product.description).toMatch(/hand wash cold or dry clean; not machine washable/);
    expect(product.options).toEqual([{ name: "Color", values: ["Oat", "Sage", "Charcoal"] }]);
    expect(variant(product, "Oat")).toMatchObject({ availableForSale: true, options: { Color: "Oat" } });
    expect(variant(product, "Sage")).toMatchObject({ availableForSale: true, quantityAvailable: 3 });
    expect(variant(product, "Charcoal")).toMatchObject({ availableForSale: false, quantityAvailable: 0 });
  });

  it("has the other products with the listed prices and facts", async () => {
    const cushion = await get("linen-cushion-cover");
    expect(cushion.priceRange.min.amount).toBe("12.75");
    expect(cushion.description).toMatch(/45 × 45 cm.*Insert not included.*machine washable at 40 °C/);
    expect(cushion.options[0].values).toEqual(["Sage", "Natural", "Rust"]);

    const mugs = await get("stoneware-mug-set");
    expect(mugs.priceRange.min.amount).toBe("89.00");
    expect(mugs.description).toMatch(/four 350 ml stoneware mugs.*Dishwasher and microwave safe/);
    expect(mugs.options[0].values).toEqual(["Charcoal", "Speckled White"]);

    const rug = await get("handwoven-wool-rug");
    expect(rug.variants.map((v) => [v.title, v.price.amount, v.availableForSale, v.quantityAvailable])).toEqual([
      ["5x8 ft", "690.00", true, null],
      ["8x10 ft", "1180.00", true, null],
    ]);
    expect(rug.description).toMatch(/Made to order: ships in 3–4 weeks/);

    const towel = await get("cotton-bath-towel");
    expect([towel.priceRange.min.amount, towel.description, towel.options[0].values]).toEqual([
      "24.00",
      expect.stringMatching(/600 gsm organic cotton/),
      ["White", "Stone"],
    ]);

    const board = await get("walnut-serving-board");
    expect([board.priceRange.min.amount, board.description]).toEqual(["65.00", expect.stringMatching(/oil monthly; not dishwasher safe/)]);

    const candles = await get("beeswax-taper-candles");
    expect([candles.title, candles.priceRange.min.amount]).toEqual(["Beeswax Taper Candles (set of 2)", "18.00"]);

    const card = await get("gift-card");
    expect(card.variants.map((v) => v.price.amount)).toEqual(["25.00", "50.00", "100.00"]);
  });

  it("answers searches from the index: names, colours, languages, sizes, price ranges, unknown products", async () => {
    expect((await titles(["throw"]))[0]).toBe("Merino Wool Throw");
    expect((await titles(["charcoal"])).slice(0, 2)).toEqual(["Merino Wool Throw", "Stoneware Mug Set"]);
    expect((await titles(["alfombra"]))[0]).toBe("Handwoven Wool Rug");
    expect((await titles(["5x8", "rug"]))[0]).toBe("Handwoven Wool Rug");
    expect(await titles(["gift"], { maxPrice: 30 })).toEqual(["Gift card", "Linen Cushion Cover", "Beeswax Taper Candles (set of 2)", "Cotton Bath Towel"]);
    expect(await titles(["sofa"])).toEqual([]);
  });
});
