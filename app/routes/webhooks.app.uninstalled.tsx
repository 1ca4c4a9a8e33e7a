import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { authenticate, cachedSessionStorage } from "~/shopify.server";

// app/uninstalled: drop the shop's sessions and mark it uninstalled (the widget then answers
// "unavailable"). Idempotent: a repeated delivery changes nothing.
export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await authenticate.webhook(request);
  await db().session.deleteMany({ where: { shop } });
  cachedSessionStorage.forgetShop(shop);
  await db().shop.updateMany({ where: { domain: shop, uninstalledAt: null }, data: { uninstalledAt: new Date() } });
  return new Response(null, { status: 200 });
}
