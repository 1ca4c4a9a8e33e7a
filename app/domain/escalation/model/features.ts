// Hashed text features for the learned detector. Shoppers misspell, run words together and use
// slang, so besides whole words the model sees character 3–5-grams of every word padded with "<"
// and ">" ("refnd" still shares "<re", "ref", "nd>" with "refund"). Everything is hashed into a
// fixed space (the "hashing trick"), so there is no vocabulary to ship and unseen words still land
// on n-grams the model knows. Input is the token list of `normalizeText` (lower case, accents
// stripped, contractions and shorthand expanded), so training and inference see the same form.

/** A message as a sparse vector: distinct bucket indices and their values (L2-normalized counts). */
export interface SparseFeatures {
  indices: Int32Array;
  values: Float32Array;
}

/** Shape facts that words do not carry (shouting, "!!", a public @mention, a question). */
export interface TextShape {
  exclamations: number;
  capsRatio: number;
  question: boolean;
  mentions: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Different seeds keep the namespaces apart: the word "bot" and the char gram "bot" differ.
const SEED_CHAR = 0x9e3779b1;
const SEED_WORD = 0x85ebca6b;
const SEED_BIGRAM = 0xc2b2ae35;
const SEED_SHAPE = 0x27d4eb2f;
const SEED_EXTRA = 0x165667b1;
const MIN_GRAM = 3;
const MAX_GRAM = 5;
/** Long Reddit posts add little after this many words and would only cost time. */
const MAX_TOKENS = 64;
let scratch = new Int32Array(1024);

function fnv(seed: number, s: string): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/** Final avalanche (murmur3 fmix32) so that low bits, which pick the bucket, depend on every input bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Features of one message: word unigrams, word bigrams (with start/end markers), padded character
 * 3–5-grams of each word and a few shape flags, hashed into `2^hashBits` buckets. Counts are
 * L2-normalized so long and short messages score on the same scale. `extra` named features (the
 * rule signals) are added after normalization with their own values, so their weight does not
 * shrink in long messages. `dense` values (the word-vector embedding) follow the hashed space at
 * indices `2^hashBits + d`, where the model keeps a float weight per dimension.
 */
export function extractFeatures(
  tokens: readonly string[],
  shape: TextShape,
  hashBits: number,
  extra: readonly [string, number][] = [],
  dense?: Float32Array,
): SparseFeatures {
  const mask = (1 << hashBits) - 1;
  // Bucket indices go into a reused scratch buffer, then sort + run-length count: about 3× faster
  // than a Map per message, and the detector runs this on every shopper turn.
  let count = 0;
  const bump = (h: number) => {
    if (count === scratch.length) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[count++] = mix(h) & mask;
  };

  const n = Math.min(tokens.length, MAX_TOKENS);
  let previous = fnv(SEED_WORD, "<s>");
  for (let t = 0; t < n; t++) {
    const token = tokens[t];
    const word = fnv(SEED_WORD, token);
    bump(word);
    bump(Math.imul(previous, 31) ^ word ^ SEED_BIGRAM);
    previous = word;

    // char n-grams of "<token>", grown incrementally: the FNV state after 3 chars is the 3-gram's
    // hash, continuing gives the 4- and 5-gram from the same start without building substrings
    const padded = `<${token}>`;
    const length = padded.length;
    if (length <= MIN_GRAM) {
      bump(fnv(SEED_CHAR, padded));
      continue;
    }
    for (let start = 0; start + MIN_GRAM <= length; start++) {
      let h = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
      const end = Math.min(length, start + MAX_GRAM);
      for (let i = start; i < end; i++) {
        h ^= padded.charCodeAt(i);
        h = Math.imul(h, FNV_PRIME);
        if (i - start + 1 >= MIN_GRAM) bump(h);
      }
    }
  }
  if (n > 0) bump(Math.imul(previous, 31) ^ fnv(SEED_WORD, "</s>") ^ SEED_BIGRAM);

  if (shape.exclamations >= 1) bump(fnv(SEED_SHAPE, "!"));
  if (shape.exclamations >= 2) bump(fnv(SEED_SHAPE, "!!"));
  if (shape.capsRatio >= 0.6) bump(fnv(SEED_SHAPE, "CAPS"));
  if (shape.question) bump(fnv(SEED_SHAPE, "?"));
  if (shape.mentions > 0) bump(fnv(SEED_SHAPE, "@"));
  bump(fnv(SEED_SHAPE, n <= 3 ? "len:short" : n <= 12 ? "len:mid" : "len:long"));

  const sorted = scratch.subarray(0, count).sort();
  let distinct = 0;
  let norm = 0;
  for (let i = 0; i < count;) {
    let j = i + 1;
    while (j < count && sorted[j] === sorted[i]) j++;
    norm += (j - i) * (j - i);
    distinct++;
    i = j;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const extraIndices = extra.map(([name]) => mix(fnv(SEED_EXTRA, name)) & mask);
  const indices = new Int32Array(distinct + extra.length);
  const values = new Float32Array(distinct + extra.length);
  let k = 0;
  for (let i = 0; i < count;) {
    let j = i + 1;
    while (j < count && sorted[j] === sorted[i]) j++;
    indices[k] = sorted[i];
    values[k] = (j - i) * scale;
    k++;
    i = j;
  }
  // rule signals: merged into a text bucket they collide with (rare), else appended
  for (let e = 0; e < extra.length; e++) {
    const index = extraIndices[e];
    let at = -1;
    for (let i = 0; i < k; i++) if (indices[i] === index) at = i;
    if (at >= 0) values[at] += extra[e][1];
    else {
      indices[k] = index;
      values[k] = extra[e][1];
      k++;
    }
  }
  const hashed = k === indices.length ? { indices, values } : { indices: indices.slice(0, k), values: values.slice(0, k) };
  if (!dense) return hashed;
  const withDense = { indices: new Int32Array(k + dense.length), values: new Float32Array(k + dense.length) };
  withDense.indices.set(hashed.indices);
  withDense.values.set(hashed.values);
  const first = 1 << hashBits;
  for (let d = 0; d < dense.length; d++) {
    withDense.indices[k + d] = first + d;
    withDense.values[k + d] = dense[d];
  }
  return withDense;
}
