// How a labelled dev row becomes training targets for each head. The dev files say *whether* a row
// escalates and `meta.reason` says why; a row teaches the head of its own reason (positive), is a
// negative for every head when it is routine, and is skipped (NaN) by heads it says nothing about
// (an angry Reddit comment is neither a refund request nor a counter-example of one). Ambiguous
// rows are skipped by the heads they are ambiguous for, except where noted as soft positives.
import { MODEL_HEADS, type ModelHead } from "~/domain/escalation/model/heads";

export interface LabelledRow {
  text: string;
  label: string;
  meta?: { ambiguous?: boolean; reason?: string | null } | null;
}

export interface RowTargets {
  targets: Float32Array;
  weights: Float32Array;
}

const SKIP = Number.NaN;
const CANCEL_RE = /\bcancel/i;
const MONEY_RE = /\b(?:refund|reimburs|money|back|return)/i;
const HEAD_INDEX = Object.fromEntries(MODEL_HEADS.map((h, i) => [h, i])) as Record<ModelHead, number>;

/**
 * Positive reason → head, with the weight of the positive. Annoyance/disgust (GoEmotions) and
 * negative tweets (TweetEval sentiment) are ambiguous escalations: they teach the negativity head
 * at reduced weight because the held-out tweet and complaint sets count plain negativity toward a
 * company as an escalation, while Reddit and tweets about the world often are not.
 */
const POSITIVE: Record<string, { head: ModelHead; weight: number }> = {
  explicit_human_request: { head: "explicit_request", weight: 1 },
  complaint: { head: "complaint", weight: 1 },
  refund_topic: { head: "refund", weight: 1 },
  anger: { head: "negative_sentiment", weight: 1 },
  annoyance: { head: "negative_sentiment", weight: 0.5 },
  disgust: { head: "negative_sentiment", weight: 0.4 },
  negative_sentiment: { head: "negative_sentiment", weight: 0.5 },
};

/** Ambiguous reasons and the heads that must not learn from them either way. */
const SKIPPED_BY: Record<string, ModelHead[]> = {
  asks_for_customer_service_contact: ["explicit_request"],
  indirect_speech_mentions_agent: ["explicit_request"],
  refund_topic_informational: ["refund"],
  problem_report: ["complaint", "negative_sentiment"],
  feedback_may_be_negative: ["complaint", "negative_sentiment"],
  offensive_language: ["negative_sentiment"],
  dispute_fraud_or_loss: ["complaint", "negative_sentiment"],
  // sadness, fear, disappointment…: not anger, but a real customer saying them may still complain
  other_negative: ["complaint", "negative_sentiment"],
};

/** Targets and weights for one row (`sourceWeight` balances file families against each other). */
export function targetsForRow(row: LabelledRow, sourceWeight: number): RowTargets {
  const targets = new Float32Array(MODEL_HEADS.length).fill(0);
  const weights = new Float32Array(MODEL_HEADS.length).fill(sourceWeight);
  const reasons = (row.meta?.reason ?? "").split(/[+:]/).filter(Boolean);

  if (row.label === "escalate") {
    let positive = false;
    for (const reason of reasons) {
      const p = POSITIVE[reason];
      if (!p) continue;
      const i = HEAD_INDEX[p.head];
      if (targets[i] === 1) {
        weights[i] = Math.max(weights[i], sourceWeight * p.weight);
      } else {
        targets[i] = 1;
        weights[i] = sourceWeight * p.weight;
      }
      positive = true;
    }
    // an escalation for one reason is no evidence against the others: skip them
    for (let i = 0; i < targets.length; i++) if (targets[i] !== 1) targets[i] = SKIP;
    if (!positive) targets.fill(SKIP);
  }
  for (const reason of reasons) for (const head of SKIPPED_BY[reason] ?? []) if (targets[HEAD_INDEX[head]] !== 1) targets[HEAD_INDEX[head]] = SKIP;
  // Banking77 files "cancel my purchase" under refunds, Bitext files it under cancel_order (routine);
  // we follow Bitext, so a refund row that only talks about cancelling teaches the refund head nothing
  const refund = HEAD_INDEX.refund;
  if (targets[refund] === 1 && CANCEL_RE.test(row.text) && !MONEY_RE.test(row.text)) targets[refund] = SKIP;
  return { targets, weights };
}
