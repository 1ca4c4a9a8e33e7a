import { describe, expect, it } from "vitest";
import asset from "./.trained/detector-model.v2.json";
import vectorsAsset from "./.trained/word-vectors.v1.json";
import { committedModel, committedWordVectors } from "./committed-model";
import { checksum } from "./codec";
import { MODEL_HEADS } from "./heads";

// Pins the committed weights: retraining must be a deliberate change (update this checksum and the
// README numbers together). Recompute with `npm run train:detector`, which prints the checksum.
const EXPECTED_CHECKSUM = "77660986";
const EXPECTED_VECTORS_CHECKSUM = vectorsAsset.checksum;

describe("committed detector model", () => {
  it("loads with the expected version, heads and checksum", () => {
    const model = committedModel();
    expect(model.version).toBe("v2");
    expect(asset.heads).toEqual([...MODEL_HEADS]);
    expect(checksum(asset.weights)).toBe(asset.checksum);
    expect(model.checksum).toBe(EXPECTED_CHECKSUM);
    expect(model.weights.length).toBe((1 << model.hashBits) * MODEL_HEADS.length);
  });

  it("reads the committed word vectors it was trained on", () => {
    expect(asset.wordVectors).toBe(EXPECTED_VECTORS_CHECKSUM);
    expect(committedModel().vectors).toBe(committedWordVectors());
    expect(committedModel().dense?.length).toBe(2 * committedWordVectors().dims * MODEL_HEADS.length);
  });

  it("is small and has a calibrated threshold per head", () => {
    const modelBytes = JSON.stringify(asset).length;
    expect(modelBytes).toBeLessThanOrEqual(3_000_000);
    // the budget for what the detector ships: 10 MB
    expect(modelBytes + JSON.stringify(vectorsAsset).length).toBeLessThanOrEqual(10_000_000);
    for (const head of MODEL_HEADS) {
      expect(committedModel().thresholds[head]).toBeGreaterThan(0);
      expect(committedModel().thresholds[head]).toBeLessThan(1);
    }
  });
});
