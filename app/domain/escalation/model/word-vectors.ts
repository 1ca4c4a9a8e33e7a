// Pretrained word vectors for the learned detector: meaning beyond the words seen in training.
// The n-gram features only know words the training rows used; "livid", "appalling" or "rip-off"
// in a tweet land on buckets the model never weighted. A GloVe vector puts such a word near the
// words it did learn (angry, terrible, scam), so the model reads a message's average meaning too.
// The committed cut (tools/detector/build-word-vectors.ts) holds ~50k words as int8.
import { checksum, decodeBase64 } from "./codec";

// normalizeText turns "don't", "dont", "isn't" into "not"
const NEGATIONS = new Set(["not", "no", "never", "nothing", "nobody", "nor", "without"]);
const NEGATION_SCOPE = 3;

/** The committed asset's JSON shape. */
export interface WordVectorsAsset {
  source: string;
  dims: number;
  /** float value = int8 × scale */
  scale: number;
  /** the words, space-separated, most frequent first */
  words: string;
  /** base64 uint8 per word: SIF weight × 255 (frequent words count less) */
  weights: string;
  /** FNV-1a of `vectors`, checked on load */
  checksum: string;
  /** base64 int8, word-major */
  vectors: string;
}

export interface WordVectors {
  checksum: string;
  dims: number;
  index: Map<string, number>;
  vectors: Int8Array;
  /** SIF weight × scale per word, so one multiply turns int8 into a weighted float */
  weight: Float32Array;
}

export function decodeWordVectors(asset: WordVectorsAsset): WordVectors {
  if (checksum(asset.vectors) !== asset.checksum) throw new Error("word vectors: checksum mismatch");
  const words = asset.words.split(" ");
  const bytes = decodeBase64(asset.vectors);
  const vectors = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (vectors.length !== words.length * asset.dims) throw new Error(`word vectors: ${vectors.length} values for ${words.length} words`);
  const sif = decodeBase64(asset.weights);
  const weight = new Float32Array(words.length);
  for (let i = 0; i < words.length; i++) weight[i] = (sif[i] / 255) * asset.scale;
  const index = new Map<string, number>();
  words.forEach((w, i) => index.set(w, i));
  return { checksum: asset.checksum, dims: asset.dims, index, vectors, weight };
}

/**
 * A message as dense features: the SIF-weighted mean of its word vectors (scaled to unit length)
 * followed by the per-dimension maximum over its words (SWEM-concat: the mean says what the
 * message is about, the maximum whether any one word is strongly angry, monetary, …). Words the
 * cut does not know are skipped; a message with none gives zeros. So are the words up to three
 * after a negation ("i do not feel angry anymore" is not angry): a vector cannot carry "not", and the
 * n-gram features already read "not happy" as a bigram.
 */
export function embedTokens(vectors: WordVectors, tokens: readonly string[], maxTokens = 64): Float32Array {
  const { dims, index, vectors: table, weight } = vectors;
  const out = new Float32Array(2 * dims);
  let found = 0;
  const n = Math.min(tokens.length, maxTokens);
  let negatedUntil = -1;
  for (let t = 0; t < n; t++) {
    if (NEGATIONS.has(tokens[t])) {
      negatedUntil = t + NEGATION_SCOPE;
      continue;
    }
    if (t <= negatedUntil) continue;
    const row = index.get(tokens[t]);
    if (row === undefined) continue;
    const w = weight[row];
    const base = row * dims;
    for (let d = 0; d < dims; d++) {
      const x = table[base + d] * w;
      out[d] += x;
      if (found === 0 || x > out[dims + d]) out[dims + d] = x;
    }
    found++;
  }
  if (found === 0) return out;
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += out[d] * out[d];
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let d = 0; d < dims; d++) out[d] *= scale;
  return out;
}
