import { appConfig, authenticate } from "~/shopify.server";
import type { AdminGraphql } from "~/shopify/shop-profile.server";

export interface AdminContext {
  shop: string;
  /** True only in the local demo, where there is no Shopify admin to embed in. */
  demo: boolean;
  /** The embedded admin's Admin GraphQL client; absent in the demo, which has no Shopify to call. */
  admin?: AdminGraphql;
}

/**
 * Every admin loader/action starts here: `authenticate.admin` (session token / OAuth) in a real
 * deployment; the local demo (never production, see env.server.ts) uses the demo shop's session.
 */
export async function requireAdmin(request: Request): Promise<AdminContext> {
  if (appConfig.demo) return { shop: appConfig.demo.shop, demo: true };
  const { session, admin } = await authenticate.admin(request);
  return { shop: session.shop, demo: false, admin };
}
