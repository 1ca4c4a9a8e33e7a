import type { OrderLookup, PolicySource } from "~/domain/orders";
import { createAdminOrderLookup } from "./admin-api/admin-order-lookup.server";
import { createAdminPolicySource } from "./admin-api/admin-policy-source.server";
import { latestOrders } from "./admin-api/latest-order.server";

/** What a chat turn reads from a shop: its orders and customers, and its policies. */
export type ShopLookups = OrderLookup & PolicySource;

const noToken = () => Promise.reject(new Error("no Admin API access token for this shop"));

/** Lookups that always fail: the engine then says lookups are unavailable (never "not found"). */
const unavailable: ShopLookups = {
  findOrderByName: noToken,
  findCustomer: noToken,
  listCustomerOrders: noToken,
  listPolicies: noToken,
};

/** A shop's orders and policies through the Admin API with its offline token (`origin`: SHOPIFY_ADMIN_API_ORIGIN). */
export function adminLookupsFor(shop: string, accessToken: string | undefined, origin: string | undefined): ShopLookups {
  if (!accessToken) return unavailable;
  const options = { shop, accessToken, origin };
  return { ...createAdminOrderLookup(options), ...createAdminPolicySource(options) };
}

/** A signed-in customer's newest order through the shop's lookups, cached per shop and customer (decision 0071). */
export function latestOrderOf(shop: string, lookups: Pick<OrderLookup, "listCustomerOrders">) {
  return (customerId: string) => latestOrders.get(shop, customerId, lookups);
}
