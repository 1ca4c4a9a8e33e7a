// The committed model asset, decoded on first use (about 10 ms once per process) rather than at
// import, so code that only reads reason labels or settings never pays for it.
import asset from "./detector-model.v1.json";
import { decodeModel, type DetectorModel, type DetectorModelAsset } from "./detector-model";

let cached: DetectorModel | undefined;

/** The shipped model (version v1). */
export function committedModel(): DetectorModel {
  cached ??= decodeModel(asset as DetectorModelAsset);
  return cached;
}
