import type { OrderLookup, PolicySource } from "~/domain/orders";
import { mapAdminCustomer, mapAdminOrder, mapShopPolicies } from "~/shopify/admin-api/map-admin-order";
import { DEMO_CUSTOMERS, DEMO_POLICIES, demoOrders } from "./catalogue";

/**
 * The demo store behind the same ports (and the same mapping) as the Admin API adapters; the
 * composition root (app/shopify.server.ts) chooses it for the demo shop while the demo runs.
 */
export function createDemoOrderLookup(now: () => number = Date.now): OrderLookup {
  // The catalogue's dates follow the clock; built again at most once a second (the demo answers
  // "where is my order?" on every turn about one, and bench:chat drives it at 1,000+ turns a second).
  let built: { at: number; orders: ReturnType<typeof demoOrders> } | undefined;
  const ordersNow = () => {
    const at = now();
    if (!built || Math.abs(at - built.at) >= 1_000) built = { at, orders: demoOrders(at) };
    return built.orders;
  };
  return {
    async findOrderByName(name) {
      const node = ordersNow().find((o) => o.name === name);
      return node ? mapAdminOrder(node) : null;
    },
    async findCustomer(customerId) {
      const node = Object.values(DEMO_CUSTOMERS).find((c) => c.id.endsWith(`/${customerId.replace(/^.*\//, "")}`));
      return node ? mapAdminCustomer(node) : null;
    },
    async listCustomerOrders(customerId, limit) {
      const id = customerId.replace(/^.*\//, "");
      return ordersNow()
        .filter((o) => o.customer?.id.endsWith(`/${id}`))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit)
        .map(mapAdminOrder);
    },
  };
}

/** The demo store's policies, mapped like the Admin API's. */
export function createDemoPolicySource(): PolicySource {
  const policies = mapShopPolicies(DEMO_POLICIES);
  return {
    async listPolicies() {
      return policies;
    },
  };
}
