import type { ComposedEmail } from "~/domain/email/types";
import { OutboxKind, OutboxRow, OutboxWriter } from "./types";
import { emailColumns } from "./deliver.server";

// Queues an email: the row is written inside the caller's transaction.
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
