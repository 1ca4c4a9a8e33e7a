import { getEnv } from "~/env.server";
import { createAdminLinks, type AdminLinks } from "~/shopify/admin-links.server";

/**
 * The admin links a saved turn puts in its case email, built from the configuration. The chat
 * capability still reads getEnv() itself (allowed under app/chat until it receives its
 * configuration from the composition root like the other capabilities).
 */
let links: AdminLinks | undefined;

function adminLinks(): AdminLinks {
  const env = getEnv();
  links ??= createAdminLinks({ appUrl: env.shopifyAppUrl, apiKey: env.shopifyApiKey, demo: env.demo.enabled });
  return links;
}

export function adminCaseUrl(shop: string, caseId: string): string {
  return adminLinks().adminCaseUrl(shop, caseId);
}

export function messageIdDomain(): string {
  return adminLinks().messageIdDomain();
}
