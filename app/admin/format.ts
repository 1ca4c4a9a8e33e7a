// How the admin shows amounts, dates and languages: in the shop's currency and time zone and the
// merchant's locale, the same on the server render and in the browser (the locale and zone are
// decided by the loader and passed down, so hydration never disagrees with the server).

export interface ShopFormat {
  /** BCP 47 locale of the merchant's admin ("en-US") */
  locale: string;
  /** IANA time zone of the shop ("America/New_York") */
  timeZone: string;
  /** ISO 4217 currency of the shop ("USD") */
  currency: string;
  /**
   * Where the locale came from: Shopify's `locale` on the embedded URL (the merchant's admin
   * language), or the browser's Accept-Language when the request had none (client navigations).
   */
  localeSource?: "shopify" | "browser";
}

export const DEFAULT_FORMAT: ShopFormat = { locale: "en-US", timeZone: "UTC", currency: "USD" };

/** A locale Intl accepts, or the default. */
export function safeLocale(raw: string | null | undefined): string {
  if (!raw) return DEFAULT_FORMAT.locale;
  try {
    return Intl.getCanonicalLocales(raw.trim())[0] ?? DEFAULT_FORMAT.locale;
  } catch {
    return DEFAULT_FORMAT.locale;
  }
}

/** An IANA time zone Intl accepts, or UTC. */
export function safeTimeZone(raw: string | null | undefined): string {
  if (!raw) return "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: raw });
    return raw;
  } catch {
    return "UTC";
  }
}

/** A three-letter currency Intl accepts, or USD. */
export function safeCurrency(raw: string | null | undefined): string {
  if (!raw || !/^[A-Z]{3}$/.test(raw)) return "USD";
  try {
    new Intl.NumberFormat("en-US", { style: "currency", currency: raw });
    return raw;
  } catch {
    return "USD";
  }
}

/** The first usable language of an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): string {
  const first = (header ?? "").split(",")[0]?.split(";")[0]?.trim();
  return safeLocale(first && first !== "*" ? first : null);
}

export interface Formatters {
  number(value: number): string;
  percent(ratio: number, digits?: number): string;
  /** An amount in the shop's currency (or the given one, for order totals) */
  money(amount: number | string, currency?: string): string;
  /** The currency's symbol in this locale ("$", "€", "CA$") */
  currencySymbol(): string;
  /** "Dec 3, 2026" in the shop's time zone */
  date(iso: string | Date): string;
  /** "Dec 3, 2026, 2:05 PM" in the shop's time zone */
  dateTime(iso: string | Date): string;
  /** "December 2026" for a usage period "2026-12", in the merchant's language */
  month(period: string): string;
  /** Short name of the shop's zone ("EST", "UTC") for captions */
  zoneName(): string;
  /** "Spanish" for "es", in the merchant's language */
  language(code: string): string;
  /** "2.5 min" */
  duration(seconds: number | null): string;
}

/** Formatters for one shop and merchant locale. */
export function makeFormatters(f: ShopFormat): Formatters {
  const { locale, timeZone, currency } = f;
  const num = new Intl.NumberFormat(locale);
  const day = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium" });
  const dayTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium", timeStyle: "short" });
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: "language" });
  } catch {
    names = null;
  }
  const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));
  return {
    number: (v) => num.format(v),
    percent: (r, digits = 1) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(r),
    money: (amount, cur = currency) => {
      const n = typeof amount === "number" ? amount : Number(amount);
      if (!Number.isFinite(n)) return String(amount);
      return new Intl.NumberFormat(locale, { style: "currency", currency: safeCurrency(cur) }).format(n);
    },
    currencySymbol: () => new Intl.NumberFormat(locale, { style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency")?.value ?? currency,
    date: (v) => day.format(toDate(v)),
    dateTime: (v) => dayTime.format(toDate(v)),
    // Mid-month at noon UTC: no time zone moves it into another month. Capitalised as a heading ("Diciembre de 2026").
    month: (period) => {
      const name = new Intl.DateTimeFormat(locale, { timeZone, month: "long", year: "numeric" }).format(new Date(`${period}-15T12:00:00Z`));
      return name[0]!.toLocaleUpperCase(locale) + name.slice(1);
    },
    zoneName: () =>
      new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName")?.value ?? timeZone,
    language: (code) => {
      const name = names?.of(code);
      return name ? name[0]!.toLocaleUpperCase(locale) + name.slice(1) : code;
    },
    duration: (s) => {
      if (s === null) return "—";
      if (s < 90) return `${Math.round(s)} s`;
      if (s < 5400) return `${num.format(Math.round(s / 6) / 10)} min`;
      return `${num.format(Math.round(s / 360) / 10)} h`;
    },
  };
}

/** yyyy-mm-dd of a moment in a time zone (for date pickers and day ranges). */
export function dayInZone(moment: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(moment);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The UTC instant at which local day `yyyy-mm-dd` starts in `timeZone`. */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00.000Z`);
  // Offset of the zone at that moment, found by formatting; twice to settle across DST changes.
  let guess = utcMidnight;
  for (let i = 0; i < 2; i++) {
    const local = Date.parse(`${dayInZone(new Date(guess), timeZone)}T${timeOfDay(new Date(guess), timeZone)}.000Z`);
    guess = utcMidnight - (local - guess);
  }
  return new Date(guess);
}

function timeOfDay(moment: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).formatToParts(moment);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  return `${get("hour")}:${get("minute")}:${get("second")}`;
}
