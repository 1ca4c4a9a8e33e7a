import { createHash } from "node:crypto";
import escapeHtml from "escape-html";
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import { normalizeEmail } from "~/domain/email/address";
import { cleanAddress, formatFrom, sanitizeHeaderValue, truncate } from "~/domain/email/format";
import { parseRoutingSettings } from "~/domain/routing";
import { contactSettingsSchema, parseStored } from "~/domain/shop-settings";

// Shopify's mandatory privacy webhooks (docs/shopify-platform.md §c) plus app/uninstalled's data side.
// Every handler is idempotent: Shopify redelivers on timeouts, and two app instances may receive
// the same delivery. Records use ids derived from Shopify's own ids (data_request.id, the
// X-Shopify-Webhook-Id), so a second delivery finds the first one's row and does nothing.

/** The subset of a webhook delivery the handlers need (from `authenticate.webhook`). */
export interface ComplianceDelivery {
  topic: string;
  shop: string;
  webhookId: string;
  payload: unknown;
}

/** What the handlers need from the rest of the app, supplied by the composition root (app/shopify.server.ts). */
export interface ComplianceHooks {
  /** Drops the shop's cached sessions in this process (`cachedSessionStorage.forgetShop`). */
  forgetSessions(shop: string): void;
  /** Drops the shop's cached chat settings in this process and its cluster (the chat's shop context). */
  forgetShopSettings(shop: string): void;
  /** MAIL_FROM: the sender of the export email (with the shop's "from name"). */
  mailFrom: string;
  /** Right-hand side of our Message-IDs (admin links), which names export emails. */
  messageIdDomain: string;
}

export type ComplianceOutcome =
  | { topic: "CUSTOMERS_DATA_REQUEST"; dataRequestId: string; duplicate: boolean; conversations: number; cases: number; emailed: boolean }
  | { topic: "CUSTOMERS_REDACT"; duplicate: boolean; conversations: number; outboxRows: number; scrubbed: number }
  | { topic: "SHOP_REDACT" }
  | { topic: "IGNORED" };

interface CustomerRef {
  customerId: string | null;
  email: string | null;
}

/** Reads `customer {id, email}` leniently: Shopify's payloads are trusted, but never crash on them. */
function customerOf(payload: unknown): CustomerRef {
  const customer = isRecord(payload) && isRecord(payload.customer) ? payload.customer : {};
  const rawId = customer.id;
  const customerId =
    (typeof rawId === "number" && Number.isFinite(rawId)) || (typeof rawId === "string" && /^\d{1,20}$/.test(rawId.trim())) ? String(rawId).trim() : null;
  const rawEmail = typeof customer.email === "string" ? normalizeEmail(customer.email) : "";
  const email = rawEmail && rawEmail.length <= 320 && !/[\u0000-\u001f]/.test(rawEmail) ? rawEmail : null;
  return { customerId, email };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Stable row id from parts (a redelivery maps to the same id; the row's primary key dedupes). */
function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 24)}`;
}

function isUniqueViolation(error: unknown): boolean {
  // By code, not instanceof: the SQLite and PostgreSQL generated clients have distinct error classes.
  return (error as { code?: unknown } | null)?.code === "P2002";
}

/** `%…%` LIKE pattern matching `value` literally (with `ESCAPE '\'`). */
function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Ids of the shop's conversations that belong to the customer: by the signed customer id, or by
 * the shopper email on the conversation or its case (case-insensitive). With `mentions`, also the
 * conversations where a shopper message contains the email address (typed to prove an order, or
 * someone else's conversation naming them).
 */
async function findCustomerConversationIds(db: Db, shop: string, who: CustomerRef, mentions: boolean): Promise<string[]> {
  const ids = new Set<string>();
  if (who.customerId) {
    for (const c of await db.conversation.findMany({ where: { shop, customerId: who.customerId }, select: { id: true } })) ids.add(c.id);
  }
  if (who.email) {
    const email = who.email;
    // Raw SQL for case-insensitive matching that works the same on SQLite and PostgreSQL
    // (Prisma's `mode: "insensitive"` does not exist on SQLite).
    const rows = await db.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Conversation" WHERE "shop" = ${shop} AND lower("shopperEmail") = ${email}
      UNION SELECT "conversationId" AS "id" FROM "EscalationCase" WHERE "shop" = ${shop} AND lower("shopperEmail") = ${email}`;
    for (const r of rows) ids.add(r.id);
    if (mentions) for (const id of await findMentioningConversationIds(db, shop, email)) ids.add(id);
  }
  return [...ids];
}

async function findMentioningConversationIds(db: Db, shop: string, email: string): Promise<string[]> {
  const pattern = containsPattern(email);
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT m."conversationId" AS "id" FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
    WHERE c."shop" = ${shop} AND lower(m."text") LIKE ${pattern} ESCAPE '\\'`;
  return rows.map((r) => r.id);
}

const REDACTED = "[redacted]";

/** `text` with every case-insensitive occurrence of `email` (raw or HTML-escaped) replaced. */
function scrub(text: string, email: string): string {
  const escapeRe = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const forms = [...new Set([email, escapeHtml(email)])].map(escapeRe).join("|");
  return text.replace(new RegExp(forms, "gi"), REDACTED);
}

// ---------------------------------------------------------------------------------------------
// customers/data_request

export interface CustomerExport {
  format: "baton.customer-data-export/1";
  shop: string;
  generatedAt: string;
  request: { dataRequestId: string | null; customerId: string | null; email: string | null; ordersRequested: unknown[] };
  conversations: Array<{
    id: string;
    state: string;
    customerId: string | null;
    shopperEmail: string | null;
    orderName: string | null;
    createdAt: string;
    updatedAt: string;
    messages: Array<{ role: string; text: string; at: string }>;
  }>;
  cases: Array<{
    id: string;
    conversationId: string;
    status: string;
    shopperEmail: string | null;
    reasonText: string;
    priority: string;
    orderName: string | null;
    summary: string;
    orderFacts: unknown;
    customerFacts: unknown;
    createdAt: string;
  }>;
}

/** Everything Baton holds about one customer of one shop (the data_request answer). */
export async function assembleCustomerExport(db: Db, shop: string, payload: unknown, now: Date): Promise<CustomerExport> {
  const who = customerOf(payload);
  const ids = await findCustomerConversationIds(db, shop, who, true);
  const conversations = ids.length
    ? await db.conversation.findMany({
        where: { shop, id: { in: ids } },
        include: { messages: { orderBy: { createdAt: "asc" } }, case: true },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const request = isRecord(payload) && isRecord(payload.data_request) ? payload.data_request : {};
  const ordersRequested = isRecord(payload) && Array.isArray(payload.orders_requested) ? payload.orders_requested.slice(0, 1000) : [];
  return {
    format: "baton.customer-data-export/1",
    shop,
    generatedAt: now.toISOString(),
    request: {
      dataRequestId: request.id === undefined || request.id === null ? null : String(request.id),
      customerId: who.customerId,
      email: who.email,
      ordersRequested,
    },
    conversations: conversations.map((c) => ({
      id: c.id,
      state: c.state,
      customerId: c.customerId,
      shopperEmail: c.shopperEmail,
      orderName: c.orderName,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      messages: c.messages.map((m) => ({ role: m.role, text: m.text, at: m.createdAt.toISOString() })),
    })),
    cases: conversations.flatMap((c) =>
      c.case
        ? [
            {
              id: c.case.id,
              conversationId: c.id,
              status: c.case.status,
              shopperEmail: c.case.shopperEmail,
              reasonText: c.case.reasonText,
              priority: c.case.priority,
              orderName: c.case.orderName,
              summary: c.case.summary,
              orderFacts: c.case.orderFacts,
              customerFacts: c.case.customerFacts,
              createdAt: c.case.createdAt.toISOString(),
            },
          ]
        : [],
    ),
  };
}

/** Message-ID of the export email of one data request (also how customers/redact finds it). */
function exportMessageId(dataRequestRowId: string, messageIdDomain: string): string {
  return `<data-request-${dataRequestRowId}@${messageIdDomain}>`;
}

async function handleDataRequest(db: Db, d: ComplianceDelivery, hooks: ComplianceHooks, now: Date): Promise<ComplianceOutcome> {
  const who = customerOf(d.payload);
  const request = isRecord(d.payload) && isRecord(d.payload.data_request) ? d.payload.data_request : {};
  const shopifyRequestId = request.id === undefined || request.id === null ? null : String(request.id);
  const rowId = stableId("dr", d.shop, shopifyRequestId ?? `webhook:${d.webhookId}`);

  const existing = await db.dataRequest.findUnique({ where: { id: rowId }, select: { id: true } });
  if (existing) return { topic: "CUSTOMERS_DATA_REQUEST", dataRequestId: rowId, duplicate: true, conversations: 0, cases: 0, emailed: false };

  const exported = await assembleCustomerExport(db, d.shop, d.payload, now);
  const shopRow = await db.shop.findUnique({ where: { domain: d.shop } });
  const routing = parseRoutingSettings(shopRow?.routing);
  const contact = parseStored(contactSettingsSchema, shopRow?.contact);
  const to = [...new Set([...routing.defaultTo, ...(contact.email ? [contact.email] : [])].map((a) => cleanAddress(a)).filter(Boolean))].slice(0, 1);
  const emailed = Boolean(shopRow && !shopRow.uninstalledAt && to.length > 0);

  try {
    await db.$transaction(async (tx) => {
      await tx.dataRequest.create({
        data: {
          id: rowId,
          shop: d.shop,
          topic: "CUSTOMERS_DATA_REQUEST",
          customerId: who.customerId,
          email: who.email,
          // The export itself lives on the row, so the admin can show and download it.
          payload: { webhook: d.payload as Prisma.InputJsonValue, webhookId: d.webhookId, export: exported as unknown as Prisma.InputJsonValue },
          receivedAt: now,
          completedAt: now,
        },
      });
      if (emailed) {
        const mail = composeExportEmail(shopRow!.name ?? d.shop, routing.fromName, exported);
        await tx.outboxEmail.create({
          data: {
            shop: d.shop,
            caseId: null,
            kind: "data_request",
            status: "pending",
            messageId: exportMessageId(rowId, hooks.messageIdDomain),
            fromAddress: formatFrom(routing.fromName, hooks.mailFrom),
            toAddresses: to.join(", "),
            replyTo: null,
            subject: mail.subject,
            textBody: mail.text,
            htmlBody: mail.html,
            nextAttemptAt: now,
            createdAt: now,
          },
        });
      }
    });
  } catch (error) {
    // Another instance handled the same delivery at the same moment.
    if (isUniqueViolation(error)) return { topic: "CUSTOMERS_DATA_REQUEST", dataRequestId: rowId, duplicate: true, conversations: 0, cases: 0, emailed: false };
    throw error;
  }
  return {
    topic: "CUSTOMERS_DATA_REQUEST",
    dataRequestId: rowId,
    duplicate: false,
    conversations: exported.conversations.length,
    cases: exported.cases.length,
    emailed,
  };
}

function composeExportEmail(shopName: string, _fromName: string, exported: CustomerExport): { subject: string; text: string; html: string } {
  const who = exported.request.email ?? (exported.request.customerId ? `customer ${exported.request.customerId}` : "a customer");
  const subject = truncate(sanitizeHeaderValue(`Customer data request — ${who}`), 200);
  const json = JSON.stringify(exported, null, 2);
  const intro =
    `Shopify forwarded a customer data request (GDPR/CCPA) for ${who} of ${shopName}.\n` +
    `Below is everything Baton stores about this customer: ${exported.conversations.length} conversation(s) and ${exported.cases.length} escalation case(s).\n` +
    `Send it to the customer as your privacy process requires (within 30 days of the request).`;
  return {
    subject,
    text: `${intro}\n\n${json}\n`,
    html: `<p>${escapeHtml(intro).replace(/\n/g, "<br>")}</p><pre style="white-space:pre-wrap;font-size:12px;">${escapeHtml(json)}</pre>`,
  };
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
  const ids = await findCustomerConversationIds(db, shop, who, false);
  let conversations = 0;
  for (let i = 0; i < ids.length; i += 500) {
    conversations += (await db.conversation.deleteMany({ where: { shop, id: { in: ids.slice(i, i + 500) } } })).count;
  }

  let outboxRows = 0;
  const earlierRequests = await db.dataRequest.findMany({
    where: {
      shop,
      topic: "CUSTOMERS_DATA_REQUEST",
      OR: [...(who.customerId ? [{ customerId: who.customerId }] : []), ...(who.email ? [{ email: who.email }] : [])],
    },
    select: { id: true },
  });
  if (earlierRequests.length) {
    outboxRows += (await db.outboxEmail.deleteMany({ where: { shop, messageId: { in: earlierRequests.map((r) => exportMessageId(r.id, messageIdDomain)) } } }))
      .count;
    await db.dataRequest.updateMany({ where: { id: { in: earlierRequests.map((r) => r.id) } }, data: { email: null, payload: { redacted: true } } });
  }

  let scrubbed = 0;
  if (who.email) {
    const email = who.email;
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
  }
  return { conversations, outboxRows, scrubbed };
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
