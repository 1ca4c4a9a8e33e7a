import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { authenticateWebhookOr400 } from "~/platform/http.server";
import { handleComplianceWebhook } from "~/shopify/compliance.server";
import { authenticate, complianceHooks } from "~/shopify.server";

// Mandatory compliance topics (customers/data_request, customers/redact, shop/redact).
// authenticate.webhook answers 401 for a bad HMAC (405 for another method) before we see the payload.
export async function action({ request }: ActionFunctionArgs) {
  const auth = await authenticateWebhookOr400(request, authenticate.webhook);
  if (auth instanceof Response) return auth;
  const { topic, shop, webhookId, payload } = auth;
  await handleComplianceWebhook(db(), { topic, shop, webhookId, payload }, complianceHooks);
  return new Response(null, { status: 200 });
}

// Only Shopify's POSTs are meaningful here; anything else is a 405, not a Remix 405 page.
export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });
