import { z } from "zod";

/** Assistant persona and behaviour, stored as JSON on the Shop row. */
export const assistantSettingsSchema = z.object({
  name: z.string().trim().min(1).max(40).default("Baton"),
  greeting: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .default("Hi! I can check your order status, answer questions about shipping and returns, or connect you with our team."),
  tone: z.enum(["friendly", "neutral", "formal"]).default("friendly"),
  /** Use the configured LLM when one is available (the built-in engine otherwise). */
  llmEnabled: z.boolean().default(true),
});
export type AssistantSettings = z.output<typeof assistantSettingsSchema>;

/** How shoppers can reach the store without Baton (shown when no email can be sent). */
export const contactSettingsSchema = z.object({
  email: z.email().nullable().default(null),
  phone: z.string().trim().max(40).nullable().default(null),
  url: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
});
export type ContactSettings = z.output<typeof contactSettingsSchema>;

/** Parses stored JSON with defaults; a corrupt row falls back to defaults instead of failing a chat. */
export function parseStored<T extends z.ZodTypeAny>(schema: T, stored: unknown): z.output<T> {
  const parsed = schema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : schema.parse({});
}

/**
 * Abuse caps on what one visitor can make the support team receive. Defaults a merchant never
 * notices and an abuser always hits: a flood opens cases by the hundred from one address with a new
 * email each time; a real shopper opens one, rarely two, and an office or a shared mobile network
 * behind one address seldom ten in an hour. The address cap and this reply-to cap apply to shoppers
 * who have not proven who they are; a signed-in shopper, or one who proved an order, is exempt from
 * the address cap and gets four times the reply-to cap (see app/chat/case-caps.server.ts). A case's
 * follow-ups are batched per minute, so ten emails a day is a long, active thread. Each field falls
 * back to its default on its own, so a stored shop without (or with a broken) `abuse` section works.
 */
export const abuseSettingsSchema = z.object({
  newCasesPerAddressPerHour: z.number().int().min(1).max(1000).catch(10).default(10),
  newCasesPerReplyToPerDay: z.number().int().min(1).max(1000).catch(5).default(5),
  followUpsPerCasePerDay: z.number().int().min(1).max(1000).catch(10).default(10),
});
export type AbuseSettings = z.output<typeof abuseSettingsSchema>;

/** What the admin accepts for the caps (no silent fallbacks: an out-of-range entry is an error). */
export const abuseSettingsInputSchema = z.object({
  newCasesPerAddressPerHour: z.number().int().min(1).max(1000),
  newCasesPerReplyToPerDay: z.number().int().min(1).max(1000),
  followUpsPerCasePerDay: z.number().int().min(1).max(1000),
});
