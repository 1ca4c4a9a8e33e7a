/**
 * The chat hot path's storage port: one read and one write per storefront turn. Everything else
 * (cases, outbox, admin) goes through Prisma directly; this port exists so the turn can skip the
 * ORM's per-query cost where the driver allows it (see README decision 2026-11-22, "chat store").
 */

/** A conversation as the turn needs it, with its most recent messages (newest first). */
export interface StoredConversation {
  id: string;
  state: string;
  shopperEmail: string | null;
  pendingEscalation: string | null;
  orderName: string | null;
  orderVerified: boolean;
  unhelpfulCount: number;
  emailAsks: number;
  messages: StoredMessage[];
}

export interface StoredMessage {
  role: string;
  text: string;
  createdAt: Date;
  meta: unknown;
}

/** The conversation columns a turn sets (the domain state after the turn). */
export interface ConversationColumns {
  state: string;
  shopperEmail: string | null;
  orderName: string | null;
  orderVerified: boolean;
  unhelpfulCount: number;
  emailAsks: number;
  pendingEscalation: string | null;
  closedAt: Date | null;
  updatedAt: Date;
}

export interface TurnWrite {
  shop: string;
  conversationId: string;
  /** Create the conversation (and count it in this month's usage) rather than update it. */
  isNew: boolean;
  customerId: string | null;
  now: Date;
  usagePeriod: string;
  columns: ConversationColumns;
  /** Model tokens and waiting time of this turn, added to the conversation's totals. */
  llm: { tokensIn: number; tokensOut: number; latencyMs: number } | null;
  messages: Array<{ role: string; text: string; createdAt: Date; meta?: object }>;
}

export interface ChatStore {
  /** The conversation, only if it belongs to `shop`; at most `historyLimit` newest messages. */
  loadConversation(shop: string, conversationId: string, historyLimit: number): Promise<StoredConversation | null>;
  /** Writes the turn atomically: conversation row, its new messages and the usage counter. */
  saveTurn(write: TurnWrite): Promise<void>;
  /** Escalation emails counted for the shop in a usage period ("2026-11"). */
  escalationsInPeriod(shop: string, period: string): Promise<number>;
}
