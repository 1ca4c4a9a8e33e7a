// The orders capability's public surface: what an order is (facts), who owns it, where it stands
// (one status, with its labels and the team's sentence), and the ports that read and change orders.
export type { CustomerFacts, FulfillmentFacts, LineItemFacts, Money, OrderFacts, TrackingInfo } from "./facts";
export { deliveredAt, legacyId, toOrderName } from "./facts";
export { customerOwnsOrder, sameEmail } from "./ownership";
export {
  agelessOrderStatus,
  orderStatus,
  orderStatusHeadline,
  isInProgress,
  type OrderStatus,
  type OrderStatusHeadline,
  type OrderStatusKind,
  type RefundState,
} from "./status";
export { ORDER_STATUS_LABELS, type StatusLabelLanguage } from "./status-labels";
export { describeOrder } from "./describe-order";
export { policyTiming, type PolicyKind, type ShopPolicy } from "./policies";
export type { OrderActionRefusal, OrderActionResult, OrderActions, OrderLookup, PolicySource, ShippingAddress } from "./ports";
