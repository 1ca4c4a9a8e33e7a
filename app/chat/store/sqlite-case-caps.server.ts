import type BetterSqlite3 from "better-sqlite3";
import { sqliteDate, whenNoOtherTransaction, writeWithoutBlocking } from "~/sqlite-writes.server";
import { parseJson } from "./sqlite-chat-store.server";

/**
 * The case caps' reads and the new-case attempt counter (app/chat/case-caps.server.ts,
 * case-cap-counter.server.ts) as prepared statements on the chat store's SQLite connection: a turn
 * that opens a case ran two to four Prisma statements for them (~1.5–2 ms of CPU each; 7 % of the
 * HTTP worker's CPU in bench:chat). Same SQL meaning as the Prisma queries; dates are Prisma's
 * ISO-8601 text, so they compare as text.
 */
export interface SqliteCaseCaps {
  countCases(where: CaseWindow & ({ customerId: string } | { clientHash: string } | { shopperEmail: string })): Promise<number>;
  /** Facts of the cases that named `shopperEmail` (at most `limit`), for telling an owner's cases from others'. */
  replyToCases(
    where: CaseWindow & { shopperEmail: string },
    limit: number,
  ): Promise<Array<{ shopperEmail: string | null; customerFacts: unknown; orderFacts: unknown }>>;
  /** One more attempt on `key` (see incrementCaseCounter): the window's count. */
  increment(key: string, nowMs: number, windowMs: number): Promise<number>;
}

export interface CaseWindow {
  shop: string;
  statuses: readonly string[];
  since: Date;
}

const prepared = new WeakMap<BetterSqlite3.Database, ReturnType<typeof prepare>>();

export function sqliteCaseCaps(conn: BetterSqlite3.Database): SqliteCaseCaps {
  let st = prepared.get(conn);
  if (!st) prepared.set(conn, (st = prepare(conn)));
  const statements = st;
  const window = (w: CaseWindow) => ({ shop: w.shop, statuses: JSON.stringify(w.statuses), since: sqliteDate(w.since) });
  return {
    countCases(where) {
      const [statement, value] =
        "customerId" in where
          ? [statements.byCustomer, where.customerId]
          : "clientHash" in where
            ? [statements.byClient, where.clientHash]
            : [statements.byReplyTo, where.shopperEmail];
      return whenNoOtherTransaction(conn, () => (statement.get({ ...window(where), value }) as { n: number }).n);
    },
    replyToCases(where, limit) {
      return whenNoOtherTransaction(conn, () =>
        (statements.replyToRows.all({ ...window(where), value: where.shopperEmail, limit }) as Array<Record<string, string | null>>).map((r) => ({
          shopperEmail: r.shopperEmail ?? null,
          customerFacts: parseJson(r.customerFacts ?? null),
          orderFacts: parseJson(r.orderFacts ?? null),
        })),
      );
    },
    increment(key, nowMs, windowMs) {
      return writeWithoutBlocking(conn, () => (statements.increment.get({ key, now: nowMs, expiresAt: nowMs + windowMs }) as { count: number }).count);
    },
  };
}

function prepare(conn: BetterSqlite3.Database) {
  const s = (sql: string) => conn.prepare(sql).safeIntegers(false);
  const inWindow = `k."shop" = @shop AND k."status" IN (SELECT value FROM json_each(@statuses)) AND k."createdAt" >= @since`;
  return {
    byCustomer: s(
      `SELECT COUNT(*) AS "n" FROM "EscalationCase" k JOIN "Conversation" c ON c."id" = k."conversationId" WHERE ${inWindow} AND c."customerId" = @value`,
    ),
    byClient: s(`SELECT COUNT(*) AS "n" FROM "EscalationCase" k WHERE ${inWindow} AND k."clientHash" = @value`),
    byReplyTo: s(`SELECT COUNT(*) AS "n" FROM "EscalationCase" k WHERE ${inWindow} AND k."shopperEmail" = @value`),
    replyToRows: s(
      `SELECT k."shopperEmail", k."customerFacts", k."orderFacts" FROM "EscalationCase" k WHERE ${inWindow} AND k."shopperEmail" = @value LIMIT @limit`,
    ),
    increment: s(
      `INSERT INTO "CaseCapCounter" ("key", "count", "expiresAt") VALUES (@key, 1, @expiresAt)
       ON CONFLICT ("key") DO UPDATE SET
         "count" = CASE WHEN "CaseCapCounter"."expiresAt" <= @now THEN 1 ELSE "CaseCapCounter"."count" + 1 END,
         "expiresAt" = CASE WHEN "CaseCapCounter"."expiresAt" <= @now THEN excluded."expiresAt" ELSE "CaseCapCounter"."expiresAt" END
       RETURNING "count"`,
    ),
  };
}
