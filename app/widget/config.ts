import { normalizeAccent } from "./color";
import type { WidgetConfig, WidgetWords } from "./types";

export const DEFAULT_PROXY = "/apps/baton";

/**
 * Reads the config JSON the embed rendered and fills safe defaults. Returns null when it is missing
 * or unreadable, so a broken theme render leaves the page untouched instead of throwing.
 */
export function parseConfig(json: string | null | undefined): WidgetConfig | null {
  let raw: Partial<WidgetConfig> & { words?: Partial<WidgetWords> | null };
  try {
    raw = JSON.parse(json || "null");
  } catch {
    return null;
  }
  if (!raw || typeof raw !== "object" || !raw.strings || typeof raw.strings !== "object") return null;
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const proxy = text(raw.proxy).replace(/\/+$/, "");
  // The admin's words (the app-data metafield); each one missing falls back to the shopper's language.
  const words = raw.words && typeof raw.words === "object" ? raw.words : {};
  const t = raw.strings;
  const actions = Array.isArray(words.quickActions) ? words.quickActions.map(text).filter(Boolean).slice(0, 4) : [];
  return {
    ...raw,
    v: 1,
    shop: text(raw.shop),
    locale: text(raw.locale),
    // Same origin only: a path, never `//host` or `https://…`.
    proxy: /^\/(?!\/)/.test(proxy) ? proxy : DEFAULT_PROXY,
    accent: normalizeAccent(raw.accent),
    position: raw.position === "left" ? "left" : "right",
    greeting: text(words.greeting) || t.greeting,
    assistantName: text(words.assistantName) || t.assistant,
    launcherLabel: text(raw.launcherLabel) || raw.strings.launcher,
    shopName: text(raw.shopName),
    replyTime: text(words.replyTime) || t.reply_time,
    quickActions: actions.length ? actions : [t.qa_track, t.qa_returns, t.qa_shipping],
    notice: text(raw.notice) || raw.strings.notice,
    // Shopify gives a path ("/policies/privacy-policy"); a full URL must be http(s). Never `//host` or `javascript:`.
    privacyUrl: /^(\/(?!\/)|https?:\/\/)/i.test(text(raw.privacyUrl)) ? text(raw.privacyUrl) : null,
    rememberDays: rememberDays(raw.rememberDays),
    customer: raw.customer && typeof raw.customer.email === "string" ? raw.customer : null,
    strings: raw.strings,
  };
}

/** 0–365 whole days (the block's range setting renders a number); anything else is the default week. */
function rememberDays(v: unknown): number {
  return typeof v === "number" && v >= 0 ? Math.min(365, Math.round(v)) : 7;
}
