import { indexProducts, productByHandle, search, type CatalogueSource } from "~/domain/catalogue";
import { mapAdminProduct } from "~/shopify/admin-api/map-admin-product";
import { DEMO_PRODUCTS } from "./products";

/** The demo store's products behind the CatalogueSource port, mapped and indexed like the Admin API's. */
export function createDemoCatalogueSource(): CatalogueSource {
  const index = indexProducts(DEMO_PRODUCTS.map(mapAdminProduct));
  return {
    async searchProducts(query) {
      return search(index, query);
    },
    async getProductByHandle(handle, language) {
      return productByHandle(index, handle, language);
    },
  };
}
