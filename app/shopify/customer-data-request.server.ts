import escapeHtml from "escape-html";
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import { cleanAddress, formatFrom, sanitizeHeaderValue, truncate } from "~/domain/email/format";
import { parseRoutingSettings } from "~/domain/routing";
import { contactSettingsSchema, parseStored } from "~/domain/shop-settings";
import {
  containsPattern,
  customerOf,
  isRecord,
  isUniqueViolation,
  stableId,
  type ComplianceDelivery,
  type ComplianceHooks,
  type ComplianceOutcome,
  splitCustomerConversations,
} from "./compliance-records.server";

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
    /** The shop team's replies to her on this conversation (by email or from the case page), as she was shown them. */
    teamMessages: Array<{ author: string | null; text: string; at: string }>;
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
  /**
   * Other shoppers' conversations that name the customer: only the messages containing their email
   * (personal data about them), never the other shopper's identity, case or remaining transcript.
   */
  mentions: Array<{ conversationId: string; messages: Array<{ role: string; text: string; at: string }> }>;
}

/** Everything Baton holds about one customer of one shop (the data_request answer). */
export async function assembleCustomerExport(db: Db, shop: string, payload: unknown, now: Date): Promise<CustomerExport> {
  const who = customerOf(payload);
  const { owned, mentioning } = await splitCustomerConversations(db, shop, who);
  const conversations = owned.length
    ? await db.conversation.findMany({
        where: { shop, id: { in: owned } },
        include: {
          messages: { orderBy: { createdAt: "asc" } },
          case: true,
          teamMessages: { orderBy: { createdAt: "asc" }, select: { authorName: true, text: true, createdAt: true } },
        },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const mentions = await mentioningMessages(db, shop, mentioning, who.email);
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
      teamMessages: c.teamMessages.map((t) => ({ author: t.authorName, text: t.text, at: t.createdAt.toISOString() })),
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
    mentions,
  };
}

async function mentioningMessages(db: Db, shop: string, ids: string[], email: string | null): Promise<CustomerExport["mentions"]> {
  if (!email || ids.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ conversationId: string; role: string; text: string; createdAt: Date | string }>>`
    SELECT m."conversationId", m."role", m."text", m."createdAt" FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
    WHERE c."shop" = ${shop} AND lower(m."text") LIKE ${containsPattern(email)} ESCAPE '\\' ORDER BY m."createdAt" ASC`;
  const wanted = new Set(ids);
  const byConversation = new Map<string, CustomerExport["mentions"][number]["messages"]>();
  for (const r of rows) {
    if (!wanted.has(r.conversationId)) continue;
    const list = byConversation.get(r.conversationId) ?? [];
    list.push({ role: r.role, text: r.text, at: new Date(r.createdAt).toISOString() });
    byConversation.set(r.conversationId, list);
  }
  return [...byConversation].map(([conversationId, messages]) => ({ conversationId, messages }));
}

/** Message-ID of the export email of one data request (also how customers/redact finds it). */
export function exportMessageId(dataRequestRowId: string, messageIdDomain: string): string {
  return `<data-request-${dataRequestRowId}@${messageIdDomain}>`;
}

export async function handleDataRequest(db: Db, d: ComplianceDelivery, hooks: ComplianceHooks, now: Date): Promise<ComplianceOutcome> {
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
    `Below is everything Baton stores about this customer: ${exported.conversations.length} conversation(s) ` +
    `and ${exported.cases.length} escalation case(s).\n` +
    `Send it to the customer as your privacy process requires (within 30 days of the request).`;
  return {
    subject,
    text: `${intro}\n\n${json}\n`,
    html: `<p>${escapeHtml(intro).replace(/\n/g, "<br>")}</p><pre style="white-space:pre-wrap;font-size:12px;">${escapeHtml(json)}</pre>`,
  };
}
