import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { authenticateWebhookOr400 } from "~/platform/http.server";
import { authenticate, cachedSessionStorage } from "~/shopify.server";

// app/scopes_update: keep the stored sessions' scope in step with what the merchant granted.
// Idempotent (sets, never appends); a shop without sessions is a no-op.
export async function action({ request }: ActionFunctionArgs) {
  const auth = await authenticateWebhookOr400(request, authenticate.webhook);
  if (auth instanceof Response) return auth;
  const current = (auth.payload as { current?: unknown } | null)?.current;
  if (Array.isArray(current) && current.every((s) => typeof s === "string")) {
    await db().session.updateMany({ where: { shop: auth.shop }, data: { scope: current.join(",") } });
    cachedSessionStorage.forgetShop(auth.shop);
  }
  return new Response(null, { status: 200 });
}

export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });
