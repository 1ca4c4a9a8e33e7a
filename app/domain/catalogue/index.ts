export type { CatalogueSource, ProductFacts, ProductQuery, ProductVariantFacts } from "./ports";
export { indexProducts, productByHandle, search, type ProductIndex } from "./product-index";
export { fold, tokens } from "./words";
