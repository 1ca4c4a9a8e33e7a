import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDemoStore, createOtherStore, DEMO_SHOP_DOMAIN, OTHER_SHOP_DOMAIN, SARAH_TRACKING_NUMBER, SARAH_TRACKING_URL } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "./shopify-admin-server";

const TOKEN = "shpat_test_token";
let admin: ShopifyAdminServerHandle;

beforeAll(async () => {
  admin = await startShopifyAdminServer({
    accessToken: TOKEN,
    shops: { [DEMO_SHOP_DOMAIN]: createDemoStore(), [OTHER_SHOP_DOMAIN]: createOtherStore() },
    defaultShop: DEMO_SHOP_DOMAIN,
  });
});
beforeEach(() => admin.reset());
afterAll(async () => {
  await admin.stop();
});

interface GraphqlResponse {
  data?: any;
  errors?: Array<{ message: string; locations?: unknown; path?: unknown; extensions?: Record<string, unknown> }>;
  extensions?: { cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: Record<string, number> }; search?: unknown };
}

async function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}, url = admin.graphqlUrl) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": TOKEN, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as GraphqlResponse };
}

// docs/shopify-platform.md §d: the lookup the app makes, verbatim.
const ORDER_BY_NAME = `#graphql
  query OrderByName($q: String!) {
    orders(first: 5, query: $q) { nodes {
      id name email createdAt cancelledAt closed
      displayFinancialStatus displayFulfillmentStatus
      fulfillments(first: 10) { displayStatus status createdAt deliveredAt inTransitAt trackingInfo(first: 5) { company number url } }
      lineItems(first: 20) { nodes { title quantity variantTitle originalTotalSet { shopMoney { amount currencyCode } } } }
      totalPriceSet { shopMoney { amount currencyCode } }
      customer { id numberOfOrders amountSpent { amount currencyCode } tags defaultEmailAddress { emailAddress } }
    } }
  }`;

describe("shopify admin fake: queries", () => {
  it.each(["name:#1042", "name:1042"])("finds order #1042 with %s, in the real response shape", async (q) => {
    const { status, body } = await gql(ORDER_BY_NAME, { q });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const [order] = body.data.orders.nodes;
    expect(body.data.orders.nodes).toHaveLength(1);
    expect(order).toMatchObject({
      id: "gid://shopify/Order/5501042",
      name: "#1042",
      email: "sarah@example.com",
      displayFinancialStatus: "PAID",
      displayFulfillmentStatus: "FULFILLED",
      cancelledAt: null,
      customer: { numberOfOrders: "3", amountSpent: { amount: "214.5", currencyCode: "USD" }, defaultEmailAddress: { emailAddress: "sarah@example.com" } },
    });
    expect(order.fulfillments[0]).toEqual({
      displayStatus: "DELIVERED",
      status: "SUCCESS",
      createdAt: "2026-02-18T15:40:00Z",
      inTransitAt: "2026-02-18T22:10:00Z",
      deliveredAt: "2026-02-20T19:12:00Z",
      trackingInfo: [{ company: "USPS", number: SARAH_TRACKING_NUMBER, url: SARAH_TRACKING_URL }],
    });
    expect(order.lineItems.nodes[0]).toEqual({
      title: "Merino Wool Beanie",
      quantity: 1,
      variantTitle: "Charcoal",
      originalTotalSet: { shopMoney: { amount: "32.00", currencyCode: "USD" } },
    });
    expect(body.extensions?.cost).toMatchObject({ requestedQueryCost: expect.any(Number), actualQueryCost: expect.any(Number) });
    expect(body.extensions?.cost.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
    admin.assertNoInvalidQueries();
  });

  it("filters orders by email and customers by tag / amount", async () => {
    const byEmail = await gql(`{ orders(first: 10, query: "email:lena@example.com") { nodes { name displayFulfillmentStatus } } }`);
    expect(byEmail.body.data.orders.nodes).toEqual([{ name: "#1046", displayFulfillmentStatus: "PARTIALLY_FULFILLED" }]);
    const vip = await gql(
      `{ customers(first: 10, query: "tag:'VIP' total_spent:>5000") { nodes { displayName tags amountSpent { amount ` +
        `} orders(first: 5) { nodes { name } } } } }`,
    );
    expect(vip.body.data.customers.nodes).toEqual([
      { displayName: "Olivia Grant", tags: ["VIP", "repeat"], amountSpent: { amount: "6240.5" }, orders: { nodes: [{ name: "#1047" }] } },
    ]);
  });

  it("reports unknown search fields the way Shopify does", async () => {
    const { body } = await gql(`{ orders(first: 5, query: "colour:red") { nodes { name } } }`);
    expect(body.extensions?.search).toEqual([
      { path: ["orders"], query: "colour:red", warnings: [{ field: "colour", message: "Invalid search field for this query." }] },
    ]);
  });

  it("answers order(id), customer(id), node(id) and paginates with cursors", async () => {
    const { body } = await gql(`query {
      order(id: "gid://shopify/Order/5501045") { name cancelledAt cancelReason displayFinancialStatus closed }
      customer(id: "gid://shopify/Customer/7006") { email tags numberOfOrders }
      node(id: "gid://shopify/Order/5501044") { __typename ... on Order { name fulfillments { displayStatus trackingInfo { company } } } }
      orders(first: 2, sortKey: CREATED_AT) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.order).toEqual({
      name: "#1045",
      cancelledAt: "2026-02-21T08:30:00Z",
      cancelReason: "CUSTOMER",
      displayFinancialStatus: "REFUNDED",
      closed: true,
    });
    expect(body.data.customer).toEqual({ email: "olivia@example.com", tags: ["VIP", "repeat"], numberOfOrders: "27" });
    expect(body.data.node).toEqual({ __typename: "Order", name: "#1044", fulfillments: [{ displayStatus: "IN_TRANSIT", trackingInfo: [{ company: "UPS" }] }] });
    expect(body.data.orders.edges.map((e: any) => e.node.name)).toEqual(["#1042", "#1045"]);
    const next = await gql(`query($after: String) { orders(first: 10, after: $after, sortKey: CREATED_AT) { nodes { name } } }`, {
      after: body.data.orders.pageInfo.endCursor,
    });
    expect(next.body.data.orders.nodes.map((o: any) => o.name)).toEqual(["#1046", "#1044", "#1043", "#1047"]);
  });

  it("answers shop details and policies (Shop.shopPolicies { type title body url })", async () => {
    const { body } = await gql(`{ shop { name email contactEmail myshopifyDomain currencyCode shopPolicies { type title body url } } }`);
    expect(body.data.shop).toMatchObject({
      name: "Baton Demo Goods",
      contactEmail: "support@baton-demo.example",
      myshopifyDomain: DEMO_SHOP_DOMAIN,
      currencyCode: "USD",
    });
    expect(body.data.shop.shopPolicies).toContainEqual(
      expect.objectContaining({ type: "REFUND_POLICY", title: "Refund policy", url: `https://${DEMO_SHOP_DOMAIN}/policies/refund-policy` }),
    );
  });

  it("serves several shops: path prefix, Host header, X-Shopify-Shop-Domain, default", async () => {
    const q = `{ shop { myshopifyDomain } orders(first: 5, query: "name:1042") { nodes { email } } }`;
    const viaPath = await gql(q, {}, {}, admin.graphqlUrlFor(OTHER_SHOP_DOMAIN));
    const viaHeader = await gql(q, {}, { "X-Shopify-Shop-Domain": OTHER_SHOP_DOMAIN });
    const viaDefault = await gql(q);
    expect(viaPath.body.data).toEqual({ shop: { myshopifyDomain: OTHER_SHOP_DOMAIN }, orders: { nodes: [{ email: "ana@example.org" }] } });
    expect(viaHeader.body.data).toEqual(viaPath.body.data);
    expect(viaDefault.body.data.orders.nodes).toEqual([{ email: "sarah@example.com" }]);
    expect(admin.requests.map((r) => r.shop)).toEqual([OTHER_SHOP_DOMAIN, OTHER_SHOP_DOMAIN, DEMO_SHOP_DOMAIN]);
    const unknown = await gql(q, {}, { "X-Shopify-Shop-Domain": "nope.myshopify.com" });
    expect(unknown.status).toBe(404);
  });

  it("uses the Host header when it names a shop", async () => {
    const { request } = await import("node:http");
    const body = JSON.stringify({ query: "{ shop { myshopifyDomain } }" });
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: admin.port,
          method: "POST",
          path: "/admin/api/2026-07/graphql.json",
          headers: { Host: OTHER_SHOP_DOMAIN, "Content-Type": "application/json", "X-Shopify-Access-Token": TOKEN },
        },
        (res) => {
          let data = "";
          res.on("data", (chunk) => (data += chunk));
          res.on("end", () => resolve(data));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    expect(JSON.parse(text).data.shop.myshopifyDomain).toBe(OTHER_SHOP_DOMAIN);
  });
});

describe("shopify admin fake: schema validation", () => {
  it("rejects an invalid query exactly like Shopify (HTTP 200, errors with extensions.code) and records it", async () => {
    const { status, body } = await gql(`query OrderByName($q: String!) { orders(first: 5, query: $q) { nodes { id trackingNumber } } }`, { q: "name:1042" });
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: "Field 'trackingNumber' doesn't exist on type 'Order'",
        locations: [{ line: 1, column: 75 }],
        path: ["query OrderByName", "orders", "nodes", "trackingNumber"],
        extensions: { code: "undefinedField", typeName: "Order", fieldName: "trackingNumber" },
      },
    ]);
    expect(admin.invalidQueries).toHaveLength(1);
    expect(() => admin.assertNoInvalidQueries()).toThrow(/trackingNumber/);
  });

  it("maps other validation failures to graphql-ruby codes", async () => {
    const cases: Array<[string, string, string]> = [
      [`{ orders(first: 1, quer: "x") { nodes { id } } }`, "argumentNotAccepted", "Field 'orders' doesn't accept argument 'quer'"],
      [`{ order { id } }`, "missingRequiredArguments", "Field 'order' is missing required arguments: id"],
      [`query($q: String) { orders(first: 1, query: $q) { nodes { customer { email } } } } `, "", ""],
      [`query($id: ID) { order(id: $id) { id } }`, "variableMismatch", "Nullability mismatch on variable $id and argument id (ID / ID!)"],
      [`{ shop }`, "selectionMismatch", "Field must have selections (field 'shop' returns Shop but has no selections. Did you mean 'shop { ... }'?)"],
      [`query($x: String) { shop { name } }`, "variableNotUsed", "Variable $x is declared by anonymous query but not used"],
      [
        `{ orders(first: "five") { nodes { id } } }`,
        "argumentLiteralsIncompatible",
        `Argument 'first' on Field 'orders' has an invalid value ("five"). Expected type 'Int'.`,
      ],
    ];
    for (const [query, code, message] of cases) {
      const { body } = await gql(query);
      if (!code) {
        expect(body.errors).toBeUndefined();
        continue;
      }
      expect(body.errors?.[0]).toMatchObject({ message, extensions: { code } });
    }
  });

  it("answers a syntax error with graphql-ruby's parse error", async () => {
    const { body } = await gql(`{ shop { name }`);
    expect(body.errors).toEqual([{ message: "Unexpected end of document", locations: [{ line: 1, column: 16 }] }]);
    const second = await gql(`{ shop { name ) }`);
    expect(second.body.errors?.[0].message).toBe('Expected NAME, actual: RPAREN (")") at [1, 15]');
    const third = await gql(`{ shop { name } } }`);
    expect(third.body.errors?.[0].message).toBe('Parse error on "}" (RCURLY) at [1, 19]');
  });

  it("rejects variables of the wrong type", async () => {
    const { body } = await gql(ORDER_BY_NAME, {});
    expect(body.errors?.[0]).toMatchObject({ message: "Variable $q of type String! was provided invalid value", extensions: { code: "INVALID_VARIABLE" } });
    expect(admin.invalidQueries).toHaveLength(1);
  });

  it("requires first or last on connections, and caps the query cost", async () => {
    const noFirst = await gql(`{ orders { nodes { id } } }`);
    expect(noFirst.body.errors?.[0].message).toBe("you must provide one of first or last");
    const huge = await gql(`{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { title } } } } }`);
    expect(huge.body.errors?.[0].extensions?.code).toBe("MAX_COST_EXCEEDED");
  });

  it("lists fields that no fixture provided", async () => {
    await gql(`{ order(id: "gid://shopify/Order/5501043") { name riskLevel } }`);
    expect(admin.synthesizedFields).toContain("Order.riskLevel");
  });
});

describe("shopify admin fake: auth and faults", () => {
  it("answers 401 without the right access token", async () => {
    const { status, body } = await gql(`{ shop { name } }`, {}, { "X-Shopify-Access-Token": "wrong" });
    expect(status).toBe(401);
    expect(body).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
  });

  it("throttles the next n requests with THROTTLED on HTTP 200", async () => {
    admin.throttleNext(2);
    for (let i = 0; i < 2; i++) {
      const { status, body } = await gql(`{ shop { name } }`);
      expect(status).toBe(200);
      expect(body.errors).toEqual([{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }]);
      expect(body.extensions?.cost.actualQueryCost).toBeNull();
      expect(body.extensions?.cost.throttleStatus.currentlyAvailable).toBeLessThan(body.extensions!.cost.requestedQueryCost);
    }
    expect((await gql(`{ shop { name } }`)).body.data.shop.name).toBe("Baton Demo Goods");
  });

  it("throttles for real when the bucket runs dry", async () => {
    const small = await startShopifyAdminServer({
      accessToken: TOKEN,
      shops: { [DEMO_SHOP_DOMAIN]: createDemoStore() },
      bucket: { maximumAvailable: 10, restoreRate: 1 },
    });
    try {
      const q = JSON.stringify({ query: `{ orders(first: 5) { nodes { id } } }` });
      const call = () =>
        fetch(small.graphqlUrl, { method: "POST", headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": TOKEN }, body: q }).then((r) =>
          r.json(),
        );
      expect((await call()).data).toBeDefined();
      expect((await call()).errors[0].extensions.code).toBe("THROTTLED");
    } finally {
      await small.stop();
    }
  });

  it("fails the next n requests with an HTTP status", async () => {
    admin.failNext(1, 503);
    expect((await gql(`{ shop { name } }`)).status).toBe(503);
    admin.failNext(1, 429);
    const limited = await fetch(admin.graphqlUrl, {
      method: "POST",
      headers: { "X-Shopify-Access-Token": TOKEN },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1.0");
    expect((await gql(`{ shop { name } }`)).status).toBe(200);
  });

  it("drops the connection for the next n requests", async () => {
    admin.dropNext(1);
    await expect(gql(`{ shop { name } }`)).rejects.toThrow(/fetch failed/);
    expect((await gql(`{ shop { name } }`)).status).toBe(200);
  });

  it("delays responses", async () => {
    admin.setDelay(120);
    const started = Date.now();
    await gql(`{ shop { name } }`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe("shopify admin fake: billing", () => {
  const CREATE = `mutation Create($name: String!, $returnUrl: URL!, $lineItems: [AppSubscriptionLineItemInput!]!, $test: Boolean) {
    appSubscriptionCreate(name: $name, returnUrl: $returnUrl, lineItems: $lineItems, test: $test) {
      confirmationUrl
      appSubscription { id name status test lineItems { id plan { pricingDetails { __typename
        ... on AppRecurringPricing { price { amount currencyCode } interval }
        ... on AppUsagePricing { cappedAmount { amount } terms } } } } }
      userErrors { field message }
    }
  }`;
  const ACTIVE = `{ currentAppInstallation { activeSubscriptions { id name status test currentPeriodEnd } } }`;

  it("creates, approves, reads and cancels a subscription, and records usage", async () => {
    const created = await gql(CREATE, {
      name: "Pro",
      returnUrl: "https://baton.example/app/billing",
      test: true,
      lineItems: [
        { plan: { appRecurringPricingDetails: { price: { amount: 29, currencyCode: "USD" }, interval: "EVERY_30_DAYS" } } },
        { plan: { appUsagePricingDetails: { cappedAmount: { amount: 100, currencyCode: "USD" }, terms: "$0.05 per conversation" } } },
      ],
    });
    expect(created.body.errors).toBeUndefined();
    const payload = created.body.data.appSubscriptionCreate;
    expect(payload.userErrors).toEqual([]);
    expect(payload.confirmationUrl).toMatch(
      new RegExp(`^https://${DEMO_SHOP_DOMAIN}/admin/charges/baton/\\d+/RecurringApplicationCharge/confirm_recurring_application_charge\\?signature=`),
    );
    expect(payload.appSubscription).toMatchObject({ name: "Pro", status: "PENDING", test: true });
    expect(payload.appSubscription.lineItems[0].plan.pricingDetails).toEqual({
      __typename: "AppRecurringPricing",
      price: { amount: "29.0", currencyCode: "USD" },
      interval: "EVERY_30_DAYS",
    });

    expect((await gql(ACTIVE)).body.data.currentAppInstallation.activeSubscriptions).toEqual([]);
    admin.approveSubscription(DEMO_SHOP_DOMAIN, payload.appSubscription.id);
    const active = (await gql(ACTIVE)).body.data.currentAppInstallation.activeSubscriptions;
    expect(active).toEqual([expect.objectContaining({ id: payload.appSubscription.id, status: "ACTIVE", currentPeriodEnd: expect.any(String) })]);

    const usageLine = payload.appSubscription.lineItems[1].id;
    const usage = await gql(
      `mutation($id: ID!, $price: MoneyInput!) { appUsageRecordCreate(subscriptionLineItemId: $id, description: "1 ` +
        `conversation", price: $price, idempotencyKey: "conv-1") { appUsageRecord { id price { amount } ` +
        `subscriptionLineItem { plan { pricingDetails { ... on AppUsagePricing { balanceUsed { amount } } } } } } ` +
        `userErrors { message } } }`,
      { id: usageLine, price: { amount: "0.05", currencyCode: "USD" } },
    );
    expect(usage.body.data.appUsageRecordCreate).toMatchObject({
      appUsageRecord: { price: { amount: "0.05" }, subscriptionLineItem: { plan: { pricingDetails: { balanceUsed: { amount: "0.05" } } } } },
      userErrors: [],
    });

    const cancelled = await gql(`mutation($id: ID!) { appSubscriptionCancel(id: $id) { appSubscription { id status } userErrors { message } } }`, {
      id: payload.appSubscription.id,
    });
    expect(cancelled.body.data.appSubscriptionCancel).toEqual({ appSubscription: { id: payload.appSubscription.id, status: "CANCELLED" }, userErrors: [] });
    expect((await gql(ACTIVE)).body.data.currentAppInstallation.activeSubscriptions).toEqual([]);
    admin.assertNoInvalidQueries();
  });
});

describe("shopify admin fake: access scopes and protected customer data", () => {
  const POLICIES = `query { shop { name shopPolicies { type title } } }`;

  it("grants the scopes shopify.app.toml requests by default", async () => {
    const { body } = await gql(POLICIES);
    expect(body.errors).toBeUndefined();
    expect(body.data.shop.shopPolicies.length).toBeGreaterThan(0);
  });

  it("answers ACCESS_DENIED on shop.shopPolicies without read_legal_policies, as Shopify does", async () => {
    admin.setAccess(DEMO_SHOP_DOMAIN, { scopes: ["read_orders", "read_customers", "write_app_proxy"] });
    const { status, body } = await gql(POLICIES);
    expect(status).toBe(200);
    // shopPolicies and shop are non-null, so the null reaches the root: `data` is null.
    expect(body.data).toBeNull();
    const required = "`read_legal_policies` access scope. Also: The user must have access to manage legal policies.";
    expect(body.errors).toEqual([
      {
        message: `Access denied for shopPolicies field. Required access: ${required}`,
        locations: [{ line: 1, column: 21 }],
        path: ["shop", "shopPolicies"],
        extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: required },
      },
    ]);
    expect(admin.requests.at(-1)?.outcome).toBe("execution-error");
  });

  it("denies orders without read_orders and an order's customer without read_customers", async () => {
    admin.setAccess(DEMO_SHOP_DOMAIN, { scopes: ["read_customers"] });
    const orders = await gql(`{ orders(first: 1) { nodes { id } } }`);
    expect(orders.body.errors?.[0]).toMatchObject({ path: ["orders"], extensions: { code: "ACCESS_DENIED", requiredAccess: "`read_orders` access scope." } });

    admin.setAccess(DEMO_SHOP_DOMAIN, { scopes: ["read_orders"] });
    const { body } = await gql(ORDER_BY_NAME, { q: "name:#1042" });
    // Order.customer is nullable: the order still comes back, without its customer.
    expect(body.data.orders.nodes[0]).toMatchObject({ name: "#1042", customer: null });
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ["orders", "nodes", 0, "customer"], extensions: expect.objectContaining({ code: "ACCESS_DENIED" }) }),
    ]);
  });

  it("treats a write scope as granting the matching read scope", async () => {
    admin.setAccess(DEMO_SHOP_DOMAIN, { scopes: ["write_orders", "write_customers"] });
    const { body } = await gql(ORDER_BY_NAME, { q: "name:#1042" });
    expect(body.errors).toBeUndefined();
  });

  it("withholds level 2 fields (email) from an app approved for level 1 protected customer data only", async () => {
    admin.setAccess(DEMO_SHOP_DOMAIN, { scopes: ["read_orders", "read_customers"], protectedCustomerData: { level: 1 } });
    const { body } = await gql(`query($q: String!) { orders(first: 1, query: $q) { nodes { name email } } }`, { q: "name:#1042" });
    expect(body.data.orders.nodes[0]).toEqual({ name: "#1042", email: null });
    expect(body.errors?.[0]).toMatchObject({ path: ["orders", "nodes", 0, "email"], extensions: { code: "ACCESS_DENIED" } });

    admin.setAccess(DEMO_SHOP_DOMAIN, { scopes: ["read_orders", "read_customers"], protectedCustomerData: { level: 2, fields: ["email"] } });
    const named = await gql(`query($q: String!) { orders(first: 1, query: $q) { nodes { email customer { displayName } } } }`, { q: "name:#1042" });
    expect(named.body.data.orders.nodes[0].email).toBe("sarah@example.com");
    expect(named.body.errors?.[0]).toMatchObject({ path: ["orders", "nodes", 0, "customer", "displayName"], extensions: { code: "ACCESS_DENIED" } });

    admin.setAccess(DEMO_SHOP_DOMAIN, { scopes: ["read_orders"], protectedCustomerData: { level: 0 } });
    const none = await gql(`{ orders(first: 1) { nodes { id } } }`);
    expect(none.body.errors?.[0].message).toMatch(/^This app is not approved to access the Order object/);
  });
});
