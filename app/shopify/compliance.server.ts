import escapeHtml from "escape-html";
import type { Db } from "~/db.server";
import { normalizeEmail } from "~/domain/email/address";
import {
  containsPattern,
  customerOf,
  findMentioningConversationIds,
  isRecord,
  isUniqueViolation,
  splitCustomerConversations,
  stableId,
  type ComplianceDelivery,
  type ComplianceHooks,
  type ComplianceOutcome,
} from "./compliance-records.server";
import { exportMessageId, handleDataRequest } from "./customer-data-request.server";

export type { ComplianceDelivery, ComplianceHooks, ComplianceOutcome } from "./compliance-records.server";
export { assembleCustomerExport, type CustomerExport } from "./customer-data-request.server";

// Shopify's mandatory privacy webhooks (docs/shopify-platform.md §c) plus app/uninstalled's data side.
// Every handler is idempotent: Shopify redelivers on timeouts, and two app instances may receive
// the same delivery. Records use ids derived from Shopify's own ids (data_request.id, the
// X-Shopify-Webhook-Id), so a second delivery finds the first one's row and does nothing.

const REDACTED = "[redacted]";

/** `text` with every case-insensitive occurrence of `email` (raw or HTML-escaped) replaced. */
function scrub(text: string, email: string): string {
  const escapeRe = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const forms = [...new Set([email, escapeHtml(email)])].map(escapeRe).join("|");
  return text.replace(new RegExp(forms, "gi"), REDACTED);
}

// ---------------------------------------------------------------------------------------------
// customers/redact

/**
 * Deletes the customer's own conversations (messages, cases, case emails and their delivery
 * attempts cascade) and the exports of earlier data requests (the request records keep only the
 * Shopify customer id). Where the customer's email appears elsewhere — a message in someone else's
 * conversation, another case's summary, an outbox row's subject or body — it is replaced by
 * "[redacted]"; an outbox row addressed to the customer (Reply-To) is deleted.
 */
export async function redactCustomer(
  db: Db,
  shop: string,
  payload: unknown,
  messageIdDomain: string,
): Promise<{ conversations: number; outboxRows: number; scrubbed: number }> {
  const who = customerOf(payload);
  // Her conversations by every identity they carried: the signed id, the email that proved an order
  // (in the case's order facts), and any reply-to she gave there, whose own conversations are hers too.
  const ids = new Set((await splitCustomerConversations(db, shop, who)).owned);
  const emails = new Set(who.email ? [who.email] : []);
  for (const email of await emailsCarriedBy(db, shop, [...ids])) {
    if (emails.has(email)) continue;
    emails.add(email);
    for (const id of (await splitCustomerConversations(db, shop, { customerId: null, email })).owned) ids.add(id);
  }
  const owned = [...ids];
  let conversations = 0;
  for (let i = 0; i < owned.length; i += 500) {
    conversations += (await db.conversation.deleteMany({ where: { shop, id: { in: owned.slice(i, i + 500) } } })).count;
  }

  let outboxRows = 0;
  const earlierRequests = await db.dataRequest.findMany({
    where: {
      shop,
      topic: "CUSTOMERS_DATA_REQUEST",
      OR: [...(who.customerId ? [{ customerId: who.customerId }] : []), ...[...emails].map((email) => ({ email }))],
    },
    select: { id: true },
  });
  if (earlierRequests.length) {
    outboxRows += (await db.outboxEmail.deleteMany({ where: { shop, messageId: { in: earlierRequests.map((r) => exportMessageId(r.id, messageIdDomain)) } } }))
      .count;
    await db.dataRequest.updateMany({ where: { id: { in: earlierRequests.map((r) => r.id) } }, data: { email: null, payload: { redacted: true } } });
  }

  let scrubbed = 0;
  for (const email of emails) {
    const done = await scrubEverywhere(db, shop, email);
    outboxRows += done.outboxRows;
    scrubbed += done.scrubbed;
  }
  return { conversations, outboxRows, scrubbed };
}

/** Every address the conversations or their cases carried (shopper email, reply-to, the order's and customer's email). */
async function emailsCarriedBy(db: Db, shop: string, ids: string[]): Promise<string[]> {
  const found = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === "string" && v.includes("@") && v.length <= 320) found.add(normalizeEmail(v));
  };
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.conversation.findMany({
      where: { shop, id: { in: ids.slice(i, i + 500) } },
      select: { shopperEmail: true, case: { select: { shopperEmail: true, orderFacts: true, customerFacts: true } } },
    });
    for (const r of rows) {
      add(r.shopperEmail);
      add(r.case?.shopperEmail);
      const order = isRecord(r.case?.orderFacts) ? r.case.orderFacts : {};
      add(order.email);
      if (isRecord(order.customer)) add(order.customer.email);
      if (isRecord(r.case?.customerFacts)) add(r.case.customerFacts.email);
    }
  }
  return [...found];
}

/**
 * Replaces `email` wherever it is quoted outside her own conversations: messages in others'
 * conversations, case summaries, outbox subjects and bodies, other requesters' stored exports;
 * an outbox row addressed to it (Reply-To) is deleted.
 */
async function scrubEverywhere(db: Db, shop: string, email: string): Promise<{ outboxRows: number; scrubbed: number }> {
  let outboxRows = 0;
  let scrubbed = 0;
  const pattern = containsPattern(email);
  const htmlPattern = containsPattern(escapeHtml(email));
  const mentioning = await findMentioningConversationIds(db, shop, email);
  if (mentioning.length) {
    const messages = await db.message.findMany({ where: { conversationId: { in: mentioning } }, select: { id: true, text: true } });
    for (const m of messages) {
      const text = scrub(m.text, email);
      if (text !== m.text) {
        await db.message.update({ where: { id: m.id }, data: { text } });
        scrubbed++;
      }
    }
  }
  const cases = await db.$queryRaw<Array<{ id: string; summary: string }>>`
    SELECT "id", "summary" FROM "EscalationCase" WHERE "shop" = ${shop} AND lower("summary") LIKE ${pattern} ESCAPE '\\'`;
  for (const c of cases) {
    await db.escalationCase.update({ where: { id: c.id }, data: { summary: scrub(c.summary, email) } });
    scrubbed++;
  }
  const addressed = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "OutboxEmail" WHERE "shop" = ${shop} AND lower("replyTo") = ${email}`;
  if (addressed.length) outboxRows += (await db.outboxEmail.deleteMany({ where: { id: { in: addressed.map((r) => r.id) } } })).count;
  const quoting = await db.$queryRaw<Array<{ id: string; subject: string; textBody: string; htmlBody: string }>>`
    SELECT "id", "subject", "textBody", "htmlBody" FROM "OutboxEmail" WHERE "shop" = ${shop} AND (
      lower("subject") LIKE ${pattern} ESCAPE '\\' OR lower("textBody") LIKE ${pattern} ESCAPE '\\'
      OR lower("htmlBody") LIKE ${pattern} ESCAPE '\\' OR lower("htmlBody") LIKE ${htmlPattern} ESCAPE '\\')`;
  for (const row of quoting) {
    await db.outboxEmail.update({
      where: { id: row.id },
      data: { subject: scrub(row.subject, email), textBody: scrub(row.textBody, email), htmlBody: scrub(row.htmlBody, email) },
    });
    scrubbed++;
  }
  // The team's replies in others' conversations may name her: scrubbed like their messages.
  const teamQuoting = await db.$queryRaw<Array<{ id: string; text: string }>>`
    SELECT "id", "text" FROM "TeamMessage" WHERE "shop" = ${shop} AND lower("text") LIKE ${pattern} ESCAPE '\\'`;
  for (const t of teamQuoting) {
    await db.teamMessage.update({ where: { id: t.id }, data: { text: scrub(t.text, email) } });
    scrubbed++;
  }
  // Refused mail is kept only for the operator's eyes: a row from, to or about her goes (the shop's, and those naming no shop).
  const refused = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "RefusedInboundEmail" WHERE ("shop" = ${shop} OR "shop" IS NULL) AND (
      lower("fromAddress") LIKE ${pattern} ESCAPE '\\' OR lower("toAddress") LIKE ${pattern} ESCAPE '\\'
      OR lower("subject") LIKE ${pattern} ESCAPE '\\' OR lower("excerpt") LIKE ${pattern} ESCAPE '\\')`;
  if (refused.length) scrubbed += (await db.refusedInboundEmail.deleteMany({ where: { id: { in: refused.map((r) => r.id) } } })).count;
  // Other requesters' stored exports may quote her (a mention): scrubbed in the JSON text.
  const exports = await db.dataRequest.findMany({ where: { shop, topic: "CUSTOMERS_DATA_REQUEST" }, select: { id: true, payload: true } });
  for (const row of exports) {
    const json = JSON.stringify(row.payload);
    const cleaned = scrub(json, email);
    if (cleaned === json) continue;
    await db.dataRequest.update({ where: { id: row.id }, data: { payload: JSON.parse(cleaned) as object } });
    scrubbed++;
  }
  return { outboxRows, scrubbed };
}

async function handleCustomerRedact(db: Db, d: ComplianceDelivery, hooks: ComplianceHooks, now: Date): Promise<ComplianceOutcome> {
  const who = customerOf(d.payload);
  const rowId = stableId("rd", d.shop, d.webhookId);
  const duplicate = Boolean(await db.dataRequest.findUnique({ where: { id: rowId }, select: { id: true } }));
  // Redaction is repeated even for a duplicate delivery: it is a no-op when nothing is left, and
  // it catches anything a concurrent chat turn wrote in between.
  const result = await redactCustomer(db, d.shop, d.payload, hooks.messageIdDomain);
  if (!duplicate) {
    try {
      await db.dataRequest.create({
        data: {
          id: rowId,
          shop: d.shop,
          topic: "CUSTOMERS_REDACT",
          customerId: who.customerId,
          email: null,
          payload: { redacted: true, conversations: result.conversations, outboxRows: result.outboxRows, scrubbed: result.scrubbed, webhookId: d.webhookId },
          receivedAt: now,
          completedAt: now,
        },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { topic: "CUSTOMERS_REDACT", duplicate, ...result };
}

// ---------------------------------------------------------------------------------------------
// shop/redact and app/uninstalled

/** Deletes everything Baton holds for a shop (sessions, the shop and all it owns, request records). */
export async function redactShop(db: Db, shop: string, hooks: ComplianceHooks): Promise<void> {
  await db.session.deleteMany({ where: { shop } });
  hooks.forgetSessions(shop);
  // Conversations, messages, cases, outbox rows, delivery attempts and usage cascade from Shop.
  await db.shop.deleteMany({ where: { domain: shop } });
  await db.dataRequest.deleteMany({ where: { shop } });
  // Case-cap counters are keyed "<kind>|<shop>|<keyed hash>" (app/chat/case-caps.server.ts); not owned by Shop.
  await db.caseCapCounter.deleteMany({ where: { key: { contains: `|${shop}|` } } });
  hooks.forgetShopSettings(shop);
}

/** app/uninstalled: sessions removed, shop marked uninstalled (the widget answers "unavailable"). */
export async function markShopUninstalled(db: Db, shop: string, hooks: ComplianceHooks, now: Date): Promise<void> {
  await db.session.deleteMany({ where: { shop } });
  hooks.forgetSessions(shop);
  await db.shop.updateMany({ where: { domain: shop, uninstalledAt: null }, data: { uninstalledAt: now } });
  hooks.forgetShopSettings(shop);
}

/** The compliance topics: customers/data_request, customers/redact, shop/redact. */
export async function handleComplianceWebhook(db: Db, d: ComplianceDelivery, hooks: ComplianceHooks, now = new Date()): Promise<ComplianceOutcome> {
  switch (d.topic) {
    case "CUSTOMERS_DATA_REQUEST":
      return handleDataRequest(db, d, hooks, now);
    case "CUSTOMERS_REDACT":
      return handleCustomerRedact(db, d, hooks, now);
    case "SHOP_REDACT":
      await redactShop(db, d.shop, hooks);
      return { topic: "SHOP_REDACT" };
    default:
      return { topic: "IGNORED" };
  }
}
