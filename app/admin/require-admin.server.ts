import { appConfig, authenticate } from "~/shopify.server";

export interface AdminContext {
  shop: string;
  /** True only in the local demo, where there is no Shopify admin to embed in. */
  demo: boolean;
}

/**
 * Every admin loader/action starts here: `authenticate.admin` (session token / OAuth) in a real
 * deployment; the local demo (never production, see env.server.ts) uses the demo shop's session.
 */
export async function requireAdmin(request: Request): Promise<AdminContext> {
  if (appConfig.demo) return { shop: appConfig.demo.shop, demo: true };
  const { session } = await authenticate.admin(request);
  return { shop: session.shop, demo: false };
}
