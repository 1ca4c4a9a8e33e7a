// The learned detector at inference time: decodes the committed weights once, then scores a
// normalized message per head. Pure (the weights arrive through a JSON import, so the bundler
// ships them; no fs). About 300 hashed features × 4 heads per message: a few microseconds.
import type { NormalizedText } from "../normalize";
import { checksum, decodeBase64 } from "./codec";
import { extractFeatures } from "./features";
import { MODEL_HEADS, type ModelHead } from "./heads";
import { predictLogistic } from "./logistic";

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
}

/** Per-head probabilities for one message. */
export type ModelScores = Record<ModelHead, number>;

export function decodeModel(asset: DetectorModelAsset): DetectorModel {
  if (asset.heads.join(",") !== MODEL_HEADS.join(","))
    throw new Error(`detector model ${asset.version}: heads ${asset.heads.join(",")} do not match ${MODEL_HEADS.join(",")}`);
  if (checksum(asset.weights) !== asset.checksum) throw new Error(`detector model ${asset.version}: weights checksum mismatch`);
  const bytes = decodeBase64(asset.weights);
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (weights.length !== (1 << asset.hashBits) * MODEL_HEADS.length)
    throw new Error(`detector model ${asset.version}: ${weights.length} weights for 2^${asset.hashBits} buckets`);
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
  };
}

/** Probability per head that the message is a case of that reason (`rules`: `ruleFeatures` of the message). */
export function scoreWithModel(model: DetectorModel, message: NormalizedText, rules: readonly [string, number][]): ModelScores {
  const features = extractFeatures(message.tokens, message, model.hashBits, rules);
  const p = predictLogistic(model, features);
  const scores = {} as ModelScores;
  for (let h = 0; h < MODEL_HEADS.length; h++) scores[MODEL_HEADS[h]] = p[h];
  return scores;
}
