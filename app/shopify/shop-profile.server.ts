import type { Db } from "~/db.server";
import { SHOP_PROFILE_QUERY } from "./admin-api/queries";
import { logger } from "~/platform/logger.server";

const log = logger.child({ capability: "shopify" });

/** The part of the Admin GraphQL client `afterAuth` gets that this needs. */
export interface AdminGraphql {
  graphql(query: string): Promise<Response>;
}

/**
 * Stores the shop's name, currency and time zone (the admin shows amounts and dates in them).
 * Best effort: a failed read keeps the previous values, because install must not fail over it.
 */
export async function syncShopProfile(db: Db, shop: string, admin: AdminGraphql): Promise<void> {
  try {
    const res = await admin.graphql(SHOP_PROFILE_QUERY);
    const body = (await res.json()) as { data?: { shop?: { name?: string; currencyCode?: string; ianaTimezone?: string } } };
    const s = body.data?.shop;
    if (!s) return;
    await db.shop.update({
      where: { domain: shop },
      data: {
        ...(s.name ? { name: s.name } : {}),
        ...(s.currencyCode ? { currencyCode: s.currencyCode } : {}),
        ...(s.ianaTimezone ? { ianaTimezone: s.ianaTimezone } : {}),
      },
    });
  } catch (error) {
    log.warn({ shop, err: error }, "shop profile not read");
  }
}
