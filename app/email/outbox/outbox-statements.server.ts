import type { Db } from "~/db.server";
import { postgresPoolOf, sqliteConnectionOf } from "~/db.server";
import type { ClaimOptions } from "./claim.server";
import { createPgOutboxStatements } from "./pg-outbox-statements.server";
import { createSqliteOutboxStatements } from "./sqlite-outbox-statements.server";
import type { ClaimedRow, OutboxRow } from "./types";

/**
 * The hot path of a delivery — claim, the case's priority and photo count, the record of a sent
 * email — on the driver underneath Prisma: prepared statements on the process's SQLite connection,
 * named statements on its one `pg` pool (decision 0082). Through Prisma these were ~9 statements and
 * ~12 ms of CPU an email (~1.5–2 ms a statement: JSON protocol, wasm query compiler), paid on the
 * loaded primary before and after every SMTP conversation. Everything else (retries, failures,
 * follow-ups, photos, resends) stays on Prisma. Columns and encodings are Prisma's, so both read
 * each other's rows; the outbox tests run both paths.
 */
export interface OutboxStatements {
  /** Claims up to `limit` due rows (same rule as the Prisma claim); reads only status columns to choose them. */
  claim(opts: ClaimOptions): Promise<ClaimedRow[]>;
  /** The case's priority and how many photos its conversation has (0: no attachment work at all). */
  caseFacts(caseId: string): Promise<CaseFacts | null>;
  /**
   * Records an accepted send in one transaction: the attempt, the row `sent` (only while the lease is
   * ours), and for case emails and follow-ups the case's side. Returns how many outbox rows it marked (0:
   * the lease had been taken over).
   */
  recordSent(row: OutboxRow, sent: SentRecord): Promise<number>;
}

export interface CaseFacts {
  priority: string;
  photos: number;
}

export interface SentRecord {
  /** When the attempt started. */
  at: Date;
  finishedAt: Date;
  response: string;
  durationMs: number;
  /** The row's attempt count after this one. */
  attempts: number;
}

const byClient = new WeakMap<object, Promise<OutboxStatements | null>>();

/** The statements for a client made by createDb, or null (another client, or an adapter that hides its connection): use Prisma. */
export function outboxStatementsOf(db: object): Promise<OutboxStatements | null> {
  let found = byClient.get(db);
  if (!found) {
    found = open(db as Db);
    byClient.set(db, found);
  }
  return found;
}

async function open(db: Db): Promise<OutboxStatements | null> {
  const pool = postgresPoolOf(db);
  if (pool) return createPgOutboxStatements(pool);
  return (await sqliteConnectionOf(db).catch(() => null)) ? createSqliteOutboxStatements(() => sqliteConnectionOf(db)) : null;
}
