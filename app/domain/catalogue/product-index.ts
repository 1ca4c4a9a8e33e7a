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

export interface Postings {
  readonly positions: Int32Array;
  readonly weights: Float32Array;
}

export interface ProductIndex {
  readonly size: number;
  /** Products in their published order; postings refer to positions in it. */
  readonly products: readonly ProductFacts[];
  readonly byHandle: ReadonlyMap<string, ProductFacts>;
  /** token → the positions of the products that say it, each once, with its best weight. */
  readonly postings: ReadonlyMap<string, Postings>;
  /** Every token, sorted, for prefix matches. */
  readonly vocabulary: readonly string[];
  /** Lowest and highest variant price per position. */
  readonly prices: Float64Array;
  readonly maxPrices: Float64Array;
}

/** Builds the index; products keep their given order as the last tie-break. */
export function indexProducts(products: readonly ProductFacts[]): ProductIndex {
  const lists = new Map<string, { positions: number[]; weights: number[] }>();
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
      let list = lists.get(token);
      if (!list) lists.set(token, (list = { positions: [], weights: [] }));
      list.positions.push(position);
      list.weights.push(weight);
    }
  });
  const postings = new Map<string, Postings>();
  for (const [token, list] of lists) postings.set(token, { positions: Int32Array.from(list.positions), weights: Float32Array.from(list.weights) });
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

  // Scores live in arrays the size of the catalogue, reused between searches (search is synchronous),
  // so a query touching 10,000 products allocates nothing per product; only touched slots are reset.
  const { tokenBest, weight, words } = scratchFor(index);
  const touched: number[] = [];
  const tokenTouched: number[] = [];
  for (const token of specific) {
    const note = (list: Postings | undefined, share: number) => {
      if (!list) return;
      for (let i = 0; i < list.positions.length; i++) {
        const position = list.positions[i];
        const value = list.weights[i] * share;
        if (tokenBest[position] === 0) tokenTouched.push(position);
        if (tokenBest[position] < value) tokenBest[position] = value;
      }
    };
    note(index.postings.get(token), 1);
    if (token.length >= MIN_PREFIX) for (const longer of prefixed(index.vocabulary, token)) note(index.postings.get(longer), PREFIX_SHARE);
    for (const position of tokenTouched) {
      if (inBounds(position)) {
        if (words[position] === 0) touched.push(position);
        words[position] += 1;
        weight[position] += tokenBest[position];
      }
      tokenBest[position] = 0;
    }
    tokenTouched.length = 0;
  }
  const better = (a: number, b: number) => words[b] - words[a] || weight[b] - weight[a] || index.prices[a] - index.prices[b] || a - b;
  const top = topK(touched, limit, better);
  const answers = top.map((position) => ({ ...inLanguage(index.products[position], query.language), match: { words: words[position], of: specific.length } }));
  for (const position of touched) {
    words[position] = 0;
    weight[position] = 0;
  }
  return answers;
}

interface Scratch {
  tokenBest: Float64Array;
  weight: Float64Array;
  words: Uint16Array;
}
const scratches = new WeakMap<ProductIndex, Scratch>();

function scratchFor(index: ProductIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    scratch = { tokenBest: new Float64Array(index.size), weight: new Float64Array(index.size), words: new Uint16Array(index.size) };
    scratches.set(index, scratch);
  }
  return scratch;
}

/** The `k` best items in order (a bounded insertion into a short sorted list: k is a handful). */
function topK(items: number[], k: number, compare: (a: number, b: number) => number): number[] {
  const best: number[] = [];
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1]) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(item, best[at - 1]) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
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
