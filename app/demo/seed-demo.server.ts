import type { Db } from "~/db.server";
import { DEMO_POLICIES, DEMO_SHOP } from "./catalogue";

/**
 * Seeds the demo shop (only ever called by the demo launcher): settings with a routing matrix, a
 * paid plan so escalation emails flow, and an offline session so App Proxy authentication finds
 * an installed shop exactly as in production.
 */
export async function seedDemoShop(client: Db, options: { scopes: string[] }): Promise<void> {
  const settings = {
    name: DEMO_POLICIES.shop.name,
    plan: "growth",
    uninstalledAt: null,
    // A zone other than UTC, so the demo shows the admin's dates in the shop's own time.
    currencyCode: "USD",
    ianaTimezone: "America/New_York",
    routing: {
      defaultTo: ["support@baton-demo.example"],
      fromName: "Baton Demo Goods support",
      ccUrgent: ["lead@baton-demo.example"],
      routes: [
        { id: "refunds", when: { topic: "refund" }, to: ["billing@baton-demo.example"], cc: [] },
        { id: "shipping", when: { topic: "shipping" }, to: ["ops@baton-demo.example"], cc: [] },
      ],
    },
    contact: { email: "support@baton-demo.example", phone: "+1 555 0100", url: null },
  };
  await client.shop.upsert({ where: { domain: DEMO_SHOP }, create: { domain: DEMO_SHOP, ...settings }, update: {} });
  await client.session.upsert({
    where: { id: `offline_${DEMO_SHOP}` },
    create: {
      id: `offline_${DEMO_SHOP}`,
      shop: DEMO_SHOP,
      state: "demo",
      isOnline: false,
      scope: options.scopes.join(","),
      accessToken: "demo-offline-token",
    },
    update: {},
  });
}
