import { authenticate } from "~/shopify.server";
import { db } from "~/db.server";
import { jsonError } from "./http.server";
import { forgetShopContext, loadShopContext } from "./shop-context.server";

export type StorefrontAuth =
  | { ok: true; shop: string; customerId: string | null; accessToken: string | undefined }
  | { ok: false; response: Response };

/**
 * Verifies Shopify's App Proxy signature (HMAC over the query, ±90 s timestamp) with the library,
 * and returns the shop and the signed `logged_in_customer_id` — the only customer identity trusted.
 */
export async function verifyStorefrontRequest(request: Request): Promise<StorefrontAuth> {
  const url = new URL(request.url);
  if (!url.searchParams.get("signature") || !url.searchParams.get("shop")) {
    return { ok: false, response: jsonError(401, "invalid_signature", "Missing App Proxy signature.") };
  }
  let session: { accessToken?: string } | undefined;
  try {
    ({ session } = await authenticate.public.appProxy(request));
  } catch (thrown) {
    if (thrown instanceof Response) {
      return { ok: false, response: jsonError(401, "invalid_signature", "The App Proxy signature is invalid or expired.") };
    }
    throw thrown;
  }
  const shop = url.searchParams.get("shop")!;
  // Shopify may install the app before our afterAuth hook ran; a valid session means installed.
  if (session && !(await loadShopContext(db(), shop))) {
    const existing = await db().shop.findUnique({ where: { domain: shop }, select: { uninstalledAt: true } });
    if (!existing) {
      await db().shop.upsert({ where: { domain: shop }, create: { domain: shop }, update: {} });
      forgetShopContext(shop);
    }
  }
  const customerId = url.searchParams.get("logged_in_customer_id")?.trim() || null;
  return { ok: true, shop, customerId: customerId && /^\d{1,20}$/.test(customerId) ? customerId : null, accessToken: session?.accessToken };
}
