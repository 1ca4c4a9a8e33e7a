import { legacyId } from "~/domain/orders";

export interface AdminLinkConfig {
  /** SHOPIFY_APP_URL: the demo's admin lives there, and its host names our Message-IDs. */
  appUrl: string;
  /** SHOPIFY_API_KEY: the app's handle in Shopify admin URLs. */
  apiKey: string;
  /** The local demo links to its own admin instead of Shopify admin. */
  demo: boolean;
}

export interface AdminLinks {
  /** Link to a case in the Baton admin: inside Shopify admin for real shops, local in the demo. */
  adminCaseUrl(shop: string, caseId: string): string;
  /** Domain used on the right of Message-IDs ("<case-…@baton.example.com>"). */
  messageIdDomain(): string;
}

/** The admin links of this deployment (built once by the composition root). */
export function createAdminLinks(config: AdminLinkConfig): AdminLinks {
  const domain = new URL(config.appUrl).hostname || "baton.local";
  return {
    adminCaseUrl(shop, caseId) {
      if (config.demo) return `${config.appUrl}/app/cases/${encodeURIComponent(caseId)}`;
      const store = shop.replace(/\.myshopify\.com$/, "");
      return `https://admin.shopify.com/store/${encodeURIComponent(store)}/apps/${encodeURIComponent(config.apiKey)}/app/cases/${encodeURIComponent(caseId)}`;
    },
    messageIdDomain: () => domain,
  };
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
