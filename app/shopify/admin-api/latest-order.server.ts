import type { OrderFacts, OrderLookup } from "~/domain/orders";

// A signed-in shopper's latest order, for the widget's empty state. One Admin query per customer:
// the order lookup's `listCustomerOrders` with a limit of 1 (`CUSTOMER_ORDERS_QUERY`, newest first,
// filtered by `customer_id:` and checked against the order's customer; validated against the 2026-07
// schema with the other documents in queries.test.ts). Answers are kept per shop and customer for a
// short while, with a bound, because every panel opening of a signed-in shopper would otherwise ask
// Shopify again and spend the bucket order lookups in the chat share.

export interface LatestOrderCacheOptions {
  /** entries kept (oldest dropped first) */
  maxEntries?: number;
  /** how long an answer (an order, or "no orders") is reused */
  ttlMs?: number;
  now?: () => number;
}

export interface LatestOrderCache {
  /** The customer's newest order, or null (none, or the lookup failed: a failure is not remembered). */
  get(shop: string, customerId: string, lookup: Pick<OrderLookup, "listCustomerOrders">): Promise<OrderFacts | null>;
  readonly size: number;
}

export function createLatestOrderCache({ maxEntries = 5_000, ttlMs = 120_000, now = Date.now }: LatestOrderCacheOptions = {}): LatestOrderCache {
  // Insertion order is age order: a Map is the LRU (a hit is re-inserted at the end).
  const entries = new Map<string, { at: number; order: Promise<OrderFacts | null> }>();
  return {
    get size() {
      return entries.size;
    },
    get(shop, customerId, lookup) {
      const key = `${shop}\n${customerId}`;
      const hit = entries.get(key);
      entries.delete(key);
      if (hit && now() - hit.at < ttlMs) {
        entries.set(key, hit);
        return hit.order;
      }
      // Concurrent openings share one request: the promise is cached, and dropped again if it fails.
      const order = lookup.listCustomerOrders(customerId, 1).then(
        (orders) => orders[0] ?? null,
        () => {
          if (entries.get(key)?.order === order) entries.delete(key);
          return null;
        },
      );
      entries.set(key, { at: now(), order });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return order;
    },
  };
}

/** The process's cache (one per HTTP worker). */
export const latestOrders = createLatestOrderCache();
