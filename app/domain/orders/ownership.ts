import { sameEmail } from "../email/address";
import { legacyId, type OrderFacts } from "./facts";

// The one email comparison of the app, re-exported here because proving an order is where it matters most.
export { sameEmail };

/** Whether a signed storefront customer id owns the order. */
export function customerOwnsOrder(customerId: string | null | undefined, order: OrderFacts): boolean {
  if (!customerId || !order.customer) return false;
  return legacyId(order.customer.id) === legacyId(customerId);
}
