import { describe, expect, it } from "vitest";
import { createStore, storageKey } from "./storage";

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

const SHOP = "shop.myshopify.com";
const DAY = 86_400_000;

describe("widget storage", () => {
  it("keeps the conversation in localStorage for rememberDays (sliding) and the open flag per tab", () => {
    const long = memoryStorage();
    let now = 1_000_000;
    const store = createStore(SHOP, "", 7, long, memoryStorage(), () => now);
    store.save({ c: "abc" });
    store.save({ o: true });
    expect(store.load()).toEqual({ c: "abc", o: true });
    expect(JSON.parse(long.getItem(storageKey(SHOP))!)).toEqual({ c: "abc", u: "", e: now + 7 * DAY });

    // A new tab: same conversation, panel closed.
    const newTab = createStore(SHOP, "", 7, long, memoryStorage(), () => now);
    expect(newTab.load()).toEqual({ c: "abc", o: false });

    now += 6 * DAY;
    store.save({ c: "abc" }); // every turn saves again: the week starts over
    now += 6 * DAY;
    expect(store.load().c).toBe("abc");
    now += 2 * DAY;
    expect(store.load().c).toBeUndefined();
    expect(long.getItem(storageKey(SHOP))).toBeNull(); // expired records are removed
  });

  it("drops the conversation when the signed-in customer changes or signs out", () => {
    const long = memoryStorage();
    createStore(SHOP, "7001", 7, long, memoryStorage()).save({ c: "sarahs" });
    expect(createStore(SHOP, "7001", 7, long, memoryStorage()).load().c).toBe("sarahs");
    expect(createStore(SHOP, "", 7, long, memoryStorage()).load().c).toBeUndefined();
    expect(long.length).toBe(0);
    createStore(SHOP, "", 7, long, memoryStorage()).save({ c: "guest" });
    expect(createStore(SHOP, "42", 7, long, memoryStorage()).load().c).toBeUndefined();
  });

  it("is per shop", () => {
    const long = memoryStorage();
    createStore(SHOP, "", 7, long, memoryStorage()).save({ c: "a" });
    expect(createStore("other.myshopify.com", "", 7, long, memoryStorage()).load().c).toBeUndefined();
  });

  it("0 days, or no localStorage: this tab only, without expiry", () => {
    for (const [days, long] of [
      [0, memoryStorage()],
      [7, undefined],
    ] as const) {
      const tab = memoryStorage();
      const store = createStore(SHOP, "", days, long, tab, () => 5);
      store.save({ c: "abc", o: true });
      expect(long?.length ?? 0).toBe(0);
      expect(createStore(SHOP, "", days, long, tab, () => 5 + 400 * DAY).load()).toEqual({ c: "abc", o: true });
      store.save({ c: undefined });
      expect(store.load()).toEqual({ c: undefined, o: true });
    }
  });

  it("survives junk and missing or throwing storage", () => {
    const long = memoryStorage();
    long.setItem(storageKey(SHOP), "{not json");
    expect(createStore(SHOP, "", 7, long, memoryStorage()).load()).toEqual({ c: undefined, o: false });
    long.setItem(storageKey(SHOP), JSON.stringify({ c: 5, u: "" }));
    expect(createStore(SHOP, "", 7, long, memoryStorage()).load().c).toBeUndefined();
    expect(createStore(SHOP, "", 7, undefined, undefined).load()).toEqual({ c: undefined, o: false });
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    } as Storage;
    expect(() => createStore(SHOP, "", 7, full, full).save({ c: "x", o: true })).not.toThrow();
  });
});

describe("widget storage: the case marker", () => {
  it("remembers that the case is with the team and the last team message seen, for that conversation only", () => {
    const long = memoryStorage();
    const store = createStore(SHOP, "", 7, long, memoryStorage());
    store.save({ c: "abc" });
    store.save({ k: true });
    store.save({ s: "2026-12-06T10:00:00.000Z" });
    expect(createStore(SHOP, "", 7, long, memoryStorage()).load()).toEqual({ c: "abc", o: false, k: true, s: "2026-12-06T10:00:00.000Z" });
    store.save({ c: "abc" }); // a later turn keeps both
    expect(store.load().k).toBe(true);
    store.save({ c: "new" }); // a new conversation starts without them
    expect(store.load()).toEqual({ c: "new", o: false });
    store.save({ c: undefined });
    store.save({ k: true }); // no conversation, no marker
    expect(long.length).toBe(0);
  });
});

describe("widget storage: ratings given", () => {
  it("remembers which moments of a conversation were rated, across page loads, and forgets them with a new conversation", () => {
    const long = memoryStorage();
    const store = createStore(SHOP, "", 7, long, memoryStorage());
    store.save({ c: "abc" });
    store.save({ r: "a" });
    store.save({ c: "abc" }); // a later turn keeps it
    expect(createStore(SHOP, "", 7, long, memoryStorage()).load()).toEqual({ c: "abc", o: false, r: "a" });
    store.save({ r: "ah" });
    expect(createStore(SHOP, "", 7, long, memoryStorage()).load().r).toBe("ah");
    store.save({ c: "next" });
    expect(store.load()).toEqual({ c: "next", o: false });
    // Another customer on the same browser never inherits them.
    store.save({ r: "a" });
    expect(createStore(SHOP, "42", 7, long, memoryStorage()).load()).toEqual({ c: undefined, o: false });
  });
});
