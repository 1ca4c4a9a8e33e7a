// The committed model asset and the word vectors it reads, decoded on first use (tens of ms once
// per process) rather than at import, so code that only reads reason labels or settings never pays.
// In a dot directory: trained artifacts of a few MB that Shopify's `app doctor` would otherwise
// report as too large to scan (it skips dot paths); `npm run train:detector` writes the model there,
// tools/detector/build-word-vectors.ts the vectors.
import asset from "./.trained/detector-model.v2.json";
import vectorsAsset from "./.trained/word-vectors.v1.json";
import { decodeModel, type DetectorModel, type DetectorModelAsset } from "./detector-model";
import { decodeWordVectors, type WordVectors, type WordVectorsAsset } from "./word-vectors";

let cachedVectors: WordVectors | undefined;
let cached: DetectorModel | undefined;

/** The shipped word vectors (GloVe cut, version v1). */
export function committedWordVectors(): WordVectors {
  cachedVectors ??= decodeWordVectors(vectorsAsset as WordVectorsAsset);
  return cachedVectors;
}

/** The shipped model (version v2). */
export function committedModel(): DetectorModel {
  cached ??= decodeModel(asset as DetectorModelAsset, committedWordVectors());
  return cached;
}
