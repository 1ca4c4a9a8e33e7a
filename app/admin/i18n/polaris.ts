import de from "@shopify/polaris/locales/de.json";
import en from "@shopify/polaris/locales/en.json";
import es from "@shopify/polaris/locales/es.json";
import fr from "@shopify/polaris/locales/fr.json";
import { adminLanguage } from "./languages";

const POLARIS = { en, es, fr, de };

/** Polaris' own component strings (pagination, close buttons…) in the admin's language. */
export function polarisTranslations(locale: string | null | undefined): typeof en {
  return POLARIS[adminLanguage(locale)];
}
