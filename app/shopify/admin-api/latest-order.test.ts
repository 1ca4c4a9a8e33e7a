import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDemoStore, createOtherStore, DEMO_SHOP_DOMAIN, OTHER_SHOP_DOMAIN } from "../../../tests/fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../../../tests/servers/shopify-admin-server";
import { loadLatestOrder } from "../../chat/conversation-history.server";
import type { OrderFacts } from "~/domain/orders";
import { createAdminOrderLookup } from "./admin-order-lookup.server";
import { createLatestOrderCache, latestOrders } from "./latest-order.server";

const order = (name: string) => ({ name }) as OrderFacts;

describe("latest-order cache", () => {
  it("asks once per shop and customer within the TTL, again after it, and shares one request between concurrent openings", async () => {
    let t = 0;
    const cache = createLatestOrderCache({ ttlMs: 1000, now: () => t });
    const calls: string[] = [];
    const lookup = { listCustomerOrders: async (id: string, limit: number) => (calls.push(`${id}/${limit}`), [order(`#${calls.length}`)]) };
    const [a, b] = await Promise.all([cache.get("s", "7001", lookup), cache.get("s", "7001", lookup)]);
    expect([a?.name, b?.name, calls]).toEqual(["#1", "#1", ["7001/1"]]);
    expect((await cache.get("other-shop", "7001", lookup))?.name).toBe("#2");
    t = 999;
    expect((await cache.get("s", "7001", lookup))?.name).toBe("#1");
    t = 1000;
    expect((await cache.get("s", "7001", lookup))?.name).toBe("#3");
  });
  it("remembers 'no orders', forgets a failed lookup, and keeps at most maxEntries (least recently used dropped)", async () => {
    const cache = createLatestOrderCache({ maxEntries: 2 });
    let fail = true;
    let calls = 0;
    const lookup = {
      listCustomerOrders: async (id: string) => {
        calls++;
        if (id === "bad" && fail) throw new Error("THROTTLED");
        return id === "none" ? [] : [order(id)];
      },
    };
    expect(await cache.get("s", "none", lookup)).toBeNull();
    expect(await cache.get("s", "none", lookup)).toBeNull();
    expect(calls).toBe(1);
    expect(await cache.get("s", "bad", lookup)).toBeNull();
    fail = false;
    expect((await cache.get("s", "bad", lookup))?.name).toBe("bad"); // asked again
    await cache.get("s", "none", lookup); // used: "bad" is now the oldest
    await cache.get("s", "third", lookup);
    expect(cache.size).toBe(2);
    calls = 0;
    await cache.get("s", "none", lookup);
    expect(calls).toBe(0);
    await cache.get("s", "bad", lookup);
    expect(calls).toBe(1);
  });
});

describe("a signed-in shopper's latest order through the Admin API (fake, 2026-07 schema)", () => {
  let admin: ShopifyAdminServerHandle;
  const token = "shpat_fake";
  beforeAll(async () => {
    admin = await startShopifyAdminServer({ accessToken: token, shops: { [DEMO_SHOP_DOMAIN]: createDemoStore(), [OTHER_SHOP_DOMAIN]: createOtherStore() } });
  });
  afterAll(() => admin.stop());
  beforeEach(() => admin.reset());
  const lookup = (shop = DEMO_SHOP_DOMAIN) => createAdminOrderLookup({ shop, accessToken: token, origin: admin.origin, sleep: () => Promise.resolve() });

  it("is the customer's newest order as an order card in the shopper's language, from one valid query", async () => {
    const newest = createDemoStore()
      .orders.filter((o) => o.customer?.id === "gid://shopify/Customer/7001")
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
    const { latestOrder } = await loadLatestOrder("7001", "es", (id) => latestOrders.get(DEMO_SHOP_DOMAIN, id, lookup()));
    expect(latestOrder).toMatchObject({ name: newest.name });
    expect(latestOrder!.steps.map((s) => s.label)).toEqual(["Pedido", "Enviado", "Entregado"]);
    expect(admin.requests.length).toBe(1);
    admin.assertNoInvalidQueries();
    await loadLatestOrder("7001", "en", (id) => latestOrders.get(DEMO_SHOP_DOMAIN, id, lookup()));
    expect(admin.requests.length).toBe(1); // cached per shop and customer
  });

  it("shows nothing to a guest (no lookup at all) nor for a customer without orders, and never another shop's order", async () => {
    expect(await loadLatestOrder(null, "en", (id) => latestOrders.get(DEMO_SHOP_DOMAIN, id, lookup()))).toEqual({ latestOrder: null });
    expect(admin.requests.length).toBe(0);
    expect(await loadLatestOrder("999999", "en", (id) => latestOrders.get(DEMO_SHOP_DOMAIN, id, lookup()))).toEqual({ latestOrder: null });
    const other = await loadLatestOrder("7001", "en", (id) => latestOrders.get(OTHER_SHOP_DOMAIN, id, lookup(OTHER_SHOP_DOMAIN)));
    expect(other.latestOrder).toBeNull();
    expect(latestOrders.size).toBeGreaterThan(0);
  });
});
