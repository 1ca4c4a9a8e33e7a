import { randomBytes } from "node:crypto";
import { followUpSubject } from "~/domain/email/compose-escalation-email";
import type { Db } from "~/db.server";
import { caseCustomerName, readCaseData } from "~/domain/conversation/case-data";
import { outboxInsert, type OutboxInsert } from "./enqueue.server";

// Batches a case's new messages into one threaded follow-up email.
export interface QueueFollowUpInput {
  shop: string;
  caseId: string;
  now: Date;
  /** How long new messages are gathered before the follow-up goes out. Default 60 s. */
  batchWindowMs?: number;
  /**
   * Abuse cap: at most this many follow-up emails per case in 24 h (the shop's
   * `abuse.followUpsPerCasePerDay`). Past it nothing is queued; the messages stay in the transcript
   * and go out with the case's next follow-up once the window allows.
   */
  maxPerDay?: number;
}

export type QueueFollowUpResult =
  | { queued: true; outboxId: string }
  /** an unclaimed pending follow-up already exists: it will carry this message too */
  | { queued: false; outboxId: string; reason: "batched" }
  /** no emailed case to follow up on (unknown, other shop, abandoned or limited) */
  | { queued: false; outboxId: null; reason: "no_case" }
  /** the case already had `maxPerDay` follow-up emails in the last 24 h */
  | { queued: false; outboxId: null; reason: "capped" };

/** The columns of a case that a follow-up email is built from (JSON columns as stored values). */
export interface FollowUpCase {
  id: string;
  status: string;
  shopperEmail: string | null;
  route: unknown;
  messageId: string;
  priority: string;
  orderFacts: unknown;
  orderName: string | null;
  reasonText: string;
  customerFacts: unknown;
  /** Read when the store selects them (the Prisma store reads the whole row); the subject's problem. */
  request?: unknown;
  topic?: string | null;
  reasons?: unknown;
}

/** What the store found for a follow-up, read inside the turn's transaction. */
export interface FollowUpFound {
  /** The case, when it belongs to the shop. */
  kase: FollowUpCase | null;
  /** The id of an unclaimed pending follow-up of the case, if any. */
  pendingId: string | null;
  /** Follow-up emails of the case created in the last 24 h. */
  recentCount: number;
}

export type FollowUpPlan = { queued: true; insert: OutboxInsert } | Exclude<QueueFollowUpResult, { queued: true }>;

/**
 * Decides a case's follow-up from what was read: batched into a pending one, refused (no emailed
 * case, or the daily cap), or a new outbox row for `now + batchWindowMs`. No I/O: the chat store
 * calls it inside the turn's own transaction, `queueFollowUp` around its own reads.
 */
export function planFollowUp(input: QueueFollowUpInput, found: FollowUpFound): FollowUpPlan {
  if (found.pendingId) return { queued: false, outboxId: found.pendingId, reason: "batched" };
  const c = found.kase;
  if (!c || !["queued", "sent", "failed"].includes(c.status) || !c.shopperEmail) return { queued: false, outboxId: null, reason: "no_case" };
  if (input.maxPerDay !== undefined && found.recentCount >= input.maxPerDay) return { queued: false, outboxId: null, reason: "capped" };

  const data = readCaseData({ ...c, reasons: c.reasons ?? [], signals: [], topic: c.topic ?? null, request: typeof c.request === "string" ? c.request : null });
  const { route } = data;
  const domain = /@([^>\s]+)>?$/.exec(c.messageId)?.[1] ?? "baton.local";
  const messageId = `<followup-${c.id}-${randomBytes(6).toString("hex")}@${domain}>`;
  // The row's subject until the worker composes the follow-up (deliver.server.ts), which rewrites
  // it from the case view, in the shop's language.
  const subject = followUpSubject({
    priority: data.priority,
    // Only a proven order is stored with its facts; a name alone is "mentioned".
    orderName: c.orderFacts ? c.orderName : null,
    mentionedOrderName: c.orderFacts ? null : c.orderName,
    request: data.request,
    topic: data.topic,
    reasons: data.reasons,
    customerName: caseCustomerName(data),
    shopperEmail: c.shopperEmail,
  });
  const placeholder = "New messages on this case (composed when the follow-up is sent).";
  const insert = outboxInsert({
    shop: input.shop,
    caseId: c.id,
    kind: "followup",
    email: {
      from: route.from,
      to: route.to,
      cc: route.cc,
      replyTo: c.shopperEmail,
      subject,
      text: placeholder,
      html: `<p>${placeholder}</p>`,
      messageId,
      inReplyTo: c.messageId,
      references: [c.messageId],
      headers: {},
    },
    notBefore: new Date(input.now.getTime() + (input.batchWindowMs ?? 60_000)),
    now: input.now,
  });
  return { queued: true, insert };
}

/**
 * Makes sure the case's new messages go out in a follow-up, batched: when an unclaimed pending
 * follow-up exists, nothing is inserted (its content is composed at send time from every message
 * after the case's `messagesEmailed`); otherwise one is inserted for `now + batchWindowMs`.
 * The stored body is a placeholder until then; the Message-ID, thread headers and recipients are real.
 */
export async function queueFollowUp(db: Db, input: QueueFollowUpInput): Promise<QueueFollowUpResult> {
  const pending = await db.outboxEmail.findFirst({
    where: { caseId: input.caseId, shop: input.shop, kind: "followup", status: "pending" },
    select: { id: true },
  });
  const kase = pending ? null : await db.escalationCase.findFirst({ where: { id: input.caseId, shop: input.shop } });
  const since = new Date(input.now.getTime() - 24 * 3_600_000);
  const recentCount =
    kase && input.maxPerDay !== undefined ? await db.outboxEmail.count({ where: { caseId: kase.id, kind: "followup", createdAt: { gte: since } } }) : 0;
  const plan = planFollowUp(input, { kase, pendingId: pending?.id ?? null, recentCount });
  if (!plan.queued) return plan;
  const row = await db.outboxEmail.create({ data: plan.insert });
  return { queued: true, outboxId: row.id };
}
