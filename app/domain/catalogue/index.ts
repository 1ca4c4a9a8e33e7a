export type { CatalogueSource, ProductFacts, ProductQuery, ProductTranslation, ProductVariantFacts } from "./ports";
export { indexProducts, inLanguage, productByHandle, search, type ProductIndex } from "./product-index";
export { fold, tokens } from "./words";
