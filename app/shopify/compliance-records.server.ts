import { createHash } from "node:crypto";
import type { Db } from "~/db.server";
import { normalizeEmail } from "~/domain/email/address";

// What the compliance handlers share: the delivery they get, the hooks the composition root passes,
// the customer a payload names, row ids that make redeliveries no-ops, and the conversations that
// belong to or mention a customer.

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

export interface CustomerRef {
  customerId: string | null;
  email: string | null;
}

/** Reads `customer {id, email}` leniently: Shopify's payloads are trusted, but never crash on them. */
export function customerOf(payload: unknown): CustomerRef {
  const customer = isRecord(payload) && isRecord(payload.customer) ? payload.customer : {};
  const rawId = customer.id;
  const customerId =
    (typeof rawId === "number" && Number.isFinite(rawId)) || (typeof rawId === "string" && /^\d{1,20}$/.test(rawId.trim())) ? String(rawId).trim() : null;
  const rawEmail = typeof customer.email === "string" ? normalizeEmail(customer.email) : "";
  const email = rawEmail && rawEmail.length <= 320 && !/[\u0000-\u001f]/.test(rawEmail) ? rawEmail : null;
  return { customerId, email };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Stable row id from parts (a redelivery maps to the same id; the row's primary key dedupes). */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 24)}`;
}

export function isUniqueViolation(error: unknown): boolean {
  // By code, not instanceof: the SQLite and PostgreSQL generated clients have distinct error classes.
  return (error as { code?: unknown } | null)?.code === "P2002";
}

/** `%…%` LIKE pattern matching `value` literally (with `ESCAPE '\'`). */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Ids of the shop's conversations that belong to the customer: by the signed customer id, or by
 * the shopper email on the conversation or its case (case-insensitive). With `mentions`, also the
 * conversations where a shopper message contains the email address (typed to prove an order, or
 * someone else's conversation naming them).
 */
export async function findCustomerConversationIds(db: Db, shop: string, who: CustomerRef, mentions: boolean): Promise<string[]> {
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

export async function findMentioningConversationIds(db: Db, shop: string, email: string): Promise<string[]> {
  const pattern = containsPattern(email);
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT m."conversationId" AS "id" FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
    WHERE c."shop" = ${shop} AND lower(m."text") LIKE ${pattern} ESCAPE '\\'`;
  return rows.map((r) => r.id);
}

/**
 * The customer's conversations split by whose they are. `owned`: by the signed customer id, the
 * shopper email on the conversation or its case, or the email or customer that proved the case's
 * order (a shopper who proved her order and then gave another reply-to address). `mentioning`:
 * someone else's conversations in which a message merely contains the customer's email.
 */
export async function splitCustomerConversations(db: Db, shop: string, who: CustomerRef): Promise<{ owned: string[]; mentioning: string[] }> {
  const owned = new Set(await findCustomerConversationIds(db, shop, who, false));
  const candidates = who.email ? (await findMentioningConversationIds(db, shop, who.email)).filter((id) => !owned.has(id)) : [];
  const cases = candidates.length
    ? await db.escalationCase.findMany({
        where: { shop, conversationId: { in: candidates } },
        select: { conversationId: true, orderFacts: true, customerFacts: true },
      })
    : [];
  for (const c of cases) if (orderFactsName(c.orderFacts, who) || customerFactsName(c.customerFacts, who)) owned.add(c.conversationId);
  return { owned: [...owned], mentioning: candidates.filter((id) => !owned.has(id)) };
}

/** Whether a case's stored order facts name this customer: the order's email or its customer. */
export function orderFactsName(facts: unknown, who: CustomerRef): boolean {
  return isRecord(facts) && (emailIs(facts.email, who) || customerFactsName(facts.customer, who));
}

/** Whether stored customer facts are this customer (by email, or by the numeric end of the customer id). */
export function customerFactsName(facts: unknown, who: CustomerRef): boolean {
  if (!isRecord(facts)) return false;
  const id = typeof facts.id === "string" || typeof facts.id === "number" ? String(facts.id) : "";
  return emailIs(facts.email, who) || Boolean(who.customerId && /(\d+)$/.exec(id)?.[1] === who.customerId);
}

function emailIs(value: unknown, who: CustomerRef): boolean {
  return Boolean(who.email && typeof value === "string" && normalizeEmail(value) === who.email);
}
