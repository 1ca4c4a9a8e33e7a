import { db } from "~/db.server";
import { cachedSessionStorage, chatConfig, offlineTokenFor } from "~/shopify.server";
import { verifyAppProxyQuery } from "./app-proxy-signature.server";
import { errorAnswer, type Answer } from "../platform/http.server";
import { forgetShopContext, loadShopContext, type ShopContext } from "./shop-context.server";
import { logger } from "~/platform/logger.server";

const log = logger.child({ capability: "chat" });

export type StorefrontAuth =
  | {
      ok: true;
      shop: string;
      customerId: string | null;
      accessToken: string | undefined;
      /** The installed shop's settings, read once here for the whole request (null: not installed). */
      shopContext: ShopContext | null;
    }
  | { ok: false; answer: Answer };

/**
 * Verifies Shopify's App Proxy signature (HMAC over the query, ±90 s timestamp) and returns the
 * shop, its offline access token and the signed `logged_in_customer_id` — the only customer
 * identity trusted. Same rules as the library's `authenticate.public.appProxy`, without building
 * Admin and Storefront API clients on every storefront message (this is the chat's hot path).
 */
export async function verifyStorefrontRequest(query: URLSearchParams): Promise<StorefrontAuth> {
  const verdict = verifyAppProxyQuery(query, chatConfig.appSecret, Math.floor(Date.now() / 1000));
  if (!verdict.ok) {
    const message = verdict.reason === "missing" ? "Missing App Proxy signature." : "The App Proxy signature is invalid or expired.";
    return { ok: false, answer: errorAnswer(401, "invalid_signature", message) };
  }
  const { shop } = verdict;
  const session = await cachedSessionStorage.loadSession(`offline_${shop}`);
  let shopContext = await loadShopContext(db(), shop);
  // Shopify may install the app before our afterAuth hook ran; a valid session means installed.
  if (session && !shopContext) {
    const existing = await db().shop.findUnique({ where: { domain: shop }, select: { uninstalledAt: true } });
    if (!existing) {
      await db().shop.upsert({ where: { domain: shop }, create: { domain: shop }, update: {} });
      forgetShopContext(shop);
      shopContext = await loadShopContext(db(), shop);
    }
  }
  // An expiring offline token is renewed here; if that fails the lookup is unavailable and the
  // shopper hears "I can't look up orders right now" (the merchant sees a banner in the admin).
  const accessToken = session
    ? await offlineTokenFor(shop).catch((error: unknown) => {
        log.warn({ shop, err: (error as Error).message }, "Admin API token unavailable");
        return undefined;
      })
    : undefined;
  return { ok: true, shop, customerId: verdict.loggedInCustomerId, accessToken, shopContext };
}
