import { parseEscalationSettings, type EscalationSettings } from "~/domain/escalation";
import { findPlan, usagePeriod, type Plan } from "~/domain/plans";
import {
  abuseSettingsSchema,
  assistantSettingsSchema,
  contactSettingsSchema,
  parseStored,
  type AbuseSettings,
  type AssistantSettings,
  type ContactSettings,
} from "~/domain/shop-settings";
import { parseRoutingSettings, type RoutingSettings } from "~/domain/routing";
import type { Db } from "~/db.server";
import { chatStoreFor } from "./store/index.server";
import { announce, onAnnouncement } from "../platform/cluster-broadcast.server";

/** A shop's settings, parsed once per request. */
export interface ShopContext {
  domain: string;
  name: string;
  plan: Plan;
  triggers: EscalationSettings;
  assistant: AssistantSettings;
  contact: ContactSettings;
  routing: RoutingSettings;
  abuse: AbuseSettings;
  retentionDays: number;
  /** The shop's language (BCP-47) and IANA time zone: the team's case emails are written in them. */
  locale: string;
  timeZone: string;
}

const CACHE_TTL_MS = 5_000;
const cache = new Map<string, { at: number; value: ShopContext | null }>();

/**
 * The shop's parsed settings. Storefront turns read them on every message, so they are cached
 * per process for a few seconds; admin saves call `forgetShopContext` so this process and the
 * other HTTP workers of its cluster see them at once (other instances within CACHE_TTL_MS).
 */
export async function loadShopContext(db: Db, domain: string, now = Date.now()): Promise<ShopContext | null> {
  const hit = cache.get(domain);
  if (hit && now - hit.at < CACHE_TTL_MS) return hit.value;
  const value = await readShopContext(db, domain);
  if (cache.size > 10_000) cache.clear();
  cache.set(domain, { at: now, value });
  return value;
}

export function forgetShopContext(domain: string): void {
  cache.delete(domain);
  announce(SHOP_CHANGED, domain);
}

const SHOP_CHANGED = "shop-context";
onAnnouncement(SHOP_CHANGED, (domain) => cache.delete(domain));

async function readShopContext(db: Db, domain: string): Promise<ShopContext | null> {
  const shop = await db.shop.findUnique({ where: { domain } });
  if (!shop || shop.uninstalledAt) return null;
  return {
    domain,
    name: shop.name ?? domain.replace(/\.myshopify\.com$/, ""),
    plan: findPlan(shop.plan),
    triggers: parseEscalationSettings(shop.triggers),
    assistant: parseStored(assistantSettingsSchema, shop.assistant),
    contact: parseStored(contactSettingsSchema, shop.contact),
    routing: parseRoutingSettings(shop.routing),
    abuse: parseStored(abuseSettingsSchema, shop.abuse),
    retentionDays: shop.retentionDays,
    locale: shop.locale,
    timeZone: shop.ianaTimezone,
  };
}

/** Escalation emails sent this period (for the plan allowance). */
export async function escalationsThisPeriod(db: Db, shop: string, now: Date): Promise<number> {
  return chatStoreFor(db).escalationsInPeriod(shop, usagePeriod(now));
}
