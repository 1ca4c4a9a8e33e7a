// One-vs-rest logistic regression over hashed sparse features: the scoring half. Training (Adagrad,
// L2, the seeded shuffle) lives in tools/detector/train-logistic.ts; only this ships.

import type { SparseFeatures } from "./features";

/** Per-head sum of the dense (word-vector) terms; reused so scoring allocates nothing. */
let denseSum = new Float64Array(4);
/** The hidden layer's activations; reused. */
let activation = new Float64Array(32);

/** A hidden layer (ReLU) over the dense features whose output adds to every head's logit: `w1[j * inputs + d]`, `w2[j * heads + h]`. */
export interface HiddenLayerWeights {
  hidden: number;
  inputs: number;
  w1: ArrayLike<number>;
  b1: ArrayLike<number>;
  w2: ArrayLike<number>;
}

/** ReLU activations of the hidden layer for the dense input `x`. */
export function forwardHidden(mlp: Omit<HiddenLayerWeights, "w2">, x: ArrayLike<number>, out: Float32Array | Float64Array): void {
  const { hidden, inputs, w1, b1 } = mlp;
  for (let j = 0; j < hidden; j++) {
    let a = b1[j];
    const base = j * inputs;
    for (let d = 0; d < inputs; d++) a += w1[base + d] * x[d];
    out[j] = a > 0 ? a : 0;
  }
}

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
  model: {
    heads: number;
    weights: ArrayLike<number>;
    bias: ArrayLike<number>;
    scale?: ArrayLike<number>;
    dense?: ArrayLike<number> | null;
    mlp?: HiddenLayerWeights | null;
  },
  features: SparseFeatures,
  out = new Float64Array(model.heads),
): Float64Array {
  const { heads, weights, bias, scale, dense, mlp } = model;
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
  // the dense features are the last `inputs` values (extractFeatures appends them in order)
  if (mlp && values.length >= mlp.inputs && indices[values.length - mlp.inputs] === hashed) {
    if (activation.length < mlp.hidden) activation = new Float64Array(mlp.hidden);
    forwardHidden(mlp, values.subarray(values.length - mlp.inputs), activation);
    for (let j = 0; j < mlp.hidden; j++) {
      const a = activation[j];
      if (a === 0) continue;
      for (let h = 0; h < heads; h++) denseSum[h] += mlp.w2[j * heads + h] * a;
    }
  }
  for (let h = 0; h < heads; h++) out[h] = sigmoid(out[h] * (scale ? scale[h] : 1) + denseSum[h] + bias[h]);
  return out;
}
