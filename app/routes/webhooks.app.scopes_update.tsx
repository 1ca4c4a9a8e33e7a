import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { authenticate } from "~/shopify.server";

// app/scopes_update: keep the stored sessions' scope in step with what the merchant granted.
export async function action({ request }: ActionFunctionArgs) {
  const { payload, session } = await authenticate.webhook(request);
  const current = (payload as { current?: unknown }).current;
  if (session && Array.isArray(current)) {
    await db().session.update({ where: { id: session.id }, data: { scope: current.map(String).join(",") } });
  }
  return new Response(null, { status: 200 });
}
