// One-vs-rest logistic regression trained with Adagrad and L2 over hashed sparse features. Pure
// math with no I/O: `app/cli/train-detector.ts` feeds it the dev files, tests feed it a small
// fixture. Deterministic: the only randomness is the example order, drawn from a seeded PRNG.

import type { SparseFeatures } from "~/domain/escalation/model/features";
import { forwardHidden, sigmoid } from "~/domain/escalation/model/logistic";

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
  /**
   * Units of one hidden layer (ReLU) over the dense features, shared by the heads, whose output adds to each head's
   * logit (0 = none). The n-grams and the linear word-vector weights learn words; the layer can learn meanings
   * that only a combination of vector dimensions carries (contempt, sarcasm, insults without anger words).
   */
  hidden?: number;
  /** Adagrad learning rate of the hidden layer (its inputs are dense and small: a lower rate than the sparse one) */
  hiddenLearningRate?: number;
  /** the heads (indices) the hidden layer feeds; the others keep a zero output weight (default: all) */
  hiddenHeads?: readonly number[];
}

/** A hidden layer over the dense features: `w1[j * inputs + d]`, `b1[j]`, and per head `w2[j * heads + h]`. */
export interface HiddenLayer {
  hidden: number;
  inputs: number;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
}

export interface TrainedWeights {
  heads: number;
  hashBits: number;
  /** interleaved: weight of bucket i for head h at `i * heads + h` (one cache line per bucket at inference); dense weights follow the hashed ones */
  weights: Float32Array;
  bias: Float32Array;
  /** the hidden layer, when `hidden` > 0 */
  mlp?: HiddenLayer;
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
  const fed = Array.from({ length: heads }, (_, h) => !options.hiddenHeads || options.hiddenHeads.includes(h));
  const mlp = options.hidden && options.denseDims ? initHiddenLayer(options.hidden, options.denseDims, heads, seed, fed) : undefined;
  const hiddenRate = options.hiddenLearningRate ?? learningRate;
  const mlpSquared = mlp ? { w1: new Float32Array(mlp.w1.length), b1: new Float32Array(mlp.hidden), w2: new Float32Array(mlp.w2.length) } : undefined;
  const activation = new Float32Array(mlp?.hidden ?? 0);
  const upstream = new Float32Array(mlp?.hidden ?? 0);
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
      // the dense features are the last `inputs` values (extractFeatures appends them in order)
      const x = mlp ? values.subarray(values.length - mlp.inputs) : undefined;
      if (mlp && x) {
        forwardHidden(mlp, x, activation);
        upstream.fill(0);
      }
      for (let h = 0; h < heads; h++) {
        const y = targets[h];
        if (Number.isNaN(y)) continue;
        let z = bias[h];
        for (let f = 0; f < indices.length; f++) z += weights[indices[f] * heads + h] * values[f];
        if (mlp) for (let j = 0; j < mlp.hidden; j++) z += mlp.w2[j * heads + h] * activation[j];
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
        if (mlp && mlpSquared && fed[h])
          for (let j = 0; j < mlp.hidden; j++) {
            if (activation[j] === 0) continue;
            const at = j * heads + h;
            upstream[j] += g * mlp.w2[at];
            const grad = g * activation[j] + l2 * mlp.w2[at];
            mlpSquared.w2[at] += grad * grad;
            mlp.w2[at] -= (hiddenRate * grad) / Math.sqrt(mlpSquared.w2[at] + eps);
          }
      }
      if (mlp && mlpSquared && x) backwardHidden(mlp, mlpSquared, x, activation, upstream, hiddenRate, l2, eps);
    }
  }
  return { heads, hashBits, weights, bias, ...(mlp ? { mlp } : {}) };
}

/** Glorot-uniform first layer from the seeded PRNG; output weights start small so training starts near the linear model. */
function initHiddenLayer(hidden: number, inputs: number, heads: number, seed: number, fed: readonly boolean[]): HiddenLayer {
  const random = seededRandom(seed ^ 0x5bd1e995);
  const limit = Math.sqrt(6 / (inputs + hidden));
  const w1 = Float32Array.from({ length: hidden * inputs }, () => (2 * random() - 1) * limit);
  const w2 = Float32Array.from({ length: hidden * heads }, (_, at) => (2 * random() - 1) * (fed[at % heads] ? 0.01 : 0));
  return { hidden, inputs, w1, b1: new Float32Array(hidden).fill(0.01), w2 };
}

function backwardHidden(
  mlp: HiddenLayer,
  squared: { w1: Float32Array; b1: Float32Array },
  x: Float32Array,
  activation: Float32Array,
  upstream: Float32Array,
  rate: number,
  l2: number,
  eps: number,
): void {
  const { hidden, inputs, w1, b1 } = mlp;
  for (let j = 0; j < hidden; j++) {
    const g = upstream[j];
    if (activation[j] === 0 || g === 0) continue;
    const base = j * inputs;
    for (let d = 0; d < inputs; d++) {
      const at = base + d;
      const grad = g * x[d] + l2 * w1[at];
      squared.w1[at] += grad * grad;
      w1[at] -= (rate * grad) / Math.sqrt(squared.w1[at] + eps);
    }
    squared.b1[j] += g * g;
    b1[j] -= (rate * g) / Math.sqrt(squared.b1[j] + eps);
  }
}
