export type { CatalogueSource, ProductFacts, ProductQuery, ProductVariantFacts } from "./ports";
