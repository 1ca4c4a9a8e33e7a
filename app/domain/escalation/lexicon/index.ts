// Every language's lexicon, in the order their words join a pattern (English first, so a shared
// pattern tries English words before the others). To add a language: write `<code>.ts` with the
// slots of `Lexicon` it has words for, add it here and to DETECTOR_LANGUAGES in ../settings.ts.
import type { DetectorLanguage } from "../settings";
import { DE } from "./de";
import { EN } from "./en";
import { ES } from "./es";
import { FR } from "./fr";
import { IT } from "./it";
import type { Lexicon } from "./lexicon";
import { NL } from "./nl";
import { PT } from "./pt";

export type { Lexicon } from "./lexicon";
export { either, oneOf, wordsPattern } from "./compile";

export const LEXICONS: Readonly<Record<DetectorLanguage, Lexicon>> = { en: EN, es: ES, fr: FR, de: DE, it: IT, pt: PT, nl: NL };

/** One slot's entries from every language, English first. */
export function gather<T>(pick: (lexicon: Lexicon) => readonly T[] | undefined): T[] {
  return Object.values(LEXICONS).flatMap((lexicon) => pick(lexicon) ?? []);
}
