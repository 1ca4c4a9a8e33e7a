import {
  GraphQLError,
  getNullableType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLTypeResolver,
} from "graphql";
import type { FixtureCustomer, FixtureMoneyV2, FixtureOrder, FixtureProduct, FixtureStore } from "./shopify-admin-types";
import { searchEntities, type SearchFields, type SearchWarning } from "./shopify-search";

/** Per-request context handed to graphql-js `execute`. */
export interface AdminContext {
  store: FixtureStore;
  domain: string;
  appHandle: string;
  /** `extensions.search` entries, as Shopify returns them for unknown search fields. */
  search: Array<{ path: Array<string | number>; query: string; warnings: SearchWarning[] }>;
  /** "Type.field" pairs the fixtures lacked and the server made up (non-null placeholders). */
  synthesized: Set<string>;
  now: () => Date;
  /** Executing a bulk operation's query: connections ignore paging and hold every item. */
  bulk?: boolean;
}

type Source = Record<string, unknown>;
type Args = Record<string, unknown>;

const legacyId = (gid: unknown) =>
  String(gid ?? "")
    .split("/")
    .pop() ?? "";
const gidType = (gid: unknown) => /^gid:\/\/shopify\/([^/]+)\//.exec(String(gid ?? ""))?.[1];

/** Decimal the way Shopify prints it: "10.0", "49.99". */
export function formatDecimal(value: unknown): string {
  const n = Number(value);
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

function responsePath(info: GraphQLResolveInfo): Array<string | number> {
  const path: Array<string | number> = [];
  for (let p: GraphQLResolveInfo["path"] | undefined = info.path; p; p = p.prev) path.unshift(p.key);
  return path;
}

// ---------------------------------------------------------------- connections

const encodeCursor = (index: number) => Buffer.from(JSON.stringify({ offset: index })).toString("base64");
function decodeCursor(cursor: unknown): number | null {
  if (typeof cursor !== "string") return null;
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { offset?: unknown };
    return typeof offset === "number" ? offset : null;
  } catch {
    return null;
  }
}

/** Serves an array as a Relay connection honouring first/last/after/before/reverse, like Shopify. */
export function toConnection(items: unknown[], args: Args) {
  if (args.first == null && args.last == null) throw new GraphQLError("you must provide one of first or last");
  const all = args.reverse === true ? [...items].reverse() : items;
  let start = 0;
  let end = all.length;
  const after = decodeCursor(args.after);
  const before = decodeCursor(args.before);
  if (after !== null) start = after + 1;
  if (before !== null) end = Math.min(end, before);
  if (typeof args.first === "number") end = Math.min(end, start + args.first);
  if (typeof args.last === "number") start = Math.max(start, end - args.last);
  const slice = all.slice(start, end).map((node, i) => ({ node, cursor: encodeCursor(start + i) }));
  return {
    edges: slice,
    nodes: slice.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: slice[0]?.cursor ?? null,
      endCursor: slice.at(-1)?.cursor ?? null,
    },
  };
}

function isConnectionType(type: GraphQLOutputType): boolean {
  const named = getNullableType(type);
  return isObjectType(named) && named.name.endsWith("Connection") && "pageInfo" in named.getFields();
}

// ---------------------------------------------------------------- placeholders and derived fields

const SCALAR_PLACEHOLDERS: Record<string, unknown> = {
  String: "",
  Int: 0,
  Float: 0,
  Boolean: false,
  DateTime: "1970-01-01T00:00:00Z",
  Date: "1970-01-01",
  Decimal: "0.0",
  Money: "0.0",
  UnsignedInt64: "0",
  URL: "https://example.invalid/",
  HTML: "",
  FormattedString: "",
  JSON: {},
  Color: "#000000",
};

function placeholder(type: GraphQLOutputType, info: GraphQLResolveInfo, ctx: AdminContext): unknown {
  if (!isNonNullType(type)) return null;
  ctx.synthesized.add(`${info.parentType.name}.${info.fieldName}`);
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isScalarType(inner)) return inner.name === "ID" ? `gid://shopify/${info.parentType.name}/0` : (SCALAR_PLACEHOLDERS[inner.name] ?? "");
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isAbstractType(inner)) return { __typename: info.schema.getPossibleTypes(inner)[0]?.name };
  return isConnectionType(inner) ? [] : {};
}

/** Fields the schema has that follow from other fixture fields, so fixtures can stay short. */
function derive(source: Source, info: GraphQLResolveInfo, ctx: AdminContext): unknown {
  const { fieldName } = info;
  const type = info.parentType.name;
  if (fieldName === "legacyResourceId" && source.id) return legacyId(source.id);
  if (type === "MoneyBag" && fieldName === "presentmentMoney") return source.shopMoney;
  if (type === "Customer") {
    const orders = ctx.store.orders.filter((order) => order.customer?.id === source.id);
    if (fieldName === "orders") return orders;
    if (fieldName === "lastOrder") return orders.at(-1) ?? null;
    if (fieldName === "email") return (source.defaultEmailAddress as { emailAddress?: string } | null)?.emailAddress ?? null;
    if (fieldName === "displayName") return [source.firstName, source.lastName].filter(Boolean).join(" ");
  }
  if (type === "Order") {
    if (fieldName === "number") return Number(String(source.name).replace(/\D/g, ""));
    if (fieldName === "currencyCode" || fieldName === "presentmentCurrencyCode") {
      return (source.totalPriceSet as { shopMoney?: FixtureMoneyV2 } | undefined)?.shopMoney?.currencyCode;
    }
    if (fieldName === "currentTotalPriceSet" || fieldName === "originalTotalPriceSet") return source.totalPriceSet;
  }
  if (type === "LineItem" && fieldName === "name") return source.title;
  if (type === "Shop" && fieldName === "shopPolicies") return ctx.store.policies;
  if (type === "Product" && fieldName === "priceRangeV2") return productPriceRange(source as FixtureProduct, ctx);
  if (type === "Product" && fieldName === "totalInventory") {
    return (source as FixtureProduct).variants.reduce((sum, v) => sum + Math.max(0, v.inventoryQuantity ?? 0), 0);
  }
  return undefined;
}

/**
 * Reads fixture fields; calls function-valued fields with (args, ctx, info); derives, then makes up,
 * what is missing; serves arrays as connections (or first-limited lists) where the schema says so.
 */
export const fieldResolver: GraphQLFieldResolver<unknown, AdminContext> = (source, args, ctx, info) => {
  const object = (source ?? {}) as Source;
  let value: unknown = object[info.fieldName];
  if (typeof value === "function") value = (value as (a: Args, c: AdminContext, i: GraphQLResolveInfo) => unknown)(args, ctx, info);
  if (value === undefined) value = derive(object, info, ctx);
  if (value === undefined) return placeholder(info.returnType, info, ctx);
  if (Array.isArray(value) && isConnectionType(info.returnType)) return toConnection(value, ctx.bulk ? { first: value.length } : args);
  if (Array.isArray(value) && typeof args.first === "number") return value.slice(0, args.first);
  return value;
};

export const typeResolver: GraphQLTypeResolver<unknown, AdminContext> = (value) => {
  const object = value as Source;
  return typeof object.__typename === "string" ? object.__typename : gidType(object.id);
};

// ---------------------------------------------------------------- root fields

const orderSearchFields: SearchFields<FixtureOrder> = {
  name: (o) => [o.name, o.name.replace(/^#/, "")],
  email: (o) => o.email,
  id: (o) => legacyId(o.id),
  customer_id: (o) => legacyId(o.customer?.id),
  financial_status: (o) => o.displayFinancialStatus,
  fulfillment_status: (o) => o.displayFulfillmentStatus,
  status: (o) => (o.cancelledAt ? "cancelled" : o.closed ? "closed" : "open"),
  tag: (o) => o.tags ?? [],
  created_at: (o) => o.createdAt,
  processed_at: (o) => o.processedAt ?? o.createdAt,
  updated_at: (o) => o.updatedAt ?? o.createdAt,
  sku: (o) => o.lineItems.map((item) => item.sku ?? ""),
};

const customerSearchFields: SearchFields<FixtureCustomer> = {
  email: (c) => c.defaultEmailAddress?.emailAddress,
  first_name: (c) => c.firstName,
  last_name: (c) => c.lastName,
  phone: (c) => c.phone,
  tag: (c) => c.tags,
  id: (c) => legacyId(c.id),
  orders_count: (c) => Number(c.numberOfOrders),
  number_of_orders: (c) => Number(c.numberOfOrders),
  total_spent: (c) => Number(c.amountSpent.amount),
  amount_spent: (c) => Number(c.amountSpent.amount),
  created_at: (c) => c.createdAt,
  updated_at: (c) => c.updatedAt ?? c.createdAt,
  name: (c) => [c.firstName, c.lastName, `${c.firstName ?? ""} ${c.lastName ?? ""}`.trim()].filter((v): v is string => !!v),
};

/** Shopify's product search fields we serve (https://shopify.dev/docs/api/admin-graphql/latest/queries/products). */
const productSearchFields: SearchFields<FixtureProduct> = {
  title: (p) => p.title,
  handle: (p) => p.handle,
  product_type: (p) => p.productType,
  tag: (p) => p.tags,
  status: (p) => p.status,
  vendor: (p) => p.vendor ?? "",
  id: (p) => legacyId(p.id),
  updated_at: (p) => p.updatedAt ?? "",
};

function productPriceRange(product: FixtureProduct, ctx: AdminContext) {
  const prices = product.variants.map((v) => Number(v.price));
  const currencyCode = ctx.store.shop.currencyCode;
  const money = (amount: number) => ({ amount: formatDecimal(amount), currencyCode });
  return { minVariantPrice: money(Math.min(...prices)), maxVariantPrice: money(Math.max(...prices)) };
}

type Listing = { matches: FixtureProduct[]; warnings: SearchWarning[] };
const productListings = new WeakMap<FixtureProduct[], Map<string, Listing>>();

/**
 * The sorted, filtered products for one sort and search. Paging through 50,000 products asks for
 * the same listing once per page, so it is computed once per products array: a test that changes
 * which products exist (or their status, title, type or tags) assigns a new array.
 */
function productListing(products: FixtureProduct[], sortKey: unknown, query: unknown): Listing {
  let byKey = productListings.get(products);
  if (!byKey) productListings.set(products, (byKey = new Map()));
  const key = `${String(sortKey)}|${String(query ?? "")}`;
  let listing = byKey.get(key);
  if (!listing) {
    const sorted = sortBy(products, productSortKey(sortKey));
    listing = searchEntities(sorted, typeof query === "string" ? query : null, productSearchFields, ["title", "product_type", "tag", "vendor"]);
    byKey.set(key, listing);
  }
  return listing;
}

function productSortKey(sortKey: unknown): (p: FixtureProduct) => string | number {
  switch (sortKey) {
    case "TITLE":
      return (p) => p.title;
    case "PRODUCT_TYPE":
      return (p) => p.productType;
    case "UPDATED_AT":
      return (p) => p.updatedAt ?? "";
    default:
      return (p) => Number(legacyId(p.id));
  }
}

function sortBy<T>(items: T[], key: (item: T) => string | number): T[] {
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

function orderSortKey(sortKey: unknown): (o: FixtureOrder) => string | number {
  switch (sortKey) {
    case "CREATED_AT":
      return (o) => o.createdAt;
    case "UPDATED_AT":
      return (o) => o.updatedAt ?? o.createdAt;
    case "ORDER_NUMBER":
      return (o) => Number(o.name.replace(/\D/g, ""));
    case "TOTAL_PRICE":
      return (o) => Number(o.totalPriceSet.shopMoney.amount);
    case "ID":
      return (o) => Number(legacyId(o.id));
    default:
      return (o) => o.processedAt ?? o.createdAt;
  }
}

function search<T>(ctx: AdminContext, info: GraphQLResolveInfo, items: T[], query: unknown, fields: SearchFields<T>, defaults: string[]): T[] {
  const { matches, warnings } = searchEntities(items, typeof query === "string" ? query : null, fields, defaults);
  if (warnings.length) ctx.search.push({ path: responsePath(info), query: String(query), warnings });
  return matches;
}

function findNode(store: FixtureStore, id: unknown): unknown {
  const subscriptions = store.subscriptions ?? [];
  const candidates: Array<{ id: string }> = [
    ...store.orders,
    ...store.customers,
    ...store.policies,
    ...(store.products ?? []),
    ...subscriptions,
    ...subscriptions.flatMap((s) => s.lineItems),
    ...subscriptions.flatMap((s) => s.lineItems.flatMap((l) => l.usageRecords ?? [])),
  ];
  return candidates.find((node) => node.id === id) ?? null;
}

type Resolver = (args: Args, ctx: AdminContext, info: GraphQLResolveInfo) => unknown;

export const queryRoot: Record<string, Resolver> = {
  shop: (_args, ctx) => ({ ...ctx.store.shop, shopPolicies: ctx.store.policies }),
  orders: (args, ctx, info) => {
    const sorted = sortBy(ctx.store.orders, orderSortKey(args.sortKey));
    return search(ctx, info, sorted, args.query, orderSearchFields, ["name", "email"]);
  },
  ordersCount: (args, ctx, info) => ({
    count: search(ctx, info, ctx.store.orders, args.query, orderSearchFields, ["name", "email"]).length,
    precision: "EXACT",
  }),
  order: (args, ctx) => ctx.store.orders.find((o) => o.id === args.id) ?? null,
  customers: (args, ctx, info) => {
    const sorted = args.sortKey === "CREATED_AT" ? sortBy(ctx.store.customers, (c) => c.createdAt) : sortBy(ctx.store.customers, (c) => Number(legacyId(c.id)));
    return search(ctx, info, sorted, args.query, customerSearchFields, ["name", "email", "phone"]);
  },
  customer: (args, ctx) => ctx.store.customers.find((c) => c.id === args.id) ?? null,
  products: (args, ctx, info) => {
    const listing = productListing(ctx.store.products ?? [], args.sortKey, args.query);
    if (listing.warnings.length) ctx.search.push({ path: responsePath(info), query: String(args.query), warnings: listing.warnings });
    return listing.matches;
  },
  product: (args, ctx) => (ctx.store.products ?? []).find((p) => p.id === args.id) ?? null,
  node: (args, ctx) => findNode(ctx.store, args.id),
  nodes: (args, ctx) => (args.ids as unknown[]).map((id) => findNode(ctx.store, id)),
  currentAppInstallation: (_args, ctx) => {
    const subscriptions = ctx.store.subscriptions ?? [];
    return {
      id: `gid://shopify/AppInstallation/${legacyId(ctx.store.shop.id)}`,
      activeSubscriptions: subscriptions.filter((s) => s.status === "ACTIVE"),
      allSubscriptions: subscriptions,
      subscriptions,
      oneTimePurchases: [],
      launchUrl: `https://${ctx.domain}/admin/apps/${ctx.appHandle}`,
      app: { id: "gid://shopify/App/1", handle: ctx.appHandle, title: "Baton" },
    };
  },
};
