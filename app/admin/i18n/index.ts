import { de } from "./de";
import { en, type AdminMessages } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { adminLanguage, type AdminLanguage } from "./languages";

export { adminLanguage, ADMIN_LANGUAGES, type AdminLanguage } from "./languages";
export type { AdminMessages } from "./en";

const CATALOGUES: Record<AdminLanguage, AdminMessages> = { en, es, fr, de };

/** The admin's words for a merchant locale ("es-MX" → Spanish; a language we lack → English). */
export function adminMessages(locale: string | null | undefined): AdminMessages {
  return CATALOGUES[adminLanguage(locale)];
}
