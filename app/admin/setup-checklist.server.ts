import { formatFrom } from "~/domain/email/format";
import { randomBytes } from "node:crypto";
import { composeEscalationEmail } from "~/domain/email/compose-escalation-email";
import { SEED_ORDER, SEED_TRANSCRIPT } from "~/domain/email/fixtures";
import { findPlan, usagePeriod, type Plan } from "~/domain/plans";
import { parseRoutingSettings } from "~/domain/routing";
import type { Db } from "~/db.server";
import type { AdminLinks } from "../shopify/admin-links.server";
import { enqueueEmail } from "../email/outbox.server";
import { kickOutbox } from "../platform/runtime.server";

// Home page: the setup checklist with live state, this month's usage, and the test email.

/** Handle of the app embed block (extensions/baton-chat/blocks/baton-chat.liquid). */
export const EMBED_BLOCK_HANDLE = "baton-chat";

/** Theme editor deep link that opens App embeds with Baton's embed switched on (docs/shopify-platform.md §b). */
export function appEmbedDeepLink(shop: string, apiKey: string): string {
  return `https://${shop}/admin/themes/current/editor?context=apps&template=index&activateAppId=${encodeURIComponent(apiKey)}/${EMBED_BLOCK_HANDLE}`;
}

export interface UsageSummary {
  period: string;
  conversations: number;
  escalations: number;
  limited: number;
  allowance: number;
  /** the current plan sends no escalation emails (Free) */
  emailsOff: boolean;
  /** the CURRENT plan's allowance is used up this month (earlier withheld cases on another plan do not count) */
  overLimit: boolean;
}

export interface SetupChecklist {
  shopName: string;
  plan: Plan;
  embed: { done: boolean; deepLink: string; firstConversationAt: string | null };
  address: { done: boolean; defaultTo: string[] };
  testEmail: { done: boolean; sentAt: string | null; status: string | null; lastError: string | null; to: string[] };
  planChosen: { done: boolean };
  usage: UsageSummary;
}

/** This period's usage against the plan's allowance. */
export async function loadUsage(db: Db, shop: string, plan: Plan, now: Date): Promise<UsageSummary> {
  const period = usagePeriod(now);
  const row = await db.usageCounter.findUnique({ where: { shop_period: { shop, period } } });
  const escalations = row?.escalations ?? 0;
  const limited = row?.limited ?? 0;
  return {
    period,
    conversations: row?.conversations ?? 0,
    escalations,
    limited,
    allowance: plan.escalationsPerMonth,
    emailsOff: plan.escalationsPerMonth === 0,
    // Recomputed from the plan in force: after an upgrade, cases withheld earlier this month (on
    // Free or a smaller plan) no longer mean the allowance is used up.
    overLimit: plan.escalationsPerMonth > 0 && escalations >= plan.escalationsPerMonth,
  };
}

/**
 * The checklist, read live from the shop's own rows. Whether the app embed is on is inferred from
 * the storefront having produced a conversation (reading the theme's settings_data.json through the
 * Admin API is not implemented).
 */
export async function loadSetupChecklist(db: Db, shop: string, apiKey: string, now: Date): Promise<SetupChecklist | null> {
  const row = await db.shop.findUnique({ where: { domain: shop } });
  if (!row) return null;
  const plan = findPlan(row.plan);
  const routing = parseRoutingSettings(row.routing);
  const [firstConversation, lastTest, usage] = await Promise.all([
    db.conversation.findFirst({ where: { shop }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.outboxEmail.findFirst({ where: { shop, kind: "test" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    loadUsage(db, shop, plan, now),
  ]);
  return {
    shopName: row.name ?? shop.replace(/\.myshopify\.com$/, ""),
    plan,
    embed: {
      done: firstConversation !== null,
      deepLink: appEmbedDeepLink(shop, apiKey),
      firstConversationAt: firstConversation?.createdAt.toISOString() ?? null,
    },
    address: { done: routing.defaultTo.length > 0, defaultTo: routing.defaultTo },
    testEmail: {
      done: lastTest?.status === "sent",
      sentAt: row.testEmailSentAt?.toISOString() ?? null,
      status: lastTest?.status ?? null,
      lastError: lastTest?.lastError ?? null,
      to: lastTest ? lastTest.toAddresses.split(",").map((a) => a.trim()) : [],
    },
    planChosen: { done: plan.priceUsd > 0 },
    usage,
  };
}

export type SendTestEmailResult = { ok: true; outboxId: string; to: string[] } | { ok: false; error: string };

/**
 * Queues a sample escalation email (the seed case, clearly marked as a test) to the shop's default
 * escalation addresses through the outbox, so it travels exactly the path real cases take; marks
 * `Shop.testEmailSentAt` and wakes the worker.
 */
export async function sendTestEmail(db: Db, shop: string, now: Date, sender: { mailFrom: string; links: AdminLinks }): Promise<SendTestEmailResult> {
  const row = await db.shop.findUnique({ where: { domain: shop } });
  if (!row) return { ok: false, error: "Shop not found" };
  const routing = parseRoutingSettings(row.routing);
  if (routing.defaultTo.length === 0) return { ok: false, error: "Set an escalation address in Settings first." };
  const messageId = `<test-${randomBytes(12).toString("hex")}@${sender.links.messageIdDomain()}>`;
  const composed = composeEscalationEmail({
    caseId: "test",
    // Composed as the shop's real case emails are: in its language, times in its zone.
    shop: { domain: shop, name: row.name ?? shop, locale: row.locale, timeZone: row.ianaTimezone },
    adminCaseUrl: sender.links.adminCaseUrl(shop, "test").replace(/\/cases\/test$/, ""),
    messageId,
    from: formatFrom(routing.fromName, sender.mailFrom),
    to: routing.defaultTo,
    cc: [],
    shopperEmail: "sarah@example.com",
    reasons: ["order_state", "complaint"],
    reasonText: "TEST — this is a sample escalation from Baton; no shopper is waiting",
    priority: "normal",
    confidence: 0.9,
    topic: "shipping",
    order: SEED_ORDER,
    customer: SEED_ORDER.customer,
    isVip: false,
    summary: "Sample case: the shopper says order #1042 shows delivered but never arrived. Reply-To is a sample address; do not reply.",
    transcript: SEED_TRANSCRIPT,
    createdAt: now.toISOString(),
  });
  const email = { ...composed, subject: `[Test] ${composed.subject}` };
  const outbox = await db.$transaction(async (tx) => {
    const created = await enqueueEmail(tx, { shop, caseId: null, kind: "test", email, now });
    await tx.shop.update({ where: { domain: shop }, data: { testEmailSentAt: now } });
    return created;
  });
  kickOutbox();
  return { ok: true, outboxId: outbox.id, to: routing.defaultTo };
}
