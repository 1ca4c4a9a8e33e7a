// The learned detector at inference time: decodes the committed weights once, then scores a
// normalized message per head. Pure (the weights arrive through a JSON import, so the bundler
// ships them; no fs). About 300 hashed features × 4 heads per message: a few microseconds.
import type { NormalizedText } from "../normalize";
import { checksum, decodeBase64 } from "./codec";
import { modelTokens } from "./emoji-words";
import { extractFeatures } from "./features";
import { MODEL_HEADS, type ModelHead } from "./heads";
import { predictLogistic, type HiddenLayerWeights } from "./logistic";
import { embedTokens, type WordVectors } from "./word-vectors";

/** The committed asset's JSON shape (written by `npm run train:detector`). */
export interface DetectorModelAsset {
  version: string;
  heads: string[];
  hashBits: number;
  /** int8 weight = round(w / scale[h]); interleaved by bucket */
  scale: number[];
  bias: number[];
  /** calibrated probability each head needs at default sensitivity */
  thresholds: Record<string, number>;
  /** FNV-1a of `weights`, checked on load */
  checksum: string;
  /** base64 of the int8 weights */
  weights: string;
  /** float weights of the word-vector features (dimension-major, interleaved by head); absent in v1 */
  dense?: number[];
  /** checksum of the word vectors the dense weights were trained on */
  wordVectors?: string;
  /** a hidden layer over the word-vector features (float weights; `HiddenLayerWeights`), absent before issue 26's fourth pass */
  mlp?: { hidden: number; inputs: number; w1: number[]; b1: number[]; w2: number[] };
  recipe?: unknown;
}

/** A decoded model ready to score. */
export interface DetectorModel {
  version: string;
  checksum: string;
  hashBits: number;
  heads: number;
  weights: Int8Array;
  scale: Float64Array;
  bias: Float64Array;
  thresholds: Record<ModelHead, number>;
  /** weights of the word-vector features, or null for a model without them */
  dense: Float32Array | null;
  vectors: WordVectors | null;
  /** the hidden layer over the word-vector features, or null */
  mlp: HiddenLayerWeights | null;
}

/** Per-head probabilities for one message. */
export type ModelScores = Record<ModelHead, number>;

/** Decodes an asset; a model with word-vector weights needs the vectors it was trained on. */
export function decodeModel(asset: DetectorModelAsset, vectors: WordVectors | null = null): DetectorModel {
  if (asset.heads.join(",") !== MODEL_HEADS.join(","))
    throw new Error(`detector model ${asset.version}: heads ${asset.heads.join(",")} do not match ${MODEL_HEADS.join(",")}`);
  if (checksum(asset.weights) !== asset.checksum) throw new Error(`detector model ${asset.version}: weights checksum mismatch`);
  const bytes = decodeBase64(asset.weights);
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (weights.length !== (1 << asset.hashBits) * MODEL_HEADS.length)
    throw new Error(`detector model ${asset.version}: ${weights.length} weights for 2^${asset.hashBits} buckets`);
  if (asset.dense) {
    if (!vectors || vectors.checksum !== asset.wordVectors)
      throw new Error(`detector model ${asset.version}: needs the word vectors ${asset.wordVectors}, got ${vectors?.checksum ?? "none"}`);
    if (asset.dense.length !== 2 * vectors.dims * MODEL_HEADS.length) throw new Error(`detector model ${asset.version}: ${asset.dense.length} dense weights`);
  }
  const { mlp } = asset;
  if (
    mlp &&
    (!asset.dense || mlp.inputs !== 2 * (vectors?.dims ?? 0) || mlp.w1.length !== mlp.hidden * mlp.inputs || mlp.w2.length !== mlp.hidden * MODEL_HEADS.length)
  )
    throw new Error(`detector model ${asset.version}: hidden layer does not fit its ${mlp.inputs} inputs`);
  const thresholds = {} as Record<ModelHead, number>;
  for (const head of MODEL_HEADS) thresholds[head] = asset.thresholds[head] ?? 1;
  return {
    version: asset.version,
    checksum: asset.checksum,
    hashBits: asset.hashBits,
    heads: MODEL_HEADS.length,
    weights,
    scale: Float64Array.from(asset.scale),
    bias: Float64Array.from(asset.bias),
    thresholds,
    dense: asset.dense ? Float32Array.from(asset.dense) : null,
    vectors: asset.dense ? vectors : null,
    mlp: mlp ? { hidden: mlp.hidden, inputs: mlp.inputs, w1: Float32Array.from(mlp.w1), b1: Float32Array.from(mlp.b1), w2: Float32Array.from(mlp.w2) } : null,
  };
}

/** The model's features for a message: n-grams of its tokens (plus tone emoji), rule signals and, when the model has them, word vectors. */
export function modelFeatures(
  message: NormalizedText,
  hashBits: number,
  rules: readonly [string, number][],
  vectors: WordVectors | null,
): ReturnType<typeof extractFeatures> {
  const tokens = modelTokens(message);
  return extractFeatures(tokens, message, hashBits, rules, vectors ? embedTokens(vectors, tokens) : undefined);
}

/** Probability per head that the message is a case of that reason (`rules`: `ruleFeatures` of the message). */
export function scoreWithModel(model: DetectorModel, message: NormalizedText, rules: readonly [string, number][]): ModelScores {
  const features = modelFeatures(message, model.hashBits, rules, model.vectors);
  const p = predictLogistic(model, features);
  const scores = {} as ModelScores;
  for (let h = 0; h < MODEL_HEADS.length; h++) scores[MODEL_HEADS[h]] = p[h];
  return scores;
}
