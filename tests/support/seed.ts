import { createDb, type Db } from "../../app/db.server";

export const TEST_ACCESS_TOKEN = "shpat_test_token";

export interface SeedShopOptions {
  domain: string;
  plan?: string;
  routing?: unknown;
  contact?: unknown;
  name?: string;
  /** Abuse caps (Shop.abuse); default: none stored, so the shop runs on the defaults. */
  abuse?: unknown;
}

/** Installs a shop as OAuth would: a Shop row with settings and an offline session. */
export async function seedShop(databaseUrl: string, o: SeedShopOptions): Promise<void> {
  const db: Db = createDb(databaseUrl);
  try {
    await db.shop.upsert({
      where: { domain: o.domain },
      create: {
        domain: o.domain,
        name: o.name ?? "Test Goods",
        plan: o.plan ?? "growth",
        routing: (o.routing ?? { defaultTo: ["support@test-goods.example"], ccUrgent: ["lead@test-goods.example"], routes: [] }) as object,
        contact: (o.contact ?? { email: "help@test-goods.example", phone: "+1 555 0100" }) as object,
        ...(o.abuse ? { abuse: o.abuse as object } : {}),
      },
      update: {},
    });
    await db.session.upsert({
      where: { id: `offline_${o.domain}` },
      create: {
        id: `offline_${o.domain}`,
        shop: o.domain,
        state: "x",
        isOnline: false,
        accessToken: TEST_ACCESS_TOKEN,
        scope: "read_orders,read_customers,read_legal_policies,read_products,read_inventory,read_translations,write_app_proxy",
      },
      update: {},
    });
  } finally {
    await db.$disconnect();
  }
}
