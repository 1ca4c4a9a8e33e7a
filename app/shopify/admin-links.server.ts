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

// Shopify admin links to orders and customers are pure (the case email builds them too).
export { shopifyAdminResourceUrl } from "~/domain/email/shopify-admin-url";
