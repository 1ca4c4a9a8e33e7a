import type { CatalogueSource } from "~/domain/catalogue";
import { logger } from "~/platform/logger.server";
import { createCatalogueCache } from "./admin-api/admin-catalogue.server";

const log = logger.child({ capability: "shopify" });

/** This process's catalogues: one bounded cache for every shop it serves. */
const catalogues = createCatalogueCache({
  onRefreshError: (shop, error) => log.warn({ shop, err: String(error) }, "catalogue refresh failed; answering from the previous load"),
});

const unavailable: CatalogueSource = {
  searchProducts: () => Promise.reject(new Error("no Admin API access token for this shop")),
  getProductByHandle: () => Promise.reject(new Error("no Admin API access token for this shop")),
};

/** A shop's products through the Admin API with its offline token (`origin`: SHOPIFY_ADMIN_API_ORIGIN), cached per shop. */
export function adminCatalogueFor(shop: string, accessToken: string | undefined, origin: string | undefined): CatalogueSource {
  if (!accessToken) return unavailable;
  return catalogues.sourceFor({ shop, accessToken, origin, timeoutMs: 8000 });
}

/** Drops a shop's cached catalogue (uninstall). */
export function forgetShopCatalogue(shop: string): void {
  catalogues.forget(shop);
}
