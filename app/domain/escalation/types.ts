// Public contract of the escalation detector. Other parts of Baton (conversation runner, routing,
// email composition, admin settings UI, analytics) depend on these shapes, so change them additively.

/** How urgently the support team should look at an escalated case. */
export type Priority = "low" | "normal" | "high" | "urgent";

/** Priorities from least to most urgent; index order is used for comparisons. */
export const PRIORITIES: readonly Priority[] = ["low", "normal", "high", "urgent"] as const;

/** One chat turn as the detector sees it. */
export interface DetectorMessage {
  role: "shopper" | "assistant";
  text: string;
  /** epoch ms */
  at?: number;
  /** set on an assistant turn that could not help (no answer, fallback reply, tool failure) */
  assistantUnhelpful?: boolean;
}

/** Facts known outside the conversation text, supplied by the caller (Admin API, widget, LLM). */
export interface EscalationContext {
  /** the widget's "Talk to a person" button was pressed this turn */
  action?: "talk_to_human";
  order?: {
    /** Shopify OrderDisplayFulfillmentStatus, e.g. FULFILLED, UNFULFILLED, IN_PROGRESS */
    fulfillmentStatus?: string;
    /** Shopify OrderDisplayFinancialStatus, e.g. PAID, REFUNDED, PARTIALLY_REFUNDED */
    financialStatus?: string;
    delivered?: boolean;
    deliveredAt?: number;
    shippedAt?: number;
    createdAt?: number;
    cancelled?: boolean;
  };
  customer?: { tags: string[]; totalSpent: number; orderCount: number };
  /** how many times the assistant could not help so far */
  assistantFailures?: number;
  /** 0..1, only when an LLM is on */
  modelConfidence?: number;
  /** epoch ms, for stalled-fulfilment age */
  now?: number;
}

/**
 * Why a case was escalated. Merchants route by these codes (routing matrix) and see their labels in
 * settings, analytics and the escalation email.
 */
export type ReasonCode =
  | "explicit_request"
  | "negative_sentiment"
  | "complaint"
  | "threat"
  | "keyword"
  | "repeated_failure"
  | "order_state"
  | "sensitive_topic"
  | "authority_limit"
  | "vip";

/** Every reason code with its merchant-readable label, in display order. */
export const ESCALATION_REASONS = [
  { code: "explicit_request", label: "Asked for a person" },
  { code: "negative_sentiment", label: "Upset or increasingly frustrated" },
  { code: "complaint", label: "Complaint (order or product not as expected)" },
  { code: "threat", label: "Threatens chargeback, legal action or public review" },
  { code: "keyword", label: "Mentioned one of your keywords" },
  { code: "repeated_failure", label: "Assistant could not help" },
  { code: "order_state", label: "Order problem (not received, stalled, canceled or refund)" },
  { code: "sensitive_topic", label: "Sensitive topic (privacy, safety, fraud)" },
  { code: "authority_limit", label: "Refund or compensation beyond the assistant's limit" },
  { code: "vip", label: "Priority customer" },
] as const satisfies readonly { code: ReasonCode; label: string }[];

/** Merchant-readable label of a reason code. */
export function labelReason(code: ReasonCode): string {
  return ESCALATION_REASONS.find((r) => r.code === code)?.label ?? code;
}

/**
 * What the case is about, for functional routing (refund → billing@, shipping → ops@).
 * Independent of the reason: an angry shipping complaint has reason `complaint`, topic `shipping`.
 */
export type EscalationTopic = "refund" | "billing" | "shipping" | "order" | "product" | "account" | "privacy" | "safety" | "fraud" | "other";

/** Every topic with its merchant-readable label, in display order. */
export const ESCALATION_TOPICS = [
  { code: "refund", label: "Refunds and returns" },
  { code: "billing", label: "Payments and billing" },
  { code: "shipping", label: "Shipping and delivery" },
  { code: "order", label: "Orders (changes, cancellations)" },
  { code: "product", label: "Products (quality, wrong or damaged item)" },
  { code: "account", label: "Customer account" },
  { code: "privacy", label: "Privacy and personal data" },
  { code: "safety", label: "Safety, allergy or injury" },
  { code: "fraud", label: "Fraud or unauthorized use" },
  { code: "other", label: "Other" },
] as const satisfies readonly { code: EscalationTopic; label: string }[];

/** One piece of evidence that a trigger fired. */
export interface Signal {
  reason: ReasonCode;
  /** 0..1 strength of this signal */
  score: number;
  /** short quote from the shopper or a fact from the context (for people: never parsed by code) */
  evidence: string;
  /**
   * Who found it: an exact rule over the words, the learned model, or a fact of the context (order,
   * customer, button). Code that treats findings differently reads this, never the evidence text.
   */
  source?: SignalSource;
  /** The finer kind where one reason has several (order_state: "stalled_fulfillment", …). */
  kind?: string;
}

export type SignalSource = "rule" | "model" | "context";

/** The detector's verdict for the latest shopper turn. */
export interface EscalationDecision {
  escalate: boolean;
  /** reason codes that fired, strongest first; empty when not escalating */
  reasons: ReasonCode[];
  /** one line for the email, e.g. "Shopper says order was never received although tracking shows delivered; threatens chargeback" */
  reasonText: string;
  priority: Priority;
  /** 0..1 how sure the detector is of its `escalate` verdict (either way) */
  confidence: number;
  /** 0..1 estimated need for a person (noisy-OR of every signal's strength, fired or not) */
  score: number;
  /** the signals that fired (reached their threshold), strongest first; empty when not escalating */
  signals: Signal[];
  /** what the case is about, for routing */
  topic: EscalationTopic;
}

/** The conversation as the detector sees it; the last shopper message is the one being judged. */
export interface DetectorConversation {
  messages: DetectorMessage[];
}
