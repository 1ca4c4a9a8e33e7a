// One-vs-rest logistic regression over hashed sparse features: the scoring half. Training (Adagrad,
// L2, the seeded shuffle) lives in tools/detector/train-logistic.ts; only this ships.

import type { SparseFeatures } from "./features";

/** Logistic function, written to stay finite for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Probability per head for one message. */
export function predictLogistic(
  model: { heads: number; weights: ArrayLike<number>; bias: ArrayLike<number>; scale?: ArrayLike<number> },
  features: SparseFeatures,
  out = new Float64Array(model.heads),
): Float64Array {
  const { heads, weights, bias, scale } = model;
  const { indices, values } = features;
  for (let h = 0; h < heads; h++) out[h] = 0;
  for (let f = 0; f < indices.length; f++) {
    const base = indices[f] * heads;
    const v = values[f];
    for (let h = 0; h < heads; h++) out[h] += weights[base + h] * v;
  }
  for (let h = 0; h < heads; h++) out[h] = sigmoid(out[h] * (scale ? scale[h] : 1) + bias[h]);
  return out;
}
