// The training recipe as pure functions, shared by `npm run train:detector` and the determinism
// test: rows → hashed examples → one-vs-rest logistic regression → calibrated thresholds →
// quantized asset. Same rows in the same order and the same options give byte-identical output.
import { normalizeText } from "../normalize";
import { checksum, encodeBase64, quantize } from "./codec";
import type { DetectorModelAsset } from "./detector-model";
import { extractFeatures } from "./features";
import { MODEL_HEADS, type ModelHead } from "./heads";
import { targetsForRow, type LabelledRow } from "./labels";
import { predictLogistic, trainLogistic, type TrainingExample, type TrainOptions } from "./logistic";

export interface TrainingRow extends LabelledRow {
  /** file family the row comes from (balance and leave-one-source-out) */
  family: string;
}

export interface RecipeOptions extends Omit<TrainOptions, "heads"> {
  version: string;
  /** weight of one row per family (families differ 5× in size) */
  familyWeights: Record<string, number>;
  /** 1 in `calibrationEvery` rows (by text hash) is held back to calibrate thresholds */
  calibrationEvery: number;
  /** per head, the most routine rows (unambiguous no_escalate) of the calibration slice it may flag */
  routineBudget: Record<ModelHead, number>;
  /** lowest threshold calibration may pick (in-source scores are optimistic) */
  minThreshold: number;
}

export const DEFAULT_RECIPE: Omit<RecipeOptions, "version"> = {
  hashBits: 18,
  epochs: 5,
  learningRate: 0.2,
  l2: 1e-6,
  seed: 14,
  positiveRatio: 0.5,
  familyWeights: { bitext: 1, banking77: 1, goemotions: 0.5, tweeteval: 1, synthetic: 1.5 },
  calibrationEvery: 10,
  routineBudget: { explicit_request: 0.002, complaint: 0.004, negative_sentiment: 0.01, refund: 0.003 },
  minThreshold: 0.5,
};

/** FNV-1a of the text, the same hash `eval-escalation --split` uses, so slices are stable. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Example extends TrainingExample {
  routine: boolean;
}

function toExample(row: TrainingRow, options: RecipeOptions): Example {
  const n = normalizeText(row.text);
  const { targets, weights } = targetsForRow(row, options.familyWeights[row.family] ?? 1);
  return {
    features: extractFeatures(n.tokens, n, options.hashBits),
    targets,
    weights,
    routine: row.label !== "escalate" && !row.meta?.ambiguous,
  };
}

/** Picks, per head, the F1-best threshold whose routine false-flag rate stays within budget. */
export function calibrateThresholds(scored: { p: Float64Array; targets: Float32Array; routine: boolean }[], options: Pick<RecipeOptions, "routineBudget" | "minThreshold">): Record<ModelHead, number> {
  const thresholds = {} as Record<ModelHead, number>;
  MODEL_HEADS.forEach((head, h) => {
    let best = { t: 0.95, f1: -1 };
    for (let step = Math.round(options.minThreshold * 100); step <= 98; step++) {
      const t = step / 100;
      let tp = 0, fp = 0, fn = 0, routine = 0, routineFlagged = 0;
      for (const s of scored) {
        const flagged = s.p[h] >= t;
        if (s.routine) {
          routine++;
          if (flagged) routineFlagged++;
        }
        const y = s.targets[h];
        if (Number.isNaN(y)) continue;
        if (y > 0.5) flagged ? tp++ : fn++;
        else if (flagged) fp++;
      }
      if (routine > 0 && routineFlagged / routine > options.routineBudget[head]) continue;
      const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
      if (f1 > best.f1) best = { t, f1 };
    }
    thresholds[head] = best.t;
  });
  return thresholds;
}

/** Trains on `rows` (in the given order) and returns the asset to commit. */
export function trainDetectorModel(rows: readonly TrainingRow[], options: RecipeOptions): DetectorModelAsset {
  const fit: Example[] = [];
  const calibration: Example[] = [];
  for (const row of rows) {
    const example = toExample(row, options);
    (textHash(row.text) % options.calibrationEvery === 0 ? calibration : fit).push(example);
  }
  const trained = trainLogistic(fit, { ...options, heads: MODEL_HEADS.length });
  const { bytes, scale } = quantize(trained.weights, MODEL_HEADS.length);
  const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const quantized = { heads: MODEL_HEADS.length, weights: q, bias: trained.bias, scale };
  // calibrate on what will ship: the quantized weights
  const scored = calibration.map((e) => ({ p: predictLogistic(quantized, e.features), targets: e.targets, routine: e.routine }));
  const thresholds = calibrateThresholds(scored, options);
  const weights = encodeBase64(bytes);
  const { version, familyWeights, ...rest } = options;
  return {
    version,
    heads: [...MODEL_HEADS],
    hashBits: options.hashBits,
    scale: scale.map((s) => Number(s.toPrecision(9))),
    bias: Array.from(trained.bias, (b) => Number(b.toPrecision(9))),
    thresholds,
    checksum: checksum(weights),
    recipe: { ...rest, familyWeights, rows: rows.length, fitRows: fit.length, calibrationRows: calibration.length },
    weights,
  };
}
