import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { closeRateLimitStore, consumeInOneStatement, consumeInOrder, defineLimiters } from "../../app/platform/rate-limit.server";
import { createPostgresDatabase } from "../support/postgres";

// The storefront's limits on PostgreSQL (the multi-instance store): every limiter of a request in one
// statement, in order, the first refusal winning and the ones after it not charged.
describe("rate limits on PostgreSQL, consumed in one statement", () => {
  let drop = async () => {};
  let limiters: () => Promise<Record<"address" | "shop", RateLimiterAbstract>>;

  beforeAll(async () => {
    const database = await createPostgresDatabase("baton_rl");
    drop = database.drop;
    limiters = defineLimiters(() => ({
      store: { databaseUrl: database.url, databaseProvider: "postgresql", webConcurrency: 1 },
      limits: { address: { keyPrefix: "t-ip", points: 2, durationSeconds: 60 }, shop: { keyPrefix: "t-shop", points: 5, durationSeconds: 60 } },
    }));
  }, 60_000);

  afterAll(async () => {
    await closeRateLimitStore();
    await drop();
  });

  it("refuses at the first limit reached, leaves the later limiters uncharged, and shares counters with the library's own consume", async () => {
    const { address, shop } = await limiters();
    expect(address.constructor.name).toBe("RateLimiterPostgres");
    const request = () =>
      consumeInOrder([
        [address, "shop-a|10.0.0.1"],
        [shop, "shop-a"],
      ]);
    expect(await request()).toEqual({ limited: false, retryAfterSeconds: 0 });
    expect(await request()).toEqual({ limited: false, retryAfterSeconds: 0 });
    const refused = await request();
    expect(refused.limited).toBe(true);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // The address was charged three times (2 allowed), the shop only for the two requests that passed.
    expect((await address.get("shop-a|10.0.0.1"))?.consumedPoints).toBe(3);
    expect((await shop.get("shop-a"))?.consumedPoints).toBe(2);
    // The library's consume and ours count the same rows.
    await shop.consume("shop-a");
    expect(
      await consumeInOrder([
        [address, "shop-a|10.0.0.2"],
        [shop, "shop-a"],
      ]),
    ).toEqual({ limited: false, retryAfterSeconds: 0 });
    expect((await shop.get("shop-a"))?.consumedPoints).toBe(4);
    await expect(consumeInOneStatement([[shop, "shop-a"]])).resolves.toEqual({ limited: false, retryAfterSeconds: 0 });
    expect((await consumeInOrder([[shop, "shop-a"]])).limited).toBe(true);
  });
});
