import { readFileSync } from "node:fs";
import { GraphQLError, type GraphQLResolveInfo } from "graphql";

// Access scopes and protected customer data, enforced by the Admin fake the way Shopify does it:
// per field, at execution, as an ACCESS_DENIED error on that field (graphql-js then nulls it and
// its nullable parent, as Shopify's graphql-ruby does). Without this, a query reading data the
// app never asked for passes every test and fails on the first real store.

/** A kind of protected customer data beyond level 1 (https://shopify.dev/docs/apps/launch/protected-customer-data). */
export type ProtectedField = "name" | "email" | "phone" | "address";

export interface FieldAccess {
  /** Any one of these scopes grants the field (a `write_x` scope also grants `read_x`). */
  scopes?: string[];
  /** Level 1 protected customer data: any customer data at all. */
  customerData?: boolean;
  /** Level 2 protected customer data: the field carries this kind of personal data. */
  protectedField?: ProtectedField;
  /** The shopify.dev page that states the requirement. */
  source: string;
}

const ORDER_DOC = "https://shopify.dev/docs/api/admin-graphql/2026-07/objects/Order";
const CUSTOMER_DOC = "https://shopify.dev/docs/api/admin-graphql/2024-07/objects/customer";
const SHOP_POLICY_DOC = "https://shopify.dev/docs/api/admin-graphql/2024-01/objects/ShopPolicy";
const SHOP_DOC = "https://shopify.dev/docs/api/admin-graphql/2024-04/objects/shop";
const APP_INSTALLATION_DOC = "https://shopify.dev/docs/api/admin-graphql/2026-10/objects/AppInstallation";
const PRODUCT_DOC = "https://shopify.dev/docs/api/admin-graphql/latest/objects/Product";
const VARIANT_DOC = "https://shopify.dev/docs/api/admin-graphql/latest/objects/ProductVariant";
const INVENTORY_DOC = "https://shopify.dev/docs/api/admin-graphql/latest/objects/InventoryLevel";
const TRANSLATIONS_DOC = "https://shopify.dev/docs/api/admin-graphql/latest/queries/translatableResources";
const BULK_DOC = "https://shopify.dev/docs/api/admin-graphql/2026-07/objects/BulkOperation";
const DOMAIN_DOC = "https://shopify.dev/docs/api/admin-graphql/latest/objects/DomainLocalization";
const PROTECTED_DOC = "https://shopify.dev/docs/apps/launch/protected-customer-data";
const NONE = (source: string): FieldAccess => ({ source });

/**
 * Every Admin field Baton reads, and what it needs. Sources: the object pages above ("Requires
 * `read_orders` access scope", "Requires read_customers access scope", "Requires read_legal_policies
 * access scope"; Product: "Access Scopes: `read_products` access scope"; Shop, Domain, DomainLocalization and AppInstallation
 * name no scope; stock counts are inventory data, which Shopify grants with `read_inventory` — we
 * require it for `inventoryQuantity`, the stricter reading, so a store never answers a count we lack;
 * translations: "Requires `read_translations` access scope" on the translatable resources pages) and the protected customer data page
 * (Order and Customer are customer data; name, email, phone and address fields are level 2).
 * tests/servers/shopify-access-scopes.test.ts fails when an app query reads a field missing here.
 */
export const FIELD_ACCESS: Record<string, FieldAccess> = {
  "QueryRoot.orders": { scopes: ["read_orders"], customerData: true, source: ORDER_DOC },
  "Order.id": NONE(ORDER_DOC),
  "Order.name": NONE(ORDER_DOC),
  "Order.email": { protectedField: "email", source: PROTECTED_DOC },
  "Order.createdAt": NONE(ORDER_DOC),
  "Order.cancelledAt": NONE(ORDER_DOC),
  "Order.closed": NONE(ORDER_DOC),
  "Order.displayFinancialStatus": NONE(ORDER_DOC),
  "Order.displayFulfillmentStatus": NONE(ORDER_DOC),
  "Order.totalPriceSet": NONE(ORDER_DOC),
  "Order.lineItems": NONE(ORDER_DOC),
  "Order.fulfillments": NONE(ORDER_DOC),
  "Order.customer": { scopes: ["read_customers"], customerData: true, source: CUSTOMER_DOC },
  "MoneyBag.shopMoney": NONE(ORDER_DOC),
  "MoneyV2.amount": NONE(ORDER_DOC),
  "MoneyV2.currencyCode": NONE(ORDER_DOC),
  "LineItemConnection.nodes": NONE(ORDER_DOC),
  "LineItem.title": NONE(ORDER_DOC),
  "LineItem.variantTitle": NONE(ORDER_DOC),
  "LineItem.quantity": NONE(ORDER_DOC),
  "Fulfillment.status": NONE(ORDER_DOC),
  "Fulfillment.displayStatus": NONE(ORDER_DOC),
  "Fulfillment.createdAt": NONE(ORDER_DOC),
  "Fulfillment.inTransitAt": NONE(ORDER_DOC),
  "Fulfillment.deliveredAt": NONE(ORDER_DOC),
  "Fulfillment.estimatedDeliveryAt": NONE(ORDER_DOC),
  "Fulfillment.trackingInfo": NONE(ORDER_DOC),
  "FulfillmentTrackingInfo.company": NONE(ORDER_DOC),
  "FulfillmentTrackingInfo.number": NONE(ORDER_DOC),
  "FulfillmentTrackingInfo.url": NONE(ORDER_DOC),
  "OrderConnection.nodes": NONE(ORDER_DOC),
  "QueryRoot.customer": { scopes: ["read_customers"], customerData: true, source: CUSTOMER_DOC },
  "Customer.id": NONE(CUSTOMER_DOC),
  "Customer.displayName": { protectedField: "name", source: PROTECTED_DOC },
  "Customer.numberOfOrders": NONE(CUSTOMER_DOC),
  "Customer.amountSpent": NONE(CUSTOMER_DOC),
  "Customer.tags": NONE(CUSTOMER_DOC),
  "Customer.defaultEmailAddress": { protectedField: "email", source: PROTECTED_DOC },
  "CustomerEmailAddress.emailAddress": { protectedField: "email", source: PROTECTED_DOC },
  "QueryRoot.shop": NONE(SHOP_DOC),
  "Shop.name": NONE(SHOP_DOC),
  "Shop.contactEmail": NONE(SHOP_DOC),
  "Shop.currencyCode": NONE(SHOP_DOC),
  "Shop.ianaTimezone": NONE(SHOP_DOC),
  "Shop.primaryDomain": NONE(SHOP_DOC),
  "Domain.localization": NONE(DOMAIN_DOC),
  "DomainLocalization.defaultLocale": NONE(DOMAIN_DOC),
  "Shop.shopPolicies": { scopes: ["read_legal_policies"], source: SHOP_POLICY_DOC },
  "ShopPolicy.type": NONE(SHOP_POLICY_DOC),
  "ShopPolicy.title": NONE(SHOP_POLICY_DOC),
  "ShopPolicy.body": NONE(SHOP_POLICY_DOC),
  "ShopPolicy.url": NONE(SHOP_POLICY_DOC),
  "QueryRoot.products": { scopes: ["read_products"], source: PRODUCT_DOC },
  "ProductConnection.pageInfo": NONE(PRODUCT_DOC),
  "ProductConnection.nodes": NONE(PRODUCT_DOC),
  "ProductConnection.edges": NONE(PRODUCT_DOC),
  "ProductEdge.node": NONE(PRODUCT_DOC),
  "PageInfo.hasNextPage": NONE(PRODUCT_DOC),
  "PageInfo.endCursor": NONE(PRODUCT_DOC),
  "Product.id": NONE(PRODUCT_DOC),
  "Product.handle": NONE(PRODUCT_DOC),
  "Product.title": NONE(PRODUCT_DOC),
  "Product.description": NONE(PRODUCT_DOC),
  "Product.productType": NONE(PRODUCT_DOC),
  "Product.tags": NONE(PRODUCT_DOC),
  "Product.onlineStoreUrl": NONE(PRODUCT_DOC),
  "Product.tracksInventory": NONE(PRODUCT_DOC),
  "Product.featuredMedia": NONE(PRODUCT_DOC),
  "Product.translations": { scopes: ["read_translations"], source: TRANSLATIONS_DOC },
  "Translation.key": NONE(TRANSLATIONS_DOC),
  "Translation.value": NONE(TRANSLATIONS_DOC),
  "MediaImage.preview": NONE(PRODUCT_DOC),
  "MediaPreviewImage.image": NONE(PRODUCT_DOC),
  "Image.url": NONE(PRODUCT_DOC),
  "Image.altText": NONE(PRODUCT_DOC),
  "Product.options": NONE(PRODUCT_DOC),
  "ProductOption.name": NONE(PRODUCT_DOC),
  "ProductOption.values": NONE(PRODUCT_DOC),
  "Product.priceRangeV2": NONE(PRODUCT_DOC),
  "ProductPriceRangeV2.minVariantPrice": NONE(PRODUCT_DOC),
  "ProductPriceRangeV2.maxVariantPrice": NONE(PRODUCT_DOC),
  "Product.variants": NONE(PRODUCT_DOC),
  "ProductVariantConnection.nodes": NONE(VARIANT_DOC),
  "ProductVariantConnection.edges": NONE(VARIANT_DOC),
  "ProductVariantEdge.node": NONE(VARIANT_DOC),
  "ProductVariant.id": NONE(VARIANT_DOC),
  // Bulk operations name no scope of their own; the inner query's fields need theirs when it runs.
  "Mutation.bulkOperationRunQuery": NONE(BULK_DOC),
  "BulkOperationRunQueryPayload.bulkOperation": NONE(BULK_DOC),
  "BulkOperationRunQueryPayload.userErrors": NONE(BULK_DOC),
  "BulkOperationUserError.field": NONE(BULK_DOC),
  "BulkOperationUserError.message": NONE(BULK_DOC),
  "BulkOperationUserError.code": NONE(BULK_DOC),
  "QueryRoot.bulkOperation": NONE(BULK_DOC),
  "BulkOperation.id": NONE(BULK_DOC),
  "BulkOperation.status": NONE(BULK_DOC),
  "BulkOperation.errorCode": NONE(BULK_DOC),
  "BulkOperation.objectCount": NONE(BULK_DOC),
  "BulkOperation.url": NONE(BULK_DOC),
  "ProductVariant.title": NONE(VARIANT_DOC),
  "ProductVariant.price": NONE(VARIANT_DOC),
  "ProductVariant.availableForSale": NONE(VARIANT_DOC),
  "ProductVariant.inventoryPolicy": NONE(VARIANT_DOC),
  "ProductVariant.inventoryQuantity": { scopes: ["read_inventory"], source: INVENTORY_DOC },
  "ProductVariant.selectedOptions": NONE(VARIANT_DOC),
  "SelectedOption.name": NONE(VARIANT_DOC),
  "SelectedOption.value": NONE(VARIANT_DOC),
  "QueryRoot.currentAppInstallation": NONE(APP_INSTALLATION_DOC),
  "AppInstallation.activeSubscriptions": NONE(APP_INSTALLATION_DOC),
  "AppSubscription.id": NONE(APP_INSTALLATION_DOC),
  "AppSubscription.name": NONE(APP_INSTALLATION_DOC),
  "AppSubscription.status": NONE(APP_INSTALLATION_DOC),
  "AppSubscription.test": NONE(APP_INSTALLATION_DOC),
};

/** Some fields need more than the scope (Shopify appends the staff permission it checks for online tokens). */
const ALSO: Record<string, string> = {
  read_legal_policies: " Also: The user must have access to manage legal policies.",
};

/** What a token may read: its granted scopes and the app's protected customer data approval. */
export interface AccessGrant {
  scopes: string[];
  /** Default: level 2 with every field, as on a development store (no approval needed there). */
  protectedCustomerData?: { level: 0 | 1 | 2; fields?: ProtectedField[] };
}

/** The scopes `shopify.app.toml` requests: what a store that installed Baton grants. */
export function appScopes(): string[] {
  const toml = readFileSync(new URL("../../shopify.app.toml", import.meta.url), "utf8");
  const section = /^\[access_scopes\][^[]*?^scopes\s*=\s*"([^"]*)"/ms.exec(toml);
  if (!section) throw new Error("shopify.app.toml has no [access_scopes] scopes");
  return parseScopes(section[1]);
}

export function parseScopes(list: string): string[] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function hasScope(granted: string[], needed: string): boolean {
  return granted.includes(needed) || (needed.startsWith("read_") && granted.includes(`write_${needed.slice(5)}`));
}

/**
 * The ACCESS_DENIED error Shopify returns for `info`'s field under `grant`, or null when allowed.
 * The scope message and extensions are Shopify's (https://shopify.dev/changelog/new-error-messages-for-graphql-operations-without-necessary-access-scopes,
 * and a real response quoted at https://community.shopify.com/t/manage-legal-policies/376379). The protected customer data
 * wording follows responses apps report; Shopify documents only that such data comes back as errors or redacted.
 */
export function accessDenied(info: GraphQLResolveInfo, grant: AccessGrant): GraphQLError | null {
  const rule = FIELD_ACCESS[`${info.parentType.name}.${info.fieldName}`];
  if (!rule) return null;
  const deny = (message: string, requiredAccess: string) =>
    new GraphQLError(message, {
      nodes: info.fieldNodes,
      extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess },
    });
  if (rule.scopes && !rule.scopes.some((scope) => hasScope(grant.scopes, scope))) {
    const required = `${rule.scopes.map((s) => `\`${s}\` access scope`).join(" or ")}.${rule.scopes.map((s) => ALSO[s] ?? "").join("")}`;
    return deny(`Access denied for ${info.fieldName} field. Required access: ${required}`, required);
  }
  const pcd = grant.protectedCustomerData ?? { level: 2 };
  if (rule.customerData && pcd.level < 1) {
    const type = info.returnType
      .toString()
      .replace(/[[\]!]/g, "")
      .replace(/Connection$/, "");
    return deny(`This app is not approved to access the ${type} object. See ${PROTECTED_DOC} for more details.`, "Protected customer data access");
  }
  if (rule.protectedField && (pcd.level < 2 || (pcd.fields !== undefined && !pcd.fields.includes(rule.protectedField)))) {
    return deny(
      `This app is not approved to use the ${info.fieldName} field. See ${PROTECTED_DOC} for more details.`,
      `Protected customer data access, including the ${rule.protectedField} field`,
    );
  }
  return null;
}
