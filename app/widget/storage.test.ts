import { describe, expect, it } from "vitest";
import { loadState, saveState, storageKey } from "./storage";

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

describe("widget storage", () => {
  const key = storageKey("shop.myshopify.com");

  it("merges patches and drops an emptied conversation id", () => {
    const s = memoryStorage();
    saveState(s, key, { c: "abc" });
    saveState(s, key, { o: true });
    expect(loadState(s, key)).toEqual({ c: "abc", o: true });
    saveState(s, key, { c: undefined });
    expect(loadState(s, key)).toEqual({ c: undefined, o: true });
  });

  it("survives junk and missing or throwing storage", () => {
    const s = memoryStorage();
    s.setItem(key, "{not json");
    expect(loadState(s, key)).toEqual({});
    s.setItem(key, JSON.stringify({ c: 5, o: "yes" }));
    expect(loadState(s, key)).toEqual({ c: undefined, o: false });
    expect(loadState(undefined, key)).toEqual({ o: false });
    const full = { ...memoryStorage(), setItem: () => { throw new Error("QuotaExceededError"); } } as Storage;
    expect(() => saveState(full, key, { c: "x" })).not.toThrow();
  });
});
