import type { Prisma } from "@prisma/client";
import { readCaseData } from "~/domain/conversation/case-data";
import type { EscalationCaseView, TranscriptLine } from "~/domain/email/types";
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

/** The stored route JSON `{ to, cc, from }`, tolerating older or partial documents. */
export function parseStoredRoute(value: unknown): { to: string[]; cc: string[]; from: string } {
  return readCaseData({ reasons: [], signals: [], route: value, orderFacts: null, customerFacts: null, priority: "normal", topic: null }).route;
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
    include: { shopRef: { select: { name: true, domain: true, locale: true, ianaTimezone: true } }, conversation: { select: { shopperEmail: true } } },
  });
  if (!row) return null;
  const lines = await loadTranscript(db, row.conversationId);
  const data = readCaseData(row);
  const { route, order } = data;

  const view: EscalationCaseView = {
    caseId: row.id,
    // The shop's language and zone as they are now: a follow-up reads like the shop's other emails.
    shop: { domain: row.shop, name: row.shopRef.name ?? row.shopRef.domain, locale: row.shopRef.locale, timeZone: row.shopRef.ianaTimezone },
    adminCaseUrl: adminCaseUrl(row.shop, row.id),
    messageId: row.messageId,
    from: route.from,
    to: route.to,
    cc: route.cc,
    shopperEmail: row.shopperEmail ?? row.conversation.shopperEmail ?? "",
    reasons: data.reasons,
    reasonText: row.reasonText,
    priority: data.priority,
    confidence: row.confidence,
    topic: data.topic,
    request: data.request,
    order,
    mentionedOrderName: order ? null : row.orderName,
    customer: data.customer,
    isVip: data.isVip,
    summary: row.summary,
    transcript: lines,
    createdAt: row.createdAt.toISOString(),
  };
  return { view, lines, messagesEmailed: Math.max(0, row.messagesEmailed) };
}
