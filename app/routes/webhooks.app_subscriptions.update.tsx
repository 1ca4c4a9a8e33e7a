import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { db } from "~/db.server";
import { authenticateWebhookOr400 } from "~/platform/http.server";
import { adminGraphql } from "~/shopify/admin-api/admin-graphql.server";
import { applySubscriptionUpdate, claimBillingDelivery, type RunQuery } from "~/shopify/billing-sync.server";
import { appConfig, authenticate, offlineTokenFor } from "~/shopify.server";

const payloadSchema = z.object({ app_subscription: z.object({ name: z.string(), status: z.string(), updated_at: z.string().optional() }) });

// app_subscriptions/update: a subscription was approved, cancelled, frozen, declined or expired.
// Shop.plan follows Shopify's current billing state (read with the shop's refreshed offline token).
// A delivery already applied (its webhook id) or older than one applied (its updated_at) is
// acknowledged and ignored: with the Admin API unreachable the payload decides, and a replayed
// upgrade must not decide again; see billing-sync.server.ts.
export async function action({ request }: ActionFunctionArgs) {
  const auth = await authenticateWebhookOr400(request, authenticate.webhook);
  if (auth instanceof Response) return auth;
  const parsed = payloadSchema.safeParse(auth.payload);
  if (!parsed.success) return new Response(null, { status: 400 });
  const eventAt = validDate(parsed.data.app_subscription.updated_at) ?? validDate(request.headers.get("x-shopify-triggered-at")) ?? new Date();
  if (!(await claimBillingDelivery(db(), auth.shop, { webhookId: auth.webhookId, eventAt }))) return new Response(null, { status: 200 });
  const token = await offlineTokenFor(auth.shop).catch(() => undefined);
  const run: RunQuery | undefined = token
    ? (query) => adminGraphql({ shop: auth.shop, accessToken: token, origin: appConfig.adminApiOrigin }, query).then((data) => ({ data }))
    : undefined;
  await applySubscriptionUpdate(db(), auth.shop, parsed.data.app_subscription, run, !appConfig.isProduction);
  return new Response(null, { status: 200 });
}

function validDate(value: string | null | undefined): Date | null {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms);
}

export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });
