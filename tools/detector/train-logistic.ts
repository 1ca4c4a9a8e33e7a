// One-vs-rest logistic regression trained with Adagrad and L2 over hashed sparse features. Pure
// math with no I/O: `app/cli/train-detector.ts` feeds it the dev files, tests feed it a small
// fixture. Deterministic: the only randomness is the example order, drawn from a seeded PRNG.

import type { SparseFeatures } from "~/domain/escalation/model/features";
import { sigmoid } from "~/domain/escalation/model/logistic";

/** One training row: its features and, per head, a target (1, 0, or NaN = "no opinion, skip"). */
export interface TrainingExample {
  features: SparseFeatures;
  targets: Float32Array;
  /** per-head sample weight (source balance and soft labels) */
  weights: Float32Array;
}

export interface TrainOptions {
  heads: number;
  hashBits: number;
  /** dense features (word vectors) after the hashed space, at indices 2^hashBits + d */
  denseDims?: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty, applied to the weights an example touches (lazy regularization) */
  l2: number;
  seed: number;
  /**
   * Positive mass relative to negative mass per head after reweighting (0.5 = positives weigh
   * half as much in total as negatives). Positives are rare and uneven across heads, so each head
   * is rebalanced to the same ratio before thresholds are calibrated.
   */
  positiveRatio: number;
}

export interface TrainedWeights {
  heads: number;
  hashBits: number;
  /** interleaved: weight of bucket i for head h at `i * heads + h` (one cache line per bucket at inference); dense weights follow the hashed ones */
  weights: Float32Array;
  bias: Float32Array;
}

/** Mulberry32: a tiny seeded PRNG, enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Trains every head in one pass over the examples per epoch. */
export function trainLogistic(examples: readonly TrainingExample[], options: TrainOptions): TrainedWeights {
  const { heads, hashBits, epochs, learningRate, l2, seed, positiveRatio } = options;
  const dim = (1 << hashBits) + (options.denseDims ?? 0);
  const weights = new Float32Array(dim * heads);
  const squared = new Float32Array(dim * heads);
  const bias = new Float32Array(heads);
  const biasSquared = new Float32Array(heads);

  // per-head multiplier for positives so positive mass = positiveRatio × negative mass
  const positiveScale = new Float64Array(heads);
  for (let h = 0; h < heads; h++) {
    let positive = 0;
    let negative = 0;
    for (const e of examples) {
      const y = e.targets[h];
      if (Number.isNaN(y)) continue;
      if (y > 0.5) positive += e.weights[h];
      else negative += e.weights[h];
    }
    positiveScale[h] = positive > 0 ? (positiveRatio * negative) / positive : 1;
  }

  const order = Array.from(examples.keys());
  const random = seededRandom(seed);
  const eps = 1e-6;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    for (const k of order) {
      const { features, targets, weights: sampleWeights } = examples[k];
      const { indices, values } = features;
      for (let h = 0; h < heads; h++) {
        const y = targets[h];
        if (Number.isNaN(y)) continue;
        let z = bias[h];
        for (let f = 0; f < indices.length; f++) z += weights[indices[f] * heads + h] * values[f];
        const weight = sampleWeights[h] * (y > 0.5 ? positiveScale[h] : 1);
        const g = (sigmoid(z) - y) * weight;
        if (g === 0) continue;
        for (let f = 0; f < indices.length; f++) {
          const at = indices[f] * heads + h;
          const grad = g * values[f] + l2 * weights[at];
          squared[at] += grad * grad;
          weights[at] -= (learningRate * grad) / Math.sqrt(squared[at] + eps);
        }
        biasSquared[h] += g * g;
        bias[h] -= (learningRate * g) / Math.sqrt(biasSquared[h] + eps);
      }
    }
  }
  return { heads, hashBits, weights, bias };
}
