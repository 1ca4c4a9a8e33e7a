import type BetterSqlite3 from "better-sqlite3";
import { randomUUID } from "node:crypto";
import type { ClaimOptions } from "./claim.server";
import type { CaseFacts, OutboxStatements, SentRecord } from "./outbox-statements.server";
import { sqliteDate, whenNoOtherTransaction, writeWithoutBlocking } from "~/sqlite-writes.server";
import type { ClaimedRow, OutboxRow } from "./types";

/**
 * The outbox's hot path on SQLite (outbox-statements.server.ts): cached prepared statements on the
 * Prisma adapter's own connection, each write one short IMMEDIATE transaction that never sleeps on
 * the event loop for another connection's lock (sqlite-writes.server.ts).
 */
export function createSqliteOutboxStatements(connection: () => Promise<BetterSqlite3.Database | null>): OutboxStatements {
  const prepared = new WeakMap<BetterSqlite3.Database, Statements>();
  const statements = async () => {
    const conn = await connection();
    if (!conn) throw new Error("the SQLite connection is gone");
    let st = prepared.get(conn);
    if (!st) prepared.set(conn, (st = prepare(conn)));
    return { conn, st };
  };

  return {
    async claim(opts: ClaimOptions): Promise<ClaimedRow[]> {
      const { conn, st } = await statements();
      const now = sqliteDate(opts.now);
      const lockedUntil = new Date(opts.now.getTime() + opts.leaseMs);
      // Choosing and taking are one IMMEDIATE transaction: no other connection can take a row in between,
      // and the conditional updates keep the Prisma claim's rule (a row changed since it was read is not ours).
      const rows = await writeWithoutBlocking(conn, () =>
        conn
          .transaction(() => {
            const candidates = st.candidates.all({ now, limit: opts.limit }) as Candidate[];
            const taken: ClaimedRow[] = [];
            for (const c of candidates) {
              if (taken.length >= opts.limit) break;
              const args = {
                id: c.id,
                workerId: opts.workerId,
                lockedUntil: sqliteDate(lockedUntil),
                now,
                attempts: c.attempts,
                lockedBy: c.lockedBy,
                lockedUntilWas: c.lockedUntil,
              };
              const row = (c.status === "pending" ? st.claimPending.get(args) : st.reclaimSending.get(args)) as RawRow | undefined;
              if (row) taken.push({ ...fromRaw(row), reclaimed: c.status === "sending" });
            }
            return taken;
          })
          .immediate(),
      );
      return rows;
    },

    async caseFacts(caseId: string): Promise<CaseFacts | null> {
      const { conn, st } = await statements();
      return whenNoOtherTransaction(conn, () => (st.caseFacts.get(caseId) as CaseFacts | undefined) ?? null);
    },

    async recordSent(row: OutboxRow, sent: SentRecord): Promise<number> {
      const { conn, st } = await statements();
      const isCaseEmail = row.kind === "case" || row.kind === "followup";
      return writeWithoutBlocking(conn, () =>
        conn
          .transaction(() => {
            st.insertAttempt.run({
              id: randomUUID(),
              outboxId: row.id,
              at: sqliteDate(sent.at),
              response: sent.response.slice(0, 1000),
              durationMs: sent.durationMs,
            });
            const marked = st.markSent.run({ id: row.id, lockedBy: row.lockedBy, sentAt: sqliteDate(sent.finishedAt), attempts: sent.attempts }).changes;
            if (row.caseId && isCaseEmail)
              st.caseSent.run({ id: row.caseId, isCase: row.kind === "case" ? 1 : 0, coversUpTo: row.coversUpTo, now: sqliteDate(new Date()) });
            return marked;
          })
          .immediate(),
      );
    },
  };
}

interface Candidate {
  id: string;
  status: string;
  attempts: number;
  lockedBy: string | null;
  lockedUntil: string | null;
}

type RawRow = Record<keyof OutboxRow, unknown>;

type Statements = ReturnType<typeof prepare>;

const ROW = `"id", "shop", "caseId", "kind", "status", "messageId", "inReplyTo", "references", "fromAddress", "toAddresses", "ccAddresses",
  "replyTo", "subject", "textBody", "htmlBody", "attempts", "nextAttemptAt", "lockedBy", "lockedUntil", "lastError", "sentAt", "failedAt",
  "createdAt", "coversUpTo"`;

function prepare(conn: BetterSqlite3.Database) {
  // The adapter's connection reads integers as BigInt; these columns are small counts.
  const s = (sql: string) => conn.prepare(sql).safeIntegers(false);
  return {
    // Status columns only: the bodies are read once, for the rows actually taken. Twice the limit,
    // as the Prisma claim reads (kept for the same reason when another database client claims too).
    candidates: s(`SELECT "id", "status", "attempts", "lockedBy", "lockedUntil" FROM "OutboxEmail"
      WHERE ("status" = 'pending' AND "nextAttemptAt" <= @now) OR ("status" = 'sending' AND ("lockedUntil" IS NULL OR "lockedUntil" < @now))
      ORDER BY "nextAttemptAt" ASC, "createdAt" ASC LIMIT @limit * 2`),
    claimPending: s(`UPDATE "OutboxEmail" SET "status" = 'sending', "lockedBy" = @workerId, "lockedUntil" = @lockedUntil
      WHERE "id" = @id AND "status" = 'pending' AND "attempts" = @attempts AND "nextAttemptAt" <= @now RETURNING ${ROW}`),
    reclaimSending: s(`UPDATE "OutboxEmail" SET "status" = 'sending', "lockedBy" = @workerId, "lockedUntil" = @lockedUntil
      WHERE "id" = @id AND "status" = 'sending' AND "lockedBy" IS @lockedBy AND "lockedUntil" IS @lockedUntilWas RETURNING ${ROW}`),
    caseFacts: s(`SELECT c."priority" AS "priority", (SELECT COUNT(*) FROM "ChatPhoto" p WHERE p."conversationId" = c."conversationId") AS "photos"
      FROM "EscalationCase" c WHERE c."id" = ?`),
    insertAttempt: s(`INSERT INTO "DeliveryAttempt" ("id", "outboxId", "at", "ok", "response", "error", "durationMs")
      VALUES (@id, @outboxId, @at, 1, @response, NULL, @durationMs)`),
    markSent: s(`UPDATE "OutboxEmail" SET "status" = 'sent', "sentAt" = @sentAt, "failedAt" = NULL, "lastError" = NULL, "attempts" = @attempts,
      "lockedBy" = NULL, "lockedUntil" = NULL WHERE "id" = @id AND "status" = 'sending' AND "lockedBy" IS @lockedBy`),
    // A delivered follow-up does not paper over a failed case email; `messagesEmailed` never moves backwards.
    caseSent: s(`UPDATE "EscalationCase" SET "status" = CASE WHEN @isCase = 1 OR "status" <> 'failed' THEN 'sent' ELSE "status" END,
      "messagesEmailed" = MAX("messagesEmailed", @coversUpTo), "updatedAt" = @now WHERE "id" = @id`),
  };
}

const DATES = ["nextAttemptAt", "lockedUntil", "sentAt", "failedAt", "createdAt"] as const;

function fromRaw(raw: RawRow): OutboxRow {
  const row = { ...raw } as Record<string, unknown>;
  for (const key of DATES) row[key] = raw[key] === null ? null : new Date(raw[key] as string);
  return row as unknown as OutboxRow;
}
