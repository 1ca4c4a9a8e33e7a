import type { EscalationDecision } from "../escalation";
import type { OrderFacts, ShopPolicy } from "../orders";
import type { Interpretation } from "./interpret-message";

export type Phase = "open" | "awaiting_email" | "escalated" | "closed";

/** The escalation decision kept while the assistant waits for an email address. */
export type PendingEscalation = Omit<EscalationDecision, "score">;

/** What the conversation remembers between turns (persisted on the Conversation row). */
export interface ConversationState {
  phase: Phase;
  /** Address the team will reply to: given in chat, or the logged-in customer's. */
  shopperEmail: string | null;
  /** Order under discussion ("#1042") and whether the shopper proved they own it. */
  orderName: string | null;
  orderVerified: boolean;
  unhelpfulCount: number;
  emailAsks: number;
  pendingEscalation: PendingEscalation | null;
}

export type ChatEvent =
  | { type: "shopper.message_received"; text: string; interpretation: Interpretation }
  | { type: "shopper.talk_to_human_requested" };

/** Ways to reach the store without Baton (never a dead end). */
export interface ContactOptions {
  shopName: string;
  email: string | null;
  phone: string | null;
  url: string | null;
}

/** Facts the runner gathered for this turn (I/O happens before the pure transition). */
export interface TurnFacts {
  /** The order under discussion as looked up this turn; null when none or not found. */
  order: OrderFacts | null;
  /** The lookup failed (Admin API unreachable); the assistant must not say "not found". */
  orderLookupFailed: boolean;
  /** The shopper proved ownership (email match or signed logged-in customer). */
  ownershipProven: boolean;
  /** Email of the signed, logged-in customer, when known. */
  customerEmail: string | null;
  policies: ShopPolicy[];
  decision: EscalationDecision;
  /** The plan allows an escalation email now (free plan or allowance used up → false). */
  escalationEmailAllowed: boolean;
  contact: ContactOptions;
  assistant: { name: string; greeting: string };
  /** epoch ms */
  now: number;
  /**
   * The LLM's answer for this turn (already through the output guard). Only set in phase `open`
   * when the detector did not escalate: the detector always wins over the model.
   */
  modelReply?: ModelReply;
  /** The LLM asked for a person (escalate_to_human); the pure core runs the usual escalation. */
  modelEscalation?: PendingEscalation;
  /**
   * The LLM was asked but could not be used (error, timeout, malformed output, a guard tripped,
   * or unhelpful twice in a row): the built-in engine answers and offers a person.
   */
  modelFailed?: boolean;
}

/** A model answer that passed the output guard. */
export interface ModelReply {
  text: string;
  unhelpful: boolean;
  /** An order the model's `lookup_order` tool verified for this shopper this turn. */
  verifiedOrderName?: string;
}

export type Effect =
  /** Store the case and its email in one transaction, then deliver. */
  | { type: "create_case"; shopperEmail: string; escalation: PendingEscalation }
  /** Store the case without an email: the shopper declined, or the plan cannot send. */
  | { type: "record_case_without_email"; status: "abandoned" | "limited"; escalation: PendingEscalation }
  /** A message arrived after escalation: add it to the case's next (batched) follow-up email. */
  | { type: "queue_follow_up" };

export interface TurnResult {
  state: ConversationState;
  replies: string[];
  effects: Effect[];
  /** The assistant could not help with this message (feeds the repeated-failure signal). */
  unhelpful: boolean;
}
