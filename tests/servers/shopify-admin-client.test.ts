import "@shopify/shopify-api/adapters/node";
import { ApiVersion, GraphqlQueryError, Session, shopifyApi } from "@shopify/shopify-api";
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "./shopify-admin-server";

// Proves the fake against Shopify's own Admin client. The library always calls https://<shop>/admin/api/…;
// this test reroutes that to the fake's path-prefix form (http://127.0.0.1:PORT/<shop>/admin/api/…).
let admin: ShopifyAdminServerHandle;
const realFetch = abstractFetch;

const shopify = shopifyApi({
  apiKey: "key",
  apiSecretKey: "secret",
  apiVersion: ApiVersion.July26,
  hostName: "baton.example",
  isEmbeddedApp: true,
  logger: { level: 0 },
});
const session = new Session({ id: "offline_demo", shop: DEMO_SHOP_DOMAIN, state: "", isOnline: false, accessToken: "shpat_client" });

beforeAll(async () => {
  admin = await startShopifyAdminServer({ accessToken: "shpat_client", shops: { [DEMO_SHOP_DOMAIN]: createDemoStore() } });
  setAbstractFetchFunc((input, init) => realFetch(String(input).replace(/^https:\/\/([^/]+)\//, `${admin.origin}/$1/`), init));
});
afterAll(async () => {
  setAbstractFetchFunc(realFetch);
  await admin.stop();
});

describe("shopify admin fake with @shopify/shopify-api's GraphqlClient", () => {
  const client = () => new shopify.clients.Graphql({ session });

  it("looks up an order", async () => {
    const response = await client().request(`query($q: String!) { orders(first: 5, query: $q) { nodes { name email } } }`, { variables: { q: "name:#1042" } });
    expect(response.data).toEqual({ orders: { nodes: [{ name: "#1042", email: "sarah@example.com" }] } });
    expect(response.extensions?.cost).toMatchObject({ throttleStatus: { maximumAvailable: 2000 } });
    expect(admin.requests.at(-1)?.headers["x-shopify-access-token"]).toBe("shpat_client");
  });

  it("surfaces THROTTLED (HTTP 200) as GraphqlQueryError without retrying", async () => {
    admin.reset();
    admin.throttleNext(1);
    const error = await client()
      .request(`{ shop { name } }`, { retries: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlQueryError);
    expect(admin.requests).toHaveLength(1);
  });

  it("retries a 503 by itself", async () => {
    admin.reset();
    admin.failNext(1, 503);
    const response = await client().request(`{ shop { name } }`, { retries: 1 });
    expect(response.data).toEqual({ shop: { name: "Baton Demo Goods" } });
    expect(admin.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it("surfaces an invalid query as GraphqlQueryError carrying Shopify's error shape", async () => {
    admin.reset();
    const error = await client()
      .request(`{ shop { nonsense } }`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlQueryError);
    expect((error as GraphqlQueryError).body?.errors).toMatchObject({
      graphQLErrors: [{ extensions: { code: "undefinedField", typeName: "Shop", fieldName: "nonsense" } }],
    });
    expect(admin.invalidQueries).toHaveLength(1);
  });
});
