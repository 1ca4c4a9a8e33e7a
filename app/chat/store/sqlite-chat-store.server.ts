import type BetterSqlite3 from "better-sqlite3";
import { randomUUID } from "node:crypto";
import type { CasePlan, ChatStore, FollowUpWrite, StoredConversation, TranscriptRow, TurnRead, TurnWrite } from "./chat-store";
import { timeOrderedId } from "./ordered-id";
import { deepFreeze } from "~/domain/conversation/message-meta";
import { SQLITE_BUSY_SPIN_MS } from "~/db.server";
import { sqliteDate, whenNoOtherTransaction, writeWithoutBlocking } from "~/sqlite-writes.server";

/**
 * The chat store on SQLite: cached prepared statements on the Prisma adapter's own connection.
 * A turn costs two reads and one short write transaction, tens of microseconds each, where the
 * Prisma 6 client spends ~2 ms of CPU per query (JSON protocol + wasm query compiler, no plan cache).
 * Columns and encodings match what Prisma writes (ISO-8601 text dates, 0/1 booleans, JSON text),
 * so Prisma reads these rows unchanged; chat-store.test.ts runs both stores through one contract.
 */
export function createSqliteChatStore(connection: () => Promise<BetterSqlite3.Database | null>, fallback: ChatStore): ChatStore {
  const prepared = new WeakMap<BetterSqlite3.Database, TurnStatements>();
  // Without the adapter's connection (an adapter upgrade that hides it) the Prisma store serves.
  const statementsOf = async (): Promise<{ conn: BetterSqlite3.Database; st: TurnStatements } | null> => {
    const conn = await connection();
    if (!conn) return null;
    let st = prepared.get(conn);
    if (!st) prepared.set(conn, (st = prepare(conn)));
    return { conn, st };
  };

  return {
    async loadTurn(shop, conversationId, historyLimit, usagePeriod): Promise<TurnRead> {
      const statements = await statementsOf();
      if (!statements) return fallback.loadTurn(shop, conversationId, historyLimit, usagePeriod);
      const { conn, st } = statements;
      // An existing conversation: its row, case and the shop's allowance count in one statement, then its messages.
      return whenNoOtherTransaction(conn, (): TurnRead => {
        const found = conversationId ? readConversation(st, shop, conversationId, historyLimit, usagePeriod) : null;
        if (found) return found;
        const usage = st.escalationsInPeriod.get(shop, usagePeriod) as { escalations: number } | undefined;
        return { conversation: null, escalationsThisPeriod: usage?.escalations ?? 0 };
      });
    },

    async loadConversation(shop, conversationId, historyLimit) {
      const statements = await statementsOf();
      if (!statements) return fallback.loadConversation(shop, conversationId, historyLimit);
      const { conn, st } = statements;
      return whenNoOtherTransaction(conn, () => readConversation(st, shop, conversationId, historyLimit, "")?.conversation ?? null);
    },

    async saveTurn(w) {
      const statements = await statementsOf();
      if (!statements) return fallback.saveTurn(w);
      const { conn, st } = statements;
      await writeWithoutBlocking(conn, () => st.turnTransaction.immediate(w));
    },

    async saveTurnWithCase(w, plan) {
      const statements = await statementsOf();
      if (!statements) return fallback.saveTurnWithCase(w, plan);
      const { conn, st } = statements;
      // The whole case turn is one synchronous transaction: other turns never wait on it across
      // event-loop turns (Prisma's interactive transaction held the connection for milliseconds).
      await writeWithoutBlocking(conn, () => st.caseTurnTransaction.immediate(w, plan));
    },

    async escalationsInPeriod(shop, period) {
      const statements = await statementsOf();
      if (!statements) return fallback.escalationsInPeriod(shop, period);
      const { conn, st } = statements;
      return whenNoOtherTransaction(conn, () => (st.escalationsInPeriod.get(shop, period) as { escalations: number } | undefined)?.escalations ?? 0);
    },
  };
}

type Statements = ReturnType<typeof prepareStatements>;
type TurnStatements = ReturnType<typeof prepare>;

function readConversation(st: TurnStatements, shop: string, conversationId: string, historyLimit: number, period: string): TurnRead | null {
  const row = st.findConversation.get(period, conversationId, shop) as ConversationRow | undefined;
  if (!row) return null;
  const [
    id,
    customerId,
    state,
    shopperEmail,
    pendingEscalation,
    orderName,
    orderVerified,
    unhelpfulCount,
    emailAsks,
    caseId,
    caseStatus,
    visitHash,
    visitUsedAt,
    escalations,
  ] = row;
  const rows = st.recentMessages(historyLimit).all(conversationId) as MessageRow[];
  const messages: StoredConversation["messages"] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [role, text, createdAt, meta] = rows[i]!;
    messages[i] = { role, text, createdAt: new Date(createdAt), meta: parseMeta(meta) };
  }
  const conversation: StoredConversation = {
    id,
    customerId,
    state,
    shopperEmail,
    pendingEscalation,
    orderName,
    orderVerified: orderVerified === 1,
    unhelpfulCount,
    emailAsks,
    messages,
    caseRef: caseId && caseStatus ? { id: caseId, status: caseStatus } : null,
    visitProof: visitUsedAt === null ? null : { visitHash, usedAt: new Date(visitUsedAt) },
  };
  return { conversation, escalationsThisPeriod: escalations ?? 0 };
}

// A damaged JSON cell reads as nothing remembered (the codecs then fall back), never as a failed turn.
export function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Message meta cells repeat (the same reply keys, engine, signals) and every turn reads up to 40 of
 * them: each distinct text is parsed once and handed out frozen, so readMessageMeta validates it once
 * too. A bound, whatever the traffic: past it the oldest entries go.
 */
const META_CACHE_MAX = 4_096;
const metaCache = new Map<string, unknown>();

function parseMeta(text: string | null): unknown {
  if (text === null) return null;
  const hit = metaCache.get(text);
  if (hit !== undefined) return hit;
  const parsed = deepFreeze(parseJson(text));
  if (metaCache.size >= META_CACHE_MAX) metaCache.delete(metaCache.keys().next().value!);
  metaCache.set(text, parsed);
  return parsed;
}

/** The case's follow-up, read and queued inside the turn's transaction. */
function writeFollowUp(st: Statements, w: TurnWrite, followUp: FollowUpWrite): void {
  const pending = st.pendingFollowUp.get(followUp.caseId, w.shop) as { id: string } | undefined;
  const row = pending ? undefined : (st.followUpCase.get(followUp.caseId, w.shop) as FollowUpCaseRow | undefined);
  const since = sqliteDate(new Date(w.now.getTime() - 24 * 3_600_000));
  const recent = row ? ((st.recentFollowUps.get(followUp.caseId, since) as { n: number }).n ?? 0) : 0;
  const kase = row
    ? {
        ...row,
        route: parseJson(row.route),
        orderFacts: parseJson(row.orderFacts),
        customerFacts: parseJson(row.customerFacts),
      }
    : null;
  const plan = followUp.plan({ kase, pendingId: pending?.id ?? null, recentCount: recent });
  if (plan.queued) insertOutbox(st, plan.insert);
}

function insertOutbox(st: Statements, o: NonNullable<CasePlan["outbox"]>): void {
  st.insertOutbox.run({ ...o, id: randomUUID(), nextAttemptAt: sqliteDate(o.nextAttemptAt), createdAt: sqliteDate(o.createdAt) });
}

/** The turn's model counters (tokens in, out, latency, fallbacks), in the order both conversation statements take them. */
function llmCounters(llm: TurnWrite["llm"]): [number, number, number, number] {
  return [llm?.tokensIn ?? 0, llm?.tokensOut ?? 0, llm?.latencyMs ?? 0, llm?.fallbacks ?? 0];
}

function writeTurn(st: Statements, w: TurnWrite): void {
  const c = w.columns;
  const closedAt = c.closedAt ? sqliteDate(c.closedAt) : null;
  const updatedAt = sqliteDate(c.updatedAt);
  const llm = w.llm;
  // Positional parameters in the statements' order: a named binding looks every name up on an object.
  if (w.isNew) {
    st.insertConversation.run(
      w.conversationId,
      w.shop,
      c.customerId,
      c.state,
      c.shopperEmail,
      c.pendingEscalation,
      c.orderName,
      c.orderVerified ? 1 : 0,
      c.unhelpfulCount,
      c.emailAsks,
      ...llmCounters(llm),
      sqliteDate(w.now),
      updatedAt,
      closedAt,
    );
    st.countUsage.run(w.shop, w.usagePeriod, 1, 0, 0);
  } else {
    // Without the shopper's email when it is unchanged: setting it, even to the same value, rewrites its index's entry.
    const update = w.shopperEmailUnchanged ? st.updateConversationKeepingEmail : st.updateConversation;
    update.run(
      c.state,
      c.customerId,
      ...(w.shopperEmailUnchanged ? [] : [c.shopperEmail]),
      c.pendingEscalation,
      c.orderName,
      c.orderVerified ? 1 : 0,
      c.unhelpfulCount,
      c.emailAsks,
      ...llmCounters(llm),
      updatedAt,
      closedAt,
      w.conversationId,
    );
  }
  const [first, second] = w.messages;
  // The usual turn (the shopper's message and one reply) is one statement, not two.
  if (w.messages.length === 2) st.insertTwoMessages.run(...messageValues(w, first!), ...messageValues(w, second!));
  else for (const m of w.messages) st.insertMessage.run(...messageValues(w, m));
  if (w.visitProof) st.upsertVisitProof.run(w.conversationId, w.visitProof.visitHash, sqliteDate(w.visitProof.usedAt));
  if (w.followUp) writeFollowUp(st, w, w.followUp);
}

function messageValues(w: TurnWrite, m: TurnWrite["messages"][number]) {
  return [timeOrderedId(), w.conversationId, m.role, m.text, sqliteDate(m.createdAt), m.meta === undefined ? null : JSON.stringify(m.meta)] as const;
}

function writeCase(st: Statements, w: TurnWrite, plan: CasePlan): void {
  const c = plan.caseRow;
  if (plan.replacePriorId) st.deleteCase.run(plan.replacePriorId);
  st.insertCase.run({
    ...c,
    reasons: JSON.stringify(c.reasons),
    signals: JSON.stringify(c.signals),
    route: JSON.stringify(c.route),
    orderFacts: c.orderFacts == null ? null : JSON.stringify(c.orderFacts),
    customerFacts: c.customerFacts == null ? null : JSON.stringify(c.customerFacts),
    createdAt: sqliteDate(c.createdAt),
    updatedAt: sqliteDate(c.createdAt),
  });
  if (plan.escalatedAt) st.markEscalated.run(sqliteDate(plan.escalatedAt), w.conversationId);
  if (plan.outbox) insertOutbox(st, plan.outbox);
  if (plan.usage.escalations || plan.usage.limited) {
    st.countUsage.run(w.shop, w.usagePeriod, 0, plan.usage.escalations, plan.usage.limited);
  }
}

/** The turn's UPDATE of its conversation; its parameters in the order written here. */
function updateConversationSql(withShopperEmail: boolean): string {
  return `UPDATE "Conversation" SET "state" = ?, "customerId" = COALESCE("customerId", ?), ${withShopperEmail ? `"shopperEmail" = ?, ` : ""}
     "pendingEscalation" = ?, "orderName" = ?, "orderVerified" = ?, "unhelpfulCount" = ?, "emailAsks" = ?,
     "llmTokensIn" = "llmTokensIn" + ?, "llmTokensOut" = "llmTokensOut" + ?, "llmLatencyMs" = "llmLatencyMs" + ?, "llmFallbacks" = "llmFallbacks" + ?,
     "updatedAt" = ?, "closedAt" = ?
   WHERE "id" = ?`;
}

/**
 * The WAL's auto-checkpoint on this connection only as a backstop: the runtime's checkpoint thread
 * (platform/wal-checkpointer.server.ts) keeps the WAL far shorter, so a turn's commit never waits for
 * a checkpoint's fsync unless that thread is gone (then at 40 MB of WAL, not 4).
 */
const BACKSTOP_CHECKPOINT_PAGES = 10_000;

/** The turn's statements and its two transactions, built once per connection (better-sqlite3 builds five wrappers per `transaction()`). */
function prepare(conn: BetterSqlite3.Database) {
  const st = prepareStatements(conn);
  const byLimit = new Map<number, BetterSqlite3.Statement>();
  return {
    ...st,
    /**
     * The newest `limit` messages, raw. The limit is in the SQL text, not a bound parameter: SQLite
     * plans with a bound LIMIT's value, so rebinding it (even to the same value) re-prepares the
     * statement on every call. One statement per limit (the callers pass constants).
     */
    recentMessages(limit: number): BetterSqlite3.Statement {
      let statement = byLimit.get(limit);
      if (!statement) {
        if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`history limit ${limit}`);
        statement = conn
          .prepare(`SELECT "role", "text", "createdAt", "meta" FROM "Message" WHERE "conversationId" = ? ORDER BY "createdAt" DESC LIMIT ${limit}`)
          .safeIntegers(false)
          .raw(true);
        byLimit.set(limit, statement);
      }
      return statement;
    },
    turnTransaction: conn.transaction((w: TurnWrite) => writeTurn(st, w)),
    caseTurnTransaction: conn.transaction((w: TurnWrite, plan: Parameters<ChatStore["saveTurnWithCase"]>[1]) => {
      writeTurn(st, w);
      const transcript = (st.transcript.all(w.conversationId) as Array<{ role: string; text: string; createdAt: string }>).map((m): TranscriptRow => ({
        role: m.role,
        text: m.text,
        createdAt: new Date(m.createdAt),
      }));
      const prior = (st.caseOfConversation.get(w.conversationId) as { id: string; status: string } | undefined) ?? null;
      const planned = plan(transcript, prior);
      if (planned) writeCase(st, w, planned);
    }),
  };
}

function prepareStatements(conn: BetterSqlite3.Database) {
  conn.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  conn.pragma(`busy_timeout = ${SQLITE_BUSY_SPIN_MS}`);
  // The adapter turns on safe integers for the whole connection; these rows hold small counters.
  const s = (sql: string) => conn.prepare(sql).safeIntegers(false);
  return {
    // The conversation with its case and its visit proof (if any) in one statement.
    // Raw rows (arrays): better-sqlite3 otherwise builds each row object property by property, column names included.
    findConversation: s(
      `SELECT c."id", c."customerId", c."state", c."shopperEmail", c."pendingEscalation", c."orderName", c."orderVerified", c."unhelpfulCount",
         c."emailAsks", k."id" AS "caseId", k."status" AS "caseStatus", v."visitHash", v."usedAt" AS "visitUsedAt",
         (SELECT u."escalations" FROM "UsageCounter" u WHERE u."shop" = c."shop" AND u."period" = ?) AS "escalations"
       FROM "Conversation" c LEFT JOIN "EscalationCase" k ON k."conversationId" = c."id" LEFT JOIN "VisitProof" v ON v."conversationId" = c."id"
       WHERE c."id" = ? AND c."shop" = ?`,
    ).raw(true),
    upsertVisitProof: s(
      `INSERT INTO "VisitProof" ("conversationId", "visitHash", "usedAt") VALUES (?, ?, ?)
       ON CONFLICT ("conversationId") DO UPDATE SET "visitHash" = excluded."visitHash", "usedAt" = excluded."usedAt"`,
    ),
    insertConversation: s(
      `INSERT INTO "Conversation" ("id", "shop", "customerId", "state", "shopperEmail", "pendingEscalation", "orderName", "orderVerified",
         "unhelpfulCount", "emailAsks", "llmTokensIn", "llmTokensOut", "llmLatencyMs", "llmFallbacks", "createdAt", "updatedAt", "closedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateConversation: s(updateConversationSql(true)),
    updateConversationKeepingEmail: s(updateConversationSql(false)),
    insertMessage: s(`INSERT INTO "Message" ("id", "conversationId", "role", "text", "createdAt", "meta") VALUES (?, ?, ?, ?, ?, ?)`),
    insertTwoMessages: s(`INSERT INTO "Message" ("id", "conversationId", "role", "text", "createdAt", "meta") VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)`),
    escalationsInPeriod: s(`SELECT "escalations" FROM "UsageCounter" WHERE "shop" = ? AND "period" = ?`),
    countUsage: s(
      `INSERT INTO "UsageCounter" ("shop", "period", "conversations", "escalations", "limited") VALUES (?, ?, ?, ?, ?)
       ON CONFLICT ("shop", "period") DO UPDATE SET "conversations" = "conversations" + excluded."conversations",
         "escalations" = "escalations" + excluded."escalations", "limited" = "limited" + excluded."limited"`,
    ),
    transcript: s(`SELECT "role", "text", "createdAt" FROM "Message" WHERE "conversationId" = ? ORDER BY "createdAt" ASC`),
    caseOfConversation: s(`SELECT "id", "status" FROM "EscalationCase" WHERE "conversationId" = ?`),
    pendingFollowUp: s(`SELECT "id" FROM "OutboxEmail" WHERE "caseId" = ? AND "shop" = ? AND "kind" = 'followup' AND "status" = 'pending' LIMIT 1`),
    followUpCase: s(
      `SELECT "id", "status", "shopperEmail", "route", "messageId", "priority", "orderFacts", "orderName", "reasonText", "customerFacts"
       FROM "EscalationCase" WHERE "id" = ? AND "shop" = ?`,
    ),
    recentFollowUps: s(`SELECT COUNT(*) AS "n" FROM "OutboxEmail" WHERE "caseId" = ? AND "kind" = 'followup' AND "createdAt" >= ?`),
    deleteCase: s(`DELETE FROM "EscalationCase" WHERE "id" = ?`),
    insertCase: s(
      `INSERT INTO "EscalationCase" ("id", "shop", "conversationId", "status", "reasons", "reasonText", "topic", "request", "priority", "confidence",
         "signals", "route", "shopperEmail", "orderName", "orderFacts", "customerFacts", "summary", ` +
        `"messageId", "messagesEmailed", "clientHash", "createdAt", "updatedAt")
       VALUES (@id, @shop, @conversationId, @status, @reasons, @reasonText, @topic, @request, @priority, @confidence,
         @signals, @route, @shopperEmail, @orderName, @orderFacts, @customerFacts, @summary, ` +
        `@messageId, @messagesEmailed, @clientHash, @createdAt, @updatedAt)`,
    ),
    markEscalated: s(`UPDATE "Conversation" SET "escalatedAt" = ? WHERE "id" = ?`),
    insertOutbox: s(
      `INSERT INTO "OutboxEmail" ("id", "shop", "caseId", "kind", "status", "messageId", "inReplyTo", "references", "fromAddress", "toAddresses",
         "ccAddresses", "replyTo", "subject", "textBody", "htmlBody", "coversUpTo", "nextAttemptAt", "createdAt")
       VALUES (@id, @shop, @caseId, @kind, @status, @messageId, @inReplyTo, @references, @fromAddress, @toAddresses,
         @ccAddresses, @replyTo, @subject, @textBody, @htmlBody, @coversUpTo, @nextAttemptAt, @createdAt)`,
    ),
  };
}

/** findConversation's row, raw (an array: no column names built per row), in the SELECT's order. */
type ConversationRow = [
  id: string,
  customerId: string | null,
  state: string,
  shopperEmail: string | null,
  pendingEscalation: string | null,
  orderName: string | null,
  orderVerified: number,
  unhelpfulCount: number,
  emailAsks: number,
  caseId: string | null,
  caseStatus: string | null,
  visitHash: string | null,
  visitUsedAt: string | null,
  escalations: number | null,
];

interface FollowUpCaseRow {
  id: string;
  status: string;
  shopperEmail: string | null;
  route: string | null;
  messageId: string;
  priority: string;
  orderFacts: string | null;
  orderName: string | null;
  reasonText: string;
  customerFacts: string | null;
}

/** recentMessages' row, raw, in the SELECT's order. */
type MessageRow = [role: string, text: string, createdAt: string, meta: string | null];
