import { describe, expect, it } from "vitest";
import { committedWordVectors } from "~/domain/escalation/model/committed-model";
import { decodeModel, scoreWithModel } from "~/domain/escalation/model/detector-model";
import { MODEL_HEADS } from "~/domain/escalation/model/heads";
import { normalizeText } from "~/domain/escalation/normalize";
import { DEFAULT_RECIPE, buildExamples, trainAsset, withMargin, type RecipeOptions, type TrainingRow } from "./train-model";

// A small hand-written fixture: enough for each head to learn something, fast enough for CI, and
// independent of ../shared (tests must pass without the dev data).
const FIXTURE: TrainingRow[] = [
  ...[
    "i want to talk to a human",
    "transfer me to an agent",
    "get me a real person",
    "can i speak to a representative",
    "put me through to billing",
    "human please",
  ].map((text) => ({ text, label: "escalate", meta: { reason: "explicit_human_request" }, family: "a" })),
  ...["i want my money back", "refund my order", "please reimburse me", "where is my refund"].map((text) => ({
    text,
    label: "escalate",
    meta: { reason: "refund_topic" },
    family: "a",
  })),
  ...["this is the worst, i am furious", "you idiots ruined it", "so angry right now"].map((text) => ({
    text,
    label: "escalate",
    meta: { reason: "anger" },
    family: "b",
  })),
  ...["i want to file a complaint", "my order arrived broken again"].map((text) => ({ text, label: "escalate", meta: { reason: "complaint" }, family: "b" })),
  ...[
    "where is my order",
    "do you ship to canada",
    "is this a bot?",
    "how do i transfer money to another account",
    "what are your opening hours",
    "thanks, lovely day",
    "i want the blue one",
    "can i change my address",
  ].map((text) => ({ text, label: "no_escalate", meta: { reason: null }, family: "b" })),
];
const OPTIONS: RecipeOptions = {
  ...DEFAULT_RECIPE,
  version: "test",
  hashBits: 12,
  epochs: 20,
  learningRate: 0.3,
  calibrationEvery: 4,
  calibration: "held-back",
};

const trainFixture = () => trainAsset(buildExamples(FIXTURE, OPTIONS), OPTIONS);

describe("detector training", () => {
  it("is deterministic: the same rows and options give the same bytes", () => {
    const a = trainFixture();
    const b = trainFixture();
    expect(b.checksum).toBe(a.checksum);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("learns the fixture: each head scores its own rows above the routine ones", () => {
    const model = decodeModel(trainFixture());
    const p = (text: string) => scoreWithModel(model, normalizeText(text), []);
    expect(p("i want to talk to a human").explicit_request).toBeGreaterThan(p("where is my order").explicit_request);
    expect(p("refund my order").refund).toBeGreaterThan(p("do you ship to canada").refund);
    expect(p("so angry right now").negative_sentiment).toBeGreaterThan(p("thanks, lovely day").negative_sentiment);
  });
});

describe("detector training at fixed operating points", () => {
  it("ships the recipe's fixed thresholds as they are, with the same final fit, deterministically", () => {
    const options: RecipeOptions = { ...OPTIONS, calibration: "fixed" };
    const a = trainAsset(buildExamples(FIXTURE, options), options);
    expect(a.thresholds).toEqual(DEFAULT_RECIPE.fixedThresholds);
    expect(trainAsset(buildExamples(FIXTURE, options), options).checksum).toBe(a.checksum);
    // the weights are the calibrated recipe's final fit on every row: only the thresholds differ
    expect(a.checksum).toBe(trainFixture().checksum);
  });
});

describe("detector training with word vectors", () => {
  const vectors = committedWordVectors();
  const options: RecipeOptions = { ...OPTIONS, calibration: "left-out-family" };
  const train = () => trainAsset(buildExamples(FIXTURE, options, vectors), options, () => {}, vectors);

  it("stores the dense weights and the vectors' checksum, deterministically", () => {
    const a = train();
    expect(a.wordVectors).toBe(vectors.checksum);
    expect(a.dense?.length).toBe(2 * vectors.dims * MODEL_HEADS.length);
    expect(JSON.stringify(train())).toBe(JSON.stringify(a));
  });

  it("needs the same vectors to load, and then reads words it never saw in training", () => {
    const asset = train();
    expect(() => decodeModel(asset)).toThrow(/word vectors/);
    const model = decodeModel(asset, vectors);
    const p = (text: string) => scoreWithModel(model, normalizeText(text), []);
    // "livid" and "enraged" are in no fixture row: only their vectors place them near "furious" and "angry"
    expect(p("i am livid and enraged").negative_sentiment).toBeGreaterThan(p("i am pleased and grateful").negative_sentiment);
  });

  it("adds each head's out-of-source margin to its calibrated threshold, on the 0.01 grid and at most 0.99", () => {
    const calibrated = { explicit_request: 0.76, complaint: 0.66, negative_sentiment: 0.84, refund: 0.94 };
    expect(withMargin(calibrated, { explicit_request: 0, complaint: 0.2, negative_sentiment: 0, refund: 0.1 })).toEqual({
      explicit_request: 0.76,
      complaint: 0.86,
      negative_sentiment: 0.84,
      refund: 0.99,
    });
  });
});

describe("detector training with a hidden layer over the word vectors (option, not shipped)", () => {
  const vectors = committedWordVectors();
  const options: RecipeOptions = { ...OPTIONS, calibration: "fixed", hidden: 4, hiddenLearningRate: 0.05, hiddenHeads: [2] };
  const train = () => trainAsset(buildExamples(FIXTURE, options, vectors), options, () => {}, vectors);

  it("stores the layer, feeds only the heads asked for, and trains to the same bytes", () => {
    const a = train();
    expect(a.mlp?.w1.length).toBe(4 * 2 * vectors.dims);
    // w2 is interleaved by head: only negative_sentiment (index 2) has output weights
    expect(a.mlp?.w2.filter((w, at) => at % MODEL_HEADS.length !== 2 && w !== 0)).toEqual([]);
    expect(a.mlp?.w2.some((w) => w !== 0)).toBe(true);
    expect(JSON.stringify(train())).toBe(JSON.stringify(a));
  });

  it("scores with the layer at inference: the same model without it scores differently", () => {
    const model = decodeModel(train(), vectors);
    const text = normalizeText("so angry right now");
    const withLayer = scoreWithModel(model, text, []).negative_sentiment;
    expect(scoreWithModel({ ...model, mlp: null }, text, []).negative_sentiment).not.toBeCloseTo(withLayer, 6);
    expect(scoreWithModel({ ...model, mlp: null }, text, []).refund).toBeCloseTo(scoreWithModel(model, text, []).refund, 9);
  });
});
