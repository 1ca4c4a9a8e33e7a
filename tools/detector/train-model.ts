// The training recipe as pure functions, shared by `npm run train:detector` and the determinism
// test: rows → hashed examples (text n-grams + rule signals) → one-vs-rest logistic regression on
// 9 in 10 rows → thresholds calibrated on the held-back tenth → refit on every row → quantized
// asset. Same rows in the same order and the same options give byte-identical output.
import { normalizeText } from "~/domain/escalation/normalize";
import { readRuleSignals, ruleFeatures } from "~/domain/escalation/rule-signals";
import { defaultEscalationSettings } from "~/domain/escalation/settings";
import { checksum } from "~/domain/escalation/model/codec";
import type { DetectorModelAsset } from "~/domain/escalation/model/detector-model";
import { modelFeatures } from "~/domain/escalation/model/detector-model";
import type { WordVectors } from "~/domain/escalation/model/word-vectors";
import { MODEL_HEADS, type ModelHead } from "~/domain/escalation/model/heads";
import { targetsForRow, type LabelledRow } from "./labels";
import { predictLogistic } from "~/domain/escalation/model/logistic";
import { trainLogistic, type HiddenLayer, type TrainingExample, type TrainOptions } from "./train-logistic";
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
  /**
   * Per head, macro-F1 points calibration may give up for a higher threshold (0 = the lowest of the
   * best). The refund head's F1 is flat over a wide band (v2: 0.53 up to 0.93) on text of known
   * kinds, while on an unseen kind (a virtual assistant's or a bank's questions) a low threshold is
   * mostly false alarms. The other heads keep the lowest best threshold: complaint and negativity
   * miss far more than they flag wrongly out of kind (LOSO), and a tolerant request head went from
   * 0.74 to 0.95, which would give up the recall on unseen ways of asking for a person that the
   * model exists for.
   */
  f1Tolerance: Record<ModelHead, number>;
  /**
   * Per head, added to the calibrated threshold (capped at 0.99). The held-back tenth is text of
   * kinds the model knows; out of source (LOSO, `tools/detector/sweep-blocks.ts`) the complaint head
   * is the model's main false alarm on routine text of an unseen kind (Bitext without Bitext: 55 of
   * 8k, Banking77: 67), while its recall there comes from the rules. +0.20 (v2 blocks): Bitext
   * 20k F1 0.939 → 0.949, 8k 0.971 → 0.982, Banking77 0.718 → 0.755 (FPR 0.020 → 0.015), no
   * escalate row lost in any block. Public posts get the margin back (`model-findings.ts`).
   */
  thresholdMargin: Record<ModelHead, number>;
  /** lowest threshold calibration may pick */
  minThreshold: number;
  /** 1 in `calibrationEvery` rows (by text hash) is held back from the first fit to calibrate thresholds */
  calibrationEvery: number;
  /**
   * What thresholds are calibrated on: `held-back` = the hash tenth of every family, scored by a
   * model fitted on the rest (in-source: scores are as confident as on familiar text);
   * `left-out-family` = each family's rows scored by a model fitted without that family, so the
   * thresholds are chosen for text of a kind the model has never seen, as in production.
   */
  calibration: "held-back" | "left-out-family" | "fixed";
  /**
   * The thresholds `calibration: "fixed"` ships (no calibration fit, no margin). Since issue 26's third
   * pass (decision 0078) the default: the held-back tenth moved thresholds by up to ±0.2 between
   * trainings on nearly the same rows, so a data change could not be told from the draw. Each value
   * was read off the leave-one-source-out models of this data (`sweep-blocks.ts`), one head at a time:
   * - request 0.75: 0.67 / 0.75 / 0.85 give Bitext 8k left out F1 0.991 / 0.993 / 0.994, Banking77 0.803 / 0.805 /
   *   0.807; higher gives up unseen ways of asking for a person; v2 shipped 0.76, whose held-out request recall is known;
   * - complaint 0.97 (private chat; public posts −0.60): 0.94 / 0.97 / 0.99 give Banking77 0.803 / 0.805 / 0.807 and
   *   Bitext 20k 0.977 / 0.978 / 0.978 out of source; the complaints the head adds in chat come from the rules;
   * - negativity 0.80: GoEmotions in kind R / FPR 0.724 / 0.046 at 0.77, 0.714 / 0.043 at 0.79, 0.703 / 0.040 at
   *   0.81 (the held-out FPR has tracked the in-kind one; the goal is FPR ≤ 0.05); 0.79 until the eighth pass
   *   (decision 0089), whose written public posts moved the head: 0.729 / 0.048 at 0.79, 0.729 / 0.045 at 0.80;
   * - refund 0.99: a refund head that never saw Bitext flags its routine order questions (Bitext 20k F1 / FPR
   *   0.953 / 0.027 at 0.97, 0.978 / 0.009 at 0.99); Banking77 0.809 → 0.805.
   */
  fixedThresholds: Record<ModelHead, number>;
}

export const DEFAULT_RECIPE: Omit<RecipeOptions, "version"> = {
  hashBits: 18,
  epochs: 5,
  learningRate: 0.2,
  l2: 1e-6,
  seed: 14,
  positiveRatio: 0.5,
  familyWeights: { bitext: 1, banking77: 1, goemotions: 0.5, tweeteval: 1, synthetic: 1.5 },
  routineBudget: { explicit_request: 0.003, complaint: 0.01, negative_sentiment: 0.04, refund: 0.002 },
  f1Tolerance: { explicit_request: 0, complaint: 0, negative_sentiment: 0, refund: 0.005 },
  thresholdMargin: { explicit_request: 0, complaint: 0.25, negative_sentiment: 0, refund: 0 },
  minThreshold: 0.5,
  calibrationEvery: 10,
  calibration: "fixed",
  fixedThresholds: { explicit_request: 0.75, complaint: 0.97, negative_sentiment: 0.8, refund: 0.99 },
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

/** Normalizes, reads the rule signals (default languages) and hashes (and, with vectors, embeds) every row once. */
export function buildExamples(
  rows: readonly TrainingRow[],
  options: Pick<RecipeOptions, "hashBits" | "familyWeights" | "calibrationEvery">,
  vectors: WordVectors | null = null,
): Example[] {
  return rows.map((row) => {
    const n = normalizeText(row.text);
    const rules = readRuleSignals(n, defaultEscalationSettings.languages);
    const { targets, weights } = targetsForRow(row, options.familyWeights[row.family] ?? 1);
    return {
      features: modelFeatures(n, options.hashBits, ruleFeatures(rules), vectors),
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
  /** float weights of the word-vector features (kept as floats: they are few and larger than n-gram weights) */
  dense: Float32Array | null;
  /** the hidden layer over the word-vector features (floats, rounded as stored), when the recipe has one */
  mlp: HiddenLayer | null;
}

export function fitModel(examples: readonly Example[], options: RecipeOptions, vectors: WordVectors | null = null): QuantizedModel {
  const heads = MODEL_HEADS.length;
  const denseDims = vectors ? 2 * vectors.dims : 0;
  const trained = trainLogistic(examples, { ...options, heads, denseDims });
  const hashed = (1 << options.hashBits) * heads;
  const { bytes, scale } = quantize(trained.weights.subarray(0, hashed), heads);
  return {
    heads,
    hashBits: options.hashBits,
    weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    scale,
    bias: trained.bias,
    // rounded as the asset stores them, so calibration scores what ships
    dense: denseDims ? Float32Array.from(trained.weights.subarray(hashed), (w) => Number(w.toPrecision(6))) : null,
    mlp: trained.mlp
      ? {
          hidden: trained.mlp.hidden,
          inputs: trained.mlp.inputs,
          w1: Float32Array.from(trained.mlp.w1, (w) => Number(w.toPrecision(5))),
          b1: Float32Array.from(trained.mlp.b1, (w) => Number(w.toPrecision(5))),
          w2: Float32Array.from(trained.mlp.w2, (w) => Number(w.toPrecision(5))),
        }
      : null,
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
 * see, so thresholds are not fitted to memorized rows. Ties go to the lowest threshold, except
 * for heads with an `f1Tolerance`: there the highest threshold within that many macro-F1 points of
 * the best is taken (see `RecipeOptions.f1Tolerance`).
 */
export function calibrateThresholds(
  scored: readonly ScoredExample[],
  options: Pick<RecipeOptions, "routineBudget" | "minThreshold" | "f1Tolerance">,
): Record<ModelHead, number> {
  const families = [...new Set(scored.map((s) => s.family))];
  const thresholds = {} as Record<ModelHead, number>;
  MODEL_HEADS.forEach((head, h) => {
    const curve: { t: number; f1: number }[] = [];
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
        // a budget is judged only where it allows at least one row: 1 flagged of the 108 routine synthetic
        // rows (0.9 %) had pushed the request head from 0.67 (its best F1) to 0.88 under its 0.3 % budget
        if (routine >= Math.max(100, 1 / options.routineBudget[head]) && routineFlagged / routine > options.routineBudget[head]) withinBudget = false;
        if (tp + fn >= 20) {
          f1Sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
          f1Count++;
        }
      }
      if (!withinBudget) continue;
      curve.push({ t, f1: f1Count ? f1Sum / f1Count : 0 });
    }
    const best = Math.max(-1, ...curve.map((c) => c.f1));
    const tolerance = options.f1Tolerance[head];
    const chosen = tolerance > 0 ? curve.filter((c) => c.f1 >= best - tolerance).at(-1) : curve.find((c) => c.f1 === best);
    thresholds[head] = chosen?.t ?? 0.99;
  });
  return thresholds;
}

/** The asset to commit: quantized weights as base64, bias, thresholds, checksum and the recipe. */
export function toAsset(
  model: QuantizedModel,
  thresholds: Record<ModelHead, number>,
  options: RecipeOptions,
  rows: number,
  vectors: WordVectors | null = null,
): DetectorModelAsset {
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
    ...(model.dense && vectors ? { wordVectors: vectors.checksum, dense: Array.from(model.dense) } : {}),
    ...(model.mlp
      ? {
          mlp: { hidden: model.mlp.hidden, inputs: model.mlp.inputs, w1: Array.from(model.mlp.w1), b1: Array.from(model.mlp.b1), w2: Array.from(model.mlp.w2) },
        }
      : {}),
    weights,
  };
}

/**
 * The whole recipe on a set of examples: fit without the calibration slice, calibrate thresholds
 * on it, refit on everything (the thresholds carry over; the slice only keeps them honest).
 */
export function trainAsset(
  examples: readonly Example[],
  options: RecipeOptions,
  log: (message: string) => void = () => {},
  vectors: WordVectors | null = null,
): DetectorModelAsset {
  if (options.calibration === "fixed") {
    log(`thresholds ${JSON.stringify(options.fixedThresholds)} (fixed)`);
    return toAsset(fitModel(examples, options, vectors), { ...options.fixedThresholds }, options, examples.length, vectors);
  }
  const calibrated = calibrateThresholds(
    options.calibration === "left-out-family" ? scoreLeftOutFamilies(examples, options, vectors) : scoreHeldBack(examples, options, vectors),
    options,
  );
  const thresholds = withMargin(calibrated, options.thresholdMargin);
  log(`thresholds ${JSON.stringify(thresholds)} (calibrated ${JSON.stringify(calibrated)})`);
  return toAsset(fitModel(examples, options, vectors), thresholds, options, examples.length, vectors);
}

/** The calibrated thresholds plus each head's out-of-source margin, on the 0.01 grid, at most 0.99. */
export function withMargin(thresholds: Record<ModelHead, number>, margin: Record<ModelHead, number>): Record<ModelHead, number> {
  const out = {} as Record<ModelHead, number>;
  for (const head of MODEL_HEADS) out[head] = Math.min(0.99, Math.round((thresholds[head] + (margin[head] ?? 0)) * 100) / 100);
  return out;
}

function scoreHeldBack(examples: readonly Example[], options: RecipeOptions, vectors: WordVectors | null): ScoredExample[] {
  const first = fitModel(
    examples.filter((e) => !e.calibration),
    options,
    vectors,
  );
  return scoreExamples(
    first,
    examples.filter((e) => e.calibration),
  );
}

/** Every family but the synthetic templates (always trained on), scored by a model that never saw it. */
function scoreLeftOutFamilies(examples: readonly Example[], options: RecipeOptions, vectors: WordVectors | null): ScoredExample[] {
  const families = [...new Set(examples.map((e) => e.family))].filter((f) => f !== "synthetic");
  return families.flatMap((family) =>
    scoreExamples(
      fitModel(
        examples.filter((e) => e.family !== family),
        options,
        vectors,
      ),
      examples.filter((e) => e.family === family),
    ),
  );
}
