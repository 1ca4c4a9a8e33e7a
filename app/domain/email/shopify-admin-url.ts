import { legacyId } from "../orders/facts";

/**
 * An order or customer in Shopify admin (`https://admin.shopify.com/store/<handle>/orders/<id>`),
 * from the GID stored in the case's facts; null for anything that is not a numeric Shopify id of
 * that kind (a demo or foreign id never becomes a link).
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
