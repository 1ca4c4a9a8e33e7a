import type { Money } from "../orders";

// The catalogue capability: what the assistant will need to answer product questions ("is the
// throw in stock in Oat?"), which it now hands to the product page or the team. Types only; no
// adapter exists yet, so nothing calls it.

export interface ProductVariantFacts {
  title: string;
  price: Money;
  availableForSale: boolean;
}

export interface ProductFacts {
  /** The storefront handle: /products/<handle>. */
  handle: string;
  title: string;
  /** Plain text (HTML stripped). */
  description: string;
  url: string | null;
  variants: ProductVariantFacts[];
}

/**
 * Reads a shop's products. Who implements it: an Admin API adapter in app/shopify/admin-api/
 * (the `products` query; needs the `read_products` scope in SCOPES and shopify.app.toml) and the
 * demo catalogue in app/demo/. Where it is wired: app/shopify.server.ts, beside `shopLookupsFor`,
 * then gathered once per turn in the chat's fact gathering like the order lookup.
 */
export interface CatalogueSource {
  /** Products matching the shopper's words, best first (at most `limit`). */
  searchProducts(query: string, limit: number): Promise<ProductFacts[]>;
  getProductByHandle(handle: string): Promise<ProductFacts | null>;
}
