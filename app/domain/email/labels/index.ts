import type { Language } from "../../conversation/language";
import { DE } from "./de";
import { EN } from "./en";
import { ES } from "./es";
import { FR } from "./fr";
import type { EmailLabels } from "./types";

export type { EmailLabels } from "./types";

/** The team email's words in each language the shop can be set to (others read English). */
export const EMAIL_LABELS: Record<Language, EmailLabels> = { en: EN, es: ES, fr: FR, de: DE };
