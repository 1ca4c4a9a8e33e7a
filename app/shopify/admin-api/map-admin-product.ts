import type { ProductFacts, ProductVariantFacts } from "~/domain/catalogue";
import type { AdminProductNode, AdminProductVariantNode } from "./types";

/** Admin API product node → the product facts the assistant may quote (also used for the demo catalogue). */
export function mapAdminProduct(node: AdminProductNode): ProductFacts {
  const currencyCode = node.priceRangeV2.minVariantPrice.currencyCode;
  const image = node.featuredMedia?.preview?.image ?? null;
  return {
    handle: node.handle,
    title: node.title,
    description: node.description,
    productType: node.productType,
    tags: node.tags,
    url: node.onlineStoreUrl,
    image: image ? { url: image.url, alt: image.altText } : null,
    options: node.options.map((o) => ({ name: o.name, values: o.values })),
    variants: node.variants.nodes.map((v) => mapVariant(v, currencyCode, node.tracksInventory)),
    priceRange: { min: node.priceRangeV2.minVariantPrice, max: node.priceRangeV2.maxVariantPrice },
  };
}

function mapVariant(node: AdminProductVariantNode, currencyCode: string, tracked: boolean): ProductVariantFacts {
  return {
    title: node.title,
    options: Object.fromEntries(node.selectedOptions.map((o) => [o.name, o.value])),
    price: { amount: node.price, currencyCode },
    availableForSale: node.availableForSale,
    // A count is a fact only when the shop tracks it and stops selling at zero (CONTINUE sells on).
    quantityAvailable: tracked && node.inventoryPolicy === "DENY" && typeof node.inventoryQuantity === "number" ? Math.max(0, node.inventoryQuantity) : null,
  };
}
