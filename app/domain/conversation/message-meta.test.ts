import { describe, expect, it } from "vitest";
import { deepFreeze, readMessageMeta } from "./message-meta";

describe("readMessageMeta", () => {
  it("validates a stored meta the store hands out again (frozen) once, and hands out a frozen result", () => {
    const stored = deepFreeze({ engine: "builtin", said: ["order_status"], signals: [{ reason: "anger", score: 0.4, evidence: "!!" }] });
    const first = readMessageMeta(stored);
    expect(first).toEqual({ engine: "builtin", said: ["order_status"], signals: [{ reason: "anger", score: 0.4, evidence: "!!" }] });
    expect(readMessageMeta(stored)).toBe(first);
    expect(Object.isFrozen(first.said)).toBe(true);
    expect(() => (first.said as string[]).push("x")).toThrow(TypeError);
  });

  it("reads damaged or unfrozen cells as before: nothing remembered, or a fresh result each time", () => {
    expect(readMessageMeta(deepFreeze({ engine: 42 }))).toEqual({});
    const plain = { engine: "llm" };
    expect(readMessageMeta(plain)).toEqual({ engine: "llm" });
    expect(readMessageMeta(plain)).not.toBe(readMessageMeta(plain));
  });
});
