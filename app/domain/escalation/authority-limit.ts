import { either, gather, oneOf } from "./lexicon";
import type { NormalizedText } from "./normalize";

// Refunds and compensation beyond what the assistant may promise go to a person (hierarchical
// escalation). Policy questions ("what is your refund policy?", "how do I return this?") are
// answered by the assistant and do not count.

/** A refund or compensation demand, with the amount if the shopper named one. */
export interface AuthorityLimitMatch {
  kind: "refund" | "compensation";
  quote: string;
  amount?: number;
}

const MONEY = oneOf(...gather((l) => l.refundWords));
// "I want my money back", "quiero un reembolso"; then English shapes; then whole demands per language
const DEMAND_RE = new RegExp(
  either(
    `\\b${oneOf(...gather((l) => l.demandVerbs))}\\b(?: \\w+){0,5}? ${MONEY}\\b`,
    "\\b(?:refund|reimburse|compensate) (?:me|us|my|the|this|it|for)\\b",
    "\\b(?:full|partial|immediate|a) (?:refund|reimbursement)\\b",
    "\\bmoney back\\b",
    "\\brefund\\b(?: \\w+){0,2}? (?:please|now|asap|immediately|required|request)\\b",
    "\\bget (?:a |my )?(?:refund|reimbursement)s?\\b",
    "\\b(?:a|an) (?:refund|reimbursement|rebate)\\b",
    ...gather((l) => l.refundDemands).map((demand) => `\\b${demand}\\b`),
  ),
);
const COMPENSATION_RE = new RegExp(
  "\\b" +
    oneOf(
      "compensat\\w*",
      "(?:discount|voucher|credit|coupon) for (?:the|my|this|all the) " + oneOf("trouble", "inconvenience", "wait", "delay", "hassle"),
      "(?:free|another) (?:replacement|one) (?:for free|at no cost)",
      "pay (?:for|me for) (?:the )?(?:damage|damages|return shipping|shipping back|repair)",
    ) +
    "\\b",
);
// "what is your refund policy", "how long do refunds take", "do you offer refunds"
const POLICY_RE = new RegExp(
  either(
    "\\b" +
      oneOf("refund", "return", "money back", "reimbursement", "exchange") +
      " " +
      oneOf("policy", "policies", "terms", "conditions", "rules", "window", "period", "process", "procedure") +
      "\\b",
    "\\b(?:do|does) (?:you|your \\w+) (?:offer|give|do|accept|allow) (?:\\w+ )?(?:refunds|returns|money back)\\b",
    "\\bhow long (?:do|does|will) (?:refunds|a refund|reimbursements) take\\b",
    "\\bare refunds (?:possible|available)\\b",
  ),
);
const NEGATED_RE = /\b(?:not|no|never|without) (?:want|need|asking for|looking for|expecting)? ?(?:a )?(?:refund|compensation|money back)\b/;
const AMOUNT_RE = /(?:^|\s)(\d{1,6}(?:[.,]\d{1,2})?)\s?(?:usd|eur|gbp|cad|aud|dollars?|euros?|pounds?|bucks)?\b/;

// "how do I return an item?": a how-to about sending something back, no money asked for
const HOW_TO_RETURN_RE = /\bhow (?:do|can|could|would|should) (?:i|we) (?:return|send back|exchange)\b/;
const MONEY_WORDS_RE = /\b(?:refund\w*|reimburs\w*|money|compensat\w*|credit)\b/;

/**
 * A question about refund/return policy or how to send something back ("what is your refund
 * policy?", "how do I return an item?"), which the assistant answers. Gates the learned refund head.
 */
export function isRefundPolicyQuestion(message: NormalizedText): boolean {
  const { text } = message;
  if (HOW_TO_RETURN_RE.test(text) && !MONEY_WORDS_RE.test(text)) return true;
  return POLICY_RE.test(text) && !/\b(?:i want|i need|i demand|give me|refund me|i expect)\b/.test(text);
}

/** Finds a refund or compensation demand and the amount named, if any. */
export function findAuthorityLimit(message: NormalizedText): AuthorityLimitMatch | undefined {
  const { text, raw } = message;
  if (NEGATED_RE.test(text)) return undefined;
  const compensation = COMPENSATION_RE.exec(text);
  const refund = DEMAND_RE.exec(text);
  if (!refund && !compensation) return undefined;
  // policy questions are answered by the assistant unless the shopper also demands money back
  if (POLICY_RE.test(text) && !/\b(?:i want|i need|i demand|give me|refund me|i expect)\b/.test(text)) return undefined;
  const match = (compensation ?? refund)!;
  const money = /[$€£]\s?(\d{1,6}(?:[.,]\d{1,2})?)|(\d{1,6}(?:[.,]\d{1,2})?)\s?[$€£]/.exec(raw) ?? AMOUNT_RE.exec(text);
  const amountText = money ? (money[1] ?? money[2]) : undefined;
  const amount = amountText ? Number(amountText.replace(",", ".")) : undefined;
  return {
    kind: compensation ? "compensation" : "refund",
    quote: match[0].trim(),
    amount: amount !== undefined && Number.isFinite(amount) ? amount : undefined,
  };
}
