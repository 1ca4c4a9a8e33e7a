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
 * Read on install: the admin shows amounts and dates in the shop's currency and zone, case emails
 * are written in the shop's language (its primary domain's default locale: `shopLocales` would
 * need the `read_locales` scope) and time zone, and the shop's contact email prefills an empty
 * escalation recipient.
 */
export const SHOP_PROFILE_QUERY = `#graphql
  query BatonShopProfile {
    shop { name currencyCode ianaTimezone contactEmail primaryDomain { localization { defaultLocale } } }
  }
`;

/** Variants read per product (a page's requested cost grows with it; products with more list the first ones). */
export const PRODUCT_VARIANTS_PER_PRODUCT = 20;

/**
 * One page of the shop's active products with the facts the assistant may quote. The page size is
 * a variable so the loader keeps a page's requested cost under Shopify's 1,000-point single-query
 * limit (products × variants); `inventoryQuantity` needs `read_inventory` besides `read_products`, so a
 * shop that has not granted it yet is read with `$withStock: false` (counts unknown, never guessed).
 * The published es/fr/de translations need `read_translations` (`$withTranslations: false` without it).
 */
export const PRODUCTS_PAGE_QUERY = `#graphql
  query BatonProductsPage($first: Int!, $after: String, $withStock: Boolean!, $withTranslations: Boolean!) {
    products(first: $first, after: $after, query: "status:active", sortKey: ID) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        handle
        title
        description
        productType
        tags
        onlineStoreUrl
        tracksInventory
        es: translations(locale: "es") @include(if: $withTranslations) { key value }
        fr: translations(locale: "fr") @include(if: $withTranslations) { key value }
        de: translations(locale: "de") @include(if: $withTranslations) { key value }
        featuredMedia { preview { image { url altText } } }
        options { name values }
        priceRangeV2 { minVariantPrice { amount currencyCode } maxVariantPrice { amount currencyCode } }
        variants(first: ${PRODUCT_VARIANTS_PER_PRODUCT}) {
          nodes { title price availableForSale inventoryPolicy inventoryQuantity @include(if: $withStock) selectedOptions { name value } }
        }
      }
    }
  }
`;

/**
 * The whole active catalogue as one bulk query (https://shopify.dev/docs/api/usage/bulk-operations/queries):
 * Shopify runs it in the background without spending the shop's rate-limit bucket, which order lookups
 * share, and writes JSONL (each variant a line naming its product in `__parentId`). Bulk queries take
 * no variables, so the fields a shop has not granted yet are left out of the text instead.
 */
export function productsBulkQuery(options: { withStock: boolean; withTranslations: boolean }): string {
  const translations = options.withTranslations
    ? `es: translations(locale: "es") { key value }
          fr: translations(locale: "fr") { key value }
          de: translations(locale: "de") { key value }`
    : "";
  return `{
  products(query: "status:active", sortKey: ID) {
    edges {
      node {
        id handle title description productType tags onlineStoreUrl tracksInventory
        ${translations}
        featuredMedia { preview { image { url altText } } }
        options { name values }
        priceRangeV2 { minVariantPrice { amount currencyCode } maxVariantPrice { amount currencyCode } }
        variants {
          edges { node { id title price availableForSale inventoryPolicy ${options.withStock ? "inventoryQuantity" : ""} selectedOptions { name value } } }
        }
      }
    }
  }
}`;
}

export const PRODUCTS_BULK_RUN_MUTATION = `#graphql
  mutation BatonProductsBulkRun($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }
`;

export const BULK_OPERATION_STATUS_QUERY = `#graphql
  query BatonBulkOperationStatus($id: ID!) {
    bulkOperation(id: $id) { id status errorCode objectCount url }
  }
`;

export const ALL_ADMIN_QUERIES = {
  ORDER_BY_NAME_QUERY,
  CUSTOMER_ORDERS_QUERY,
  CUSTOMER_QUERY,
  SHOP_POLICIES_QUERY,
  SHOP_PROFILE_QUERY,
  PRODUCTS_PAGE_QUERY,
  PRODUCTS_BULK_QUERY: productsBulkQuery({ withStock: true, withTranslations: true }),
  PRODUCTS_BULK_RUN_MUTATION,
  BULK_OPERATION_STATUS_QUERY,
};
