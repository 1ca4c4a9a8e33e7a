import { randomUUID } from "node:crypto";
import pg from "pg";
import type { ClaimOptions } from "./claim.server";
import type { CaseFacts, OutboxStatements, SentRecord } from "./outbox-statements.server";
import type { ClaimedRow, OutboxRow } from "./types";

/**
 * The outbox's hot path on PostgreSQL (outbox-statements.server.ts): one named statement a step. The
 * claim is a single UPDATE over rows chosen FOR UPDATE SKIP LOCKED (two instances never take one row; a
 * row another claim changed meanwhile no longer matches), and the record of a sent email one statement
 * too. They run on one connection of their own, made like the process's pool's: on the shared pool a
 * hand-off queued for a connection behind every chat turn in flight (one-process mode, 32 shoppers,
 * 10 connections). Idle, it never keeps the process alive and closes after a minute.
 */
export function createPgOutboxStatements(shared: pg.Pool): OutboxStatements {
  // The password is a non-enumerable option (pg keeps it out of logs): a spread alone would drop it.
  const pool = new pg.Pool({ ...shared.options, password: shared.options.password, max: 1, allowExitOnIdle: true, idleTimeoutMillis: 60_000 });
  // A connection dropped while idle (server restart) is replaced on next use; unheard, it would end the process.
  pool.on("error", () => undefined);
  return {
    async claim(opts: ClaimOptions): Promise<ClaimedRow[]> {
      const lockedUntil = new Date(opts.now.getTime() + opts.leaseMs);
      const { rows } = await pool.query<OutboxRow & { was: string; casePriority: string | null; casePhotos: number }>({
        name: "baton_outbox_claim",
        text: CLAIM,
        values: [opts.workerId, lockedUntil.toISOString(), opts.now.toISOString(), opts.limit],
        types: UTC_TIMESTAMPS,
      });
      return rows.map(({ was, casePriority, casePhotos, ...row }) => ({
        ...row,
        reclaimed: was === "sending",
        caseFacts: casePriority === null ? undefined : { priority: casePriority, photos: casePhotos },
      }));
    },

    async caseFacts(caseId: string): Promise<CaseFacts | null> {
      const { rows } = await pool.query<CaseFacts>({ name: "baton_outbox_case_facts", text: CASE_FACTS, values: [caseId] });
      return rows[0] ?? null;
    },

    async recordSent(row: OutboxRow, sent: SentRecord): Promise<number> {
      const isCaseEmail = row.kind === "case" || row.kind === "followup";
      const { rows } = await pool.query<{ marked: number }>({
        name: "baton_outbox_record_sent",
        text: RECORD_SENT,
        values: [
          randomUUID(),
          row.id,
          sent.at.toISOString(),
          sent.response.slice(0, 1000),
          sent.durationMs,
          sent.finishedAt.toISOString(),
          sent.attempts,
          row.lockedBy,
          row.caseId && isCaseEmail ? row.caseId : null,
          row.kind === "case",
          row.coversUpTo,
          new Date().toISOString(),
        ],
      });
      return rows[0]?.marked ?? 0;
    },
  };
}

const COLUMNS = `o."id", o."shop", o."caseId", o."kind", o."status", o."messageId", o."inReplyTo", o."references", o."fromAddress", o."toAddresses",
  o."ccAddresses", o."replyTo", o."subject", o."textBody", o."htmlBody", o."attempts", o."nextAttemptAt", o."lockedBy", o."lockedUntil", o."lastError",
  o."sentAt", o."failedAt", o."createdAt", o."coversUpTo"`;

// The rows are chosen by status columns only; the bodies come back once, for the rows taken, with their
// case's priority and photo count (the delivery needs no other read before SMTP).
const CLAIM = `UPDATE "OutboxEmail" o SET "status" = 'sending', "lockedBy" = $1, "lockedUntil" = $2::timestamp(3)
  FROM (SELECT "id", "status" FROM "OutboxEmail"
    WHERE ("status" = 'pending' AND "nextAttemptAt" <= $3::timestamp(3))
      OR ("status" = 'sending' AND ("lockedUntil" IS NULL OR "lockedUntil" < $3::timestamp(3)))
    ORDER BY "nextAttemptAt" ASC, "createdAt" ASC LIMIT $4 FOR UPDATE SKIP LOCKED) d
  WHERE o."id" = d."id" RETURNING ${COLUMNS}, d."status" AS "was",
    (SELECT c."priority" FROM "EscalationCase" c WHERE c."id" = o."caseId") AS "casePriority",
    (SELECT COUNT(*)::int FROM "ChatPhoto" p JOIN "EscalationCase" c ON c."conversationId" = p."conversationId" WHERE c."id" = o."caseId") AS "casePhotos"`;

const CASE_FACTS = `SELECT c."priority", (SELECT COUNT(*)::int FROM "ChatPhoto" p WHERE p."conversationId" = c."conversationId") AS "photos"
  FROM "EscalationCase" c WHERE c."id" = $1`;

// One statement: the attempt, the row `sent` while the lease is ours, the case's side (a delivered
// follow-up does not paper over a failed case email; `messagesEmailed` never moves backwards).
const RECORD_SENT = `WITH attempt AS (
    INSERT INTO "DeliveryAttempt" ("id", "outboxId", "at", "ok", "response", "error", "durationMs") VALUES ($1, $2, $3::timestamp(3), true, $4, NULL, $5)
  ), marked AS (
    UPDATE "OutboxEmail" SET "status" = 'sent', "sentAt" = $6::timestamp(3), "failedAt" = NULL, "lastError" = NULL, "attempts" = $7,
      "lockedBy" = NULL, "lockedUntil" = NULL
    WHERE "id" = $2 AND "status" = 'sending' AND "lockedBy" IS NOT DISTINCT FROM $8::text RETURNING 1
  ), case_sent AS (
    UPDATE "EscalationCase" SET "status" = CASE WHEN $10::boolean OR "status" <> 'failed' THEN 'sent' ELSE "status" END,
      "messagesEmailed" = GREATEST("messagesEmailed", $11::int), "updatedAt" = $12::timestamp(3)
    WHERE $9::text IS NOT NULL AND "id" = $9::text
  )
  SELECT (SELECT COUNT(*) FROM marked)::int AS "marked"`;

/** TIMESTAMP(3) columns hold UTC (Prisma's convention); pg would read them in the process's own zone. */
const UTC_TIMESTAMPS = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.TIMESTAMP
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};
