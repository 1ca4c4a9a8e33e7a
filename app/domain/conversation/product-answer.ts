import { tokens, type ProductFacts, type ProductVariantFacts } from "../catalogue";
import type { ProductAspect, ProductQuestion } from "./product-question";
import type { Format, ProductLine, ReplyCatalog, VariantStock } from "./replies";
import { joined, said, type Said } from "./said";

/** The catalogue as one turn saw it (gathered once by the shell). */
export interface CatalogueFacts {
  /** The product question read from the message (`loose` when the message only might name a product). */
  question: ProductQuestion | null;
  /** What the catalogue returned for the turn's one search, best first. */
  products: ProductFacts[];
  /** The catalogue could not be read: never "we don't carry that". */
  failed: boolean;
  /** The product the previous reply was about (its handle), for "is it machine washable?". */
  previousHandle: string | null;
}

/** The built-in engine's product answer: what to say and which products to show as cards. */
export interface ProductAnswer {
  said: Said;
  products: ProductFacts[];
  /** Variant choices go on the card when the shopper asked about them. */
  showVariants: boolean;
  /** Nothing fitted: the reply did not help (quick actions after a miss). */
  unhelpful: boolean;
}

// Fewer units than this are told as "N left"; more as "in stock" (both only when the shop shares quantities).
const LOW_STOCK = 5;
const LIST_MAX = 4;
const QUOTES_MAX = 2;

const COLOURS = new Set("grey gray white black blue red green pink yellow brown beige navy orange purple cream ivory gold silver".split(" "));

// Sentences of a description that answer each aspect (the shop's text, in its language).
const ASPECT_FACTS: Partial<Record<ProductAspect, RegExp>> = {
  // "\bwash": "stonewashed linen" is a finish, not care.
  care: new RegExp(
    String.raw`\bwash|\bclean|dishwasher|microwave|\boil\b|\bdry|\biron|bleach|\bcare|lavar|lavable|lavavajillas|` +
      String.raw`laver|lave-vaisselle|waschen|waschbar|sp[üu]lmaschine|pflege`,
    "i",
  ),
  size: /\d\s*(?:cm|mm|m|in|inch|inches|ft|ml|l|oz|gsm)\b|\d\s*[x×]\s*\d|\bsize\b|dimension|measure|tama[ñn]o|taille|gr[öo](?:ß|ss)e|included|includes/i,
  material: new RegExp(
    String.raw`wool|cotton|linen|stoneware|ceramic|porcelain|walnut|oak|wood|beeswax|wax|leather|silk|polyester|` +
      String.raw`organic|merino|\d\s*%|lana|algod[óo]n|laine|coton|wolle|baumwolle`,
    "i",
  ),
};
const LEAD_TIME = /made to order|ships in|ships within|pre-?order|hecho a pedido|sur commande|auf bestellung/i;

// Words compared as the catalogue's search compares them (app/domain/catalogue/words.ts): plurals, the four
// languages' product, colour and material words, German compounds ("Wollteppiche" → wool, rug). A second,
// simpler reading here once let the search find the rug and this answer say "we don't carry that".
function wordsOf(text: string): string[] {
  return tokens(text);
}

function queryWords(q: ProductQuestion | null): string[] {
  return [...new Set(wordsOf((q?.query.words ?? []).join(" ")))];
}

/** How many of the query's words name this product (title, type, tags, handle). */
function nameHits(p: ProductFacts, query: string[]): number {
  const names = new Set(wordsOf([p.title, p.productType, p.handle.replace(/-/g, " "), ...p.tags].join(" ")));
  return query.filter((w) => names.has(w)).length;
}

const UNITS = new Set(["ft", "cm", "mm", "in", "inch", "ml", "oz", "set", "of"]);

/** The option values the shopper named ("charcoal", "8x10" for "8x10 ft"). */
function askedValues(p: ProductFacts, query: string[]): string[] {
  const values = p.options.flatMap((o) => o.values).filter((v) => v !== "Default Title");
  return values.filter((v) => {
    const vw = wordsOf(v).filter((w) => !UNITS.has(w));
    return vw.some((w) => query.includes(w));
  });
}

/** A variant's availability from the data only: sold out, N left, in stock, or available (quantity unknown). */
export function variantStock(v: ProductVariantFacts): VariantStock {
  if (!v.availableForSale) return { kind: "sold_out" };
  if (v.quantityAvailable === null) return { kind: "available" };
  if (v.quantityAvailable <= 0) return { kind: "available" };
  return v.quantityAvailable <= LOW_STOCK ? { kind: "left", count: v.quantityAvailable } : { kind: "in_stock" };
}

function hasVariants(p: ProductFacts): boolean {
  return p.variants.length > 1 || (p.variants[0] !== undefined && p.variants[0].title !== "Default Title");
}

function line(p: ProductFacts, f: Format): ProductLine {
  const { min, max } = p.priceRange;
  return { title: p.title, price: f.money(min), from: Number(max.amount) > Number(min.amount) };
}

function inRange(p: ProductFacts, min: number | undefined, max: number | undefined): boolean {
  return p.variants.some((v) => {
    const price = Number(v.price.amount);
    return (min === undefined || price >= min) && (max === undefined || price <= max);
  });
}

/** Sentences of the description, as published. */
function sentences(description: string): string[] {
  return description
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The product's price: one price, or each variant's (the ones asked about) when they differ ("5x8 ft $690.00"). */
function priceText(p: ProductFacts, variants: ProductVariantFacts[], t: ReplyCatalog, f: Format): string {
  const { min, max } = p.priceRange;
  if (Number(max.amount) === Number(min.amount)) return t.productPrice(p.title, f.money(min));
  return t.productVariantPrices(
    p.title,
    // A choice named by its price ("$25" for a gift card) is said once.
    variants.map((v) => ({ variant: parseFloat(v.title.replace(/[^\d.]/g, "")) === Number(v.price.amount) ? "" : v.title, price: f.money(v.price) })),
  );
}

/** One product, answered from its data: price, the variants asked about or all of them, facts from the description. */
function oneProduct(p: ProductFacts, q: ProductQuestion | null, t: ReplyCatalog, f: Format): ProductAnswer {
  const words = queryWords(q);
  const aspects = q?.aspects ?? [];
  const asked = askedValues(p, words);
  const shown = asked.length ? p.variants.filter((v) => asked.some((a) => Object.values(v.options).includes(a) || v.title === a)) : p.variants;
  const parts: Said[] = [said(priceText(p, shown, t, f), `product:${p.handle}`)];
  const values = p.options.flatMap((o) => o.values);
  const missingColour = words.find((w) => COLOURS.has(w) && !values.some((v) => wordsOf(v).includes(w)));
  if (hasVariants(p)) {
    if (missingColour && !asked.length) parts.push(said(t.notInColour(p.title, f.list(values)), "product_not_in_colour"));
    // The key names the choices told about: "what about sage?" after "…in charcoal?" is no repeat.
    const key = asked.length ? `product_availability:${asked.map((a) => wordsOf(a).join("_")).join(",")}` : "product_availability";
    parts.push(said(t.variantAvailability(shown.map((v) => ({ variant: v.title, stock: variantStock(v) }))), key));
  } else if (p.variants[0]) {
    parts.push(said(t.productStock(variantStock(p.variants[0])), "product_availability"));
  }
  const all = sentences(p.description);
  const leadTime = all.filter((s) => LEAD_TIME.test(s));
  const factAspects = aspects.filter((a): a is "care" | "size" | "material" => a === "care" || a === "size" || a === "material");
  const quotes: string[] = [...leadTime];
  // Sizes sold as choices ("5x8 ft", "8x10 ft") answer a size question with the prices above.
  const sizedByOption = p.options.some((o) => /size|gr[öo](?:ß|ss)e|taille|tama[ñn]o|talla|dimension/i.test(o.name));
  for (const a of factAspects) {
    const found = all.filter((s) => ASPECT_FACTS[a]!.test(s) && !quotes.includes(s)).slice(0, QUOTES_MAX);
    if (found.length) quotes.push(...found);
    else if (!(a === "size" && sizedByOption)) parts.push(said(t.descriptionSilent(a), `product_silent:${a}`));
  }
  if (!factAspects.length && !leadTime.length && !asked.length && all[0]) quotes.push(all[0]);
  if (quotes.length) parts.splice(1, 0, said(t.descriptionSays(quotes), ["product_description", ...factAspects].join(":")));
  if (p.url && /^https?:\/\//i.test(p.url)) parts.push(said(t.productLink(p.url), "product_link"));
  return { said: joined(parts), products: [p], showVariants: asked.length > 0 || aspects.includes("availability"), unhelpful: false };
}

function list(products: ProductFacts[], q: ProductQuestion, t: ReplyCatalog, f: Format): ProductAnswer {
  const shown = products.slice(0, LIST_MAX);
  const { minPrice, maxPrice } = q.query;
  const bounds = { min: minPrice === undefined ? null : f.money({ amount: String(minPrice), currencyCode: currency(products) }), max: null as string | null };
  bounds.max = maxPrice === undefined ? null : f.money({ amount: String(maxPrice), currencyCode: currency(products) });
  const text = t.productList(
    shown.map((p) => line(p, f)),
    { gift: q.aspects.includes("gift"), ...bounds },
  );
  return { said: said(text, `products:${shown.map((p) => p.handle).join(",")}`), products: shown, showVariants: false, unhelpful: false };
}

function currency(products: ProductFacts[]): string {
  return products[0]?.priceRange.min.currencyCode ?? "USD";
}

/**
 * The built-in engine's product answer, from the catalogue's data only: a product named in the
 * message (or the one under discussion), products in a price range or for a gift, or an honest
 * "we don't carry that" with the closest products. Null when a message only might have named a
 * product and nothing in the catalogue fits (the usual miss answers instead).
 */
export function productAnswer(c: CatalogueFacts, t: ReplyCatalog, f: Format): ProductAnswer | null {
  const q = c.question;
  if (c.failed) return q ? { said: said(t.catalogueUnavailable, "catalogue_unavailable"), products: [], showVariants: false, unhelpful: true } : null;
  const words = queryWords(q);
  const previous = c.previousHandle ? c.products.find((p) => p.handle === c.previousHandle) : undefined;
  // A name counts more than an option value ("the Sage one"); on a tie the product under discussion wins.
  const ranked = c.products
    .map((p, n) => ({ p, n: p === previous ? -1 : n, hits: 2 * nameHits(p, words) + askedValues(p, words).length }))
    .filter((r) => r.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.n - b.n);
  // The message's own words name a product: that one (or, when several fit equally, a short list).
  const best = ranked[0];
  if (best) {
    const tied = ranked.filter((r) => r.hits === best.hits).map((r) => r.p);
    const top = previous && tied.includes(previous) ? [previous] : tied;
    const priced =
      q && (q.query.minPrice !== undefined || q.query.maxPrice !== undefined) ? top.filter((p) => inRange(p, q.query.minPrice, q.query.maxPrice)) : top;
    if (top.length === 1 || !q || q.loose) return oneProduct(top[0]!, q, t, f);
    if (priced.length) return list(priced, q, t, f);
  }
  if (previous && q?.refersBack) return oneProduct(previous, q, t, f);
  if (!q || q.loose) return null;
  const { minPrice, maxPrice } = q.query;
  if (minPrice !== undefined || maxPrice !== undefined || q.aspects.includes("gift")) {
    const fitting = c.products.filter((p) => inRange(p, minPrice, maxPrice));
    if (fitting.length) return list(fitting, q, t, f);
  }
  // Nothing named fits: say so, with the closest products the catalogue offered (never a made-up one).
  const closest = c.products.filter((p) => p.handle !== c.previousHandle).slice(0, 3);
  const text = closest.length
    ? joined([said(t.notCarried, "product_not_carried"), said(t.closestProducts(closest.map((p) => line(p, f))), "closest_products")])
    : said(t.notCarried, "product_not_carried");
  return { said: text, products: closest, showVariants: false, unhelpful: closest.length === 0 };
}

/** The product a reply was about, from its keys ("product:merino-wool-throw"), for a follow-up question. */
export function productUnderDiscussion(previousSaid: readonly string[]): string | null {
  for (const key of [...previousSaid].reverse()) {
    const m = key.split("+").find((k) => k.startsWith("product:"));
    if (m) return m.slice("product:".length);
  }
  return null;
}
