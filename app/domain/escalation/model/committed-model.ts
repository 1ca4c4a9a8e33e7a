// The committed model asset, decoded on first use (about 10 ms once per process) rather than at
// import, so code that only reads reason labels or settings never pays for it.
// In a dot directory: a 1.4 MB trained artifact that Shopify's `app doctor` would otherwise report as
// too large to scan (it skips dot paths); `npm run train:detector` writes it there.
import asset from "./.trained/detector-model.v1.json";
import { decodeModel, type DetectorModel, type DetectorModelAsset } from "./detector-model";

let cached: DetectorModel | undefined;

/** The shipped model (version v1). */
export function committedModel(): DetectorModel {
  cached ??= decodeModel(asset as DetectorModelAsset);
  return cached;
}
