import { DEMO_SHOP } from "~/demo/catalogue";
import { getEnv } from "~/env.server";
import { authenticate } from "~/shopify.server";

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
  if (getEnv().demo.enabled) return { shop: DEMO_SHOP, demo: true };
  const { session } = await authenticate.admin(request);
  return { shop: session.shop, demo: false };
}
