// Names merchants read for every settings field, the tab it lives on and how its number is shown.
// Shared by the page (labels, error summary) and the server (error messages), so an error never
// names an internal path such as `routing.defaultTo`.

import type { AdminMessages } from "./i18n";
import { en } from "./i18n/en";

export type SettingsTab = "escalations" | "triggers" | "assistant" | "advanced";

export const SETTINGS_TABS: ReadonlyArray<{ id: SettingsTab; title: string }> = [
  { id: "escalations", title: "Escalations" },
  { id: "triggers", title: "Triggers" },
  { id: "assistant", title: "Assistant" },
  { id: "advanced", title: "Advanced" },
];

/** How a number field is entered: percent fields show 0–100 and store 0–1. */
export type NumberUnit = "percent" | "days" | "money" | "count";

export interface FieldMeta {
  label: string;
  tab: SettingsTab;
  unit?: NumberUnit;
}

export const FIELD_META: Readonly<Record<string, FieldMeta>> = {
  "routing.defaultTo": { label: "Default escalation addresses", tab: "escalations" },
  "routing.ccUrgent": { label: "CC on urgent cases", tab: "escalations" },
  "routing.fromName": { label: "Sender name", tab: "escalations" },
  "routing.routes": { label: "Routing rules", tab: "escalations" },
  "triggers.explicitRequest.enabled": { label: "Shopper asks for a person", tab: "triggers" },
  "triggers.negativeSentiment.enabled": { label: "Negative sentiment", tab: "triggers" },
  "triggers.negativeSentiment.risingFrustration": { label: "Rising frustration", tab: "triggers" },
  "triggers.complaint.enabled": { label: "Complaints", tab: "triggers" },
  "triggers.threat.enabled": { label: "Threats", tab: "triggers" },
  "triggers.keyword.enabled": { label: "Your keywords", tab: "triggers" },
  "triggers.keywords": { label: "Keywords", tab: "triggers" },
  "triggers.repeatedFailure.enabled": { label: "Assistant could not help", tab: "triggers" },
  "triggers.repeatedFailure.maxAssistantFailures": { label: "Unanswered questions before escalating", tab: "triggers", unit: "count" },
  "triggers.repeatedFailure.repeatedQuestion": { label: "Repeated questions", tab: "triggers" },
  "triggers.orderState.enabled": { label: "Order problems", tab: "triggers" },
  "triggers.orderState.stalledFulfillmentDays": { label: "Fulfillment stalled after", tab: "triggers", unit: "days" },
  "triggers.sensitiveTopic.enabled": { label: "Sensitive topics", tab: "triggers" },
  "triggers.authorityLimit.enabled": { label: "Refunds beyond the assistant's limit", tab: "triggers" },
  "triggers.authorityLimit.maxRefundAmount": { label: "Largest refund the assistant may promise", tab: "triggers", unit: "money" },
  "triggers.languages": { label: "Languages", tab: "triggers" },
  "triggers.vip.enabled": { label: "Priority customers", tab: "triggers" },
  "triggers.vip.tags": { label: "VIP customer tags", tab: "triggers" },
  "triggers.vip.minTotalSpent": { label: "VIP when total spent is at least", tab: "triggers", unit: "money" },
  "triggers.vip.minOrderCount": { label: "VIP when order count is at least", tab: "triggers", unit: "count" },
  "assistant.name": { label: "Assistant name", tab: "assistant" },
  "assistant.greeting": { label: "Greeting", tab: "assistant" },
  "assistant.tone": { label: "Tone", tab: "assistant" },
  "assistant.llmEnabled": { label: "Use the language model", tab: "assistant" },
  "widget.quickActions": { label: "Suggested questions", tab: "assistant" },
  "widget.replyTime": { label: "Reply time", tab: "assistant" },
  "contact.email": { label: "Contact email", tab: "assistant" },
  "contact.phone": { label: "Phone", tab: "assistant" },
  "contact.url": { label: "Contact page URL", tab: "assistant" },
  "triggers.threshold": { label: "Overall escalation threshold", tab: "advanced", unit: "percent" },
  "triggers.negativeSentiment.threshold": { label: "Negative sentiment threshold", tab: "advanced", unit: "percent" },
  "triggers.complaint.threshold": { label: "Complaint threshold", tab: "advanced", unit: "percent" },
  "triggers.repeatedFailure.minModelConfidence": { label: "Escalate below model confidence", tab: "advanced", unit: "percent" },
  "triggers.vip.lowerThresholdBy": { label: "Lower VIP thresholds by", tab: "advanced", unit: "percent" },
  retentionDays: { label: "Keep conversations for", tab: "advanced", unit: "days" },
  "abuse.newCasesPerAddressPerHour": { label: "New cases per visitor address per hour", tab: "advanced", unit: "count" },
  "abuse.newCasesPerReplyToPerDay": { label: "New cases per reply-to email per day", tab: "advanced", unit: "count" },
  "abuse.followUpsPerCasePerDay": { label: "Follow-up emails per case per day", tab: "advanced", unit: "count" },
};

const ROUTE_FIELD: Record<string, string> = { reason: "Reason", topic: "Topic", priority: "Priority", to: "Send to", cc: "CC" };

/** The merchant-facing label and tab of a form field name (routing rules included). */
export function fieldMeta(name: string): FieldMeta {
  const route = /^routing\.routes\.(\d+)\.(\w+)$/.exec(name);
  if (route) return { label: `Routing rule ${Number(route[1]) + 1}: ${ROUTE_FIELD[route[2]!] ?? route[2]}`, tab: "escalations" };
  return FIELD_META[name] ?? { label: name, tab: "advanced" };
}

/** A bound as the merchant enters it ("5%", "1 day", "1,000"), in the form's language and locale. */
export function formatBound(value: number, unit: NumberUnit | undefined, t: AdminMessages = en, locale = "en-US"): string {
  switch (unit) {
    case "percent":
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value);
    case "days":
      return t.validation.days(value, value.toLocaleString(locale));
    default:
      return value.toLocaleString(locale);
  }
}

/** A field's label in the merchant's language (the server's error messages name fields with fieldMeta). */
export function fieldLabel(t: AdminMessages, name: string): string {
  const route = /^routing\.routes\.(\d+)\.(\w+)$/.exec(name);
  if (route) return t.routeField(Number(route[1]) + 1, t.routeFields[route[2]!] ?? route[2]!);
  return t.fields[name] ?? fieldMeta(name).label;
}

/** The DOM id of a field's input (error summary links focus it). */
export function fieldDomId(name: string): string {
  return `field-${name.replace(/\./g, "-")}`;
}
