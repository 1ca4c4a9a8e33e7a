import { intlLocale, resolveLanguage, type Language } from "../conversation/language";
import type { Money } from "../orders/facts";
import { EMAIL_LABELS, type EmailLabels } from "./labels";

// How the team's email writes dates, times and amounts: in the shop's time zone and language, so
// "14:03" in the email is the time the admin and the team's own clock show.

/** The shop's conventions for one email (derived once per email from the case view). */
export interface EmailFormat {
  language: Language;
  /** A BCP-47 tag Intl accepts ("en-US", "de-DE", or the shop's own "en-GB"). */
  locale: string;
  /** An IANA zone Intl accepts ("America/New_York"); UTC when the shop's is unknown or invalid. */
  timeZone: string;
  labels: EmailLabels;
}

// Checking a zone builds an Intl.DateTimeFormat (~0.7 % of the chat worker when done per case email): once per
// zone name, bounded (a shop has one; the bound only guards against junk from a bad row).
const checkedZones = new Map<string, string>();
const MAX_CHECKED_ZONES = 512;

function validTimeZone(raw: string | null | undefined): string {
  if (!raw) return "UTC";
  const known = checkedZones.get(raw);
  if (known !== undefined) return known;
  let zone = "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: raw });
    zone = raw;
  } catch {
    // an unknown zone formats in UTC
  }
  if (checkedZones.size < MAX_CHECKED_ZONES) checkedZones.set(raw, zone);
  return zone;
}

// The shop's own regional variant ("en-GB": 24-hour clock, day first) when its language is one we
// write; otherwise the language's usual one.
function intlTag(raw: string | null | undefined, language: Language): string {
  try {
    const tag = raw ? Intl.getCanonicalLocales(raw.trim())[0] : undefined;
    if (tag && resolveLanguage(tag) === language && tag.includes("-")) return tag;
  } catch {
    // An invalid tag: the language's default below.
  }
  return intlLocale(language);
}

/** The email format of a shop: its language (en, es, fr, de; others read English) and time zone. */
export function emailFormat(shop: { locale?: string | null; timeZone?: string | null }): EmailFormat {
  const language = resolveLanguage(shop.locale);
  return { language, locale: intlTag(shop.locale, language), timeZone: validTimeZone(shop.timeZone), labels: EMAIL_LABELS[language] };
}

function toDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

// Intl formatters are costly to build and an email formats dozens of dates: one per format and kind.
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(f: EmailFormat, kind: "day" | "time"): Intl.DateTimeFormat {
  const key = `${kind}|${f.locale}|${f.timeZone}`;
  let fmt = cache.get(key);
  if (!fmt) {
    const day = { year: "numeric", month: "short", day: "numeric" } as const;
    fmt = new Intl.DateTimeFormat(f.locale, {
      timeZone: f.timeZone,
      ...day,
      ...(kind === "time" ? ({ hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const) : {}),
    });
    if (cache.size > 200) cache.clear();
    cache.set(key, fmt);
  }
  return fmt;
}

/** "Feb 20, 2026" (or "20 févr. 2026") on the shop's calendar; "" for a missing or bad date. */
export function formatDayIn(iso: string | null | undefined, f: EmailFormat): string {
  const d = toDate(iso);
  return d ? formatter(f, "day").format(d) : "";
}

/** "Feb 21, 2026, 9:03 AM EST" (or "21. Feb. 2026, 15:03 MEZ"): the shop's clock and zone. */
export function formatTimestampIn(iso: string | null | undefined, f: EmailFormat): string {
  const d = toDate(iso);
  return d ? formatter(f, "time").format(d) : "";
}

/** "$74.50" (or "74,50 $US"); the raw amount and code when Intl cannot read them; "" when unknown. */
export function formatMoneyIn(money: Money | null | undefined, f: EmailFormat): string {
  if (!money) return "";
  const n = Number(money.amount);
  try {
    if (Number.isFinite(n)) return new Intl.NumberFormat(f.locale, { style: "currency", currency: money.currencyCode }).format(n);
  } catch {
    // An unknown currency code: written as it came below.
  }
  return `${money.amount} ${money.currencyCode}`.trim();
}

/** A Shopify status enum in the email's words; unknown values title-cased ("ON_HOLD" → "On hold"). */
export function statusWord(words: Record<string, string>, status: string | null | undefined, unknown: string): string {
  if (!status) return unknown;
  const known = words[status];
  if (known) return known;
  const plain = status.toLowerCase().replace(/_/g, " ").trim();
  return plain ? plain[0]!.toUpperCase() + plain.slice(1) : unknown;
}
