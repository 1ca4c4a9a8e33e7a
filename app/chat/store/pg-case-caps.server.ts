import type pg from "pg";
import type { CaseWindow, SqliteCaseCaps } from "./sqlite-case-caps.server";

/**
 * The case caps' reads and the attempt counter on PostgreSQL through the process's `pg` pool (named
 * prepared statements), as store/sqlite-case-caps.server.ts does on SQLite: the Prisma statements
 * they replace cost ~2 ms of CPU each, two to four per turn that opens a case.
 */
export function pgCaseCaps(pool: pg.Pool): SqliteCaseCaps {
  const window = (w: CaseWindow) => [w.shop, [...w.statuses], w.since.toISOString()];
  return {
    async countCases(where) {
      const [name, text, value] =
        "customerId" in where
          ? ["baton_caps_customer", BY_CUSTOMER, where.customerId]
          : "clientHash" in where
            ? ["baton_caps_client", BY_CLIENT, where.clientHash]
            : ["baton_caps_reply_to", BY_REPLY_TO, where.shopperEmail];
      const { rows } = await pool.query<{ n: number }>({ name, text, values: [...window(where), value] });
      return rows[0]!.n;
    },
    async replyToCases(where, limit) {
      const { rows } = await pool.query<{ shopperEmail: string | null; customerFacts: unknown; orderFacts: unknown }>({
        name: "baton_caps_reply_to_rows",
        text: REPLY_TO_ROWS,
        values: [...window(where), where.shopperEmail, limit],
      });
      return rows;
    },
    async increment(key, nowMs, windowMs) {
      const { rows } = await pool.query<{ count: number }>({ name: "baton_caps_increment", text: INCREMENT, values: [key, nowMs + windowMs, nowMs] });
      return Number(rows[0]!.count);
    },
  };
}

const IN_WINDOW = `k."shop" = $1 AND k."status" = ANY($2::text[]) AND k."createdAt" >= $3::timestamptz AT TIME ZONE 'UTC'`;
const BY_CUSTOMER = `SELECT COUNT(*)::int AS "n" FROM "EscalationCase" k JOIN "Conversation" c ON c."id" = k."conversationId"
  WHERE ${IN_WINDOW} AND c."customerId" = $4`;
const BY_CLIENT = `SELECT COUNT(*)::int AS "n" FROM "EscalationCase" k WHERE ${IN_WINDOW} AND k."clientHash" = $4`;
const BY_REPLY_TO = `SELECT COUNT(*)::int AS "n" FROM "EscalationCase" k WHERE ${IN_WINDOW} AND k."shopperEmail" = $4`;
const REPLY_TO_ROWS = `SELECT k."shopperEmail", k."customerFacts", k."orderFacts" FROM "EscalationCase" k
  WHERE ${IN_WINDOW} AND k."shopperEmail" = $4 LIMIT $5`;
const INCREMENT = `INSERT INTO "CaseCapCounter" ("key", "count", "expiresAt") VALUES ($1, 1, $2)
  ON CONFLICT ("key") DO UPDATE SET
    "count" = CASE WHEN "CaseCapCounter"."expiresAt" <= $3 THEN 1 ELSE "CaseCapCounter"."count" + 1 END,
    "expiresAt" = CASE WHEN "CaseCapCounter"."expiresAt" <= $3 THEN excluded."expiresAt" ELSE "CaseCapCounter"."expiresAt" END
  RETURNING "count"`;
