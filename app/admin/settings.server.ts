import { z } from "zod";
import {
  DETECTOR_LANGUAGES,
  ESCALATION_REASONS,
  ESCALATION_TOPICS,
  PRIORITIES,
  escalationSettingsInputSchema,
  parseEscalationSettings,
  type EscalationSettings,
} from "~/domain/escalation";
import { parseRoutingSettings, routingSettingsSchema, type RoutingSettings } from "~/domain/routing";
import {
  assistantSettingsSchema,
  contactSettingsSchema,
  parseStored,
  type AssistantSettings,
  type ContactSettings,
  abuseSettingsSchema,
  abuseSettingsInputSchema,
  type AbuseSettings,
} from "~/domain/shop-settings";
import type { Db } from "~/db.server";
import { forgetShopContext } from "../chat/shop-context.server";
import { adminMessages, type AdminMessages } from "./i18n";
import { safeLocale } from "./format";
import { fieldMeta, formatBound } from "./settings-fields";
import { splitQuestions, widgetWordsSettingsSchema, type WidgetWordsSettings } from "./widget-words";

// The admin settings form: flat HTML form fields (names are the settings' dotted paths) are turned
// into the stored documents and validated with the SAME zod schemas the storefront parses with, so
// the admin can never save something the escalation path would read differently. Errors come back
// keyed by form field name for Polaris inline errors; a save writes every document in one UPDATE.

/** Data retention bounds (days). Not in a domain schema because only the admin writes it. */
export const retentionDaysSchema = z.number().int().min(1).max(3650);

const settingsSchema = z.object({
  routing: routingSettingsSchema,
  // The admin writes with the stricter input ranges; the storefront keeps parsing with the stored schema.
  triggers: escalationSettingsInputSchema,
  assistant: assistantSettingsSchema,
  contact: contactSettingsSchema,
  retentionDays: retentionDaysSchema,
  abuse: abuseSettingsInputSchema,
  widget: widgetWordsSettingsSchema,
});

export interface SettingsDocuments {
  routing: RoutingSettings;
  triggers: EscalationSettings;
  assistant: AssistantSettings;
  contact: ContactSettings;
  retentionDays: number;
  abuse: AbuseSettings;
  widget: WidgetWordsSettings;
}

/** Form field name → message. Names are the dotted form-field names used by the settings page. */
export type FieldErrors = Record<string, string>;

export type SaveSettingsResult = { ok: true; settings: SettingsDocuments } | { ok: false; errors: FieldErrors };

type Kind = "text" | "optionalText" | "list" | "number" | "percent" | "bool";

/** Every scalar form field (routes and languages are handled separately). */
export const SETTINGS_FIELDS: ReadonlyArray<readonly [name: string, kind: Kind]> = [
  ["routing.defaultTo", "list"],
  ["routing.fromName", "text"],
  ["routing.ccUrgent", "list"],
  ["triggers.threshold", "percent"],
  ["triggers.explicitRequest.enabled", "bool"],
  ["triggers.negativeSentiment.enabled", "bool"],
  ["triggers.negativeSentiment.threshold", "percent"],
  ["triggers.negativeSentiment.risingFrustration", "bool"],
  ["triggers.complaint.enabled", "bool"],
  ["triggers.complaint.threshold", "percent"],
  ["triggers.threat.enabled", "bool"],
  ["triggers.keyword.enabled", "bool"],
  ["triggers.keywords", "list"],
  ["triggers.repeatedFailure.enabled", "bool"],
  ["triggers.repeatedFailure.maxAssistantFailures", "number"],
  ["triggers.repeatedFailure.minModelConfidence", "percent"],
  ["triggers.repeatedFailure.repeatedQuestion", "bool"],
  ["triggers.orderState.enabled", "bool"],
  ["triggers.orderState.stalledFulfillmentDays", "number"],
  ["triggers.sensitiveTopic.enabled", "bool"],
  ["triggers.authorityLimit.enabled", "bool"],
  ["triggers.authorityLimit.maxRefundAmount", "number"],
  ["triggers.vip.enabled", "bool"],
  ["triggers.vip.tags", "list"],
  ["triggers.vip.minTotalSpent", "number"],
  ["triggers.vip.minOrderCount", "number"],
  ["triggers.vip.lowerThresholdBy", "percent"],
  ["assistant.name", "text"],
  ["assistant.greeting", "text"],
  ["assistant.tone", "text"],
  ["assistant.llmEnabled", "bool"],
  ["contact.email", "optionalText"],
  ["contact.phone", "optionalText"],
  ["contact.url", "optionalText"],
  ["retentionDays", "number"],
  ["abuse.newCasesPerAddressPerHour", "number"],
  ["abuse.newCasesPerReplyToPerDay", "number"],
  ["abuse.followUpsPerCasePerDay", "number"],
  ["widget.replyTime", "optionalText"],
];

export const MAX_ROUTES = 50;

/** Splits a list field: one item per line or comma. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

function readField(form: FormData, name: string, kind: Kind): unknown {
  const raw = form.get(name);
  const text = typeof raw === "string" ? raw : "";
  switch (kind) {
    case "bool":
      return raw !== null && text !== "false" && text !== "";
    case "list":
      return splitList(text);
    case "number":
      // An empty or non-numeric entry must be an error, not a silent default.
      return text.trim() === "" ? Number.NaN : Number(text.trim());
    case "percent": {
      // Shown as 0–100 to merchants, stored as the detector's 0–1 score.
      const n = text.trim() === "" ? Number.NaN : Number(text.trim().replace(/%$/, ""));
      return Number.isFinite(n) ? Math.round(n * 100) / 10_000 : n;
    }
    case "optionalText":
      return text.trim() === "" ? null : text.trim();
    default:
      return text;
  }
}

/** Turns the submitted form into the raw (unvalidated) settings documents. */
export function formToSettingsInput(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, kind] of SETTINGS_FIELDS) setPath(input, name.split("."), readField(form, name, kind));
  // A form from before the abuse limits existed (an open tab during a deploy) keeps the defaults.
  const abuseDefaults = abuseSettingsSchema.parse({});
  for (const key of Object.keys(abuseDefaults) as Array<keyof typeof abuseDefaults>) {
    if (form.get(`abuse.${key}`) === null) setPath(input, ["abuse", key], abuseDefaults[key]);
  }
  // One suggested question per line (a question may hold a comma).
  setPath(input, ["widget", "quickActions"], splitQuestions(String(form.get("widget.quickActions") ?? "")));
  const languages = form.getAll("triggers.languages").map(String);
  setPath(input, ["triggers", "languages"], languages);

  const routes: unknown[] = [];
  const count = Math.min(MAX_ROUTES + 1, Math.max(0, Number(form.get("routing.routeCount") ?? 0) || 0));
  for (let i = 0; i < count; i++) {
    const get = (f: string) => String(form.get(`routing.routes.${i}.${f}`) ?? "").trim();
    const route = { reason: get("reason"), topic: get("topic"), priority: get("priority"), to: get("to"), cc: get("cc") };
    // A row left entirely blank (the spare "add a route" row) is not a route.
    if (!route.reason && !route.topic && !route.priority && !route.to && !route.cc) {
      routes.push(null);
      continue;
    }
    routes.push({
      id: get("id") || `route-${i + 1}`,
      when: {
        ...(route.reason ? { reason: route.reason } : {}),
        ...(route.topic ? { topic: route.topic } : {}),
        ...(route.priority ? { priority: route.priority } : {}),
      },
      to: splitList(route.to),
      cc: splitList(route.cc),
    });
  }
  // Keep the form's row numbers for error messages; blank rows are removed after validation.
  setPath(input, ["routing", "routes"], routes);
  return input;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** The form field an issue belongs to. */
export function fieldForIssue(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === "routing" && parts[1] === "routes" && parts[2] !== undefined) {
    const base = `routing.routes.${parts[2]}`;
    if (parts[3] === "when") return `${base}.${parts[4] ?? "reason"}`;
    if (parts[3] === "to" || parts[3] === "cc") return `${base}.${parts[3]}`;
    return `${base}.to`;
  }
  // Items of a list field belong to the list's field.
  while (parts.length > 1 && /^\d+$/.test(parts.at(-1)!)) parts.pop();
  return parts.join(".");
}

/** The language of validation messages: the admin's words and the locale numbers are written in. */
export interface MessageLocale {
  t: AdminMessages;
  locale: string;
}

const ENGLISH: MessageLocale = { t: adminMessages("en"), locale: "en-US" };

function messageForIssue(issue: z.core.$ZodIssue, value: unknown, field: string, { t, locale }: MessageLocale): string {
  const unit = fieldMeta(field).unit;
  const v = t.validation;
  switch (issue.code) {
    case "invalid_format":
      if (issue.format === "email") return v.email(String(value));
      if (issue.format === "url") return v.url(String(value));
      return issue.message;
    case "invalid_type":
      if (typeof value === "number" && Number.isNaN(value)) return v.number;
      return issue.expected === "int" ? v.wholeNumber : issue.message;
    case "too_big":
      return issue.origin === "number"
        ? v.atMost(formatBound(Number(issue.maximum), unit, t, locale))
        : v.tooLong(Number(issue.maximum).toLocaleString(locale));
    case "too_small":
      if (issue.origin === "number") return v.atLeast(formatBound(Number(issue.minimum), unit, t, locale));
      return issue.origin === "string" && Number(issue.minimum) <= 1 ? v.required : issue.message;
    case "invalid_value":
      return v.choose;
    default:
      return issue.message;
  }
}

/** Validates raw settings input; errors are keyed by form field (first error per field wins). */
export function validateSettingsInput(input: Record<string, unknown>, language: MessageLocale = ENGLISH): SaveSettingsResult {
  const routing = (input.routing ?? {}) as { routes?: unknown[] };
  const rows = routing.routes ?? [];
  // Validate the non-blank rows while keeping their original index for error field names.
  const indexOf = rows.flatMap((r, i) => (r === null ? [] : [i]));
  const compact = { ...input, routing: { ...routing, routes: rows.filter((r) => r !== null) } };
  const parsed = settingsSchema.safeParse(compact);
  if (parsed.success) {
    return { ok: true, settings: parsed.data };
  }
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = [...issue.path];
    if (path[0] === "routing" && path[1] === "routes" && typeof path[2] === "number") path[2] = indexOf[path[2]] ?? path[2];
    const field = fieldForIssue(path);
    const message = messageForIssue(issue, valueAt({ ...input, routing: { ...routing, routes: rows } }, path), field, language);
    errors[field] ??= message;
  }
  if (rows.filter((r) => r !== null).length > MAX_ROUTES)
    errors["routing.routes"] ??= language.t.validation.maxRoutes(MAX_ROUTES.toLocaleString(language.locale));
  return { ok: false, errors };
}

/**
 * Validates the submitted settings form and, if everything is valid, writes all settings documents
 * in ONE update of the shop's own row (so a half-valid form never leaves half-saved settings),
 * then drops this process's cached copy so the storefront sees the change at once.
 */
export async function saveSettingsForm(db: Db, shop: string, form: FormData): Promise<SaveSettingsResult> {
  // The page sends the merchant's locale along, so error messages come back in their language.
  const locale = safeLocale(typeof form.get("locale") === "string" ? String(form.get("locale")) : null);
  const result = validateSettingsInput(formToSettingsInput(form), { t: adminMessages(locale), locale });
  if (!result.ok) return result;
  const s = result.settings;
  await db.shop.update({
    where: { domain: shop },
    data: {
      routing: s.routing as object,
      triggers: s.triggers as object,
      assistant: s.assistant as object,
      contact: s.contact as object,
      retentionDays: s.retentionDays,
      abuse: s.abuse as object,
      widget: s.widget as object,
    },
  });
  forgetShopContext(shop);
  return result;
}

/** The shop's current settings as the form shows them. */
export async function loadSettings(db: Db, shop: string): Promise<SettingsDocuments | null> {
  // Read the row itself, not the storefront's few-seconds cache: the admin shows what is stored.
  const row = await db.shop.findUnique({ where: { domain: shop } });
  if (!row) return null;
  return {
    routing: parseRoutingSettings(row.routing),
    triggers: parseEscalationSettings(row.triggers),
    assistant: parseStored(assistantSettingsSchema, row.assistant),
    contact: parseStored(contactSettingsSchema, row.contact),
    retentionDays: row.retentionDays,
    abuse: parseStored(abuseSettingsSchema, row.abuse),
    widget: parseStored(widgetWordsSettingsSchema, row.widget),
  };
}

/** Options for the routing matrix and language pickers. */
export const SETTINGS_OPTIONS = {
  reasons: ESCALATION_REASONS.map((r) => ({ value: r.code, label: r.label })),
  topics: ESCALATION_TOPICS.map((t) => ({ value: t.code, label: t.label })),
  priorities: PRIORITIES.map((p) => ({ value: p, label: `${p[0]!.toUpperCase()}${p.slice(1)} or higher` })),
  /** Language codes; the page names them in the merchant's language (Intl.DisplayNames). */
  languages: [...DETECTOR_LANGUAGES],
  tones: ["friendly", "neutral", "formal"],
};
