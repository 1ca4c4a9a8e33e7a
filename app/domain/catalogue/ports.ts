import type { Money } from "../orders";

// The catalogue capability: what the assistant reads to answer product questions ("is the throw
// in stock in Oat?", "gift ideas under $30?"). Facts as the shop published them; nothing here may
// be invented by the assistant (no stock, prices or dates the data does not give).

export interface ProductVariantFacts {
  /** "Oat", "5x8 ft", "Default Title" for a product without options. */
  title: string;
  /** The variant's value per product option: { Color: "Oat" }. */
  options: Record<string, string>;
  price: Money;
  availableForSale: boolean;
  /** Units left when the shop tracks inventory and shares it; null when unknown (never guessed). */
  quantityAvailable: number | null;
}

export interface ProductFacts {
  /** The storefront handle: /products/<handle>. */
  handle: string;
  title: string;
  /** Plain text (HTML stripped), as the shop published it. */
  description: string;
  productType: string;
  tags: string[];
  /** The product page on the storefront, when published to it. */
  url: string | null;
  image: { url: string; alt: string | null } | null;
  /** Option names and their values in the shop's order: [{ name: "Color", values: ["Oat", "Sage"] }]. */
  options: Array<{ name: string; values: string[] }>;
  variants: ProductVariantFacts[];
  /** The lowest and highest variant price. */
  priceRange: { min: Money; max: Money };
  /**
   * The shop's published translations by language ("es", "fr", "de"), where it has them. Search
   * answers already carry the shopper's language in `title`, `description` and `productType`.
   */
  translations?: Record<string, ProductTranslation>;
  /**
   * Set on search answers: how many of the query's specific words this product matched (`words`)
   * of how many there were (`of`). All of them: what was asked for; fewer: only close to it.
   */
  match?: { words: number; of: number };
}

/** What a shop translated of a product (plain text); a missing field stays in the shop's language. */
export interface ProductTranslation {
  title?: string;
  description?: string;
  productType?: string;
}

/** What the shopper is looking for, as the core read it from their message. */
export interface ProductQuery {
  /** Meaningful words of the message (names, types, colours, materials, sizes), lower case. */
  words: string[];
  /** Price bounds in the shop's currency ("under $30" → max 30). */
  minPrice?: number;
  maxPrice?: number;
  /** The shopper's language: published translations are used where the shop has them. */
  language?: string;
  limit: number;
}

/**
 * Reads a shop's products. Implemented by the Admin API adapter (app/shopify/, cached per shop and
 * kept fresh) and the demo catalogue (app/demo/); wired in app/shopify.server.ts beside
 * `shopLookupsFor`, and read once per turn by the chat's gathering when the message asks about
 * products.
 */
export interface CatalogueSource {
  /** Products matching the query, best first (at most `query.limit`); [] when nothing matches. */
  searchProducts(query: ProductQuery): Promise<ProductFacts[]>;
  /** The product, in `language` where the shop published a translation. */
  getProductByHandle(handle: string, language?: string): Promise<ProductFacts | null>;
}
