import { z } from "zod";
import { assistantSettingsSchema, type AssistantSettings } from "~/domain/shop-settings";
import type { WidgetWords } from "~/widget/types";

// The chat widget's words have one source: the admin's settings. The assistant's name and greeting
// live in the assistant settings (the chat's replies use them too); the quick actions and the
// reply-time text live here. All four reach the storefront together in one app-data metafield
// (`app.metafields.baton.widget` in the theme app embed's Liquid), so the page needs no request of
// its own and the theme editor keeps only placement, colours and the launcher.

export const MAX_QUICK_ACTIONS = 4;

/** Stored as JSON in Shop.widget; every field falls back on its own, so an older or broken row still parses. */
export const widgetWordsSettingsSchema = z.object({
  /** Empty = the widget's translated defaults (Track my order, Returns and refunds, Shipping times). */
  quickActions: z.array(z.string().trim().min(1).max(40)).max(MAX_QUICK_ACTIONS).default([]),
  /** Shown once a case is with the team and in the empty state; null = the translated default. */
  replyTime: z.string().trim().max(80).nullable().default(null),
});
export type WidgetWordsSettings = z.output<typeof widgetWordsSettingsSchema>;

/** The form's suggested questions: one per line (a question may hold a comma). */
export function splitQuestions(text: string): string[] {
  return text
    .split("\n")
    .map((q) => q.trim())
    .filter(Boolean);
}

const { greeting: DEFAULT_GREETING, name: DEFAULT_NAME } = assistantSettingsSchema.parse({});

/** The metafield's value. null fields mean "the shopper's language's default", so untouched words stay translated. */
export function widgetWordsFor(assistant: Pick<AssistantSettings, "name" | "greeting">, widget: WidgetWordsSettings): WidgetWords {
  return {
    // Our product's name is no name for the merchant's assistant: untouched, the header just says "AI assistant".
    assistantName: assistant.name === DEFAULT_NAME ? null : assistant.name,
    // The default greeting is the chat's own, which the widget has in every language (the server says the same).
    greeting: assistant.greeting === DEFAULT_GREETING ? null : assistant.greeting,
    quickActions: widget.quickActions.length ? widget.quickActions : null,
    replyTime: widget.replyTime,
  };
}
