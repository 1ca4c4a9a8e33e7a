import { legacyId, type CustomerFacts, type OrderFacts, type OrderLookup } from "~/domain/orders";
import { adminGraphql, type AdminGraphqlOptions } from "./admin-graphql.server";
import { mapAdminCustomer, mapAdminOrder } from "./map-admin-order";
import { CUSTOMER_ORDERS_QUERY, CUSTOMER_QUERY, ORDER_BY_NAME_QUERY } from "./queries";
import type { CustomerResult, OrderByNameResult } from "./types";

/** The `OrderLookup` port through the shop's Admin GraphQL API (offline access token). */
export function createAdminOrderLookup(options: AdminGraphqlOptions): OrderLookup {
  return {
    async findOrderByName(name: string): Promise<OrderFacts | null> {
      // The `name:` filter's handling of "#" is undocumented (docs/shopify-platform.md §d): ask with it, then
      // without, and keep only an exact name match.
      const bare = name.replace(/^#/, "");
      for (const q of [`name:#${bare}`, `name:${bare}`]) {
        const result = await adminGraphql<OrderByNameResult>(options, ORDER_BY_NAME_QUERY, { q });
        const exact = result.orders.nodes.find((o) => o.name.replace(/^#/, "") === bare);
        if (exact) return mapAdminOrder(exact);
      }
      return null;
    },
    async findCustomer(customerId: string): Promise<CustomerFacts | null> {
      const id = customerId.startsWith("gid://") ? customerId : `gid://shopify/Customer/${customerId}`;
      const result = await adminGraphql<CustomerResult>(options, CUSTOMER_QUERY, { id });
      return result.customer ? mapAdminCustomer(result.customer) : null;
    },
    async listCustomerOrders(customerId: string, limit: number): Promise<OrderFacts[]> {
      const id = legacyId(customerId);
      // Only digits reach the search string: the id is the signed logged_in_customer_id.
      if (!/^\d+$/.test(id)) return [];
      const result = await adminGraphql<OrderByNameResult>(options, CUSTOMER_ORDERS_QUERY, { q: `customer_id:${id}`, first: Math.min(Math.max(limit, 1), 10) });
      return result.orders.nodes.filter((o) => o.customer && legacyId(o.customer.id) === id).map(mapAdminOrder);
    },
  };
}
