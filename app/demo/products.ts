import type { AdminProductNode } from "~/shopify/admin-api/types";
import { DEMO_SHOP } from "./catalogue";

/**
 * The demo store's products, exactly as the Admin API answers our PRODUCTS_PAGE query, so the demo
 * runs the production mapping and index. These facts are what the assistant may say about them;
 * the demo storefront page shows the same list.
 */

interface VariantSpec {
  options: Record<string, string>;
  price: string;
  /** Units in stock when tracked; `false` for sold out. */
  stock?: number | false;
}

interface ProductSpec {
  id: number;
  handle: string;
  title: string;
  description: string;
  productType: string;
  tags: string[];
  /** false: the shop does not track stock (made to order, gift cards). */
  tracked: boolean;
  variants: VariantSpec[];
}

function product(spec: ProductSpec): AdminProductNode {
  const optionNames = Object.keys(spec.variants[0].options);
  const prices = spec.variants.map((v) => Number(v.price));
  const money = (amount: number) => ({ amount: amount.toFixed(2), currencyCode: "USD" });
  return {
    id: `gid://shopify/Product/${spec.id}`,
    handle: spec.handle,
    title: spec.title,
    description: spec.description,
    productType: spec.productType,
    tags: spec.tags,
    onlineStoreUrl: `https://${DEMO_SHOP}/products/${spec.handle}`,
    tracksInventory: spec.tracked,
    // No photos in the demo: a card without an image beats a link to a file that does not exist.
    featuredMedia: null,
    options:
      optionNames.length > 0
        ? optionNames.map((name) => ({ name, values: [...new Set(spec.variants.map((v) => v.options[name]))] }))
        : [{ name: "Title", values: ["Default Title"] }],
    priceRangeV2: { minVariantPrice: money(Math.min(...prices)), maxVariantPrice: money(Math.max(...prices)) },
    variants: {
      nodes: spec.variants.map((v) => {
        const values = Object.values(v.options);
        return {
          title: values.length > 0 ? values.join(" / ") : "Default Title",
          price: v.price,
          availableForSale: v.stock !== false,
          inventoryPolicy: "DENY" as const,
          inventoryQuantity: spec.tracked ? (v.stock === false ? 0 : (v.stock ?? 0)) : null,
          selectedOptions:
            values.length > 0 ? Object.entries(v.options).map(([name, value]) => ({ name, value })) : [{ name: "Title", value: "Default Title" }],
        };
      }),
    },
  };
}

export const DEMO_PRODUCTS: AdminProductNode[] = [
  product({
    id: 9001,
    handle: "merino-wool-throw",
    title: "Merino Wool Throw",
    description:
      "A soft, warm throw woven from 100 % merino wool. Size: 130 × 180 cm. Care: hand wash cold or dry clean; not machine washable. Lay flat to dry.",
    productType: "Throw",
    tags: ["wool", "blanket", "living room", "gift"],
    tracked: true,
    variants: [
      { options: { Color: "Oat" }, price: "49.00", stock: 24 },
      { options: { Color: "Sage" }, price: "49.00", stock: 3 },
      { options: { Color: "Charcoal" }, price: "49.00", stock: false },
    ],
  }),
  product({
    id: 9002,
    handle: "linen-cushion-cover",
    title: "Linen Cushion Cover",
    description: "A stonewashed linen cushion cover. Size: 45 × 45 cm. Insert not included. Care: machine washable at 40 °C.",
    productType: "Cushion Cover",
    tags: ["linen", "pillow", "living room", "gift"],
    tracked: true,
    variants: [
      { options: { Color: "Sage" }, price: "12.75", stock: 40 },
      { options: { Color: "Natural" }, price: "12.75", stock: 35 },
      { options: { Color: "Rust" }, price: "12.75", stock: 18 },
    ],
  }),
  product({
    id: 9003,
    handle: "stoneware-mug-set",
    title: "Stoneware Mug Set",
    description: "A set of four 350 ml stoneware mugs, glazed by hand. Dishwasher and microwave safe.",
    productType: "Mug",
    tags: ["stoneware", "kitchen", "cups", "gift"],
    tracked: true,
    variants: [
      { options: { Color: "Charcoal" }, price: "89.00", stock: 12 },
      { options: { Color: "Speckled White" }, price: "89.00", stock: 9 },
    ],
  }),
  product({
    id: 9004,
    handle: "handwoven-wool-rug",
    title: "Handwoven Wool Rug",
    description: "Handwoven from undyed wool. Made to order: ships in 3–4 weeks.",
    productType: "Rug",
    tags: ["wool", "carpet", "living room", "made to order"],
    tracked: false,
    variants: [
      { options: { Size: "5x8 ft" }, price: "690.00" },
      { options: { Size: "8x10 ft" }, price: "1180.00" },
    ],
  }),
  product({
    id: 9005,
    handle: "cotton-bath-towel",
    title: "Cotton Bath Towel",
    description: "A thick bath towel of 600 gsm organic cotton.",
    productType: "Towel",
    tags: ["cotton", "organic", "bathroom", "gift"],
    tracked: true,
    variants: [
      { options: { Color: "White" }, price: "24.00", stock: 60 },
      { options: { Color: "Stone" }, price: "24.00", stock: 22 },
    ],
  }),
  product({
    id: 9006,
    handle: "walnut-serving-board",
    title: "Walnut Serving Board",
    description: "A solid walnut serving board. Care: oil monthly; not dishwasher safe. Wipe clean with a damp cloth.",
    productType: "Serving Board",
    tags: ["walnut", "wood", "kitchen", "gift"],
    tracked: true,
    variants: [{ options: {}, price: "65.00", stock: 15 }],
  }),
  product({
    id: 9007,
    handle: "beeswax-taper-candles",
    title: "Beeswax Taper Candles (set of 2)",
    description: "Two hand-dipped taper candles of pure beeswax.",
    productType: "Candle",
    tags: ["beeswax", "candles", "gift"],
    tracked: true,
    variants: [{ options: {}, price: "18.00", stock: 50 }],
  }),
  product({
    id: 9009,
    handle: "ceramic-vase",
    title: "Ceramic Vase",
    description: "A matte ceramic vase, thrown by hand. Small: 15 cm tall; Large: 28 cm tall. Watertight.",
    productType: "Vase",
    tags: ["ceramic", "living room", "gift"],
    tracked: true,
    variants: [
      { options: { Size: "Small" }, price: "34.00", stock: 7 },
      { options: { Size: "Large" }, price: "58.00", stock: 2 },
    ],
  }),
  product({
    id: 9008,
    handle: "gift-card",
    title: "Gift card",
    description: "A digital gift card for anything in the store, sent by email.",
    productType: "Gift Card",
    tags: ["gift"],
    tracked: false,
    variants: [
      { options: { Denomination: "$25" }, price: "25.00" },
      { options: { Denomination: "$50" }, price: "50.00" },
      { options: { Denomination: "$100" }, price: "100.00" },
    ],
  }),
];
