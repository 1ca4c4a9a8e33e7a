// One-vs-rest logistic regression over hashed sparse features: the scoring half. Training (Adagrad,
// L2, the seeded shuffle) lives in tools/detector/train-logistic.ts; only this ships.

import type { SparseFeatures } from "./features";

/** Per-head sum of the dense (word-vector) terms; reused so scoring allocates nothing. */
let denseSum = new Float64Array(4);

/** Logistic function, written to stay finite for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Probability per head for one message. Indices past the hashed weights are dense features (word
 * vectors): their float weights live in `dense` (interleaved like `weights`) and are not scaled.
 */
export function predictLogistic(
  model: { heads: number; weights: ArrayLike<number>; bias: ArrayLike<number>; scale?: ArrayLike<number>; dense?: ArrayLike<number> | null },
  features: SparseFeatures,
  out = new Float64Array(model.heads),
): Float64Array {
  const { heads, weights, bias, scale, dense } = model;
  const { indices, values } = features;
  const hashed = weights.length / heads;
  if (denseSum.length < heads) denseSum = new Float64Array(heads);
  for (let h = 0; h < heads; h++) {
    out[h] = 0;
    denseSum[h] = 0;
  }
  for (let f = 0; f < indices.length; f++) {
    const index = indices[f];
    const v = values[f];
    if (index < hashed) {
      const base = index * heads;
      for (let h = 0; h < heads; h++) out[h] += weights[base + h] * v;
    } else if (dense) {
      const base = (index - hashed) * heads;
      for (let h = 0; h < heads; h++) denseSum[h] += dense[base + h] * v;
    }
  }
  for (let h = 0; h < heads; h++) out[h] = sigmoid(out[h] * (scale ? scale[h] : 1) + denseSum[h] + bias[h]);
  return out;
}
