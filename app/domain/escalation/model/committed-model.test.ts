import { describe, expect, it } from "vitest";
import asset from "./.trained/detector-model.v1.json";
import { committedModel } from "./committed-model";
import { checksum } from "./codec";
import { MODEL_HEADS } from "./heads";

// Pins the committed weights: retraining must be a deliberate change (update this checksum and the
// README numbers together). Recompute with `npm run train:detector`, which prints the checksum.
const EXPECTED_CHECKSUM = "b9789635";

describe("committed detector model", () => {
  it("loads with the expected version, heads and checksum", () => {
    const model = committedModel();
    expect(model.version).toBe("v1");
    expect(asset.heads).toEqual([...MODEL_HEADS]);
    expect(checksum(asset.weights)).toBe(asset.checksum);
    expect(model.checksum).toBe(EXPECTED_CHECKSUM);
    expect(model.weights.length).toBe((1 << model.hashBits) * MODEL_HEADS.length);
  });

  it("is small and has a calibrated threshold per head", () => {
    expect(JSON.stringify(asset).length).toBeLessThanOrEqual(3_000_000);
    for (const head of MODEL_HEADS) {
      expect(committedModel().thresholds[head]).toBeGreaterThan(0);
      expect(committedModel().thresholds[head]).toBeLessThan(1);
    }
  });
});
