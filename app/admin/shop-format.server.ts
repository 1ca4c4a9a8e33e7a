import type { Db } from "~/db.server";
import { localeFromAcceptLanguage, safeCurrency, safeTimeZone, type ShopFormat } from "./format";

/**
 * The shop's currency and time zone (stored on install from the Admin API) with the merchant's
 * locale from the browser's Accept-Language: the admin has no other per-user locale we can trust
 * on every navigation (Shopify adds `locale` only to the first embedded request).
 */
export async function loadShopFormat(db: Db, shop: string, request: Request): Promise<ShopFormat> {
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { currencyCode: true, ianaTimezone: true } });
  const url = new URL(request.url);
  return {
    locale: localeFromAcceptLanguage(url.searchParams.get("locale") ?? request.headers.get("accept-language")),
    timeZone: safeTimeZone(row?.ianaTimezone),
    currency: safeCurrency(row?.currencyCode),
  };
}
