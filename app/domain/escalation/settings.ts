import { z } from "zod";

// Per-shop detector settings. Stored as JSON; `escalationSettingsSchema` fills every missing field
// with its default so settings saved by older versions keep parsing when fields are added.

/** Languages the detector has phrase lists for (explicit requests, threats, negations). */
export const DETECTOR_LANGUAGES = ["en", "es", "fr", "de", "it", "pt", "nl"] as const;
export type DetectorLanguage = (typeof DETECTOR_LANGUAGES)[number];

const unit = z.number().min(0).max(1);
const count = z.number().int().min(0);
const amount = z.number().min(0);

// `.prefault({})` runs the inner defaults on a missing object, so `{}` parses to full settings.
const toggle = z.object({ enabled: z.boolean().default(true) }).prefault({});

/** Zod schema that parses stored settings JSON and fills defaults for anything missing. */
export const escalationSettingsSchema = z.object({
  /** The overall score at which a case escalates (signals are combined into one 0..1 score). */
  threshold: unit.default(0.55),
  explicitRequest: toggle,
  negativeSentiment: z
    .object({
      enabled: z.boolean().default(true),
      /** score a single message needs to count as strongly negative */
      threshold: unit.default(0.55),
      /** also escalate when frustration rises across the shopper's recent messages */
      risingFrustration: z.boolean().default(true),
    })
    .prefault({}),
  complaint: z.object({ enabled: z.boolean().default(true), threshold: unit.default(0.5) }).prefault({}),
  threat: toggle,
  keyword: toggle,
  /** merchant's own trigger words or phrases, matched case- and accent-insensitively on word boundaries */
  keywords: z.array(z.string().trim().min(1)).default([]),
  repeatedFailure: z
    .object({
      enabled: z.boolean().default(true),
      /** escalate once the assistant could not help this many times */
      maxAssistantFailures: count.min(1).default(2),
      /** escalate when the LLM's confidence falls below this (ignored without an LLM) */
      minModelConfidence: unit.default(0.3),
      /** escalate when the shopper asks the same thing again */
      repeatedQuestion: z.boolean().default(true),
    })
    .prefault({}),
  orderState: z
    .object({
      enabled: z.boolean().default(true),
      /** an unfulfilled paid order older than this many days counts as stalled */
      stalledFulfillmentDays: count.min(1).default(5),
    })
    .prefault({}),
  /** Privacy, safety and fraud always go to a person; the switch exists only for shops with their own process. */
  sensitiveTopic: toggle,
  authorityLimit: z
    .object({
      enabled: z.boolean().default(true),
      /** largest refund or credit (shop currency) the assistant may promise; 0 = never promises money */
      maxRefundAmount: amount.default(0),
    })
    .prefault({}),
  vip: z
    .object({
      enabled: z.boolean().default(true),
      /** customer tags that mark a VIP (case-insensitive) */
      tags: z.array(z.string().trim().min(1)).default(["VIP"]),
      /** total spent at or above this marks a VIP; 0 = rule off */
      minTotalSpent: amount.default(1000),
      /** order count at or above this marks a VIP; 0 = rule off */
      minOrderCount: count.default(10),
      /** lower every threshold by this much for VIPs (0 = only raise priority) */
      lowerThresholdBy: unit.default(0.1),
    })
    .prefault({}),
  /** languages the shop serves; phrase lists for these are used (English is always on) */
  languages: z.array(z.enum(DETECTOR_LANGUAGES)).default(["en", "es", "fr", "de"]),
});

/**
 * Ranges the admin enforces when a merchant saves (inclusive). Kept out of the stored schema on
 * purpose: a value saved before a limit existed must keep parsing on the storefront, because a
 * failed parse falls back to all defaults (dropping the shop's keywords and routing choices).
 */
export const ESCALATION_INPUT_LIMITS: ReadonlyArray<{ path: readonly string[]; min: number; max: number }> = [
  { path: ["threshold"], min: 0.05, max: 0.95 },
  { path: ["negativeSentiment", "threshold"], min: 0.05, max: 0.95 },
  { path: ["complaint", "threshold"], min: 0.05, max: 0.95 },
  { path: ["repeatedFailure", "maxAssistantFailures"], min: 1, max: 10 },
  { path: ["repeatedFailure", "minModelConfidence"], min: 0, max: 0.95 },
  { path: ["orderState", "stalledFulfillmentDays"], min: 1, max: 90 },
  { path: ["authorityLimit", "maxRefundAmount"], min: 0, max: 1_000_000 },
  { path: ["vip", "minTotalSpent"], min: 0, max: 10_000_000 },
  { path: ["vip", "minOrderCount"], min: 0, max: 10_000 },
  { path: ["vip", "lowerThresholdBy"], min: 0, max: 0.5 },
];

/** What the admin may save: the stored schema plus ESCALATION_INPUT_LIMITS (zod too_small / too_big issues). */
export const escalationSettingsInputSchema = escalationSettingsSchema.superRefine((s, ctx) => {
  for (const limit of ESCALATION_INPUT_LIMITS) {
    const value = limit.path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), s);
    if (typeof value !== "number") continue;
    if (value < limit.min)
      ctx.addIssue({
        code: "too_small",
        origin: "number",
        minimum: limit.min,
        inclusive: true,
        path: [...limit.path],
        input: value,
        message: `Must be at least ${limit.min}`,
      });
    else if (value > limit.max)
      ctx.addIssue({
        code: "too_big",
        origin: "number",
        maximum: limit.max,
        inclusive: true,
        path: [...limit.path],
        input: value,
        message: `Must be at most ${limit.max}`,
      });
  }
});

/** Per-shop escalation detector settings (see `escalationSettingsSchema` for defaults). */
export type EscalationSettings = z.output<typeof escalationSettingsSchema>;

/** Settings a shop gets before changing anything. */
export const defaultEscalationSettings: EscalationSettings = escalationSettingsSchema.parse({});

/**
 * Parses stored settings JSON, filling defaults; falls back to the defaults on invalid input so a
 * corrupt row never disables escalation.
 */
export function parseEscalationSettings(stored: unknown): EscalationSettings {
  const parsed = escalationSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : defaultEscalationSettings;
}
