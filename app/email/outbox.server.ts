import { randomBytes } from "node:crypto";
import type { OutboxEmail, Prisma } from "@prisma/client";
import { batonHeaders, composeFollowUpEmail, followUpSubject } from "~/domain/email/compose-escalation-email";
import type { ComposedEmail } from "~/domain/email/types";
import { PRIORITIES, type Priority } from "~/domain/escalation";
import type { Db } from "~/db.server";
import { loadCaseView, parseStoredRoute, type AdminCaseUrl } from "./load-case-email.server";
import { classifySmtpError, sendComposedEmail, type MailSender } from "./mailer.server";

// The durable email outbox. A row is committed (with its case) before any SMTP traffic; workers
// claim due rows atomically with a lease, send them with the row's stored Message-ID, and record
// every attempt. Works on SQLite and PostgreSQL through plain Prisma calls: each claim is one
// conditional UPDATE, so two app instances on one database never both send a row.

export type OutboxKind = "case" | "followup" | "test" | "data_request";
export type OutboxStatus = "pending" | "sending" | "sent" | "failed";
export type OutboxRow = OutboxEmail;
/** A row claimed by `claimDueEmails`; `reclaimed` when taken over from a worker whose lease expired. */
export type ClaimedRow = OutboxRow & { reclaimed?: boolean };

type OutboxWriter = Pick<Db, "outboxEmail"> | Pick<Prisma.TransactionClient, "outboxEmail">;

export interface BackoffOptions {
  /** First retry delay ceiling (ms). Default 5 s; the ceiling doubles per attempt. */
  baseMs: number;
  /** Largest retry delay ceiling (ms). Default 10 min. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, capMs: 10 * 60_000 };
/** How long a claim is held; must exceed one SMTP send (three 10 s timeouts at most). */
export const DEFAULT_LEASE_MS = 2 * 60_000;
/**
 * A row is failed for good only after this many attempts, even past its give-up time: a row queued
 * while every worker was down for longer than the give-up window, or re-queued by Resend, still
 * gets real tries instead of failing on the first hiccup.
 */
export const MIN_ATTEMPTS_BEFORE_GIVE_UP = 3;
/** Longest a follow-up waits before re-checking when an earlier email of its case is still queued. */
const FOLLOW_UP_WAIT_MS = 2_000;

const joinAddresses = (list: readonly string[]) => list.join(", ");
export const splitAddresses = (stored: string | null | undefined): string[] =>
  (stored ?? "").split(",").map((a) => a.trim()).filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Enqueue

export interface EnqueueEmailInput {
  shop: string;
  caseId?: string | null;
  kind: OutboxKind;
  email: ComposedEmail;
  /** Transcript messages this email covers (the case's `messagesEmailed` once it is sent). */
  coversUpTo?: number;
  /** Earliest send time (default: now). */
  notBefore?: Date;
  /** Clock of the caller (default: the current time); also the row's createdAt (start of the give-up window). */
  now?: Date;
}

/**
 * Inserts an outbox row. Call it inside the transaction that stores the case, so the case and its
 * email are committed together before any SMTP traffic (then `kick()` the worker).
 */
export async function enqueueEmail(tx: OutboxWriter, input: EnqueueEmailInput): Promise<OutboxRow> {
  return tx.outboxEmail.create({ data: outboxInsert(input) });
}

/** The columns of a new outbox row (also written by the SQLite chat store, in its own transaction). */
export function outboxInsert(input: EnqueueEmailInput) {
  const { email } = input;
  const now = input.now ?? new Date();
  return {
    shop: input.shop,
    caseId: input.caseId ?? null,
    kind: input.kind,
    status: "pending",
    messageId: email.messageId,
    ...emailColumns(email),
    coversUpTo: input.coversUpTo ?? 0,
    nextAttemptAt: input.notBefore ?? now,
    createdAt: now,
  };
}
export type OutboxInsert = ReturnType<typeof outboxInsert>;

// ---------------------------------------------------------------------------------------------
// Claim

export interface ClaimOptions {
  workerId: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

/**
 * Claims up to `limit` due rows for `workerId`: pending rows whose time has come, and rows left in
 * `sending` by a worker whose lease expired (it crashed). Each claim is a conditional update on the
 * state just read; only rows where exactly one row changed are ours, so concurrent workers (even in
 * different processes on one PostgreSQL) never claim the same row.
 */
export async function claimDueEmails(db: Pick<Db, "outboxEmail">, opts: ClaimOptions): Promise<ClaimedRow[]> {
  if (opts.limit <= 0) return [];
  const candidates = await db.outboxEmail.findMany({
    where: {
      OR: [
        { status: "pending", nextAttemptAt: { lte: opts.now } },
        { status: "sending", lockedUntil: { lt: opts.now } },
        // A `sending` row without a lease cannot come from this code, but must not be stuck forever.
        { status: "sending", lockedUntil: null },
      ],
    },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    // Read a few more than needed: some may be taken by another worker meanwhile.
    take: opts.limit * 2,
  });
  const lockedUntil = new Date(opts.now.getTime() + opts.leaseMs);
  const claimed: ClaimedRow[] = [];
  for (const row of candidates) {
    if (claimed.length >= opts.limit) break;
    const asRead: Prisma.OutboxEmailWhereInput =
      row.status === "pending"
        ? { id: row.id, status: "pending", attempts: row.attempts, nextAttemptAt: { lte: opts.now } }
        : { id: row.id, status: "sending", lockedBy: row.lockedBy, lockedUntil: row.lockedUntil };
    const { count } = await db.outboxEmail.updateMany({
      where: asRead,
      data: { status: "sending", lockedBy: opts.workerId, lockedUntil },
    });
    if (count === 1) claimed.push({ ...row, status: "sending", lockedBy: opts.workerId, lockedUntil, reclaimed: row.status === "sending" });
  }
  return claimed;
}

// ---------------------------------------------------------------------------------------------
// Deliver

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
  log?: Pick<Console, "warn" | "error">;
}

export type DeliveryOutcome =
  /** accepted by the SMTP server */
  | { outcome: "sent"; response: string }
  /** temporary failure, retried at `nextAttemptAt` */
  | { outcome: "retry"; error: string; nextAttemptAt: Date }
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

const release = { lockedBy: null, lockedUntil: null } as const;

/** The row's state as claimed by its worker: every update after the send is conditional on it. */
function ours(row: OutboxRow): Prisma.OutboxEmailWhereInput {
  return { id: row.id, status: "sending", lockedBy: row.lockedBy };
}

/**
 * Rebuilds a follow-up from every transcript message after the case's last emailed one, so a
 * chatty shopper gets one email per batch window, not one per message. Returns the refreshed row,
 * or an outcome when there is nothing to send yet.
 */
async function prepareFollowUp(
  db: Db,
  row: OutboxRow,
  now: Date,
  adminCaseUrl: AdminCaseUrl,
  waitMs: number,
): Promise<OutboxRow | DeliveryOutcome> {
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
function emailColumns(email: ComposedEmail) {
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

function isPriority(p: string | null | undefined): p is Priority {
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
  const { reclaimed, ...stored } = claimed;
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

  const caseRow = row.caseId ? await db.escalationCase.findUnique({ where: { id: row.caseId }, select: { priority: true } }) : null;
  const email = composedFromRow(row, isPriority(caseRow?.priority) ? caseRow.priority : null);

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

  if (sendError === null) {
    const lost = await db.$transaction(async (tx) => {
      await tx.deliveryAttempt.create({ data: { outboxId: row.id, at: now, ok: true, response: response.slice(0, 1000), durationMs } });
      const { count } = await tx.outboxEmail.updateMany({
        where: ours(row),
        data: { status: "sent", sentAt: finishedAt, failedAt: null, lastError: null, attempts, ...release },
      });
      if (row.caseId && isCaseEmail) {
        // A delivered follow-up does not paper over a case email that failed: that one shows until resent.
        await tx.escalationCase.updateMany({
          where: row.kind === "case" ? { id: row.caseId } : { id: row.caseId, status: { not: "failed" } },
          data: { status: "sent" },
        });
        // Never move backwards (a resent old email covers fewer messages than a later follow-up).
        await tx.escalationCase.updateMany({
          where: { id: row.caseId, messagesEmailed: { lt: row.coversUpTo } },
          data: { messagesEmailed: row.coversUpTo },
        });
      }
      return count !== 1;
    });
    if (lost) opts.log?.warn(`[outbox] ${row.id} was sent but its lease had been taken over; the other worker re-sends the same Message-ID`);
    return { outcome: "sent", response };
  }

  const failure = classifySmtpError(sendError);
  const giveUpAt = row.createdAt.getTime() + opts.giveUpMinutes * 60_000;
  const giveUp = failure.permanent || (finishedAt.getTime() >= giveUpAt && attempts >= MIN_ATTEMPTS_BEFORE_GIVE_UP);

  if (giveUp) {
    const error = failure.permanent ? failure.message : `Gave up after ${attempts} attempts: ${failure.message}`;
    await db.$transaction(async (tx) => {
      await tx.deliveryAttempt.create({ data: { outboxId: row.id, at: now, ok: false, error: failure.message, durationMs } });
      await tx.outboxEmail.updateMany({ where: ours(row), data: { status: "failed", failedAt: finishedAt, lastError: error, attempts, ...release } });
      if (row.caseId && isCaseEmail) await tx.escalationCase.updateMany({ where: { id: row.caseId }, data: { status: "failed" } });
    });
    opts.log?.error(`[outbox] ${row.kind} email ${row.id} failed: ${error}`);
    return { outcome: "failed", error };
  }

  const nextAttemptAt = new Date(finishedAt.getTime() + backoffDelay(attempts, random, opts.backoff));
  await db.$transaction(async (tx) => {
    await tx.deliveryAttempt.create({ data: { outboxId: row.id, at: now, ok: false, error: failure.message, durationMs } });
    await tx.outboxEmail.updateMany({ where: ours(row), data: { status: "pending", nextAttemptAt, lastError: failure.message, attempts, ...release } });
  });
  opts.log?.warn(`[outbox] ${row.kind} email ${row.id} attempt ${attempts} failed, retrying at ${nextAttemptAt.toISOString()}: ${failure.message}`);
  return { outcome: "retry", error: failure.message, nextAttemptAt };
}

// ---------------------------------------------------------------------------------------------
// Follow-ups

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
  if (pending) return { queued: false, outboxId: pending.id, reason: "batched" };

  const c = await db.escalationCase.findFirst({ where: { id: input.caseId, shop: input.shop } });
  if (!c || !["queued", "sent", "failed"].includes(c.status) || !c.shopperEmail) return { queued: false, outboxId: null, reason: "no_case" };
  if (input.maxPerDay !== undefined) {
    const since = new Date(input.now.getTime() - 24 * 3_600_000);
    const recent = await db.outboxEmail.count({ where: { caseId: c.id, kind: "followup", createdAt: { gte: since } } });
    if (recent >= input.maxPerDay) return { queued: false, outboxId: null, reason: "capped" };
  }

  const route = parseStoredRoute(c.route);
  const domain = /@([^>\s]+)>?$/.exec(c.messageId)?.[1] ?? "baton.local";
  const messageId = `<followup-${c.id}-${randomBytes(6).toString("hex")}@${domain}>`;
  const customer = c.customerFacts && typeof c.customerFacts === "object" ? (c.customerFacts as { displayName?: unknown }) : null;
  const subject = followUpSubject({
    priority: isPriority(c.priority) ? c.priority : "normal",
    // Only a proven order is stored with its facts; a name alone never reaches the subject.
    orderName: c.orderFacts ? c.orderName : null,
    reasonText: c.reasonText,
    customerName: typeof customer?.displayName === "string" ? customer.displayName : null,
    shopperEmail: c.shopperEmail,
  });
  const placeholder = "New messages on this case (composed when the follow-up is sent).";
  const row = await enqueueEmail(db, {
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
  return { queued: true, outboxId: row.id };
}

// ---------------------------------------------------------------------------------------------
// Resend (admin)

export type ResendResult =
  | { ok: true; row: OutboxRow }
  | { ok: false; reason: "not_found" | "in_progress" };

/**
 * The admin's Resend button: re-queues one of the shop's own failed (or sent) rows for now, with
 * the SAME Message-ID (recipients' clients thread and de-duplicate on it). Attempts restart so the
 * row gets fresh tries before it can be given up again; the attempt log keeps the history.
 */
export async function resendOutboxEmail(db: Db, input: { shop: string; outboxId: string; now: Date }): Promise<ResendResult> {
  return db.$transaction(async (tx) => {
    const row = await tx.outboxEmail.findFirst({ where: { id: input.outboxId, shop: input.shop } });
    if (!row) return { ok: false as const, reason: "not_found" as const };
    const { count } = await tx.outboxEmail.updateMany({
      where: { id: row.id, shop: input.shop, status: { in: ["failed", "sent"] } },
      data: { status: "pending", nextAttemptAt: input.now, failedAt: null, attempts: 0, ...release },
    });
    if (count !== 1) return { ok: false as const, reason: "in_progress" as const };
    if (row.caseId && row.kind === "case") await tx.escalationCase.updateMany({ where: { id: row.caseId }, data: { status: "queued" } });
    const updated = await tx.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    return { ok: true as const, row: updated };
  });
}

// ---------------------------------------------------------------------------------------------
// Worker

export interface OutboxWorkerOptions {
  db: Db;
  transport: MailSender;
  /** Idle poll period (ms); `kick()` wakes the worker sooner. */
  pollMs: number;
  giveUpMinutes: number;
  /** Unique per process (claims are recorded under it). */
  workerId: string;
  /** Link to a case in the Baton admin: `(shop, caseId)`, as admin-links.server.ts `adminCaseUrl`. */
  adminCaseUrl: AdminCaseUrl;
  /** Parallel sends. Default 4. */
  concurrency?: number;
  leaseMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  clock?: () => Date;
  log?: Pick<Console, "warn" | "error">;
}

export interface OutboxWorker {
  /** Stops claiming, waits for in-flight sends to finish. */
  stop(): Promise<void>;
  /** Run now (right after an enqueue), so handoff latency is milliseconds, not `pollMs`. */
  kick(): void;
}

/** Starts the loop that claims due rows and delivers them with bounded concurrency. Never throws. */
export function startOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? console;
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let pokes = 0;
  let wake: (() => void) | null = null;

  const poke = () => {
    pokes++;
    wake?.();
  };

  function deliver(row: ClaimedRow): void {
    const task = deliverClaimed(opts.db, opts.transport, row, {
      now: clock(),
      giveUpMinutes: opts.giveUpMinutes,
      random: opts.random,
      backoff: opts.backoff,
      adminCaseUrl: opts.adminCaseUrl,
      log,
    })
      .then(
        () => undefined,
        (error: unknown) => log.error(`[outbox] delivering ${row.id} failed unexpectedly (lease expiry will retry it):`, error),
      )
      .finally(() => {
        inFlight.delete(task);
        poke();
      });
    inFlight.add(task);
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      const seen = pokes;
      const free = concurrency - inFlight.size;
      let claimedAll = false;
      if (free > 0) {
        try {
          const rows = await claimDueEmails(opts.db, { workerId: opts.workerId, now: clock(), leaseMs, limit: free });
          for (const row of rows) deliver(row);
          claimedAll = rows.length === free;
        } catch (error) {
          log.error("[outbox] claiming due emails failed:", error);
        }
      }
      if (stopped) break;
      // More may be due (we filled every slot) or someone poked while we were busy: go again.
      if ((claimedAll && inFlight.size < concurrency) || pokes !== seen) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, opts.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  const running = loop().catch((error: unknown) => log.error("[outbox] worker loop crashed:", error));

  return {
    kick: poke,
    async stop() {
      stopped = true;
      poke();
      await running;
      await Promise.allSettled([...inFlight]);
    },
  };
}
