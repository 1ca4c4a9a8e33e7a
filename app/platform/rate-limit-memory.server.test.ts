import cluster from "node:cluster";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SWEEP_INTERVAL_MS, SweptMemoryStorage, sweptMemoryLimiter } from "./rate-limit-memory.server";
import { startClusterRateLimits } from "./rate-limit.server";

// Issue 29: the in-memory limiter kept a timer per key (40,393 in a soak). The swept storage keeps one timer per
// store and the same verdicts as the library's own storage.
const storageOf = (limiter: RateLimiterMemory) => (limiter as unknown as { _memoryStorage: SweptMemoryStorage })._memoryStorage;

type Outcome = { ok: boolean; consumed: number; msBeforeNext: number };
async function outcome(limiter: RateLimiterMemory, key: string): Promise<Outcome> {
  try {
    const r = await limiter.consume(key);
    return { ok: true, consumed: r.consumedPoints, msBeforeNext: r.msBeforeNext };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { ok: false, consumed: rejection.consumedPoints, msBeforeNext: rejection.msBeforeNext };
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-12-07T02:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("swept memory storage for the rate limiters", () => {
  it("100,000 distinct keys hold one timer, not 100,000; after their window and one sweep, no entry and no timer", async () => {
    const stock = new RateLimiterMemory({ keyPrefix: "stock", points: 5, duration: 60 });
    for (let n = 0; n < 1_000; n++) await stock.consume(`k${n}`);
    // The library's own storage, for contrast: a timer per key.
    expect(vi.getTimerCount()).toBe(1_000);
    vi.clearAllTimers();

    const limiter = sweptMemoryLimiter({ keyPrefix: "ip", points: 5, duration: 60 });
    for (let n = 0; n < 100_000; n++) await limiter.consume(`shop|198.51.${n >> 8}.${n & 255}`);
    expect(storageOf(limiter)._storage.size).toBe(100_000);
    expect(vi.getTimerCount()).toBe(1);

    vi.advanceTimersByTime(60_000 + SWEEP_INTERVAL_MS);
    expect(storageOf(limiter)._storage.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    // And a key seen again starts a fresh window.
    expect((await limiter.consume("shop|198.51.0.0")).consumedPoints).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
  });

  it("keys still in their window survive the sweep; memory follows the keys of the last window", async () => {
    const limiter = sweptMemoryLimiter({ keyPrefix: "conv", points: 3, duration: 60 });
    for (let n = 0; n < 500; n++) await limiter.consume(`old${n}`);
    vi.advanceTimersByTime(30_000);
    for (let n = 0; n < 200; n++) await limiter.consume(`new${n}`);
    vi.advanceTimersByTime(30_000 + SWEEP_INTERVAL_MS);
    expect(storageOf(limiter)._storage.size).toBe(200);
    expect((await limiter.consume("new0")).consumedPoints).toBe(2);
  });

  it("gives the library storage's verdicts, retry times included, over a random mix of keys and clock steps", async () => {
    const stock = new RateLimiterMemory({ keyPrefix: "a", points: 4, duration: 7 });
    const swept = sweptMemoryLimiter({ keyPrefix: "a", points: 4, duration: 7 });
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    let refusals = 0;
    for (let step = 0; step < 3_000; step++) {
      const key = `key${Math.floor(random() * 12)}`;
      const [a, b] = [await outcome(stock, key), await outcome(swept, key)];
      expect(b).toEqual(a);
      if (!a.ok) refusals++;
      vi.advanceTimersByTime(Math.floor(random() * 400));
    }
    expect(refusals).toBeGreaterThan(100);
    expect(await swept.get("key1")).toEqual(await stock.get("key1"));
    expect(await swept.delete("key1")).toBe(await stock.delete("key1"));
    expect(await swept.get("key1")).toBeNull();
  });

  it("the cluster primary's limiters, created when a worker first asks, use the swept storage", async () => {
    startClusterRateLimits();
    const answers: Array<{ type: string; data: { consumedPoints: number } }> = [];
    const worker = { send: (msg: { type: string; data: { consumedPoints: number } }) => answers.push(msg) };
    const channel = "rate_limiter_flexible";
    cluster.emit("message", worker, { channel, type: "init", opts: { keyPrefix: "primary-test", points: 2, duration: 60 } });
    for (let n = 0; n < 1_000; n++) {
      cluster.emit("message", worker, { channel, keyPrefix: "primary-test", func: "consume", promiseId: n, data: { key: `k${n % 500}`, arg: 1, opts: {} } });
    }
    await vi.advanceTimersByTimeAsync(0);
    const consumed = answers.filter((a) => a.type === "resolve").map((a) => a.data.consumedPoints);
    expect(consumed).toHaveLength(1_000);
    expect(consumed.filter((c) => c === 2)).toHaveLength(500);
    expect(vi.getTimerCount()).toBe(1);
  });
});
