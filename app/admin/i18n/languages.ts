// The admin's languages. Shopify passes the merchant's admin language as `locale` on the embedded
// app's URL (e.g. "es", "fr-CA", "pt-BR"); the admin speaks its language when it is one of ours and
// US English otherwise. Dates and numbers keep the full locale (Intl), so "fr-CA" reads French
// words with Canadian dates.

export const ADMIN_LANGUAGES = ["en", "es", "fr", "de"] as const;
export type AdminLanguage = (typeof ADMIN_LANGUAGES)[number];

/** The admin language for a BCP 47 locale: its primary language when we have it, else English. */
export function adminLanguage(locale: string | null | undefined): AdminLanguage {
  const primary = (locale ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return (ADMIN_LANGUAGES as readonly string[]).includes(primary ?? "") ? (primary as AdminLanguage) : "en";
}
