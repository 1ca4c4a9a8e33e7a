// Merchant-facing words and badge tones for case fields. Red ("critical") is kept for what needs
// action now: urgent cases and failed deliveries.
import type { CaseProblem } from "~/domain/email/case-problem";
import { EMAIL_LABELS } from "~/domain/email/labels";
import { adminLanguage } from "./i18n/languages";

export type Tone = "success" | "critical" | "warning" | "attention" | "info" | undefined;

export const PRIORITY_LABEL: Record<string, string> = { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" };
export const PRIORITY_TONE: Record<string, Tone> = { urgent: "critical", high: "warning", normal: undefined, low: undefined };

/** EscalationCase.status is about the email, so it reads as delivery. */
export const DELIVERY_LABEL: Record<string, string> = {
  queued: "Email queued",
  sent: "Email sent",
  failed: "Email failed",
  abandoned: "No email given",
  limited: "Not emailed (plan limit)",
  limited_abuse: "Not emailed (limited for abuse)",
};
export const DELIVERY_TONE: Record<string, Tone> = {
  queued: "attention",
  sent: "success",
  failed: "critical",
  abandoned: undefined,
  limited: "warning",
  limited_abuse: "critical",
};

/** Outbox row status. */
export const EMAIL_STATUS_LABEL: Record<string, string> = { pending: "Queued", sending: "Sending", sent: "Sent", failed: "Failed" };
export const EMAIL_STATUS_TONE: Record<string, Tone> = { pending: "attention", sending: "attention", sent: "success", failed: "critical" };

export const label = (map: Record<string, string>, key: string) => map[key] ?? key;

/** What a case is about in the merchant's language, in the case email's own words ("Parcel not received"). */
export function problemLabel(locale: string, problem: CaseProblem): string {
  return EMAIL_LABELS[adminLanguage(locale)].problems[problem];
}
