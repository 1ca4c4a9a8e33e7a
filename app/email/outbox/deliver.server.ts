import type { Prisma } from "@prisma/client";
import { batonHeaders, composeFollowUpEmail } from "~/domain/email/compose-escalation-email";
import type { ComposedEmail } from "~/domain/email/types";
import { PRIORITIES, type Priority } from "~/domain/escalation";
import type { Db } from "~/db.server";
import type { LogSink } from "~/platform/logger.server";
import { loadCaseView, type AdminCaseUrl } from "../load-case-email.server";
import { outboxStatementsOf, type OutboxStatements } from "./outbox-statements.server";
import { photoAttachments } from "./photo-attachments.server";
import { classifySmtpError, sendComposedEmail, type FailureScope, type MailSender } from "../mailer.server";
import {
  BackoffOptions,
  ClaimedRow,
  DEFAULT_BACKOFF,
  FOLLOW_UP_WAIT_MS,
  MIN_ATTEMPTS_BEFORE_GIVE_UP,
  OutboxKind,
  OutboxRow,
  joinAddresses,
  splitAddresses,
} from "./types";

// Sends a claimed row, records the attempt, schedules the retry or gives up.
export interface DeliverOptions {
  /** Time the attempt starts (scheduling and the give-up window are measured from it). */
  now: Date;
  giveUpMinutes: number;
  /** [0, 1) source of jitter. Default Math.random. */
  random?: () => number;
  backoff?: BackoffOptions;
  /**
   * Builds admin links. Needed to (re)compose a follow-up at send time from every message up to
   * now; without it a follow-up row is sent as stored.
   */
  adminCaseUrl?: AdminCaseUrl;
  log?: LogSink;
}

export type DeliveryOutcome =
  /** accepted by the SMTP server */
  | { outcome: "sent"; response: string }
  /** temporary failure, retried at `nextAttemptAt` (or sooner when `scope` says the server was down and it recovers) */
  | { outcome: "retry"; error: string; nextAttemptAt: Date; scope: FailureScope }
  /** permanent failure or give-up time reached */
  | { outcome: "failed"; error: string }
  /** a follow-up waiting for an earlier email of its case (no attempt made) */
  | { outcome: "deferred"; nextAttemptAt: Date }
  /** a follow-up with nothing left to say (another follow-up already carried its messages) */
  | { outcome: "dropped" }
  /** another worker holds the row (our lease expired before we finished) */
  | { outcome: "lost_lease" };

/** Full-jitter exponential backoff: uniform in [0, min(cap, base·2^(attempt−1))]. */
export function backoffDelay(attempt: number, random: () => number, backoff: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

function composedFromRow(row: OutboxRow, priority: Priority | null): ComposedEmail {
  return {
    from: row.fromAddress,
    to: splitAddresses(row.toAddresses),
    cc: splitAddresses(row.ccAddresses),
    replyTo: row.replyTo ?? "",
    subject: row.subject,
    text: row.textBody,
    html: row.htmlBody,
    messageId: row.messageId,
    inReplyTo: row.inReplyTo ?? undefined,
    references: row.references ? row.references.split(/\s+/).filter(Boolean) : undefined,
    headers: batonHeaders({ caseId: row.caseId, priority, kind: row.kind as OutboxKind }),
  };
}

export const release = { lockedBy: null, lockedUntil: null } as const;

/** The row's state as claimed by its worker: every update after the send is conditional on it. */
export function ours(row: OutboxRow): Prisma.OutboxEmailWhereInput {
  return { id: row.id, status: "sending", lockedBy: row.lockedBy };
}

/**
 * Rebuilds a follow-up from every transcript message after the case's last emailed one, so a
 * chatty shopper gets one email per batch window, not one per message. Returns the refreshed row,
 * or an outcome when there is nothing to send yet.
 */
async function prepareFollowUp(db: Db, row: OutboxRow, now: Date, adminCaseUrl: AdminCaseUrl, waitMs: number): Promise<OutboxRow | DeliveryOutcome> {
  if (!row.caseId) return row;
  // Thread order: the case email (or an earlier follow-up) goes first.
  const earlier = await db.outboxEmail.count({
    where: {
      caseId: row.caseId,
      status: { in: ["pending", "sending"] },
      OR: [{ createdAt: { lt: row.createdAt } }, { createdAt: row.createdAt, id: { lt: row.id } }],
    },
  });
  if (earlier > 0) {
    const nextAttemptAt = new Date(now.getTime() + waitMs);
    await db.outboxEmail.updateMany({ where: ours(row), data: { status: "pending", nextAttemptAt, ...release } });
    return { outcome: "deferred", nextAttemptAt };
  }
  const loaded = await loadCaseView(db, row.caseId, adminCaseUrl);
  if (!loaded) return row;
  const newLines = loaded.lines.slice(loaded.messagesEmailed);
  if (newLines.length === 0) {
    // Built before (a resent follow-up whose messages a later one already carried): send as stored.
    if (row.coversUpTo > 0) return row;
    await db.outboxEmail.deleteMany({ where: ours(row) });
    return { outcome: "dropped" };
  }
  const email = composeFollowUpEmail(loaded.view, newLines, row.messageId);
  const data = { ...emailColumns(email), coversUpTo: loaded.lines.length };
  const { count } = await db.outboxEmail.updateMany({ where: ours(row), data });
  if (count !== 1) return { outcome: "lost_lease" };
  return { ...row, ...data };
}

/** A composed email's stored columns (everything but its id and delivery state). */
export function emailColumns(email: ComposedEmail) {
  return {
    inReplyTo: email.inReplyTo ?? null,
    references: email.references?.length ? email.references.join(" ") : null,
    fromAddress: email.from,
    toAddresses: joinAddresses(email.to),
    ccAddresses: email.cc.length ? joinAddresses(email.cc) : null,
    replyTo: email.replyTo || null,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html,
  };
}

export function isPriority(p: string | null | undefined): p is Priority {
  return (PRIORITIES as readonly string[]).includes(p ?? "");
}

/**
 * Sends one claimed row with its stored Message-ID (a retry after a crash between send and
 * mark re-sends the same id, never a new one), records the attempt, and then marks the row
 * `sent`, schedules a retry (exponential backoff with full jitter), or marks it `failed` on a
 * permanent (5xx) error or once `giveUpMinutes` have passed since it was queued. The lease is
 * released on every path; an unexpected error leaves the row to lease expiry.
 */
export async function deliverClaimed(db: Db, transport: MailSender, claimed: ClaimedRow, opts: DeliverOptions): Promise<DeliveryOutcome> {
  const { now } = opts;
  const random = opts.random ?? Math.random;
  const { reclaimed, caseFacts: factsAtClaim, ...stored } = claimed;
  let row: OutboxRow = stored;

  // A follow-up is (re)built until it has been delivered once. It goes out exactly as stored when it
  // was delivered before (Resend), or when a crashed worker may already have put this content on
  // the wire under this Message-ID (recipients may drop a second copy with the same id).
  const mayHaveBeenSent = row.sentAt !== null || (reclaimed === true && row.coversUpTo > 0);
  if (row.kind === "followup" && !mayHaveBeenSent && opts.adminCaseUrl) {
    const waitMs = Math.min(FOLLOW_UP_WAIT_MS, (opts.backoff ?? DEFAULT_BACKOFF).baseMs);
    const prepared = await prepareFollowUp(db, row, now, opts.adminCaseUrl, waitMs);
    if ("outcome" in prepared) return prepared;
    row = prepared;
  }

  const statements = await outboxStatementsOf(db);
  // Facts read with the claim hold for the row as claimed, not for a follow-up rebuilt since.
  const facts = row === stored && factsAtClaim ? factsAtClaim : row.caseId ? await caseFacts(db, statements, row.caseId) : null;
  const email = composedFromRow(row, isPriority(facts?.priority) ? facts.priority : null);
  // Most cases have no photo: then the photo claim's reads are skipped altogether.
  const attachments = facts?.photos === 0 ? [] : await photoAttachments(db, row);
  if (attachments.length) email.attachments = attachments;

  const started = performance.now();
  let sendError: unknown = null;
  let response = "";
  try {
    const result = await sendComposedEmail(transport, email);
    response = result.rejected.length ? `${result.response} (rejected: ${result.rejected.join(", ")})` : result.response;
  } catch (error) {
    sendError = error;
  }
  const durationMs = Math.max(0, Math.round(performance.now() - started));
  const finishedAt = new Date(now.getTime() + durationMs);
  const attempts = row.attempts + 1;
  const isCaseEmail = row.kind === "case" || row.kind === "followup";

  if (sendError === null && statements) {
    const sent = { at: now, finishedAt, response, durationMs, attempts };
    const marked = await retried(() => statements.recordSent(row, sent), opts.log);
    if (marked !== 1) opts.log?.warn({ outboxId: row.id }, "sent, but its lease had been taken over; the other worker re-sends the same Message-ID");
    return { outcome: "sent", response };
  }

  if (sendError === null) {
    const writes = (): Prisma.PrismaPromise<unknown>[] => [
      db.deliveryAttempt.create({ data: { outboxId: row.id, at: now, ok: true, response: response.slice(0, 1000), durationMs } }),
      db.outboxEmail.updateMany({
        where: ours(row),
        data: { status: "sent", sentAt: finishedAt, failedAt: null, lastError: null, attempts, ...release },
      }),
      ...(row.caseId && isCaseEmail ? caseSent(db, row) : []),
    ];
    const [, marked] = await record(db, writes, opts.log);
    if ((marked as Prisma.BatchPayload).count !== 1)
      opts.log?.warn({ outboxId: row.id }, "sent, but its lease had been taken over; the other worker re-sends the same Message-ID");
    return { outcome: "sent", response };
  }

  const failure = classifySmtpError(sendError);
  const giveUpAt = row.createdAt.getTime() + opts.giveUpMinutes * 60_000;
  const giveUp = failure.permanent || (finishedAt.getTime() >= giveUpAt && attempts >= MIN_ATTEMPTS_BEFORE_GIVE_UP);

  if (giveUp) {
    const error = failure.permanent ? failure.message : `Gave up after ${attempts} attempts: ${failure.message}`;
    await record(
      db,
      () => [
        db.deliveryAttempt.create({ data: { outboxId: row.id, at: now, ok: false, error: failure.message, durationMs } }),
        db.outboxEmail.updateMany({ where: ours(row), data: { status: "failed", failedAt: finishedAt, lastError: error, attempts, ...release } }),
        ...(row.caseId && isCaseEmail ? [db.escalationCase.updateMany({ where: { id: row.caseId }, data: { status: "failed" } })] : []),
      ],
      opts.log,
    );
    opts.log?.error({ outboxId: row.id, kind: row.kind, reason: error }, "email failed");
    return { outcome: "failed", error };
  }

  const nextAttemptAt = new Date(finishedAt.getTime() + backoffDelay(attempts, random, opts.backoff));
  await record(
    db,
    () => [
      db.deliveryAttempt.create({ data: { outboxId: row.id, at: now, ok: false, error: failure.message, durationMs } }),
      db.outboxEmail.updateMany({ where: ours(row), data: { status: "pending", nextAttemptAt, lastError: failure.message, attempts, ...release } }),
    ],
    opts.log,
  );
  opts.log?.warn(
    { outboxId: row.id, kind: row.kind, attempts, retryAt: nextAttemptAt.toISOString(), reason: failure.message },
    "email attempt failed, retrying",
  );
  return { outcome: "retry", error: failure.message, nextAttemptAt, scope: failure.scope };
}

// Recording an attempt is one short batch transaction (no interactive transaction holding a
// connection across awaits: under load those waited past Prisma's 2 s maxWait and failed with
// P2028, leaving a sent email in `sending` until its lease expired). A failed write is retried
// briefly, since the mail is already on the wire.
const RECORD_RETRY_MS = [50, 200, 800];

async function record(db: Db, writes: () => Prisma.PrismaPromise<unknown>[], log?: LogSink): Promise<unknown[]> {
  return retried(() => db.$transaction(writes()), log);
}

async function retried<T>(write: () => Promise<T>, log?: LogSink): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const wait = RECORD_RETRY_MS[attempt];
      if (wait === undefined) throw error;
      log?.warn({ err: (error as Error).message, attempt: attempt + 1 }, "recording a delivery attempt failed, retrying");
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** The case's priority and photo count (photos unknown, so looked for, through Prisma). */
async function caseFacts(db: Db, statements: OutboxStatements | null, caseId: string): Promise<{ priority: string; photos?: number } | null> {
  if (statements) return statements.caseFacts(caseId);
  return db.escalationCase.findUnique({ where: { id: caseId }, select: { priority: true } });
}

/** The case's side of a delivered case email or follow-up. */
function caseSent(db: Db, row: OutboxRow): Prisma.PrismaPromise<unknown>[] {
  const caseId = row.caseId!;
  return [
    // A delivered follow-up does not paper over a case email that failed: that one shows until resent.
    db.escalationCase.updateMany({ where: row.kind === "case" ? { id: caseId } : { id: caseId, status: { not: "failed" } }, data: { status: "sent" } }),
    // Never move backwards (a resent old email covers fewer messages than a later follow-up).
    db.escalationCase.updateMany({ where: { id: caseId, messagesEmailed: { lt: row.coversUpTo } }, data: { messagesEmailed: row.coversUpTo } }),
  ];
}
