import { legacyId } from "~/domain/orders";
import { getEnv } from "~/env.server";

/** Link to a case in the Baton admin: inside Shopify admin for real shops, local in the demo. */
export function adminCaseUrl(shop: string, caseId: string): string {
  const env = getEnv();
  if (env.demo.enabled) return `${env.shopifyAppUrl}/app/cases/${encodeURIComponent(caseId)}`;
  const store = shop.replace(/\.myshopify\.com$/, "");
  return `https://admin.shopify.com/store/${encodeURIComponent(store)}/apps/${encodeURIComponent(env.shopifyApiKey)}/app/cases/${encodeURIComponent(caseId)}`;
}

/** Domain used on the right of Message-IDs ("<case-…@baton.example.com>"). */
export function messageIdDomain(): string {
  return new URL(getEnv().shopifyAppUrl).hostname || "baton.local";
}

/**
 * An order or customer in Shopify admin (`https://admin.shopify.com/store/<handle>/orders/<id>`),
 * from the GID stored in the case's facts; null for anything that is not a numeric Shopify id.
 */
export function shopifyAdminResourceUrl(shop: string, kind: "orders" | "customers", gid: unknown): string | null {
  if (typeof gid !== "string") return null;
  const expected = kind === "orders" ? "Order" : "Customer";
  const m = /^gid:\/\/shopify\/(\w+)\/(\d+)$/.exec(gid);
  if (m && m[1] !== expected) return null;
  const id = m ? m[2]! : /^\d+$/.test(gid) ? legacyId(gid) : null;
  if (!id) return null;
  const store = shop.replace(/\.myshopify\.com$/, "");
  return `https://admin.shopify.com/store/${encodeURIComponent(store)}/${kind}/${id}`;
}
