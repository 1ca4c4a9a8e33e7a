export type { CatalogueSource, ProductFacts, ProductVariantFacts } from "./ports";
