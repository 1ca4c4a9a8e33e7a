import { describe, expect, it } from "vitest";
import { visitToken } from "./visit-session";

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

describe("visitToken", () => {
  it("is 128 random bits kept for the tab: the same on every call, another in another tab", () => {
    const tab = memoryStorage();
    const first = visitToken(tab);
    expect(first).toMatch(/^[\w-]{22}$/);
    expect(visitToken(tab)).toBe(first);
    const other = memoryStorage();
    other.setItem("baton-chat:visit", "x".repeat(5)); // a damaged value is replaced
    expect(visitToken(other)).toMatch(/^[\w-]{22}$/);
  });

  it("a new tab (a new session) gets a new token; blocked storage keeps one per page", () => {
    const a = memoryStorage();
    a.setItem("baton-chat:visit", "A".repeat(22));
    const b = memoryStorage();
    b.setItem("baton-chat:visit", "B".repeat(22));
    expect(visitToken(a)).not.toBe(visitToken(b));
    const blocked = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("SecurityError");
      },
    } as unknown as Storage;
    expect(visitToken(blocked)).toBe(visitToken(blocked));
    expect(visitToken(blocked)).toMatch(/^[\w-]{22}$/);
  });
});
