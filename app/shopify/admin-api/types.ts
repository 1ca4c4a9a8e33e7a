// Result shapes of the documents in ./queries.ts (Admin API 2026-07). UnsignedInt64 and Decimal
// scalars arrive as strings.

export interface AdminMoney {
  amount: string;
  currencyCode: string;
}

export interface AdminCustomerNode {
  id: string;
  displayName: string | null;
  numberOfOrders: string;
  amountSpent: AdminMoney;
  tags: string[];
  defaultEmailAddress: { emailAddress: string | null } | null;
}

export interface AdminOrderNode {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
  cancelledAt: string | null;
  closed: boolean;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  totalPriceSet: { shopMoney: AdminMoney } | null;
  lineItems: { nodes: Array<{ title: string; variantTitle: string | null; quantity: number }> };
  fulfillments: Array<{
    status: string;
    displayStatus: string | null;
    createdAt: string;
    inTransitAt: string | null;
    deliveredAt: string | null;
    estimatedDeliveryAt: string | null;
    trackingInfo: Array<{ company: string | null; number: string | null; url: string | null }>;
  }>;
  customer: AdminCustomerNode | null;
}

export interface OrderByNameResult {
  orders: { nodes: AdminOrderNode[] };
}

export interface CustomerResult {
  customer: AdminCustomerNode | null;
}

export interface ShopPoliciesResult {
  shop: {
    name: string;
    contactEmail: string | null;
    shopPolicies: Array<{ type: string; title: string; body: string; url: string }>;
  };
}
