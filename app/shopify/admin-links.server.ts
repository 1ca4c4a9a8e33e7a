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
