import type { ProductFacts, ProductTranslation, ProductVariantFacts } from "~/domain/catalogue";
import { htmlToText } from "./map-admin-order";
import type { AdminProductNode, AdminProductVariantNode, AdminTranslation } from "./types";

const TRANSLATED_LANGUAGES = ["es", "fr", "de"] as const;

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
    ...translationsOf(node),
  };
}

function translationsOf(node: AdminProductNode): { translations?: Record<string, ProductTranslation> } {
  const translations: Record<string, ProductTranslation> = {};
  for (const language of TRANSLATED_LANGUAGES) {
    const translation = translationFrom(node[language] ?? []);
    if (translation) translations[language] = translation;
  }
  return Object.keys(translations).length > 0 ? { translations } : {};
}

function translationFrom(entries: AdminTranslation[]): ProductTranslation | null {
  const value = (key: string) => entries.find((e) => e.key === key)?.value?.trim() || undefined;
  const body = value("body_html");
  const translation: ProductTranslation = {
    ...(value("title") ? { title: value("title") } : {}),
    ...(body ? { description: htmlToText(body) } : {}),
    ...(value("product_type") ? { productType: value("product_type") } : {}),
  };
  return Object.keys(translation).length > 0 ? translation : null;
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
