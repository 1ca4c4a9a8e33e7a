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

export interface AdminProductVariantNode {
  title: string;
  /** Money scalar: a decimal string in the shop's currency. */
  price: string;
  availableForSale: boolean;
  /** DENY: not sold when out of stock; CONTINUE: sold anyway (the count is then no promise). */
  inventoryPolicy: "DENY" | "CONTINUE";
  /** Absent when read without `read_inventory` ($withStock: false). */
  inventoryQuantity?: number | null;
  selectedOptions: Array<{ name: string; value: string }>;
}

export interface AdminTranslation {
  key: string;
  value: string | null;
}

export interface AdminProductNode {
  id: string;
  handle: string;
  title: string;
  description: string;
  productType: string;
  tags: string[];
  onlineStoreUrl: string | null;
  tracksInventory: boolean;
  /** Published translations (keys "title", "body_html", "product_type"); absent when read without `read_translations`. */
  es?: AdminTranslation[];
  fr?: AdminTranslation[];
  de?: AdminTranslation[];
  featuredMedia: { preview: { image: { url: string; altText: string | null } | null } | null } | null;
  options: Array<{ name: string; values: string[] }>;
  priceRangeV2: { minVariantPrice: AdminMoney; maxVariantPrice: AdminMoney };
  variants: { nodes: AdminProductVariantNode[] };
}

export interface ProductsPageResult {
  products: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: AdminProductNode[] };
}
