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

/** Dates (UTC, so an order reads the same everywhere) and money in the language's conventions. */
export function formatFor(lang: Language): Format {
  const locale = intlLocale(lang);
  const day = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const list = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  return {
    list: (items) => list.format(items),
    // An unparseable date (an odd Admin value) says nothing rather than failing the turn.
    day: (iso) => (Number.isNaN(Date.parse(iso)) ? "" : day.format(new Date(iso))),
    money: (m) => {
      const amount = Number(m.amount);
      if (!Number.isFinite(amount) || !/^[A-Z]{3}$/.test(m.currencyCode)) return `${m.amount} ${m.currencyCode}`.trim();
      return new Intl.NumberFormat(locale, { style: "currency", currency: m.currencyCode }).format(amount);
    },
  };
}
