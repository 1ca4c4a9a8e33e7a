// Admin GraphQL documents (API 2026-07). Each is validated against the real schema by
// app/shopify/admin-api/queries.test.ts; result types live in ./types.ts.

/** The order fields every lookup reads (one selection, so both documents map through one mapper). */
const ORDER_FIELDS = `
id
name
email
createdAt
cancelledAt
closed
displayFinancialStatus
displayFulfillmentStatus
totalPriceSet { shopMoney { amount currencyCode } }
lineItems(first: 20) { nodes { title variantTitle quantity } }
fulfillments(first: 10) {
  status
  displayStatus
  createdAt
  inTransitAt
  deliveredAt
  estimatedDeliveryAt
  trackingInfo(first: 5) { company number url }
}
customer {
  id
  displayName
  numberOfOrders
  amountSpent { amount currencyCode }
  tags
  defaultEmailAddress { emailAddress }
}
`;

export const ORDER_BY_NAME_QUERY = `#graphql
  query BatonOrderByName($q: String!) {
    orders(first: 5, query: $q) {
      nodes {
${ORDER_FIELDS}      }
    }
  }
`;

export const CUSTOMER_ORDERS_QUERY = `#graphql
  query BatonCustomerOrders($q: String!, $first: Int!) {
    orders(first: $first, query: $q, sortKey: CREATED_AT, reverse: true) {
      nodes {
${ORDER_FIELDS}      }
    }
  }
`;

export const CUSTOMER_QUERY = `#graphql
  query BatonCustomer($id: ID!) {
    customer(id: $id) {
      id
      displayName
      numberOfOrders
      amountSpent { amount currencyCode }
      tags
      defaultEmailAddress { emailAddress }
    }
  }
`;

export const SHOP_POLICIES_QUERY = `#graphql
  query BatonShopPolicies {
    shop {
      name
      contactEmail
      shopPolicies { type title body url }
    }
  }
`;

/**
 * Read on install: the admin shows amounts and dates in the shop's currency and zone, and the
 * shop's contact email prefills an empty escalation recipient.
 */
export const SHOP_PROFILE_QUERY = `#graphql
  query BatonShopProfile {
    shop { name currencyCode ianaTimezone contactEmail }
  }
`;

export const ALL_ADMIN_QUERIES = { ORDER_BY_NAME_QUERY, CUSTOMER_ORDERS_QUERY, CUSTOMER_QUERY, SHOP_POLICIES_QUERY, SHOP_PROFILE_QUERY };
