import { z } from "zod";
import type { Db } from "~/db.server";
import { parseRoutingSettings } from "~/domain/routing";
import { SHOP_PROFILE_QUERY } from "./admin-api/queries";
import { logger } from "~/platform/logger.server";

const log = logger.child({ capability: "shopify" });

/** The part of the Admin GraphQL client `afterAuth` (and `authenticate.admin`) gets that this needs. */
export interface AdminGraphql {
  graphql(query: string): Promise<Response>;
}

interface ShopProfile {
  name?: string;
  currencyCode?: string;
  ianaTimezone?: string;
  contactEmail?: string | null;
  primaryDomain?: { localization?: { defaultLocale?: string | null } | null } | null;
}

// A BCP-47 tag as Shopify writes locales ("en", "pt-BR", "zh-CN"); anything else is not stored.
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const email = z.string().trim().pipe(z.email());

async function readShopProfile(admin: AdminGraphql): Promise<ShopProfile | undefined> {
  const res = await admin.graphql(SHOP_PROFILE_QUERY);
  const body = (await res.json()) as { data?: { shop?: ShopProfile } };
  return body.data?.shop;
}

/**
 * Stores the shop's name, currency, time zone and language (the admin shows amounts and dates in
 * them; case emails are written in the language and zone), and
 * prefills an empty escalation recipient with the shop's contact email, so a new install hands
 * cases to someone before the merchant opens Settings (where the address stays editable).
 * Best effort: a failed read keeps the previous values, because install must not fail over it.
 */
/** Called after a shop's stored settings changed (the composition root passes the chat's cache reset). */
export type ShopChanged = (shop: string) => void;

export async function syncShopProfile(db: Db, shop: string, admin: AdminGraphql, changed: ShopChanged): Promise<void> {
  try {
    const s = await readShopProfile(admin);
    if (!s) return;
    const locale = s.primaryDomain?.localization?.defaultLocale?.trim();
    await db.shop.update({
      where: { domain: shop },
      data: {
        ...(s.name ? { name: s.name } : {}),
        ...(s.currencyCode ? { currencyCode: s.currencyCode } : {}),
        ...(s.ianaTimezone ? { ianaTimezone: s.ianaTimezone } : {}),
        ...(locale && LOCALE.test(locale) ? { locale } : {}),
      },
    });
    await prefillRecipient(db, shop, s.contactEmail, changed);
  } catch (error) {
    log.warn({ shop, err: error }, "shop profile not read");
  }
}

/**
 * For shops installed before install prefilled the recipient: when the escalation recipient is
 * still empty, reads the shop's contact email and stores it. Costs one Admin API call only while
 * the recipient is empty; best effort like syncShopProfile.
 */
export async function prefillEmptyRecipient(db: Db, shop: string, admin: AdminGraphql, changed: ShopChanged): Promise<void> {
  try {
    if (!(await recipientIsEmpty(db, shop))) return;
    const s = await readShopProfile(admin);
    await prefillRecipient(db, shop, s?.contactEmail, changed);
  } catch (error) {
    log.warn({ shop, err: (error as Error).message }, "contact email not read");
  }
}

async function recipientIsEmpty(db: Db, shop: string): Promise<boolean> {
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { routing: true } });
  return row !== null && parseRoutingSettings(row.routing).defaultTo.length === 0;
}

/** Sets the default recipient to the contact email, only if it is empty and the email is valid. */
async function prefillRecipient(db: Db, shop: string, contactEmail: string | null | undefined, changed: ShopChanged): Promise<void> {
  const parsed = email.safeParse(contactEmail ?? "");
  if (!parsed.success) return;
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { routing: true } });
  if (!row) return;
  const routing = parseRoutingSettings(row.routing);
  if (routing.defaultTo.length > 0) return;
  await db.shop.update({ where: { domain: shop }, data: { routing: { ...routing, defaultTo: [parsed.data] } } });
  changed(shop);
}
