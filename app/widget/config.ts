import { normalizeAccent } from "./color";
import type { WidgetConfig } from "./types";

export const DEFAULT_PROXY = "/apps/baton";

/**
 * Reads the config JSON the embed rendered and fills safe defaults. Returns null when it is missing
 * or unreadable, so a broken theme render leaves the page untouched instead of throwing.
 */
export function parseConfig(json: string | null | undefined): WidgetConfig | null {
  let raw: Partial<WidgetConfig>;
  try {
    raw = JSON.parse(json || "null");
  } catch {
    return null;
  }
  if (!raw || typeof raw !== "object" || !raw.strings || typeof raw.strings !== "object") return null;
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const proxy = text(raw.proxy).replace(/\/+$/, "");
  return {
    ...raw,
    v: 1,
    shop: text(raw.shop),
    locale: text(raw.locale),
    // Same origin only: a path, never `//host` or `https://…`.
    proxy: /^\/(?!\/)/.test(proxy) ? proxy : DEFAULT_PROXY,
    accent: normalizeAccent(raw.accent),
    position: raw.position === "left" ? "left" : "right",
    greeting: text(raw.greeting) || raw.strings.greeting,
    assistantName: text(raw.assistantName) || raw.strings.assistant,
    launcherLabel: text(raw.launcherLabel) || raw.strings.launcher,
    shopName: text(raw.shopName),
    replyTime: text(raw.replyTime) || raw.strings.reply_time,
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
