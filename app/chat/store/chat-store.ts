import type { ConversationStateColumns } from "~/domain/conversation/conversation-row";
import type { CaseRecord } from "~/domain/conversation/plan-case";
import type { FollowUpFound, FollowUpPlan, OutboxInsert } from "../../email/outbox.server";

/**
 * The chat hot path's storage port: one read (`loadTurn`) and one write (`saveTurn`, or
 * `saveTurnWithCase` for a turn that opens a case) per storefront turn — the turn's messages, its
 * case, outbox rows and follow-up in one transaction. Everything else (admin, retention) goes
 * through Prisma directly; this port exists so the turn can skip the ORM's per-query cost where the
 * driver allows it (see docs/decisions/0024).
 */

/** A conversation as the turn needs it, with its most recent messages (newest first). */
export interface StoredConversation {
  id: string;
  /** The signed customer who had this conversation (null: anonymous so far). */
  customerId: string | null;
  state: string;
  shopperEmail: string | null;
  pendingEscalation: string | null;
  orderName: string | null;
  orderVerified: boolean;
  unhelpfulCount: number;
  emailAsks: number;
  messages: StoredMessage[];
  /** The conversation's case, if it has one (follow-ups go to it; an abandoned one remembers a "no thanks"). */
  caseRef?: { id: string; status: string } | null;
  /** Which visit holds the conversation's proof (VisitProof row, app/chat/visit-proof.server.ts), read with the conversation. */
  visitProof?: VisitProofRow | null;
}

/** The VisitProof row: the keyed hash of the widget's visit token that last held the proof, and when. */
export interface VisitProofRow {
  visitHash: string | null;
  usedAt: Date;
}

/** What a turn reads before deciding, in one store call. */
export interface TurnRead {
  conversation: StoredConversation | null;
  /** Escalation emails counted for the shop in the turn's usage period (the plan's allowance). */
  escalationsThisPeriod: number;
}

/** A follow-up to queue with the turn, decided inside its transaction from what is read there. */
export interface FollowUpWrite {
  caseId: string;
  plan: (found: FollowUpFound) => FollowUpPlan;
}

export interface StoredMessage {
  role: string;
  text: string;
  createdAt: Date;
  meta: unknown;
}

/** The conversation columns a turn sets (the domain state after the turn). */
export interface ConversationColumns extends ConversationStateColumns {
  /** Set when a shopper signs in mid-conversation; never cleared. */
  customerId: string | null;
  closedAt: Date | null;
  updatedAt: Date;
}

export interface TurnWrite {
  shop: string;
  conversationId: string;
  /** Create the conversation (and count it in this month's usage) rather than update it. */
  isNew: boolean;
  now: Date;
  usagePeriod: string;
  columns: ConversationColumns;
  /**
   * The stored row already holds `columns.shopperEmail`: a store may leave that column (and the index
   * over it) untouched. Rewriting an indexed column, even to the same value, rewrites its index entry.
   */
  shopperEmailUnchanged?: boolean;
  /** Model tokens and waiting time of this turn, added to the conversation's totals. */
  llm: { tokensIn: number; tokensOut: number; latencyMs: number; fallbacks?: number } | null;
  messages: Array<{ role: string; text: string; createdAt: Date; meta?: object }>;
  /** Queue the case's batched follow-up email in the same transaction. */
  followUp?: FollowUpWrite;
  /** The visit that holds the conversation's proof from now (upserted with the turn; absent: left as it is). */
  visitProof?: VisitProofRow;
}

/**
 * A case as the store writes it (EscalationCase columns; JSON columns as plain values). The domain's
 * `CaseRecord` is one; the store only needs the columns, whatever JSON they hold.
 */
export type CaseRow = Omit<CaseRecord, "reasons" | "signals" | "route" | "orderFacts" | "customerFacts" | "topic" | "request" | "priority"> & {
  reasons: unknown;
  signals: unknown;
  route: unknown;
  orderFacts: unknown;
  customerFacts: unknown;
  topic: string | null;
  request: string | null;
  priority: string;
  /** Keyed hash of the shopper's address (abuse caps, app/chat/case-caps.server.ts); null when none was usable. */
  clientHash: string | null;
};

/** Everything a case turn writes besides the turn itself, planned from the transcript (pure). */
export interface CasePlan {
  /** An abandoned or limited earlier case of the conversation that this one replaces. */
  replacePriorId: string | null;
  caseRow: CaseRow;
  outbox: OutboxInsert | null;
  usage: { escalations: number; limited: number };
  /** Set on the conversation when the case email is queued. */
  escalatedAt: Date | null;
}

export interface TranscriptRow {
  role: string;
  text: string;
  createdAt: Date;
}

/**
 * Plans the case once the turn's messages are written: sees the whole transcript and the
 * conversation's earlier case (if any); null when nothing is to be written.
 */
export type PlanCase = (transcript: TranscriptRow[], prior: { id: string; status: string } | null) => CasePlan | null;

export interface ChatStore {
  /** The turn's one read: the conversation (only if it belongs to `shop`) with its case, and the shop's allowance count. */
  loadTurn(shop: string, conversationId: string | null, historyLimit: number, usagePeriod: string): Promise<TurnRead>;
  /** The conversation, only if it belongs to `shop`; at most `historyLimit` newest messages. */
  loadConversation(shop: string, conversationId: string, historyLimit: number): Promise<StoredConversation | null>;
  /** Writes the turn atomically: conversation row, its new messages and the usage counter. */
  saveTurn(write: TurnWrite): Promise<void>;
  /**
   * Writes a turn that creates a case, in one transaction: the turn, then the case, its outbox row,
   * usage counters and the conversation's escalatedAt as `plan` decides from the transcript.
   */
  saveTurnWithCase(write: TurnWrite, plan: PlanCase): Promise<void>;
  /** Escalation emails counted for the shop in a usage period ("2026-11"). */
  escalationsInPeriod(shop: string, period: string): Promise<number>;
}
