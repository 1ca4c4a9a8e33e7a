import { describe, expect, it } from "vitest";
import { BoundedMemo } from "./bounded-memo";

describe("BoundedMemo", () => {
  it("computes once a key and drops the least recently used past its limit", () => {
    const memo = new BoundedMemo<string, number>(2);
    let calls = 0;
    const len = (s: string) => (calls++, s.length);
    expect(memo.remember("a", len)).toBe(1);
    expect(memo.remember("bb", len)).toBe(2);
    expect(memo.remember("a", len)).toBe(1);
    expect(calls).toBe(2);
    memo.remember("ccc", len);
    expect(memo.size).toBe(2);
    expect(memo.get("bb")).toBeUndefined();
    expect(memo.get("a")).toBe(1);
  });

  it("remembers falsy values other than undefined", () => {
    const memo = new BoundedMemo<string, string | null>(4);
    let calls = 0;
    memo.remember("x", () => (calls++, null));
    memo.remember("y", () => (calls++, ""));
    memo.remember("x", () => (calls++, null));
    memo.remember("y", () => (calls++, ""));
    expect(calls).toBe(2);
  });
});
