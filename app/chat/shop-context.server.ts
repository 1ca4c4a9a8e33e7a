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
/** Shops whose settings one process keeps (least recently used dropped first): a bound, whatever the traffic. */
export const SHOP_CONTEXT_CACHE_MAX = 2_000;

interface CacheEntry {
  at: number;
  value: Promise<ShopContext | null>;
}
// A Map in least-recently-used order (a hit moves its shop to the end).
const cache = new Map<string, CacheEntry>();

/**
 * The shop's parsed settings. Storefront turns read them on every message, so they are cached
 * per process for a few seconds; admin saves call `forgetShopContext` so this process and the
 * other HTTP workers of its cluster see them at once (other instances within CACHE_TTL_MS).
 * Concurrent turns of one shop share one read (the promise is cached), so a flash sale's burst
 * costs one query per shop and TTL, not one per waiting shopper.
 */
export function loadShopContext(db: Db, domain: string, now = Date.now()): Promise<ShopContext | null> {
  const hit = cache.get(domain);
  if (hit && now - hit.at < CACHE_TTL_MS) {
    cache.delete(domain);
    cache.set(domain, hit);
    return hit.value;
  }
  const value = readShopContext(db, domain);
  const entry: CacheEntry = { at: now, value };
  cache.delete(domain);
  cache.set(domain, entry);
  if (cache.size > SHOP_CONTEXT_CACHE_MAX) cache.delete(cache.keys().next().value!);
  // A failed read is not remembered: the next turn asks again.
  value.catch(() => {
    if (cache.get(domain) === entry) cache.delete(domain);
  });
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
