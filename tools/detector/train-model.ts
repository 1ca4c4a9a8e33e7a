// The training recipe as pure functions, shared by `npm run train:detector` and the determinism
// test: rows → hashed examples (text n-grams + rule signals) → one-vs-rest logistic regression on
// 9 in 10 rows → thresholds calibrated on the held-back tenth → refit on every row → quantized
// asset. Same rows in the same order and the same options give byte-identical output.
import { normalizeText } from "~/domain/escalation/normalize";
import { readRuleSignals, ruleFeatures } from "~/domain/escalation/rule-signals";
import { defaultEscalationSettings } from "~/domain/escalation/settings";
import { checksum } from "~/domain/escalation/model/codec";
import type { DetectorModelAsset } from "~/domain/escalation/model/detector-model";
import { extractFeatures } from "~/domain/escalation/model/features";
import { MODEL_HEADS, type ModelHead } from "~/domain/escalation/model/heads";
import { targetsForRow, type LabelledRow } from "./labels";
import { predictLogistic } from "~/domain/escalation/model/logistic";
import { trainLogistic, type TrainingExample, type TrainOptions } from "./train-logistic";
import { encodeBase64, quantize } from "./weight-encoding";

export interface TrainingRow extends LabelledRow {
  /** file family the row comes from (balance, calibration and leave-one-source-out) */
  family: string;
}

export interface RecipeOptions extends Omit<TrainOptions, "heads"> {
  version: string;
  /** weight of one row per family (families differ 5× in size) */
  familyWeights: Record<string, number>;
  /** per head, the largest share of any family's routine rows (unambiguous no_escalate) it may flag */
  routineBudget: Record<ModelHead, number>;
  /** lowest threshold calibration may pick */
  minThreshold: number;
  /** 1 in `calibrationEvery` rows (by text hash) is held back from the first fit to calibrate thresholds */
  calibrationEvery: number;
}

export const DEFAULT_RECIPE: Omit<RecipeOptions, "version"> = {
  hashBits: 18,
  epochs: 5,
  learningRate: 0.2,
  l2: 1e-6,
  seed: 14,
  positiveRatio: 0.5,
  familyWeights: { bitext: 1, banking77: 1, goemotions: 0.5, tweeteval: 1, synthetic: 1.5 },
  routineBudget: { explicit_request: 0.003, complaint: 0.01, negative_sentiment: 0.04, refund: 0.004 },
  minThreshold: 0.5,
  calibrationEvery: 10,
};

/** FNV-1a of the text (the hash `eval-escalation --split` uses), so slices are stable across runs. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Example extends TrainingExample {
  text: string;
  family: string;
  /** unambiguous no_escalate row: every head flagging it is a false escalation */
  routine: boolean;
  /** held back from the first fit to calibrate thresholds */
  calibration: boolean;
}

/** Normalizes, reads the rule signals (default languages) and hashes every row once. */
export function buildExamples(rows: readonly TrainingRow[], options: Pick<RecipeOptions, "hashBits" | "familyWeights" | "calibrationEvery">): Example[] {
  return rows.map((row) => {
    const n = normalizeText(row.text);
    const rules = readRuleSignals(n, defaultEscalationSettings.languages);
    const { targets, weights } = targetsForRow(row, options.familyWeights[row.family] ?? 1);
    return {
      features: extractFeatures(n.tokens, n, options.hashBits, ruleFeatures(rules)),
      targets,
      weights,
      text: row.text,
      family: row.family,
      routine: row.label !== "escalate" && !row.meta?.ambiguous,
      calibration: textHash(row.text) % options.calibrationEvery === 0,
    };
  });
}

/** What shipping a model means: int8 weights with a scale per head, plus the float bias. */
export interface QuantizedModel {
  heads: number;
  hashBits: number;
  weights: Int8Array;
  scale: number[];
  bias: Float32Array;
}

export function fitModel(examples: readonly Example[], options: RecipeOptions): QuantizedModel {
  const trained = trainLogistic(examples, { ...options, heads: MODEL_HEADS.length });
  const { bytes, scale } = quantize(trained.weights, MODEL_HEADS.length);
  return {
    heads: MODEL_HEADS.length,
    hashBits: options.hashBits,
    weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    scale,
    bias: trained.bias,
  };
}

export interface ScoredExample {
  p: Float64Array;
  targets: Float32Array;
  routine: boolean;
  family: string;
}

export function scoreExamples(model: QuantizedModel, examples: readonly Example[]): ScoredExample[] {
  return examples.map((e) => ({ p: predictLogistic(model, e.features), targets: e.targets, routine: e.routine, family: e.family }));
}

/**
 * Per head, the threshold (0.01 grid) with the best macro F1 across families that have at least
 * 20 positives for the head, among thresholds that keep every family's routine false-flag rate
 * within the head's budget. Scores come from the held-back slice, which the scoring model did not
 * see, so thresholds are not fitted to memorized rows.
 */
export function calibrateThresholds(
  scored: readonly ScoredExample[],
  options: Pick<RecipeOptions, "routineBudget" | "minThreshold">,
): Record<ModelHead, number> {
  const families = [...new Set(scored.map((s) => s.family))];
  const thresholds = {} as Record<ModelHead, number>;
  MODEL_HEADS.forEach((head, h) => {
    let best = { t: 0.99, f1: -1 };
    for (let step = Math.round(options.minThreshold * 100); step <= 99; step++) {
      const t = step / 100;
      let withinBudget = true;
      let f1Sum = 0;
      let f1Count = 0;
      for (const family of families) {
        let tp = 0,
          fp = 0,
          fn = 0,
          routine = 0,
          routineFlagged = 0;
        for (const s of scored) {
          if (s.family !== family) continue;
          const flagged = s.p[h] >= t;
          if (s.routine) {
            routine++;
            if (flagged) routineFlagged++;
          }
          const y = s.targets[h];
          if (Number.isNaN(y)) continue;
          if (y > 0.5) {
            if (flagged) tp++;
            else fn++;
          } else if (flagged) fp++;
        }
        if (routine >= 100 && routineFlagged / routine > options.routineBudget[head]) withinBudget = false;
        if (tp + fn >= 20) {
          f1Sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
          f1Count++;
        }
      }
      if (!withinBudget) continue;
      const f1 = f1Count ? f1Sum / f1Count : 0;
      if (f1 > best.f1) best = { t, f1 };
    }
    thresholds[head] = best.t;
  });
  return thresholds;
}

/** The asset to commit: quantized weights as base64, bias, thresholds, checksum and the recipe. */
export function toAsset(model: QuantizedModel, thresholds: Record<ModelHead, number>, options: RecipeOptions, rows: number): DetectorModelAsset {
  const bytes = new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength);
  const weights = encodeBase64(bytes);
  const { version, ...recipe } = options;
  return {
    version,
    heads: [...MODEL_HEADS],
    hashBits: model.hashBits,
    scale: model.scale.map((s) => Number(s.toPrecision(9))),
    bias: Array.from(model.bias, (b) => Number(b.toPrecision(9))),
    thresholds,
    checksum: checksum(weights),
    recipe: { ...recipe, rows },
    weights,
  };
}

/**
 * The whole recipe on a set of examples: fit without the calibration slice, calibrate thresholds
 * on it, refit on everything (the thresholds carry over; the slice only keeps them honest).
 */
export function trainAsset(examples: readonly Example[], options: RecipeOptions, log: (message: string) => void = () => {}): DetectorModelAsset {
  const first = fitModel(
    examples.filter((e) => !e.calibration),
    options,
  );
  const thresholds = calibrateThresholds(
    scoreExamples(
      first,
      examples.filter((e) => e.calibration),
    ),
    options,
  );
  log(`thresholds ${JSON.stringify(thresholds)}`);
  return toAsset(fitModel(examples, options), thresholds, options, examples.length);
}
