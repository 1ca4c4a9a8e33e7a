import { describe, expect, it } from "vitest";
import type { ProductFacts } from "./ports";
import { indexProducts, productByHandle, search } from "./product-index";

function product(handle: string, title: string, extra: Partial<ProductFacts> & { price?: string; maxPrice?: string } = {}): ProductFacts {
  const min = { amount: extra.price ?? "10.00", currencyCode: "USD" };
  const max = { amount: extra.maxPrice ?? extra.price ?? "10.00", currencyCode: "USD" };
  return {
    handle,
    title,
    description: "",
    productType: "",
    tags: [],
    url: `https://shop.example/products/${handle}`,
    image: null,
    options: [],
    variants: [],
    priceRange: { min, max },
    ...extra,
  };
}

const throw_ = product("merino-throw", "Merino Wool Throw", {
  price: "49.00",
  productType: "Throw",
  description: "100 % merino wool, 130 × 180 cm. Hand wash cold.",
  options: [{ name: "Color", values: ["Oat", "Sage", "Charcoal"] }],
});
const rug = product("wool-rug", "Handwoven Wool Rug", {
  price: "690.00",
  maxPrice: "1180.00",
  productType: "Rug",
  options: [{ name: "Size", values: ["5x8 ft", "8x10 ft"] }],
});
const mugs = product("mug-set", "Stoneware Mug Set", {
  price: "89.00",
  productType: "Mug",
  options: [{ name: "Color", values: ["Charcoal", "Speckled White"] }],
});
const cushion = product("linen-cushion", "Linen Cushion Cover", { price: "12.75", tags: ["gift"], description: "Machine washable at 40 °C." });
const candles = product("candles", "Beeswax Taper Candles (set of 2)", { price: "18.00", tags: ["gift"] });
const all = [throw_, rug, mugs, cushion, candles];
const index = indexProducts(all);
const find = (words: string[], bounds: { minPrice?: number; maxPrice?: number } = {}, limit = 5) =>
  search(index, { words, limit, ...bounds }).map((p) => p.handle);

describe("product index", () => {
  it("finds a product by its name, and ranks the product whose title says it above one whose description does", () => {
    expect(find(["merino"])).toEqual(["merino-throw"]);
    expect(find(["wool"])).toEqual(["merino-throw", "wool-rug"]);
    expect(find(["throw"])).toEqual(["merino-throw"]);
  });

  it("matches plural and singular, accents and sizes written any way", () => {
    expect(find(["mugs"])).toEqual(["mug-set"]);
    expect(find(["candle"])).toEqual(["candles"]);
    expect(find(["5", "x", "8"])).toEqual(["wool-rug"]);
    expect(find(["5×8"])).toEqual(["wool-rug"]);
  });

  it("reads the four languages' colour, material and product words as the shop's", () => {
    expect(find(["manta", "lana"])).toEqual(["merino-throw", "wool-rug"]);
    expect(find(["tapis"])).toEqual(["wool-rug"]);
    expect(find(["Tasse"])).toEqual(["mug-set"]);
    expect(find(["cojín", "lino"])).toEqual(["linen-cushion"]);
  });

  it("finds a shop colour by its own name and by its plain colour (ties: the lower price first)", () => {
    expect(find(["charcoal"])).toEqual(["merino-throw", "mug-set"]);
    expect(find(["grau"])).toEqual(["merino-throw", "mug-set"]);
    expect(find(["grey", "oat"])).toEqual(["merino-throw", "mug-set"]);
    expect(find(["charcoal", "mug"])).toEqual(["mug-set", "merino-throw"]);
  });

  it("ranks products matching more of the shopper's words first, and says how many each matched", () => {
    expect(find(["charcoal", "throw"])[0]).toBe("merino-throw");
    const answers = search(index, { words: ["charcoal", "throw", "ideas"], limit: 5 });
    expect(answers.map((p) => [p.handle, p.match])).toEqual([
      ["merino-throw", { words: 2, of: 2 }],
      ["mug-set", { words: 1, of: 2 }],
    ]);
    expect(find(["wool", "rug"])[0]).toBe("wool-rug");
  });

  it("keeps price bounds against any variant's price", () => {
    expect(find(["gift"], { maxPrice: 30 })).toEqual(["linen-cushion", "candles"]);
    expect(find(["wool"], { minPrice: 1000 })).toEqual(["wool-rug"]);
    expect(find(["wool"], { maxPrice: 40 })).toEqual([]);
  });

  it("answers a query of generic words with everything in bounds, cheapest first", () => {
    expect(find(["ideas"], { maxPrice: 50 })).toEqual(["linen-cushion", "candles", "merino-throw"]);
  });

  it("returns nothing for a product the shop does not carry, and respects the limit", () => {
    expect(find(["sofa"])).toEqual([]);
    expect(find(["wool"], {}, 1)).toEqual(["merino-throw"]);
    expect(find(["wool"], {}, 0)).toEqual([]);
  });

  it("completes a word's beginning, weaker than the whole word", () => {
    expect(find(["stonew"])).toEqual(["mug-set"]);
  });

  it("is deterministic: the same catalogue in another order ranks ties by price, then published order", () => {
    const reversed = indexProducts([...all].reverse());
    expect(search(reversed, { words: ["wool"], limit: 5 }).map((p) => p.handle)).toEqual(find(["wool"]));
  });

  it("looks a product up by its handle", () => {
    expect(productByHandle(index, "wool-rug")?.title).toBe("Handwoven Wool Rug");
    expect(productByHandle(index, "nope")).toBeNull();
  });
});

describe("German plurals and compounds", () => {
  const index = indexProducts([throw_, rug, mugs, cushion]);
  const handles = (words: string[]) => search(index, { words, limit: 3 }).map((found) => found.handle);

  it.each([
    [["teppiche"], "wool-rug"],
    [["wollteppiche"], "wool-rug"],
    [["wollteppich"], "wool-rug"],
    [["leinenkissen"], "linen-cushion"],
    [["kissenhüllen"], "linen-cushion"],
    [["handtücher", "becher"], "mug-set"],
    [["tassen"], "mug-set"],
    [["wolldecken"], "merino-throw"],
  ])("%j finds %s first", (words, handle) => {
    expect(handles(words)[0]).toBe(handle);
  });

  it("does not cut English words to strangers", () => {
    expect(handles(["cable"])).toEqual([]);
    expect(handles(["novelas"])).toEqual([]);
  });
});
