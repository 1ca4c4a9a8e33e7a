import { parseEscalationSettings, type EscalationSettings } from "~/domain/escalation";
import { findPlan, usagePeriod, type Plan } from "~/domain/plans";
import { assistantSettingsSchema, contactSettingsSchema, parseStored, type AssistantSettings, type ContactSettings } from "~/domain/shop-settings";
import { parseRoutingSettings, type RoutingSettings } from "~/domain/routing";
import type { Db } from "~/db.server";

/** A shop's settings, parsed once per request. */
export interface ShopContext {
  domain: string;
  name: string;
  plan: Plan;
  triggers: EscalationSettings;
  assistant: AssistantSettings;
  contact: ContactSettings;
  routing: RoutingSettings;
  retentionDays: number;
}

export async function loadShopContext(db: Db, domain: string): Promise<ShopContext | null> {
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
    retentionDays: shop.retentionDays,
  };
}

/** Escalation emails sent this period (for the plan allowance). */
export async function escalationsThisPeriod(db: Db, shop: string, now: Date): Promise<number> {
  const row = await db.usageCounter.findUnique({ where: { shop_period: { shop, period: usagePeriod(now) } } });
  return row?.escalations ?? 0;
}
