import type { Db } from "~/db.server";
import { localeFromAcceptLanguage, safeCurrency, safeTimeZone, type ShopFormat } from "./format";

/**
 * The shop's currency and time zone (stored on install from the Admin API) with the merchant's
 * locale: Shopify's `locale` on the embedded URL, else the browser's Accept-Language (Shopify adds
 * `locale` only to document requests, so the browser keeps the first one: see useAdminLayout).
 */
export async function loadShopFormat(db: Db, shop: string, request: Request): Promise<ShopFormat> {
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { currencyCode: true, ianaTimezone: true } });
  const fromShopify = new URL(request.url).searchParams.get("locale");
  return {
    locale: localeFromAcceptLanguage(fromShopify ?? request.headers.get("accept-language")),
    localeSource: fromShopify ? "shopify" : "browser",
    timeZone: safeTimeZone(row?.ianaTimezone),
    currency: safeCurrency(row?.currencyCode),
  };
}
