import { describe, expect, it } from "vitest";
import { normalizeText } from "../normalize";
import { extractFeatures } from "./features";

const features = (text: string) => {
  const n = normalizeText(text);
  return extractFeatures(n.tokens, n, 18);
};
const overlap = (a: string, b: string) => {
  const x = new Set(features(a).indices);
  const y = features(b).indices;
  return y.filter((i) => x.has(i)).length / Math.max(x.size, y.length);
};

describe("hashed features", () => {
  it("are deterministic and L2-normalized", () => {
    const a = features("Transfer me to billing please!!");
    const b = features("Transfer me to billing please!!");
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    // shape flags (!, !!, length) are part of the normalized vector
    expect(a.values.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 5);
  });

  it("a typo keeps most character n-grams, an unrelated word does not", () => {
    expect(overlap("reimbursement", "reimbursment")).toBeGreaterThan(0.4);
    expect(overlap("reimbursement", "opening hours")).toBeLessThan(0.1);
  });

  it("rule signals are added after normalization with their own value", () => {
    const n = normalizeText("talk to a human");
    const plain = extractFeatures(n.tokens, n, 18);
    const withRule = extractFeatures(n.tokens, n, 18, [["rule:request", 1]]);
    expect(withRule.indices.length).toBe(plain.indices.length + 1);
    expect(withRule.values.reduce((s, v) => s + v * v, 0)).toBeCloseTo(2, 5);
  });
});
