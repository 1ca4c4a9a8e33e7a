// Types for the `sentiment` package's internal language loader (not covered by @types/sentiment).
declare module "sentiment/lib/language-processor" {
  const languageProcessor: { getLabels(languageCode: string): Record<string, number> };
  export default languageProcessor;
}
