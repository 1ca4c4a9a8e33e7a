import { describe, expect, it } from "vitest";
import { normalizeText } from "../normalize";
import { committedWordVectors } from "./committed-model";
import { embedTokens, type WordVectors } from "./word-vectors";

const cosine = (vectors: WordVectors, a: string, b: string) => {
  const x = embedTokens(vectors, [a]).subarray(0, vectors.dims);
  const y = embedTokens(vectors, [b]).subarray(0, vectors.dims);
  let dot = 0;
  for (let d = 0; d < vectors.dims; d++) dot += x[d] * y[d];
  return dot;
};

describe("committed word vectors", () => {
  const vectors = committedWordVectors();

  it("place words a tweet uses near the words training used", () => {
    expect(vectors.index.size).toBeGreaterThan(40_000);
    expect(cosine(vectors, "livid", "angry")).toBeGreaterThan(cosine(vectors, "livid", "recipe") + 0.2);
    expect(cosine(vectors, "reimburse", "refund")).toBeGreaterThan(cosine(vectors, "reimburse", "weather") + 0.2);
    expect(cosine(vectors, "delayed", "cancelled")).toBeGreaterThan(cosine(vectors, "delayed", "lovely") + 0.2);
  });

  it("embed a message as a unit-length mean and a per-dimension maximum; unknown words give zeros", () => {
    const e = embedTokens(vectors, normalizeText("my flight was delayed again").tokens);
    expect(e.length).toBe(2 * vectors.dims);
    let norm = 0;
    for (let d = 0; d < vectors.dims; d++) norm += e[d] * e[d];
    expect(norm).toBeCloseTo(1, 4);
    expect(Array.from(embedTokens(vectors, ["qwxzv", "zzkq"])).every((x) => x === 0)).toBe(true);
  });
});

describe("negation in the embedding", () => {
  it("drops the words a negation governs, so 'not angry' does not read as angry", () => {
    const vectors = committedWordVectors();
    const angry = embedTokens(vectors, normalizeText("i feel angry").tokens);
    const notAngry = embedTokens(vectors, normalizeText("i do not feel angry anymore").tokens);
    const dot = (a: Float32Array, b: Float32Array) => a.subarray(0, vectors.dims).reduce((s, x, d) => s + x * b[d], 0);
    expect(dot(notAngry, embedTokens(vectors, ["angry"]))).toBeLessThan(dot(angry, embedTokens(vectors, ["angry"])) - 0.2);
  });
});
