import { BoundedMemo } from "../../bounded-memo";
import { intlLocale, type Language } from "../language";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import type { Format, ReplyCatalog } from "./types";

export type { ContactFacts, Format, OrderListEntry, ProductLine, ReplyCatalog, VariantStock } from "./types";

const CATALOGS: Record<Language, ReplyCatalog> = { en, es, fr, de };

/** The built-in engine's texts in a language. */
export function repliesFor(lang: Language): ReplyCatalog {
  return CATALOGS[lang];
}

// Intl formatters are costly to build (perf issue 29: 3.7 % of a turn's samples) and immutable:
// one per language, and one money formatter per (language, currency) up to a bound.
const FORMATS = new Map<Language, Format>();
const MONEY = new Map<string, Intl.NumberFormat>();
const MONEY_LIMIT = 64;
const DAYS_LIMIT = 1_024;

/** Dates (UTC, so an order reads the same everywhere) and money in the language's conventions. */
export function formatFor(lang: Language): Format {
  const cached = FORMATS.get(lang);
  if (cached) return cached;
  const locale = intlLocale(lang);
  const day = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const list = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  const days = new BoundedMemo<string, string>(DAYS_LIMIT);
  const format: Format = {
    list: (items) => list.format(items),
    // An unparseable date (an odd Admin value) says nothing rather than failing the turn. An order's
    // dates are quoted again on every turn about it: each text is formatted once (bounded).
    day: (iso) => days.remember(iso, () => (Number.isNaN(Date.parse(iso)) ? "" : day.format(new Date(iso)))),
    money: (m) => {
      const amount = Number(m.amount);
      if (!Number.isFinite(amount) || !/^[A-Z]{3}$/.test(m.currencyCode)) return `${m.amount} ${m.currencyCode}`.trim();
      return moneyFormat(locale, m.currencyCode).format(amount);
    },
  };
  FORMATS.set(lang, format);
  return format;
}

function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale} ${currency}`;
  let f = MONEY.get(key);
  if (!f) {
    // Currency codes come from order data: bounded, the oldest formatter goes first.
    if (MONEY.size >= MONEY_LIMIT) MONEY.delete(MONEY.keys().next().value!);
    f = new Intl.NumberFormat(locale, { style: "currency", currency });
    MONEY.set(key, f);
  }
  return f;
}
