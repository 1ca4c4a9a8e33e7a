import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { markShopUninstalled } from "~/shopify/compliance.server";
import { authenticateWebhookOr400 } from "~/platform/http.server";
import { authenticate, complianceHooks } from "~/shopify.server";

// app/uninstalled: drop the shop's sessions and mark it uninstalled (the widget then answers
// "unavailable"). Idempotent: a repeated delivery changes nothing.
export async function action({ request }: ActionFunctionArgs) {
  const auth = await authenticateWebhookOr400(request, authenticate.webhook);
  if (auth instanceof Response) return auth;
  await markShopUninstalled(db(), auth.shop, complianceHooks, new Date());
  return new Response(null, { status: 200 });
}

export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });
