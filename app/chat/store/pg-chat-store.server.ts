import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { CasePlan, ChatStore, FollowUpWrite, StoredConversation, StoredMessage, TranscriptRow, TurnRead, TurnWrite } from "./chat-store";
import { timeOrderedId } from "./ordered-id";

/**
 * The chat store on PostgreSQL through `pg` directly: named prepared statements, and one round trip
 * for the ordinary turn's read (conversation, case, usage count and newest messages in one SELECT)
 * and one for its write (conversation, messages and usage count in one statement of data-modifying
 * CTEs, atomic on its own). A turn that opens a case or queues a follow-up plans from what it reads
 * inside its transaction, as the Prisma store did. Prisma spent ~40 % of a PostgreSQL turn's CPU
 * (JSON protocol, wasm query compiler, one round trip per query, BEGIN/COMMIT around the write).
 * Columns and encodings are Prisma's (TIMESTAMP(3) in UTC, JSONB), so Prisma reads these rows
 * unchanged; tests/integration/chat-store.test.ts runs every store through one contract.
 */
export function createPgChatStore(pool: pg.Pool): ChatStore {
  const loadConversation = async (shop: string, conversationId: string | null, historyLimit: number, period: string): Promise<TurnRead> => {
    const { rows } = await pool.query<TurnReadRow>({ name: "baton_turn_read", text: TURN_READ, values: [conversationId, shop, period, historyLimit] });
    const row = rows[0]!;
    return { conversation: row.id ? conversationOf(row) : null, escalationsThisPeriod: row.escalations ?? 0 };
  };

  return {
    loadTurn: (shop, conversationId, historyLimit, usagePeriod) => loadConversation(shop, conversationId, historyLimit, usagePeriod),

    async loadConversation(shop, conversationId, historyLimit) {
      return (await loadConversation(shop, conversationId, historyLimit, "")).conversation;
    },

    async saveTurn(w) {
      const followUp = w.followUp;
      if (!followUp) {
        await pool.query(turnStatement(w));
        return;
      }
      await inTransaction(pool, async (client) => {
        await client.query(turnStatement(w));
        await writeFollowUp(client, w, followUp);
      });
    },

    async saveTurnWithCase(w, plan) {
      await inTransaction(pool, async (client) => {
        // The turn's write comes first: it locks the conversation's row, so a concurrent turn of the
        // same conversation waits here and the read below (a new snapshot) sees what it committed.
        await client.query(turnStatement(w));
        const { rows } = await client.query<{ transcript: JsonMessage[] | null; prior: { id: string; status: string } | null }>({
          name: "baton_case_read",
          text: CASE_READ,
          values: [w.conversationId],
        });
        const transcript = (rows[0]!.transcript ?? []).map((m): TranscriptRow => ({ role: m.role, text: m.text, createdAt: utc(m.createdAt) }));
        const planned = plan(transcript, rows[0]!.prior);
        if (planned) await writeCase(client, w, planned);
      });
    },

    async escalationsInPeriod(shop, period) {
      const { rows } = await pool.query<{ escalations: number }>({ name: "baton_usage_read", text: USAGE_READ, values: [shop, period] });
      return rows[0]?.escalations ?? 0;
    },
  };
}

async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await work(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Prisma's TIMESTAMP(3) holds UTC; JSON renders it without a zone. */
function utc(text: string): Date {
  return new Date(`${text}Z`);
}

/** A Date as a TIMESTAMP(3) literal in UTC (pg would send a Date in the process's own zone). */
function stamp(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

interface JsonMessage {
  role: string;
  text: string;
  createdAt: string;
  meta?: unknown;
}

interface TurnReadRow {
  id: string | null;
  customerId: string | null;
  state: string;
  shopperEmail: string | null;
  pendingEscalation: string | null;
  orderName: string | null;
  orderVerified: boolean;
  unhelpfulCount: number;
  emailAsks: number;
  caseId: string | null;
  caseStatus: string | null;
  visitHash: string | null;
  visitUsedAt: Date | null;
  escalations: number | null;
  messages: JsonMessage[] | null;
}

function conversationOf(row: TurnReadRow): StoredConversation {
  return {
    id: row.id!,
    customerId: row.customerId,
    state: row.state,
    shopperEmail: row.shopperEmail,
    pendingEscalation: row.pendingEscalation,
    orderName: row.orderName,
    orderVerified: row.orderVerified,
    unhelpfulCount: row.unhelpfulCount,
    emailAsks: row.emailAsks,
    messages: (row.messages ?? []).map((m): StoredMessage => ({ role: m.role, text: m.text, createdAt: utc(m.createdAt), meta: m.meta ?? null })),
    caseRef: row.caseId && row.caseStatus ? { id: row.caseId, status: row.caseStatus } : null,
    visitProof: row.visitUsedAt === null ? null : { visitHash: row.visitHash, usedAt: row.visitUsedAt },
  };
}

// One row whether or not the conversation exists (the shop's count is read either way).
const TURN_READ = `
SELECT c."id", c."customerId", c."state", c."shopperEmail", c."pendingEscalation", c."orderName", c."orderVerified", c."unhelpfulCount", c."emailAsks",
  k."id" AS "caseId", k."status" AS "caseStatus", v."visitHash", v."usedAt" AT TIME ZONE 'UTC' AS "visitUsedAt",
  (SELECT u."escalations" FROM "UsageCounter" u WHERE u."shop" = $2 AND u."period" = $3) AS "escalations",
  (SELECT json_agg(json_build_object('role', m."role", 'text', m."text", 'createdAt', m."createdAt", 'meta', m."meta") ORDER BY m."createdAt" DESC)
     FROM (SELECT "role", "text", "createdAt", "meta" FROM "Message" WHERE "conversationId" = c."id" ORDER BY "createdAt" DESC LIMIT $4) m) AS "messages"
FROM (SELECT 1) AS one
LEFT JOIN "Conversation" c ON c."id" = $1 AND c."shop" = $2
LEFT JOIN "EscalationCase" k ON k."conversationId" = c."id" AND k."shop" = c."shop"
LEFT JOIN "VisitProof" v ON v."conversationId" = c."id"`;

const USAGE_READ = `SELECT "escalations" FROM "UsageCounter" WHERE "shop" = $1 AND "period" = $2`;

// The turn's new messages, as one JSON parameter.
const NEW_MESSAGES = `
  INSERT INTO "Message" ("id", "conversationId", "role", "text", "createdAt", "meta")
  SELECT m."id", $1, m."role", m."text", m."createdAt", m."meta"
  FROM jsonb_to_recordset($2::jsonb) AS m("id" text, "role" text, "text" text, "createdAt" timestamp(3), "meta" jsonb)`;

// The visit that holds the conversation's proof from now, when the turn sets it (hash and time are the statement's last two parameters).
const VISIT_PROOF = (hash: number) => `
  INSERT INTO "VisitProof" ("conversationId", "visitHash", "usedAt")
  SELECT $1, $${hash}::text, $${hash + 1}::timestamp(3) WHERE $${hash + 1}::timestamp(3) IS NOT NULL
  ON CONFLICT ("conversationId") DO UPDATE SET "visitHash" = excluded."visitHash", "usedAt" = excluded."usedAt"`;

// A new conversation: the row, its messages, its visit proof and the month's conversation count, in one statement.
const NEW_TURN = `
WITH conversation AS (
  INSERT INTO "Conversation" ("id", "shop", "customerId", "state", "shopperEmail", "pendingEscalation", "orderName", "orderVerified",
    "unhelpfulCount", "emailAsks", "llmTokensIn", "llmTokensOut", "llmLatencyMs", "llmFallbacks", "createdAt", "updatedAt", "closedAt")
  VALUES ($1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::timestamp(3), $17::timestamp(3), $18::timestamp(3))
), messages AS (${NEW_MESSAGES}
), usage AS (
  INSERT INTO "UsageCounter" ("shop", "period", "conversations", "escalations", "limited") VALUES ($3, $19, 1, 0, 0)
  ON CONFLICT ("shop", "period") DO UPDATE SET "conversations" = "UsageCounter"."conversations" + 1
), proof AS (${VISIT_PROOF(20)}
)
SELECT 1`;

// A later turn. The owner is set once and never replaced (COALESCE: of two customers continuing one
// anonymous conversation at once, the second's update re-reads the row the first committed).
const NEXT_TURN = `
WITH conversation AS (
  UPDATE "Conversation" SET "state" = $4, "customerId" = COALESCE("customerId", $3), "shopperEmail" = $5, "pendingEscalation" = $6,
    "orderName" = $7, "orderVerified" = $8, "unhelpfulCount" = $9, "emailAsks" = $10,
    "llmTokensIn" = "llmTokensIn" + $11, "llmTokensOut" = "llmTokensOut" + $12, "llmLatencyMs" = "llmLatencyMs" + $13,
    "llmFallbacks" = "llmFallbacks" + $14, "updatedAt" = $15::timestamp(3), "closedAt" = $16::timestamp(3)
  WHERE "id" = $1
), messages AS (${NEW_MESSAGES}
), proof AS (${VISIT_PROOF(17)}
)
SELECT 1`;

function turnStatement(w: TurnWrite): pg.QueryConfig {
  const c = w.columns;
  const messages = w.messages.map((m) => ({ id: timeOrderedId(), role: m.role, text: m.text, createdAt: m.createdAt.toISOString(), meta: m.meta ?? null }));
  const state = [c.customerId, c.state, c.shopperEmail, c.pendingEscalation, c.orderName, c.orderVerified, c.unhelpfulCount, c.emailAsks];
  const llm = [w.llm?.tokensIn ?? 0, w.llm?.tokensOut ?? 0, w.llm?.latencyMs ?? 0, w.llm?.fallbacks ?? 0];
  const head = [w.conversationId, JSON.stringify(messages)];
  const proof = [w.visitProof?.visitHash ?? null, stamp(w.visitProof?.usedAt ?? null)];
  return w.isNew
    ? {
        name: "baton_new_turn",
        text: NEW_TURN,
        values: [...head, w.shop, ...state, ...llm, stamp(w.now), stamp(c.updatedAt), stamp(c.closedAt), w.usagePeriod, ...proof],
      }
    : { name: "baton_next_turn", text: NEXT_TURN, values: [...head, ...state, ...llm, stamp(c.updatedAt), stamp(c.closedAt), ...proof] };
}

const CASE_READ = `
SELECT
  (SELECT json_agg(json_build_object('role', "role", 'text', "text", 'createdAt', "createdAt") ORDER BY "createdAt" ASC)
     FROM "Message" WHERE "conversationId" = $1) AS "transcript",
  (SELECT json_build_object('id', "id", 'status', "status") FROM "EscalationCase" WHERE "conversationId" = $1) AS "prior"`;

const FOLLOW_UP_READ = `
SELECT
  (SELECT "id" FROM "OutboxEmail" WHERE "caseId" = $1 AND "shop" = $2 AND "kind" = 'followup' AND "status" = 'pending' LIMIT 1) AS "pendingId",
  (SELECT row_to_json(k) FROM (
     SELECT "id", "status", "shopperEmail", "route", "messageId", "priority", "orderFacts", "orderName", "reasonText", "customerFacts",
       "request", "topic", "reasons"
     FROM "EscalationCase" WHERE "id" = $1 AND "shop" = $2) k) AS "kase",
  (SELECT COUNT(*)::int FROM "OutboxEmail" WHERE "caseId" = $1 AND "kind" = 'followup' AND "createdAt" >= $3::timestamp(3)) AS "recent"`;

/** The case's follow-up, read and queued inside the turn's transaction. */
async function writeFollowUp(client: pg.PoolClient, w: TurnWrite, followUp: FollowUpWrite): Promise<void> {
  const since = new Date(w.now.getTime() - 24 * 3_600_000);
  const { rows } = await client.query<{ pendingId: string | null; kase: FollowUpRow | null; recent: number }>({
    name: "baton_follow_up_read",
    text: FOLLOW_UP_READ,
    values: [followUp.caseId, w.shop, stamp(since)],
  });
  const { pendingId, kase, recent } = rows[0]!;
  const plan = followUp.plan({ kase: pendingId ? null : kase, pendingId, recentCount: kase ? recent : 0 });
  if (plan.queued) await client.query({ name: "baton_outbox_insert", text: OUTBOX_INSERT, values: [outboxJson(plan.insert)] });
}

type FollowUpRow = NonNullable<Parameters<FollowUpWrite["plan"]>[0]["kase"]>;

const OUTBOX_COLUMNS = `"id", "shop", "caseId", "kind", "status", "messageId", "inReplyTo", "references", "fromAddress", "toAddresses",
  "ccAddresses", "replyTo", "subject", "textBody", "htmlBody", "coversUpTo", "nextAttemptAt", "createdAt"`;
const OUTBOX_RECORD = `o("id" text, "shop" text, "caseId" text, "kind" text, "status" text, "messageId" text, "inReplyTo" text, "references" text,
  "fromAddress" text, "toAddresses" text, "ccAddresses" text, "replyTo" text, "subject" text, "textBody" text, "htmlBody" text,
  "coversUpTo" integer, "nextAttemptAt" timestamp(3), "createdAt" timestamp(3))`;
const OUTBOX_INSERT = `INSERT INTO "OutboxEmail" (${OUTBOX_COLUMNS}) SELECT ${OUTBOX_COLUMNS} FROM jsonb_to_record($1::jsonb) AS ${OUTBOX_RECORD}`;

function outboxJson(o: NonNullable<CasePlan["outbox"]>): string {
  return JSON.stringify({ ...o, id: randomUUID() });
}

// Everything a case turn writes after the turn itself (the prior case is deleted first: its
// conversation's unique index must be free before the new case is inserted).
const CASE_COLUMNS = `"id", "shop", "conversationId", "status", "reasons", "reasonText", "topic", "request", "priority", "confidence", "signals", "route",
  "shopperEmail", "orderName", "orderFacts", "customerFacts", "summary", "messageId", "messagesEmailed", "clientHash", "createdAt", "updatedAt"`;
const CASE_WRITE = `
WITH kase AS (
  INSERT INTO "EscalationCase" (${CASE_COLUMNS})
  SELECT ${CASE_COLUMNS} FROM jsonb_to_record($1::jsonb) AS k("id" text, "shop" text, "conversationId" text, "status" text, "reasons" jsonb,
    "reasonText" text, "topic" text, "request" text, "priority" text, "confidence" double precision, "signals" jsonb, "route" jsonb,
    "shopperEmail" text, "orderName" text, "orderFacts" jsonb, "customerFacts" jsonb, "summary" text, "messageId" text,
    "messagesEmailed" integer, "clientHash" text, "createdAt" timestamp(3), "updatedAt" timestamp(3))
), escalated AS (
  UPDATE "Conversation" SET "escalatedAt" = $3::timestamp(3) WHERE "id" = $2 AND $3::timestamp(3) IS NOT NULL
), mail AS (
  INSERT INTO "OutboxEmail" (${OUTBOX_COLUMNS}) SELECT ${OUTBOX_COLUMNS} FROM jsonb_to_record($4::jsonb) AS ${OUTBOX_RECORD} WHERE $4::jsonb IS NOT NULL
), usage AS (
  INSERT INTO "UsageCounter" ("shop", "period", "conversations", "escalations", "limited")
  SELECT $5, $6, 0, $7, $8 WHERE $7::int > 0 OR $8::int > 0
  ON CONFLICT ("shop", "period") DO UPDATE SET "escalations" = "UsageCounter"."escalations" + excluded."escalations",
    "limited" = "UsageCounter"."limited" + excluded."limited"
)
SELECT 1`;

async function writeCase(client: pg.PoolClient, w: TurnWrite, plan: CasePlan): Promise<void> {
  if (plan.replacePriorId)
    await client.query({ name: "baton_case_delete", text: `DELETE FROM "EscalationCase" WHERE "id" = $1`, values: [plan.replacePriorId] });
  const c = plan.caseRow;
  await client.query({
    name: "baton_case_write",
    text: CASE_WRITE,
    values: [
      JSON.stringify({ ...c, updatedAt: c.createdAt }),
      w.conversationId,
      stamp(plan.escalatedAt),
      plan.outbox ? outboxJson(plan.outbox) : null,
      w.shop,
      w.usagePeriod,
      plan.usage.escalations,
      plan.usage.limited,
    ],
  });
}
