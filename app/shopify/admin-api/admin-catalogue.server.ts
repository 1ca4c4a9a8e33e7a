import { indexProducts, productByHandle, search, type CatalogueSource, type ProductFacts, type ProductIndex } from "~/domain/catalogue";
import { AdminApiError, adminGraphql, type AdminGraphqlOptions } from "./admin-graphql.server";
import { BulkAccessDenied, loadAllBulk } from "./admin-catalogue-bulk.server";
import { mapAdminProduct } from "./map-admin-product";
import { PRODUCTS_PAGE_QUERY } from "./queries";
import type { ProductsPageResult } from "./types";

// Each shop's catalogue, loaded through the Admin API, indexed in memory and kept fresh with a short
// TTL: after it a turn still answers from the index it has while one refresh runs in the background
// (docs/decisions/0066-catalogue-cached-per-shop-with-a-short-ttl.md). A small catalogue is read in
// pages; one with more than `bulkAfterPages` pages through a bulk query operation, which Shopify
// runs in the background outside the rate-limit bucket order lookups share (decision 0067).

export interface CatalogueCacheOptions {
  /** How long a loaded catalogue counts as fresh (default 5 minutes). */
  ttlMs?: number;
  /** Shops kept in memory, least recently asked evicted first (default 64). */
  maxShops?: number;
  /** Products loaded per shop; a larger catalogue is indexed up to this many (default 50,000). */
  maxProductsPerShop?: number;
  /**
   * Products across all cached shops; past it the least recently asked shops are evicted (default 60,000: one
   * 50,000-product shop and smaller ones fit under the HTTP worker's 160 MB old-space limit).
   */
  maxTotalProducts?: number;
  /** Products per page: 15 keeps a page's requested cost (812) under the 1,000-point query limit. */
  pageSize?: number;
  /** Pages read before a catalogue counts as large and is loaded by bulk operation (default 2; Infinity: never). */
  bulkAfterPages?: number;
  /** Bulk operation status polling: first wait and ceiling (defaults 1 s, 10 s). */
  bulkPollMs?: number;
  bulkMaxPollMs?: number;
  /**
   * How long a turn waits for a shop's first load (default 5 s). A large catalogue keeps loading in
   * the background and the turn gets an error, which the chat states as "cannot look that up now".
   */
  coldWaitMs?: number;
  now?: () => number;
  /** Told when a background refresh fails (the old index keeps answering). */
  onRefreshError?: (shop: string, error: unknown) => void;
}

interface Entry {
  index: ProductIndex | null;
  loadedAt: number;
  loading: Promise<ProductIndex> | null;
  /** What the last load learned: a large catalogue goes straight to bulk; fields the shop has not granted stay out. */
  how: LoadState;
}

interface LoadState {
  large: boolean;
  withStock: boolean;
  withTranslations: boolean;
}

export interface CatalogueCache {
  /** The CatalogueSource of one shop, answered from the cache (loading it on first use). */
  sourceFor(admin: AdminGraphqlOptions): CatalogueSource;
  /** Drops a shop's catalogue (uninstall, or a products webhook if one is ever subscribed). */
  forget(shop: string): void;
  /** Shops and products held now. */
  stats(): { shops: number; products: number };
}

export function createCatalogueCache(options: CatalogueCacheOptions = {}): CatalogueCache {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxShops = options.maxShops ?? 64;
  const maxProducts = options.maxProductsPerShop ?? 50_000;
  const maxTotal = options.maxTotalProducts ?? 60_000;
  const pageSize = options.pageSize ?? 15;
  const now = options.now ?? Date.now;
  const coldWaitMs = options.coldWaitMs ?? 5_000;
  const limits: Limits = {
    max: maxProducts,
    pageSize,
    bulkAfterPages: options.bulkAfterPages ?? 2,
    pollMs: options.bulkPollMs ?? 1_000,
    maxPollMs: options.bulkMaxPollMs ?? 10_000,
  };
  // Map order is recency: a shop is re-inserted whenever it is asked.
  const entries = new Map<string, Entry>();

  function touch(shop: string): Entry {
    const entry = entries.get(shop) ?? { index: null, loadedAt: 0, loading: null, how: { large: false, withStock: true, withTranslations: true } };
    entries.delete(shop);
    entries.set(shop, entry);
    return entry;
  }

  function evict(): void {
    let total = 0;
    for (const entry of entries.values()) total += entry.index?.size ?? 0;
    for (const [shop, entry] of entries) {
      if (entries.size <= maxShops && total <= maxTotal) break;
      if (entries.size === 1) break;
      total -= entry.index?.size ?? 0;
      entries.delete(shop);
    }
  }

  function load(admin: AdminGraphqlOptions, entry: Entry): Promise<ProductIndex> {
    entry.loading ??= loadCatalogue(admin, entry.how, limits)
      .then((products) => {
        const index = indexProducts(products);
        entry.index = index;
        entry.loadedAt = now();
        evict();
        return index;
      })
      .finally(() => {
        entry.loading = null;
      });
    return entry.loading;
  }

  async function indexFor(admin: AdminGraphqlOptions): Promise<ProductIndex> {
    const entry = touch(admin.shop);
    if (!entry.index) return withinColdWait(load(admin, entry));
    if (now() - entry.loadedAt >= ttlMs && !entry.loading) {
      load(admin, entry).catch((error: unknown) => options.onRefreshError?.(admin.shop, error));
    }
    return entry.index;
  }

  function withinColdWait(loading: Promise<ProductIndex>): Promise<ProductIndex> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the catalogue is still loading after ${coldWaitMs} ms`)), coldWaitMs);
    });
    // The load goes on when the turn stops waiting; its failure is then reported by the next turn's own load.
    loading.catch(() => undefined);
    return Promise.race([loading, late]).finally(() => clearTimeout(timer));
  }

  return {
    sourceFor(admin) {
      return {
        async searchProducts(query) {
          return search(await indexFor(admin), query);
        },
        async getProductByHandle(handle, language) {
          return productByHandle(await indexFor(admin), handle, language);
        },
      };
    },
    forget(shop) {
      entries.delete(shop);
    },
    stats() {
      let products = 0;
      for (const entry of entries.values()) products += entry.index?.size ?? 0;
      return { shops: entries.size, products };
    },
  };
}

const STOCK_DENIED = /Access denied for inventoryQuantity field/;
const TRANSLATIONS_DENIED = /Access denied for translations field/;

interface Limits {
  max: number;
  pageSize: number;
  bulkAfterPages: number;
  pollMs: number;
  maxPollMs: number;
}

/** Every active product of the shop, up to `max`, in id order: in pages, or by bulk operation when large. */
async function loadCatalogue(admin: AdminGraphqlOptions, how: LoadState, limits: Limits): Promise<ProductFacts[]> {
  const bulk = () => loadAllBulk(admin, { ...how, max: limits.max, pollMs: limits.pollMs, maxPollMs: limits.maxPollMs });
  if (how.large) {
    try {
      return await bulk();
    } catch (error) {
      // A scope revoked since the last load: the pages rediscover what may be read.
      if (!(error instanceof BulkAccessDenied)) throw error;
      Object.assign(how, { large: false, withStock: true, withTranslations: true });
    }
  }
  const paged = await loadPages(admin, how, limits);
  if (paged) return paged;
  how.large = true;
  return bulk();
}

/**
 * Reads pages up to `bulkAfterPages`; null when the catalogue has more. A shop that has not granted
 * `read_inventory` or `read_translations` yet (scopes that came with an app update) is read without
 * stock counts or translations, and `how` remembers it.
 */
async function loadPages(admin: AdminGraphqlOptions, how: LoadState, limits: Limits): Promise<ProductFacts[] | null> {
  const products: ProductFacts[] = [];
  let after: string | null = null;
  let pages = 0;
  while (products.length < limits.max) {
    if (pages >= limits.bulkAfterPages) return null;
    const first = Math.min(limits.pageSize, limits.max - products.length);
    const { withStock, withTranslations } = how;
    let page: ProductsPageResult;
    try {
      page = await adminGraphql<ProductsPageResult>(admin, PRODUCTS_PAGE_QUERY, { first, after, withStock, withTranslations });
    } catch (error) {
      if (!(error instanceof AdminApiError)) throw error;
      const stockDenied = withStock && STOCK_DENIED.test(error.message);
      const translationsDenied = withTranslations && TRANSLATIONS_DENIED.test(error.message);
      if (!stockDenied && !translationsDenied) throw error;
      if (stockDenied) how.withStock = false;
      if (translationsDenied) how.withTranslations = false;
      continue;
    }
    pages += 1;
    // Only what the storefront shows: an active product not published to the Online Store (a launch not yet
    // out, a POS- or wholesale-only item) has no store URL and is never described to shoppers.
    for (const node of page.products.nodes) if (node.onlineStoreUrl) products.push(mapAdminProduct(node));
    if (!page.products.pageInfo.hasNextPage || !page.products.pageInfo.endCursor) break;
    after = page.products.pageInfo.endCursor;
  }
  return products;
}
