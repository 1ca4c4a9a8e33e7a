import { indexProducts, search, type CatalogueSource, type ProductFacts, type ProductQuery, type ProductVariantFacts } from "../../app/domain/catalogue";

// The demo store's products as issue 24 states them, as ProductFacts: an in-memory CatalogueSource
// for tests of the chat core (no Admin API, no index). Its search is deliberately plain — any word
// of the query in a product's names, options or description, price bounds, cheapest first when no
// word is given — so a test shows what the engine does with the results, not how a search ranks.

const usd = (amount: string) => ({ amount, currencyCode: "USD" });

function product(
  handle: string,
  title: string,
  description: string,
  productType: string,
  tags: string[],
  variants: Array<{ option?: [string, string]; price: string; stock: number | null | false }>,
): ProductFacts {
  const facts: ProductVariantFacts[] = variants.map((v) => ({
    title: v.option ? v.option[1] : "Default Title",
    options: v.option ? { [v.option[0]]: v.option[1] } : {},
    price: usd(v.price),
    availableForSale: v.stock !== false,
    quantityAvailable: v.stock === false ? 0 : v.stock,
  }));
  const prices = variants.map((v) => Number(v.price));
  const name = variants[0]?.option?.[0];
  return {
    handle,
    title,
    description,
    productType,
    tags,
    url: `https://baton-demo.myshopify.com/products/${handle}`,
    image: null,
    options: name ? [{ name, values: variants.map((v) => v.option![1]) }] : [{ name: "Title", values: ["Default Title"] }],
    variants: facts,
    priceRange: { min: usd(Math.min(...prices).toFixed(2)), max: usd(Math.max(...prices).toFixed(2)) },
  };
}

export const DEMO_FACTS: ProductFacts[] = [
  product(
    "merino-wool-throw",
    "Merino Wool Throw",
    "A soft, warm throw woven from 100 % merino wool. Size: 130 × 180 cm. Care: hand wash cold or dry clean; not machine washable. Lay flat to dry.",
    "Throw",
    ["wool", "blanket", "gift"],
    [
      { option: ["Color", "Oat"], price: "49.00", stock: 24 },
      { option: ["Color", "Sage"], price: "49.00", stock: 3 },
      { option: ["Color", "Charcoal"], price: "49.00", stock: false },
    ],
  ),
  product(
    "linen-cushion-cover",
    "Linen Cushion Cover",
    "A stonewashed linen cushion cover. Size: 45 × 45 cm. Insert not included. Care: machine washable at 40 °C.",
    "Cushion Cover",
    ["linen", "pillow", "gift"],
    [
      { option: ["Color", "Sage"], price: "12.75", stock: 40 },
      { option: ["Color", "Natural"], price: "12.75", stock: 35 },
      { option: ["Color", "Rust"], price: "12.75", stock: 18 },
    ],
  ),
  product(
    "stoneware-mug-set",
    "Stoneware Mug Set",
    "A set of four 350 ml stoneware mugs, glazed by hand. Dishwasher and microwave safe.",
    "Mug",
    ["stoneware", "cups"],
    [
      { option: ["Color", "Charcoal"], price: "89.00", stock: 12 },
      { option: ["Color", "Speckled White"], price: "89.00", stock: 9 },
    ],
  ),
  product(
    "handwoven-wool-rug",
    "Handwoven Wool Rug",
    "Handwoven from undyed wool. Made to order: ships in 3–4 weeks.",
    "Rug",
    ["wool", "carpet"],
    [
      { option: ["Size", "5x8 ft"], price: "690.00", stock: null },
      { option: ["Size", "8x10 ft"], price: "1180.00", stock: null },
    ],
  ),
  product(
    "cotton-bath-towel",
    "Cotton Bath Towel",
    "A thick bath towel of 600 gsm organic cotton.",
    "Towel",
    ["cotton", "organic", "gift"],
    [
      { option: ["Color", "White"], price: "24.00", stock: 60 },
      { option: ["Color", "Stone"], price: "24.00", stock: 22 },
    ],
  ),
  product(
    "walnut-serving-board",
    "Walnut Serving Board",
    "A solid walnut serving board. Care: oil monthly; not dishwasher safe. Wipe clean with a damp cloth.",
    "Serving Board",
    ["walnut", "wood", "gift"],
    [{ price: "65.00", stock: 15 }],
  ),
  product(
    "beeswax-taper-candles",
    "Beeswax Taper Candles (set of 2)",
    "Two hand-dipped taper candles of pure beeswax.",
    "Candle",
    ["beeswax", "candles", "gift"],
    [{ price: "18.00", stock: 50 }],
  ),
  product(
    "gift-card",
    "Gift card",
    "A digital gift card for anything in the store, sent by email.",
    "Gift Card",
    ["gift"],
    [
      { option: ["Denomination", "$25"], price: "25.00", stock: null },
      { option: ["Denomination", "$50"], price: "50.00", stock: null },
      { option: ["Denomination", "$100"], price: "100.00", stock: null },
    ],
  ),
];

/** An in-memory CatalogueSource over the given products; `queries` records every search. */
export function memoryCatalogue(products: ProductFacts[] = DEMO_FACTS, queries: ProductQuery[] = []): CatalogueSource {
  // The real index and ranking the runtime's catalogue uses (app/domain/catalogue), over fixed products.
  const index = indexProducts(products);
  return {
    async searchProducts(query) {
      queries.push(query);
      return search(index, query);
    },
    async getProductByHandle(handle) {
      return products.find((p) => p.handle === handle) ?? null;
    },
  };
}
