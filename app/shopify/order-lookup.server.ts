import type { OrderLookup } from "~/domain/orders";
import { createDemoOrderLookup } from "~/demo/demo-order-lookup";
import { DEMO_SHOP } from "~/demo/catalogue";
import { getEnv } from "~/env.server";
import { createAdminOrderLookup } from "./admin-api/admin-order-lookup.server";

/** A lookup that always fails: the engine then says lookups are unavailable (never "not found"). */
const unavailable: OrderLookup = {
  findOrderByName: () => Promise.reject(new Error("no Admin API access token for this shop")),
  findCustomer: () => Promise.reject(new Error("no Admin API access token for this shop")),
  listCustomerOrders: () => Promise.reject(new Error("no Admin API access token for this shop")),
  listPolicies: () => Promise.reject(new Error("no Admin API access token for this shop")),
};

/**
 * Where a shop's orders come from: the Admin API with the shop's offline token, or — only while the
 * local demo runs — the demo catalogue behind the same interface.
 */
export function orderLookupFor(shop: string, accessToken: string | undefined): OrderLookup {
  const env = getEnv();
  if (env.demo.enabled && shop === DEMO_SHOP) return createDemoOrderLookup();
  if (!accessToken) return unavailable;
  return createAdminOrderLookup({ shop, accessToken, origin: env.shopifyAdminApiOrigin });
}
