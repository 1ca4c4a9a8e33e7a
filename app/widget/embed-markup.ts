// The exact markup the app embed block (extensions/baton-chat/blocks/baton-chat.liquid) renders,
// plus the launcher tag Shopify adds for the block's schema "javascript" asset, for pages we serve
// ourselves (the demo storefront) so they embed the widget the way a theme does.
import de from "../../extensions/baton-chat/locales/de.json";
import en from "../../extensions/baton-chat/locales/en.default.json";
import es from "../../extensions/baton-chat/locales/es.json";
import fr from "../../extensions/baton-chat/locales/fr.json";
import { DEFAULT_PROXY } from "./config";
import { NOTICE_KEYS, STRING_KEYS, type NoticeKey, type Strings, type WidgetWords } from "./types";

export interface WidgetEmbedOptions {
  /** where baton-chat.js is served, e.g. "/extensions/baton-chat/assets" (Liquid: `asset_url`) */
  assetBase: string;
  /** App Proxy path, e.g. "/apps/baton" (block setting `proxy_path`; empty → the default) */
  proxyPath: string;
  /** shop.permanent_domain */
  shop: string;
  /** request.locale.iso_code, e.g. "fr" or "pt-BR" */
  locale: string;
  /** shop.name */
  shopName: string;
  settings: {
    accent: string;
    position: "right" | "left";
    launcherLabel: string;
    /** the merchant's data notice text (empty → the translated default); the AI provider and device memory are added */
    notice?: string;
    /** remember_days (range 0–30; 0 = this tab only) */
    rememberDays: number;
    /** ai_provider: an outside AI provider processes messages (a model is configured); default off */
    aiProvider?: boolean;
  };
  /**
   * The app-data metafield `baton.widget` (`app.metafields.baton.widget.value`): the assistant's
   * name, greeting, quick actions and reply-time text set in Baton's admin; absent before the first save.
   */
  words?: WidgetWords | null;
  /** shop.privacy_policy.url, when the shop has a privacy policy */
  privacyUrl?: string;
  /** only when the shopper is logged in; informational (the server trusts only logged_in_customer_id) */
  customer?: { id: string | number; email: string };
}

type ChatStrings = Strings & Record<NoticeKey, string>;
const LOCALES: Record<string, { chat: Partial<ChatStrings> }> = { en, es, fr, de };

/** `chat.*` strings for a locale as Liquid's `t` resolves them: exact, then language, then en.default per key. */
function chatStrings<K extends keyof ChatStrings>(locale: string, keys: readonly K[]): Pick<ChatStrings, K> {
  const lang = locale.toLowerCase();
  const table = LOCALES[lang]?.chat ?? LOCALES[lang.split("-")[0]]?.chat ?? {};
  return Object.fromEntries(keys.map((k) => [k, table[k] ?? en.chat[k]])) as Pick<ChatStrings, K>;
}

/** The UI strings the script gets for a locale. */
export function widgetStrings(locale: string): Strings {
  return chatStrings(locale, STRING_KEYS);
}

/** The data notice as the block composes it (see its comment): text, then the AI provider, then device memory. */
function composeNotice(o: WidgetEmbedOptions): string {
  const t = chatStrings(o.locale, [...NOTICE_KEYS, "notice"]);
  const days = o.settings.rememberDays;
  const memory = t[`notice_memory_${Math.min(days, 2) as 0 | 1 | 2}`].split("{n}").join(String(days));
  return `${o.settings.notice || t.notice}${o.settings.aiProvider ? ` ${t.notice_ai}` : ""} ${memory}`;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Liquid renders an empty text setting as nil, and `nil | json` is null. */
const setting = (v: string) => (v === "" ? null : v);

/** The block's schema "javascript" asset; Shopify injects it with `defer`. */
export const WIDGET_SCRIPT = "baton-chat.js";

/** Returns the config `<script type="application/json">` exactly as the Liquid block renders it. */
export function renderWidgetConfigHtml(o: WidgetEmbedOptions): string {
  const config = {
    v: 1,
    shop: o.shop,
    locale: o.locale,
    proxy: o.proxyPath || DEFAULT_PROXY,
    accent: o.settings.accent,
    position: o.settings.position,
    words: o.words ?? null,
    launcherLabel: setting(o.settings.launcherLabel),
    notice: composeNotice(o),
    shopName: o.shopName,
    rememberDays: o.settings.rememberDays,
    privacyUrl: o.privacyUrl ?? null,
    customer: o.customer ? { id: String(o.customer.id), email: o.customer.email } : null,
    strings: widgetStrings(o.locale),
  };
  // `<` → \u003c keeps any value from closing the script element (same as the Liquid replace).
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `<script type="application/json" id="baton-chat-config">${json}</script>`;
}

/** The config plus the deferred launcher `<script>` Shopify adds for the schema's "javascript" asset. */
export function renderWidgetEmbedHtml(o: WidgetEmbedOptions): string {
  const src = o.assetBase.replace(/\/+$/, "") + "/" + WIDGET_SCRIPT;
  return `${renderWidgetConfigHtml(o)}\n<script src="${escapeHtml(src)}" defer></script>`;
}
