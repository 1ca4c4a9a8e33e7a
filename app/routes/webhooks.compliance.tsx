import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";
import { handleComplianceWebhook } from "~/services/compliance.server";

// Mandatory compliance topics (customers/data_request, customers/redact, shop/redact).
// authenticate.webhook answers 401 for a bad HMAC before we see the payload.
export async function action({ request }: ActionFunctionArgs) {
  const { topic, shop, payload } = await authenticate.webhook(request);
  await handleComplianceWebhook(topic, shop, payload as Record<string, unknown>);
  return new Response(null, { status: 200 });
}
