// The learned detector's output heads, in weight order. Each maps to the reason code the email and
// routing already use: a refund request escalates as `authority_limit` (topic refund), as the
// refund rule does with the default limit of 0.
import type { ReasonCode } from "../types";

export const MODEL_HEADS = ["explicit_request", "complaint", "negative_sentiment", "refund"] as const;
export type ModelHead = (typeof MODEL_HEADS)[number];

export const HEAD_REASON: Record<ModelHead, ReasonCode> = {
  explicit_request: "explicit_request",
  complaint: "complaint",
  negative_sentiment: "negative_sentiment",
  refund: "authority_limit",
};
