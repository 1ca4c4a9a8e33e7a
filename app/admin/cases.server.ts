import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { ESCALATION_REASONS, PRIORITIES, labelReason, readShopperRequest, type EscalationTopic, type ReasonCode } from "~/domain/escalation";
import { caseProblem, type CaseProblem } from "~/domain/email/case-problem";
import type { Db } from "~/db.server";
import { OPENING_SCAN, openingMessage, SAME_TURN_MS } from "./case-opening";
import { searchCaseIds } from "./case-search.server";
import { resendOutboxEmail, splitAddresses, type ResendResult } from "../email/outbox.server";

// The admin's view of escalation cases. Every query is filtered by the signed-in shop: a case, an
// email or an attempt of another shop is "not found", never shown and never resent.

// limited_abuse: an abuse cap (new cases per address / reply-to) refused the email; not counted
// against the plan's allowance.
export const CASE_STATUSES = ["queued", "sent", "failed", "abandoned", "limited", "limited_abuse"] as const;
/** The support team's workflow state (EscalationCase.resolvedAt), separate from email delivery. */
export const CASE_STATES = ["open", "resolved"] as const;
export const PAGE_SIZE = 25;
/** The reason filter runs over at most this many matching cases (see listCases). */
const REASON_SCAN_LIMIT = 5_000;

const REASON_CODES = ESCALATION_REASONS.map((r) => r.code) as [ReasonCode, ...ReasonCode[]];
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Filters from the list page's query string; anything invalid is ignored rather than an error. */
export const caseFiltersSchema = z.object({
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  state: z.enum(CASE_STATES).optional().catch(undefined),
  reason: z.enum(REASON_CODES).optional().catch(undefined),
  priority: z
    .enum(PRIORITIES as unknown as ["low", "normal", "high", "urgent"])
    .optional()
    .catch(undefined),
  from: day,
  to: day,
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type CaseFilters = z.output<typeof caseFiltersSchema>;

export function parseCaseFilters(params: URLSearchParams): CaseFilters {
  const raw = Object.fromEntries([...params].filter(([, v]) => v !== ""));
  return caseFiltersSchema.parse(raw);
}

/** [from 00:00 UTC, to+1 day 00:00 UTC) for yyyy-mm-dd inputs. */
export function dayRange(from?: string, to?: string): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (from) range.gte = new Date(`${from}T00:00:00.000Z`);
  if (to) range.lt = new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000);
  return range;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export interface CaseListRow {
  id: string;
  createdAt: string;
  status: string;
  priority: string;
  reasons: string[];
  reasonText: string;
  topic: string | null;
  /** What the case is about, as the case email names it (the shopper's request, else topic, else trigger). */
  problem: CaseProblem;
  shopperEmail: string | null;
  customerName: string | null;
  orderName: string | null;
  resolvedAt: string | null;
  delivery: { status: string; attempts: number; lastError: string | null } | null;
  /** The shopper's message that opened the case, on one line (null when they wrote nothing, e.g. a quick action only). */
  preview: string | null;
}

/** The customer's name from the facts stored on the case (Admin API displayName). */
function customerNameOf(customerFacts: unknown, orderFacts: unknown): string | null {
  const name = (v: unknown) =>
    v && typeof v === "object" && typeof (v as { displayName?: unknown }).displayName === "string"
      ? (v as { displayName: string }).displayName.trim() || null
      : null;
  return name(customerFacts) ?? name(orderFacts && typeof orderFacts === "object" ? (orderFacts as { customer?: unknown }).customer : null);
}

/** One line of the shopper's words, cut at a word near 140 characters. */
export function previewOf(text: string | undefined): string | null {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  if (!flat) return null;
  if (flat.length <= 140) return flat;
  const cut = flat.slice(0, 140);
  return (cut.slice(0, cut.lastIndexOf(" ") > 100 ? cut.lastIndexOf(" ") : 140) + "…").trim();
}

/** The case's problem from its stored columns (codes written by an older version read as absent). */
function problemOf(c: { request: string | null; topic: string | null; reasons: unknown }): CaseProblem {
  return caseProblem({
    request: readShopperRequest(c.request),
    topic: c.topic as EscalationTopic | null,
    reasons: stringList(c.reasons) as ReasonCode[],
  });
}

export interface CaseList {
  rows: CaseListRow[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * One page of the shop's cases, newest first. Reasons are a JSON array, which Prisma cannot filter
 * the same way on SQLite and PostgreSQL, so a reason filter first narrows by every other filter
 * in the database and then matches reasons over the ids (bounded by REASON_SCAN_LIMIT).
 */
export async function listCases(db: Db, shop: string, filters: CaseFilters): Promise<CaseList> {
  const where: Prisma.EscalationCaseWhereInput = { shop };
  if (filters.status) where.status = filters.status;
  if (filters.state) where.resolvedAt = filters.state === "resolved" ? { not: null } : null;
  if (filters.priority) where.priority = filters.priority;
  const range = dayRange(filters.from, filters.to);
  if (range.gte || range.lt) where.createdAt = range;
  if (filters.q) {
    const q = filters.q.replace(/^#/, "");
    const lower = filters.q.toLowerCase();
    // Any word the shopper, the assistant or the team wrote; and for what looks like an email or an
    // order number, those fields too (a substring scan of the shop's cases, skipped for plain words).
    const inTranscript = await searchCaseIds(db, shop, filters.q);
    const contact = /[@#\d]/.test(filters.q);
    where.OR = [
      ...(contact ? [{ shopperEmail: { contains: filters.q } }, { shopperEmail: { contains: lower } }, { orderName: { contains: q } }] : []),
      { id: { in: inTranscript } },
    ];
  }
  if (filters.reason) {
    const candidates = await db.escalationCase.findMany({
      where,
      select: { id: true, reasons: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: REASON_SCAN_LIMIT,
    });
    const reason = filters.reason;
    where.id = { in: candidates.filter((c) => stringList(c.reasons).includes(reason)).map((c) => c.id) };
  }
  const total = await db.escalationCase.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await db.escalationCase.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      status: true,
      priority: true,
      reasons: true,
      reasonText: true,
      topic: true,
      request: true,
      shopperEmail: true,
      orderName: true,
      resolvedAt: true,
      customerFacts: true,
      orderFacts: true,
      // The shopper's words that opened the case: what a row previews in every layout.
      conversation: {
        select: {
          messages: {
            where: { role: "shopper", createdAt: { lte: new Date(Date.now() + SAME_TURN_MS) } },
            orderBy: { createdAt: "desc" },
            take: OPENING_SCAN,
            select: { text: true, createdAt: true, meta: true },
          },
        },
      },
      emails: {
        where: { kind: "case", shop },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { status: true, attempts: true, lastError: true },
      },
    },
  });
  return {
    total,
    page,
    pageCount,
    rows: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      status: r.status,
      priority: r.priority,
      reasons: stringList(r.reasons),
      reasonText: r.reasonText,
      topic: r.topic,
      problem: problemOf(r),
      shopperEmail: r.shopperEmail,
      customerName: customerNameOf(r.customerFacts, r.orderFacts),
      orderName: r.orderName,
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      delivery: r.emails[0] ?? null,
      preview: previewOf(openingMessage(r.conversation.messages, r.createdAt)),
    })),
  };
}

export interface CaseDetail {
  id: string;
  createdAt: string;
  status: string;
  priority: string;
  confidence: number;
  reasons: Array<{ code: string; label: string }>;
  reasonText: string;
  topic: string | null;
  problem: CaseProblem;
  summary: string;
  shopperEmail: string | null;
  customerName: string | null;
  resolvedAt: string | null;
  orderName: string | null;
  orderFacts: unknown;
  customerFacts: unknown;
  signals: Array<{ reason: string; score: number | null; evidence: string }>;
  route: unknown;
  /** Model usage of the conversation (zero when the built-in assistant answered everything). */
  llm: {
    tokensIn: number;
    tokensOut: number;
    latencyMs: number;
    modelReplies: number;
    builtInReplies: number;
    fallbacks: Array<{ reason: string; count: number }>;
  };
  transcript: Array<{ id: string; role: string; text: string; at: string; meta: unknown }>;
  emails: Array<{
    id: string;
    kind: string;
    status: string;
    subject: string;
    from: string;
    to: string[];
    cc: string[];
    replyTo: string | null;
    messageId: string;
    text: string;
    html: string;
    attempts: number;
    lastError: string | null;
    createdAt: string;
    sentAt: string | null;
    failedAt: string | null;
    attemptLog: Array<{ id: string; at: string; ok: boolean; response: string | null; error: string | null; durationMs: number }>;
  }>;
}

/** A case of this shop with its transcript, signals, facts and every email with its attempts. */
export async function getCaseDetail(db: Db, shop: string, caseId: string): Promise<CaseDetail | null> {
  const c = await db.escalationCase.findFirst({ where: { id: caseId, shop } });
  if (!c) return null;
  const [conversation, messages, emails] = await Promise.all([
    db.conversation.findFirst({ where: { id: c.conversationId, shop }, select: { llmTokensIn: true, llmTokensOut: true, llmLatencyMs: true } }),
    db.message.findMany({
      where: { conversationId: c.conversationId, conversation: { shop } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.outboxEmail.findMany({
      where: { caseId: c.id, shop },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { attemptsLog: { orderBy: { at: "asc" } } },
    }),
  ]);
  const signals = Array.isArray(c.signals) ? (c.signals as Array<Record<string, unknown>>) : [];
  const fallbacks = new Map<string, number>();
  let modelReplies = 0;
  let builtInReplies = 0;
  for (const m of messages) {
    if (m.role !== "assistant") continue;
    const meta = (m.meta && typeof m.meta === "object" ? m.meta : {}) as { engine?: unknown; llmFallback?: unknown };
    if (meta.engine === "llm") modelReplies += 1;
    else builtInReplies += 1;
    if (typeof meta.llmFallback === "string") fallbacks.set(meta.llmFallback, (fallbacks.get(meta.llmFallback) ?? 0) + 1);
  }
  return {
    id: c.id,
    createdAt: c.createdAt.toISOString(),
    status: c.status,
    priority: c.priority,
    confidence: c.confidence,
    reasons: stringList(c.reasons).map((code) => ({ code, label: labelReason(code as ReasonCode) })),
    reasonText: c.reasonText,
    topic: c.topic,
    problem: problemOf(c),
    summary: c.summary,
    shopperEmail: c.shopperEmail,
    customerName: customerNameOf(c.customerFacts, c.orderFacts),
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    orderName: c.orderName,
    orderFacts: c.orderFacts,
    customerFacts: c.customerFacts,
    signals: signals.map((s) => ({
      reason: String(s?.reason ?? ""),
      score: typeof s?.score === "number" ? s.score : null,
      evidence: String(s?.evidence ?? ""),
    })),
    route: c.route,
    llm: {
      tokensIn: conversation?.llmTokensIn ?? 0,
      tokensOut: conversation?.llmTokensOut ?? 0,
      latencyMs: conversation?.llmLatencyMs ?? 0,
      modelReplies,
      builtInReplies,
      fallbacks: [...fallbacks].map(([reason, count]) => ({ reason, count })),
    },
    transcript: messages.map((m) => ({ id: m.id, role: m.role, text: m.text, at: m.createdAt.toISOString(), meta: m.meta })),
    emails: emails.map((e) => ({
      id: e.id,
      kind: e.kind,
      status: e.status,
      subject: e.subject,
      from: e.fromAddress,
      to: splitAddresses(e.toAddresses),
      cc: splitAddresses(e.ccAddresses),
      replyTo: e.replyTo,
      messageId: e.messageId,
      text: e.textBody,
      html: e.htmlBody,
      attempts: e.attempts,
      lastError: e.lastError,
      createdAt: e.createdAt.toISOString(),
      sentAt: e.sentAt?.toISOString() ?? null,
      failedAt: e.failedAt?.toISOString() ?? null,
      attemptLog: e.attemptsLog.map((a) => ({ id: a.id, at: a.at.toISOString(), ok: a.ok, response: a.response, error: a.error, durationMs: a.durationMs })),
    })),
  };
}

/**
 * Resend from a case page: the outbox row must belong to this shop AND to this case; anything
 * else is not_found (so a guessed id of another shop's email reveals nothing).
 */
export async function resendCaseEmail(db: Db, shop: string, caseId: string, outboxId: string, now: Date): Promise<ResendResult> {
  const owned = await db.outboxEmail.count({ where: { id: outboxId, shop, caseId } });
  if (owned !== 1) return { ok: false, reason: "not_found" };
  return resendOutboxEmail(db, { shop, outboxId, now });
}

/**
 * Marks a case of this shop resolved (now) or open again. Another shop's id is not_found; setting
 * the state it already has changes nothing (the first resolution time is kept).
 */
export async function setCaseResolved(
  db: Db,
  shop: string,
  caseId: string,
  resolved: boolean,
  now: Date,
): Promise<{ ok: true; resolvedAt: string | null } | { ok: false; reason: "not_found" }> {
  const where = { id: caseId, shop, resolvedAt: resolved ? null : { not: null } };
  await db.escalationCase.updateMany({ where, data: { resolvedAt: resolved ? now : null } });
  const row = await db.escalationCase.findFirst({ where: { id: caseId, shop }, select: { resolvedAt: true } });
  if (!row) return { ok: false, reason: "not_found" };
  return { ok: true, resolvedAt: row.resolvedAt?.toISOString() ?? null };
}
