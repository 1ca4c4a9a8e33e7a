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
  url: z.url({ protocol: /^https?$/ }).nullable().default(null),
});
export type ContactSettings = z.output<typeof contactSettingsSchema>;

/** Parses stored JSON with defaults; a corrupt row falls back to defaults instead of failing a chat. */
export function parseStored<T extends z.ZodTypeAny>(schema: T, stored: unknown): z.output<T> {
  const parsed = schema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : schema.parse({});
}
