/**
 * Fixture shapes for the Shopify Admin fake. They mirror the 2026-07 schema's field names exactly, so the
 * server can hand them to graphql-js as they are. Any other schema field may be added to an object; fields
 * a query asks for that a fixture lacks resolve to null (nullable) or a typed placeholder (non-null).
 */

export interface FixtureMoneyV2 {
  /** Decimal, as a string (Shopify sends "49.0", not 49). */
  amount: string;
  currencyCode: string;
}

export interface FixtureMoneyBag {
  shopMoney: FixtureMoneyV2;
  presentmentMoney?: FixtureMoneyV2;
}

export interface FixtureTrackingInfo {
  company: string | null;
  number: string | null;
  url: string | null;
}

export interface FixtureFulfillment {
  id: string;
  /** FulfillmentDisplayStatus, e.g. DELIVERED, IN_TRANSIT, LABEL_PRINTED. */
  displayStatus: string | null;
  /** FulfillmentStatus: SUCCESS, CANCELLED, ERROR, FAILURE, OPEN, PENDING. */
  status: string;
  createdAt: string;
  updatedAt?: string;
  inTransitAt?: string | null;
  deliveredAt?: string | null;
  estimatedDeliveryAt?: string | null;
  trackingInfo: FixtureTrackingInfo[];
  totalQuantity?: number;
  [field: string]: unknown;
}

export interface FixtureLineItem {
  id: string;
  title: string;
  name?: string;
  quantity: number;
  currentQuantity?: number;
  unfulfilledQuantity?: number;
  variantTitle: string | null;
  sku?: string | null;
  vendor?: string | null;
  originalUnitPriceSet: FixtureMoneyBag;
  originalTotalSet: FixtureMoneyBag;
  [field: string]: unknown;
}

export interface FixtureCustomer {
  id: string;
  firstName: string | null;
  lastName: string | null;
  displayName?: string;
  defaultEmailAddress: { emailAddress: string; [field: string]: unknown } | null;
  phone?: string | null;
  /** UnsignedInt64, sent as a string. */
  numberOfOrders: string;
  amountSpent: FixtureMoneyV2;
  tags: string[];
  createdAt: string;
  updatedAt?: string;
  note?: string | null;
  [field: string]: unknown;
}

export interface FixtureOrder {
  id: string;
  /** e.g. "#1042" */
  name: string;
  email: string | null;
  createdAt: string;
  processedAt?: string;
  updatedAt?: string;
  cancelledAt: string | null;
  cancelReason?: string | null;
  closed: boolean;
  closedAt?: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  fulfillments: FixtureFulfillment[];
  /** A plain array; the server serves it as the LineItemConnection the schema declares. */
  lineItems: FixtureLineItem[];
  totalPriceSet: FixtureMoneyBag;
  /** Set by reference to the shop's FixtureCustomer (the server re-links it by id). */
  customer: FixtureCustomer | null;
  tags?: string[];
  note?: string | null;
  statusPageUrl?: string;
  [field: string]: unknown;
}

export interface FixtureShopPolicy {
  id: string;
  /** ShopPolicyType: REFUND_POLICY, SHIPPING_POLICY, PRIVACY_POLICY, TERMS_OF_SERVICE, CONTACT_INFORMATION, … */
  type: string;
  title: string;
  /** HTML */
  body: string;
  url: string;
  createdAt: string;
  updatedAt: string;
}

export interface FixtureShop {
  id: string;
  name: string;
  email: string;
  contactEmail: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone?: string;
  url?: string;
  primaryDomain?: { id: string; host: string; url: string; sslEnabled: boolean; localization?: { defaultLocale: string; alternateLocales: string[] } | null };
  [field: string]: unknown;
}

export interface FixtureAppSubscription {
  id: string;
  name: string;
  /** AppSubscriptionStatus: PENDING, ACTIVE, CANCELLED, DECLINED, EXPIRED, FROZEN */
  status: string;
  test: boolean;
  trialDays: number;
  createdAt: string;
  currentPeriodEnd: string | null;
  returnUrl: string;
  lineItems: Array<{
    id: string;
    plan: {
      pricingDetails:
        | { __typename: "AppRecurringPricing"; price: FixtureMoneyV2; interval: string; planHandle?: string | null; discount?: null }
        | { __typename: "AppUsagePricing"; cappedAmount: FixtureMoneyV2; balanceUsed: FixtureMoneyV2; interval: string; terms: string };
    };
    usageRecords?: FixtureUsageRecord[];
  }>;
}

export interface FixtureUsageRecord {
  id: string;
  description: string;
  idempotencyKey: string | null;
  price: FixtureMoneyV2;
  createdAt: string;
}

export interface FixtureProductVariant {
  id: string;
  title: string;
  /** Money scalar: a decimal string ("49.00"). */
  price: string;
  availableForSale: boolean;
  /** DENY or CONTINUE (ProductVariantInventoryPolicy). */
  inventoryPolicy: string;
  inventoryQuantity: number | null;
  selectedOptions: Array<{ name: string; value: string }>;
  [field: string]: unknown;
}

export interface FixtureProduct {
  id: string;
  handle: string;
  title: string;
  /** Plain text (Product.description). */
  description: string;
  productType: string;
  tags: string[];
  /** ProductStatus: ACTIVE, ARCHIVED, DRAFT. */
  status: string;
  vendor?: string;
  onlineStoreUrl: string | null;
  tracksInventory: boolean;
  /** A MediaImage (`__typename` set), or null. */
  featuredMedia: { __typename: "MediaImage"; id: string; preview: { image: { url: string; altText: string | null } | null } } | null;
  options: Array<{ id?: string; name: string; values: string[] }>;
  /** A plain array; the server serves it as the ProductVariantConnection the schema declares. */
  variants: FixtureProductVariant[];
  updatedAt?: string;
  [field: string]: unknown;
}

/** Everything one shop's Admin API knows. */
export interface FixtureStore {
  shop: FixtureShop;
  policies: FixtureShopPolicy[];
  orders: FixtureOrder[];
  customers: FixtureCustomer[];
  subscriptions?: FixtureAppSubscription[];
  /** The shop's products (answered by `products`, `product`, `productByIdentifier`). */
  products?: FixtureProduct[];
  /** Overrides the server-wide access token for this shop. */
  accessToken?: string;
}
