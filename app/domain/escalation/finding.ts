import type { ComplaintKind } from "./complaint";
import type { EscalationTopic, Priority, ReasonCode, SignalSource } from "./types";

// What each signal found, before the shop's thresholds decide; and the reason text built from what fired.

/** One signal's finding: its score, the threshold it must reach and the words for the reason text. */
export interface Finding {
  reason: ReasonCode;
  score: number;
  /** threshold this finding must reach (already lowered for VIPs) */
  threshold: number;
  evidence: string;
  /** clause for the reason text; `subject` clauses read "Shopper …" when first */
  clause: string;
  subject: boolean;
  severity: Priority;
  topic?: EscalationTopic;
  /** who found it (default: an exact rule) and the finer kind, carried onto the signal */
  source?: SignalSource;
  kind?: string;
}

/** Reason-text clauses per complaint kind. */
export const COMPLAINT_CLAUSES: Record<ComplaintKind, string> = {
  non_delivery: "says the order never arrived",
  wrong_item: "received the wrong item",
  damaged: "says the item arrived damaged or broken",
  missing_item: "says items are missing from the order",
  quality: "says the product is faulty or not as described",
  delay: "complains the order is late",
  cancelled: "complains the order was cancelled",
  charged: "says they were charged wrongly",
  formal: "wants to file a complaint",
  service: "says nobody answered them",
  general: "complains",
};

/** The text, whitespace folded, cut to `max` characters with an ellipsis. */
export function quote(s: string, max = 60): string {
  const clean = s.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

// One readable line for the email subject area, strongest reason first, e.g.
// "Shopper says order was never received although tracking shows delivered; threatens chargeback".
export function composeReasonText(fired: Finding[], vip: string | undefined): string {
  const clauses: string[] = [];
  const seen = new Set<string>();
  // a delivered-not-received order state already says what the non-delivery complaint says
  const dnr = fired.some((f) => f.reason === "order_state" && f.clause.startsWith("says order was never received"));
  for (const f of fired) {
    if (dnr && f.reason === "complaint" && f.clause === COMPLAINT_CLAUSES.non_delivery) continue;
    if (seen.has(f.clause)) continue;
    seen.add(f.clause);
    const first = clauses.length === 0;
    const clause = f.subject ? (first ? `Shopper ${f.clause}` : f.clause) : first ? capitalize(f.clause) : f.clause;
    clauses.push(clause);
    if (clauses.length >= 4) break;
  }
  if (vip) clauses.push(vip);
  return clauses.join("; ");
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
