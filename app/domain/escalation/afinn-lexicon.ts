import languageProcessor from "sentiment/lib/language-processor";

// The AFINN-165 lexicon (plus emoji) that ships with the `sentiment` package. Read through the
// package's own loader: importing labels.json directly breaks under tsx, which turns every JSON
// key into a named export and chokes on keys such as "true".

/** AFINN word → valence (-5..5). */
export const AFINN: Readonly<Record<string, number>> = languageProcessor.getLabels("en");
