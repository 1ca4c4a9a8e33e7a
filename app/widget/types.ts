// Shapes shared by the launcher, the panel and the embed markup. Type-only: nothing here ships.

/** Keys of the UI strings; they mirror `chat.*` in extensions/baton-chat/locales/*.json. */
export const STRING_KEYS = [
  "launcher",
  "assistant",
  "greeting",
  "close",
  "talk",
  "log",
  "you",
  "input",
  "placeholder",
  "send",
  "typing",
  "loading",
  "email_label",
  "email_send",
  "email_skip",
  "email_invalid",
  "escalated",
  "escalated_generic",
  "closed",
  "restart",
  "retry",
  "error_network",
  "error_server",
  "error_rate",
  "error_long",
  "error_expired",
  "error_history",
  "ai",
  "notice",
  "privacy",
  "reply_time",
  "qa_track",
  "qa_returns",
  "qa_shipping",
  "order",
  "total",
  "eta",
  "track",
  "suggested",
  "team",
  "helpful",
  "yes",
  "no",
  "thanks",
  "case_open",
  "new_reply",
  "item_shipped",
  "item_waiting",
  "latest_order",
] as const;
export type StringKey = (typeof STRING_KEYS)[number];

/** `chat.*` keys the embed composes into the config's `notice` (never shipped to the script on their own). */
export const NOTICE_KEYS = ["notice_ai", "notice_memory_0", "notice_memory_1", "notice_memory_2"] as const;
export type NoticeKey = (typeof NOTICE_KEYS)[number];
export type Strings = Record<StringKey, string>;

/**
 * The words the merchant sets in Baton's admin, as the app-data metafield `baton.widget` holds them
 * (app/admin/widget-words.ts writes it; the embed renders it as the config's `words`). null = the
 * translated default.
 */
export interface WidgetWords {
  assistantName: string | null;
  greeting: string | null;
  quickActions: string[] | null;
  replyTime: string | null;
}

/** The JSON inside `<script type="application/json" id="baton-chat-config">`. */
export interface WidgetConfig {
  v: 1;
  shop: string;
  locale: string;
  proxy: string;
  accent: string;
  position: "right" | "left";
  greeting: string;
  assistantName: string;
  launcherLabel: string;
  /** `shop.name`, the panel's title ("" when missing: the assistant name stands in). */
  shopName: string;
  /** Merchant's reply-time promise shown after a hand-off and in the empty state (falls back to `strings.reply_time`). */
  replyTime: string;
  /** Suggested questions of the empty chat (the admin's, else the translated three). */
  quickActions: string[];
  /**
   * Data-protection line in the panel's footer, composed by the embed: who answers and may read, the
   * outside AI provider (when on) and how long this device remembers the chat (falls back to `strings.notice`).
   */
  notice: string;
  /** The shop's privacy policy, linked from the notice: a same-origin path or an http(s) URL. */
  privacyUrl: string | null;
  /** Days a conversation is remembered on this device (localStorage); 0 = this tab only. */
  rememberDays: number;
  /** Informational only (prefills the email field); the server trusts only the signed logged_in_customer_id. */
  customer: { id: string; email: string } | null;
  strings: Strings;
}

export type ChatState = "open" | "awaiting_email" | "escalated" | "closed";

export interface StoredState {
  /** conversation id */
  c?: string;
  /** panel open (this tab) */
  o?: boolean;
  /** the case is with the team: the launcher shows a marker before any request */
  k?: boolean;
  /** when (ISO) the newest team message the shopper has seen was written */
  s?: string;
  /** the moments of this conversation already rated: "a" (answer), "h" (hand-off) */
  r?: string;
}

/** What the launcher hands the lazily loaded panel. */
export interface PanelContext {
  cfg: WidgetConfig;
  /** wrapper element inside the shadow root; the panel appends itself here */
  root: HTMLElement;
  launcher: HTMLButtonElement;
  load(): StoredState;
  save(patch: StoredState): void;
  /** asks the launcher to close the panel (updates aria-expanded, storage, focus) */
  close(): void;
  /** the launcher's markers: k = a case is with the team (remembered), n = a team reply not seen yet */
  mark(m: { k?: boolean; n?: boolean }): void;
  /** The launcher's DOM builders (dom.ts), lent so the panel chunk does not download a second copy. */
  h: typeof import("./dom").h;
  icon: typeof import("./dom").icon;
}

export interface PanelApi {
  show(focus: boolean): void;
  hide(): void;
}

/** `window.BatonChat`: the only global the widget creates. */
export interface BatonChatGlobal {
  open(): void;
  close(): void;
  toggle(): void;
  /** re-attaches the host element if a theme swapped the page body */
  attach(): void;
  /** called once by the panel chunk when it has loaded */
  _p?(mount: (ctx: PanelContext) => PanelApi): void;
}
