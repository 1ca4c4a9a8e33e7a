/** The languages the built-in engine (and the widget) speaks. */
export const LANGUAGES = ["en", "es", "fr", "de"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The reply language for a storefront locale (BCP-47: "es", "fr-CA", "de-AT", "pt-BR"). Only the
 * primary subtag matters; anything we do not ship falls back to English.
 */
export function resolveLanguage(locale: string | null | undefined): Language {
  const primary = (locale ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : "en";
}

/** The BCP-47 tag used with Intl for a language (dates and money in the shopper's conventions). */
export function intlLocale(lang: Language): string {
  return { en: "en-US", es: "es-ES", fr: "fr-FR", de: "de-DE" }[lang];
}
