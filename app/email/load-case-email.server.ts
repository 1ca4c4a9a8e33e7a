import type { Prisma } from "@prisma/client";
import { ESCALATION_REASONS, ESCALATION_TOPICS, PRIORITIES, type EscalationTopic, type Priority, type ReasonCode } from "~/domain/escalation";
import type { EscalationCaseView, TranscriptLine } from "~/domain/email/types";
import type { CustomerFacts, OrderFacts } from "~/domain/orders";
import type { Db } from "~/db.server";
import { toTranscript } from "~/domain/conversation/transcript";

/** Builds the link to a case in the Baton admin (see admin-links.server.ts `adminCaseUrl`). */
export type AdminCaseUrl = (shop: string, caseId: string) => string;

type Reader = Pick<Db, "escalationCase" | "message"> | Pick<Prisma.TransactionClient, "escalationCase" | "message">;

export interface LoadedCase {
  view: EscalationCaseView;
  /** The whole transcript, oldest first (the same array as `view.transcript`). */
  lines: TranscriptLine[];
  /** How many transcript lines a sent email already covers (follow-ups send `lines.slice(messagesEmailed)`). */
  messagesEmailed: number;
}

const REASON_CODES = new Set<string>(ESCALATION_REASONS.map((r) => r.code));
const TOPIC_CODES = new Set<string>(ESCALATION_TOPICS.map((t) => t.code));

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The stored route JSON `{ to, cc, from }`, tolerating older or partial documents. */
export function parseStoredRoute(value: unknown): { to: string[]; cc: string[]; from: string } {
  const o = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  return { to: stringList(o.to), cc: stringList(o.cc), from: typeof o.from === "string" ? o.from : "" };
}

function asObject<T>(value: unknown): T | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as T) : null;
}

/** Transcript lines of a conversation, oldest first. */
export async function loadTranscript(db: Pick<Db, "message"> | Pick<Prisma.TransactionClient, "message">, conversationId: string): Promise<TranscriptLine[]> {
  const rows = await db.message.findMany({ where: { conversationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return toTranscript(rows);
}

/**
 * Reads a case, its shop and its conversation's transcript into the view that email composition
 * takes. Null when the case no longer exists (e.g. redacted).
 */
export async function loadCaseView(db: Reader, caseId: string, adminCaseUrl: AdminCaseUrl): Promise<LoadedCase | null> {
  const row = await db.escalationCase.findUnique({
    where: { id: caseId },
    include: { shopRef: { select: { name: true, domain: true } }, conversation: { select: { shopperEmail: true } } },
  });
  if (!row) return null;
  const lines = await loadTranscript(db, row.conversationId);
  const route = parseStoredRoute(row.route);
  const reasons = stringList(row.reasons).filter((r): r is ReasonCode => REASON_CODES.has(r));
  const signals = Array.isArray(row.signals) ? (row.signals as Array<{ reason?: unknown }>) : [];
  const priority: Priority = (PRIORITIES as readonly string[]).includes(row.priority) ? (row.priority as Priority) : "normal";
  const topic: EscalationTopic = row.topic && TOPIC_CODES.has(row.topic) ? (row.topic as EscalationTopic) : "other";
  const order = asObject<OrderFacts>(row.orderFacts);

  const view: EscalationCaseView = {
    caseId: row.id,
    shop: { domain: row.shop, name: row.shopRef.name ?? row.shopRef.domain },
    adminCaseUrl: adminCaseUrl(row.shop, row.id),
    messageId: row.messageId,
    from: route.from,
    to: route.to,
    cc: route.cc,
    shopperEmail: row.shopperEmail ?? row.conversation.shopperEmail ?? "",
    reasons,
    reasonText: row.reasonText,
    priority,
    confidence: row.confidence,
    topic,
    order: order && typeof order.name === "string" ? normaliseOrder(order) : null,
    mentionedOrderName: order ? null : row.orderName,
    customer: asObject<CustomerFacts>(row.customerFacts) ?? order?.customer ?? null,
    isVip: reasons.includes("vip") || signals.some((s) => s?.reason === "vip"),
    summary: row.summary,
    transcript: lines,
    createdAt: row.createdAt.toISOString(),
  };
  return { view, lines, messagesEmailed: Math.max(0, row.messagesEmailed) };
}

// Stored JSON may predate a field; fill arrays so composition never trips over undefined.
function normaliseOrder(o: OrderFacts): OrderFacts {
  return {
    ...o,
    fulfillments: Array.isArray(o.fulfillments) ? o.fulfillments.map((f) => ({ ...f, tracking: Array.isArray(f.tracking) ? f.tracking : [] })) : [],
    items: Array.isArray(o.items) ? o.items : [],
  };
}
