import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { homeGoodsProducts } from "../fixtures/shopify-products";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "./shopify-admin-server";

// The fake's bulk query operations keep Shopify's documented rules, so a query our loader sends
// that the real API would refuse fails here too.

const TOKEN = "shpat_test_token";
let admin: ShopifyAdminServerHandle;

beforeAll(async () => {
  admin = await startShopifyAdminServer({
    accessToken: TOKEN,
    shops: { [DEMO_SHOP_DOMAIN]: { ...createDemoStore(), products: homeGoodsProducts(DEMO_SHOP_DOMAIN) } },
  });
});
beforeEach(() => admin.reset());
afterAll(() => admin.stop());

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(admin.graphqlUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": TOKEN },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}
const RUN = `mutation Run($query: String!) { bulkOperationRunQuery(query: $query) { bulkOperation { id status } userErrors { field message code } } }`;
const STATUS = `query Status($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount url } }`;

describe("fake Admin API bulk query operations", () => {
  it.each([
    ["a top-level nodes field", `{ nodes(ids: ["gid://shopify/Product/1"]) { id } }`, /top-level `node` and `nodes`/],
    ["no connection", `{ shop { name } }`, /at least one connection/],
    ["a nested connection without its parent's id", `{ products { edges { node { title variants { edges { node { title } } } } } } }`, /parent 'id'/],
    [
      "three levels of connections",
      `{ products { edges { node { id variants { edges { node { id sellingPlanGroups { edges { node { name } } } } } } } } } }`,
      /nested more than 2 levels/,
    ],
    [
      "nothing when three connections sit two levels deep (accepted)",
      `{ orders { edges { node { id fulfillments { id fulfillmentLineItems { edges { node { id lineItem { id } } } } } ` +
        `lineItems { edges { node { id } } } } } } }`,
      null,
    ],
    ["an unknown field", `{ products { edges { node { id colour } } } }`, /Invalid bulk query/],
  ])("refuses %s", async (_name, query, message) => {
    const { data } = await gql(RUN, { query });
    if (message === null) return expect(data.bulkOperationRunQuery.userErrors).toEqual([]);
    expect(data.bulkOperationRunQuery.bulkOperation).toBeNull();
    expect(data.bulkOperationRunQuery.userErrors[0].message).toMatch(message);
  });

  it("writes JSONL with one line per node, children naming their parent, and reports RUNNING until done", async () => {
    admin.bulk.configure({ pollsBeforeDone: 1 });
    const query = `{ products(query: "status:active") { edges { node { id handle variants { edges { node { title } } } } } } }`;
    const { data } = await gql(RUN, { query });
    const id = data.bulkOperationRunQuery.bulkOperation.id as string;
    expect(data.bulkOperationRunQuery.bulkOperation.status).toBe("CREATED");
    expect((await gql(STATUS, { id })).data.bulkOperation).toMatchObject({ status: "RUNNING", url: null });
    // Then RUNNING while the query runs in the background, until it completes.
    let done = (await gql(STATUS, { id })).data.bulkOperation;
    for (let reads = 0; done.status === "RUNNING" && reads < 200; reads++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      done = (await gql(STATUS, { id })).data.bulkOperation;
    }
    expect(done.status).toBe("COMPLETED");
    const lines = (await (await fetch(done.url)).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const throw_ = lines.find((l) => l.handle === "merino-wool-throw");
    expect(throw_).toEqual({ id: throw_.id, handle: "merino-wool-throw" });
    expect(lines.filter((l) => l.__parentId === throw_.id).map((l) => l.title)).toEqual(["Oat", "Sage", "Charcoal"]);
    expect(Number(done.objectCount)).toBe(lines.length);
    expect(Number(done.rootObjectCount)).toBe(lines.filter((l) => !l.__parentId).length);
  });

  it("does not show one shop's operation to another token's shop", async () => {
    const { data } = await gql(STATUS, { id: "gid://shopify/BulkOperation/999999" });
    expect(data.bulkOperation).toBeNull();
  });
});
