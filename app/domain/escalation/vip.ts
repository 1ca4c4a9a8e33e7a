import type { EscalationSettings } from "./settings";
import type { EscalationContext } from "./types";

// Priority customers by tag, total spent or order count (from the Admin API). VIP status never
// escalates on its own; it raises priority and can lower the thresholds.

/** Why a customer counts as VIP, or undefined when they do not. */
export function describeVip(context: EscalationContext, vip: EscalationSettings["vip"]): string | undefined {
  const customer = context.customer;
  if (!vip.enabled || !customer) return undefined;
  const wanted = new Set(vip.tags.map((t) => t.trim().toLowerCase()));
  const tag = (customer.tags ?? []).find((t) => wanted.has(t.trim().toLowerCase()));
  if (tag) return `VIP customer (tag "${tag}")`;
  if (vip.minTotalSpent > 0 && customer.totalSpent >= vip.minTotalSpent) {
    return `VIP customer (${formatAmount(customer.totalSpent)} spent)`;
  }
  if (vip.minOrderCount > 0 && customer.orderCount >= vip.minOrderCount) {
    return `VIP customer (${customer.orderCount} orders)`;
  }
  return undefined;
}

function formatAmount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}
