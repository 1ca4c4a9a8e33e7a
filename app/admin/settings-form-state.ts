import { SENSITIVITY_PRESETS, sensitivityOf, type SensitivityPreset } from "~/domain/escalation/sensitivity";
import type { SettingsDocuments } from "./settings.server";

// The settings page's editable state, derived from the stored documents. Percent fields are shown
// 0–100 (the server divides by 100); everything else is the text a merchant typed.

export interface RouteRow {
  id: string;
  reason: string;
  topic: string;
  priority: string;
  to: string;
  cc: string;
}

export interface SettingsFormState {
  values: Record<string, string>;
  checks: Record<string, boolean>;
  routes: RouteRow[];
  languages: string[];
}

export const BOOL_FIELDS = [
  "triggers.explicitRequest.enabled",
  "triggers.negativeSentiment.enabled",
  "triggers.negativeSentiment.risingFrustration",
  "triggers.complaint.enabled",
  "triggers.threat.enabled",
  "triggers.keyword.enabled",
  "triggers.repeatedFailure.enabled",
  "triggers.repeatedFailure.repeatedQuestion",
  "triggers.orderState.enabled",
  "triggers.sensitiveTopic.enabled",
  "triggers.authorityLimit.enabled",
  "triggers.vip.enabled",
  "assistant.llmEnabled",
] as const;

const TEXT_FIELDS = [
  "routing.defaultTo",
  "routing.fromName",
  "routing.ccUrgent",
  "triggers.repeatedFailure.maxAssistantFailures",
  "triggers.orderState.stalledFulfillmentDays",
  "triggers.authorityLimit.maxRefundAmount",
  "triggers.vip.tags",
  "triggers.vip.minTotalSpent",
  "triggers.vip.minOrderCount",
  "assistant.name",
  "assistant.greeting",
  "assistant.tone",
  "contact.email",
  "contact.phone",
  "contact.url",
  "retentionDays",
  "abuse.newCasesPerAddressPerHour",
  "abuse.newCasesPerReplyToPerDay",
  "abuse.followUpsPerCasePerDay",
  "widget.replyTime",
];

export const PERCENT_FIELDS = [
  "triggers.threshold",
  "triggers.negativeSentiment.threshold",
  "triggers.complaint.threshold",
  "triggers.repeatedFailure.minModelConfidence",
  "triggers.vip.lowerThresholdBy",
];

function get(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

export const blankRoute = (): RouteRow => ({ id: "", reason: "", topic: "", priority: "", to: "", cc: "" });

export function toFormState(s: SettingsDocuments): SettingsFormState {
  const text = (path: string, sep = ", ") => {
    const v = get(s, path);
    if (Array.isArray(v)) return v.join(sep);
    return v === null || v === undefined ? "" : String(v);
  };
  const values: Record<string, string> = {};
  for (const name of TEXT_FIELDS) values[name] = text(name);
  for (const name of PERCENT_FIELDS) values[name] = String(Math.round(Number(get(s, name) ?? 0) * 10_000) / 100);
  values["triggers.keywords"] = text("triggers.keywords", "\n");
  values["widget.quickActions"] = text("widget.quickActions", "\n");
  const checks: Record<string, boolean> = {};
  for (const name of BOOL_FIELDS) checks[name] = get(s, name) === true;
  const routes = s.routing.routes.map((r) => ({
    id: r.id,
    reason: r.when.reason ?? "",
    topic: r.when.topic ?? "",
    priority: r.when.priority ?? "",
    to: r.to.join(", "),
    cc: r.cc.join(", "),
  }));
  return { values, checks, routes: routes.length ? routes : [blankRoute()], languages: [...s.triggers.languages] };
}

/** Whether two states differ in anything the form would submit. */
export function isDirty(a: SettingsFormState, b: SettingsFormState): boolean {
  const norm = (s: SettingsFormState) => JSON.stringify({ ...s, languages: [...s.languages].sort() });
  return norm(a) !== norm(b);
}

/** The preset the form's three percent thresholds match, or "custom". */
export function presetOfValues(values: Record<string, string>): SensitivityPreset | "custom" {
  const n = (k: string) => Number(values[k]) / 100;
  return sensitivityOf({
    threshold: n("triggers.threshold"),
    negativeSentiment: { threshold: n("triggers.negativeSentiment.threshold") },
    complaint: { threshold: n("triggers.complaint.threshold") },
  } as never);
}

/** The form values with a preset's thresholds applied. */
export function applyPreset(values: Record<string, string>, preset: SensitivityPreset): Record<string, string> {
  const t = SENSITIVITY_PRESETS[preset].thresholds;
  const pct = (v: number) => String(Math.round(v * 100));
  return {
    ...values,
    "triggers.threshold": pct(t.threshold),
    "triggers.negativeSentiment.threshold": pct(t.sentiment),
    "triggers.complaint.threshold": pct(t.complaint),
  };
}
