import type { CustomerFacts, OrderFacts } from "./facts";
import type { ShopPolicy } from "./policies";

// The orders capability's ports: what the pure core needs from a shop, as interfaces. Each is
// implemented by the Admin API adapter (app/shopify/admin-api/) and by the demo catalogue
// (app/demo/), and the composition root (app/shopify.server.ts) picks one per shop. A new port
// follows the same path; docs/extending.md says where each piece goes.

/**
 * Reads a shop's orders and customers. Implemented by `createAdminOrderLookup`
 * (app/shopify/admin-api/admin-order-lookup.server.ts) and `createDemoOrderLookup`
 * (app/demo/demo-order-lookup.ts); wired per shop by `shopLookupsFor` in app/shopify.server.ts.
 * Callers prove ownership (./ownership.ts) before showing anything.
 */
export interface OrderLookup {
  /** The order whose name matches exactly (e.g. "#1042"); null when none. */
  findOrderByName(name: string): Promise<OrderFacts | null>;
  findCustomer(customerId: string): Promise<CustomerFacts | null>;
  /** A customer's most recent orders, newest first (at most `limit`). */
  listCustomerOrders(customerId: string, limit: number): Promise<OrderFacts[]>;
}

/**
 * Reads the store's published policies (plain text). Implemented by `createAdminPolicySource`
 * (app/shopify/admin-api/admin-policy-source.server.ts, cached per shop) and `createDemoPolicySource`
 * (app/demo/demo-order-lookup.ts); wired beside the order lookup in app/shopify.server.ts.
 */
export interface PolicySource {
  listPolicies(): Promise<ShopPolicy[]>;
}

/** Why an order action was refused; the shopper is told in words, the team gets the code. */
export type OrderActionRefusal = "not_found" | "already_fulfilled" | "already_cancelled" | "not_allowed";

export type OrderActionResult = { ok: true; order: OrderFacts } | { ok: false; reason: OrderActionRefusal };

export interface ShippingAddress {
  name: string;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  zip: string;
  /** ISO 3166-1 alpha-2 */
  countryCode: string;
  phone: string | null;
}

/**
 * Changes a shopper's order — the effects that today end with "our team can do that". Not built yet.
 *
 * Who implements it: an Admin API adapter beside the lookup (app/shopify/admin-api/, with the
 * `write_orders` scope added to SCOPES and shopify.app.toml) and the demo catalogue (app/demo/).
 * Where it runs: never inside the pure core. `transition` returns the request as an effect (data,
 * like the case it asks for), and the chat turn (app/chat/) executes it outside the database
 * transaction, records the result with the turn and tells the shopper; the port is wired in
 * app/shopify.server.ts next to `shopLookupsFor`. Only for an order whose ownership was proven in
 * this conversation (./ownership.ts), and only when the order's status (./status.ts) allows it.
 */
export interface OrderActions {
  /** Cancels an order none of which has shipped (Shopify's `orderCancel`, refunding to the original payment). */
  cancelUnfulfilledOrder(orderId: string): Promise<OrderActionResult>;
  /** Replaces the shipping address of an order that has not shipped (`orderUpdate`). */
  changeShippingAddress(orderId: string, address: ShippingAddress): Promise<OrderActionResult>;
}
