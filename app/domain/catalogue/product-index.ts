import type { ProductFacts, ProductQuery } from "./ports";
import { colourFamily, isGenericWord, tokens } from "./words";

// A pure in-memory product index: built once per catalogue load, searched per turn. Answer time
// depends on how many products share the shopper's words, not on the catalogue's size (postings
// per token, a sorted vocabulary for prefixes), so 50,000 products answer like 10.

/** How much a word counts by where the product says it. */
const WEIGHT = { title: 8, option: 6, type: 5, tag: 4, colourFamily: 3, description: 2 } as const;
/** A query word that only begins a product's word ("merin" → "merino") counts this much of a whole one. */
const PREFIX_SHARE = 0.5;
const MIN_PREFIX = 4;

export interface ProductIndex {
  readonly size: number;
  /** Products in their published order; postings refer to positions in it. */
  readonly products: readonly ProductFacts[];
  readonly byHandle: ReadonlyMap<string, ProductFacts>;
  /** token → [position, weight] pairs, each position once with its best weight. */
  readonly postings: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  /** Every token, sorted, for prefix matches. */
  readonly vocabulary: readonly string[];
  /** Lowest and highest variant price per position. */
  readonly prices: Float64Array;
  readonly maxPrices: Float64Array;
}

/** Builds the index; products keep their given order as the last tie-break. */
export function indexProducts(products: readonly ProductFacts[]): ProductIndex {
  const postings = new Map<string, Array<[number, number]>>();
  const prices = new Float64Array(products.length);
  const maxPrices = new Float64Array(products.length);
  const byHandle = new Map<string, ProductFacts>();
  products.forEach((product, position) => {
    byHandle.set(product.handle, product);
    prices[position] = Number(product.priceRange.min.amount);
    maxPrices[position] = Number(product.priceRange.max.amount);
    const best = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const token of tokens(text)) if ((best.get(token) ?? 0) < weight) best.set(token, weight);
    };
    add(product.title, WEIGHT.title);
    for (const option of product.options) {
      for (const value of option.values) {
        add(value, WEIGHT.option);
        for (const token of tokens(value)) {
          const family = colourFamily(token);
          if (family && (best.get(family) ?? 0) < WEIGHT.colourFamily) best.set(family, WEIGHT.colourFamily);
        }
      }
    }
    add(product.productType, WEIGHT.type);
    for (const tag of product.tags) add(tag, WEIGHT.tag);
    add(product.description, WEIGHT.description);
    // A shopper may name a product by its published translation ("Manta de merino").
    for (const translation of Object.values(product.translations ?? {})) {
      if (translation.title) add(translation.title, WEIGHT.title);
      if (translation.productType) add(translation.productType, WEIGHT.type);
      if (translation.description) add(translation.description, WEIGHT.description);
    }
    for (const [token, weight] of best) {
      let list = postings.get(token);
      if (!list) postings.set(token, (list = []));
      list.push([position, weight]);
    }
  });
  return { size: products.length, products, byHandle, postings, vocabulary: [...postings.keys()].sort(), prices, maxPrices };
}

/**
 * Products for the query, best first, at most `query.limit`. A product must share at least one
 * word with the query (a query of generic words only — "ideas", "algo" — asks for anything) and
 * have a variant price within the bounds. Ranking: the summed weight of matched words (one word's
 * best field), more distinct words first, then the lower price, then the published order.
 */
export function search(index: ProductIndex, query: ProductQuery): ProductFacts[] {
  const limit = Math.max(0, Math.floor(query.limit));
  if (limit === 0) return [];
  const inBounds = (position: number) =>
    (query.maxPrice === undefined || index.prices[position] <= query.maxPrice) && (query.minPrice === undefined || index.maxPrices[position] >= query.minPrice);
  const wanted = [...new Set(tokens(query.words.join(" ")))];
  const specific = wanted.filter((token) => !isGenericWord(token) || index.postings.has(token));

  if (specific.length === 0) {
    const all: number[] = [];
    for (let position = 0; position < index.size; position++) if (inBounds(position)) all.push(position);
    all.sort((a, b) => index.prices[a] - index.prices[b] || a - b);
    return all.slice(0, limit).map((position) => inLanguage(index.products[position], query.language));
  }

  const score = new Map<number, { weight: number; words: number }>();
  for (const token of specific) {
    const perProduct = new Map<number, number>();
    for (const [position, weight] of index.postings.get(token) ?? []) perProduct.set(position, weight);
    if (token.length >= MIN_PREFIX) {
      for (const longer of prefixed(index.vocabulary, token)) {
        for (const [position, weight] of index.postings.get(longer) ?? []) {
          const share = weight * PREFIX_SHARE;
          if ((perProduct.get(position) ?? 0) < share) perProduct.set(position, share);
        }
      }
    }
    for (const [position, weight] of perProduct) {
      if (!inBounds(position)) continue;
      const entry = score.get(position);
      if (entry) {
        entry.weight += weight;
        entry.words += 1;
      } else score.set(position, { weight, words: 1 });
    }
  }
  return [...score.entries()]
    .sort(([a, x], [b, y]) => y.words - x.words || y.weight - x.weight || index.prices[a] - index.prices[b] || a - b)
    .slice(0, limit)
    .map(([position, entry]) => ({ ...inLanguage(index.products[position], query.language), match: { words: entry.words, of: specific.length } }));
}

/** Vocabulary entries that start with `prefix` and are longer than it (binary search, then a scan). */
function prefixed(vocabulary: readonly string[], prefix: string): string[] {
  let low = 0;
  let high = vocabulary.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (vocabulary[mid] < prefix) low = mid + 1;
    else high = mid;
  }
  const out: string[] = [];
  for (let i = low; i < vocabulary.length && vocabulary[i].startsWith(prefix); i++) if (vocabulary[i] !== prefix) out.push(vocabulary[i]);
  return out;
}

/** The product with this storefront handle, if indexed, in `language` where translated. */
export function productByHandle(index: ProductIndex, handle: string, language?: string): ProductFacts | null {
  const product = index.byHandle.get(handle);
  return product ? inLanguage(product, language) : null;
}

/** The product with its published translation into `language` ("es", "es-MX") laid over the shop's text. */
export function inLanguage(product: ProductFacts, language: string | undefined): ProductFacts {
  const translation = language ? product.translations?.[language.slice(0, 2).toLowerCase()] : undefined;
  if (!translation) return product;
  return {
    ...product,
    title: translation.title || product.title,
    description: translation.description || product.description,
    productType: translation.productType || product.productType,
  };
}
