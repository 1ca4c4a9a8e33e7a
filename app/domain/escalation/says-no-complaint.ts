// "No complaints", "not a complaint but can you add more colors", "can't complain": the message says it is no
// complaint. Read by the formal complaint rule (complaint.ts), the model's complaint head (model-findings.ts), which
// leans on the very word the message negates, and the routine public post (public-problem-report.ts). Eighth pass of
// issue 26 (decision 0089).
import type { NormalizedText } from "./normalize";

const NO_COMPLAINT_RE = /\b(?:no|not|nothing to|never|zero|not (?:a|one)) complain|\bcan not complain\b/;

/** Whether the message says it is no complaint. */
export function saysNoComplaint(message: NormalizedText): boolean {
  return NO_COMPLAINT_RE.test(message.text);
}
