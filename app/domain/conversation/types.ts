import type { EscalationDecision, ShopperRequest } from "../escalation";
import type { ProductFacts } from "../catalogue";
import type { OrderFacts, ShopPolicy } from "../orders";
import type { CatalogueFacts } from "./product-answer";
import type { Interpretation } from "./interpret-message";
import type { Language } from "./language";

export type Phase = "open" | "awaiting_email" | "escalated" | "closed";

/** The escalation decision kept while the assistant waits for an email address. */
export type PendingEscalation = Omit<EscalationDecision, "score"> & {
  /** What the shopper asks the team to do, when the conversation names it (the case's subject leads with it). */
  request?: ShopperRequest | null;
  /** A press of "Talk to a person" with nothing said: the assistant asked what it is about and waits for the answer. */
  askedWhat?: boolean;
  /** An offer that waits for the order's proof: made with the status, once the shopper has proven the order. */
  afterProof?: boolean;
};

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
  /**
   * In `awaiting_email`: the escalation waiting for an address. In `open`: a hand-off the assistant
   * offered and the shopper has not accepted yet ("Would you like me to connect you…?" → "yes").
   */
  pendingEscalation: PendingEscalation | null;
}

export type ChatEvent = { type: "shopper.message_received"; text: string; interpretation: Interpretation } | { type: "shopper.talk_to_human_requested" };

/** Ways to reach the store without Baton (never a dead end). */
export interface ContactOptions {
  shopName: string;
  email: string | null;
  phone: string | null;
  url: string | null;
}

/** Facts the runner gathered for this turn (I/O happens before the pure transition). */
export interface TurnFacts {
  /** The language the shopper is answered in (from the storefront locale). */
  lang: Language;
  /** The order this turn is about ("#1042"): named now, or the one under discussion. */
  orderName: string | null;
  /** That order as looked up this turn; null when none or not found. */
  order: OrderFacts | null;
  /** The lookup failed (Admin API unreachable); the assistant must not say "not found". */
  orderLookupFailed: boolean;
  /** The shopper proved ownership (email match or signed logged-in customer). */
  ownershipProven: boolean;
  /** Email of the signed, logged-in customer, when known. */
  customerEmail: string | null;
  /**
   * A signed-in customer's most recent orders (newest first), looked up when they ask about "my
   * order" without a number; null when not looked up.
   */
  customerOrders: OrderFacts[] | null;
  policies: ShopPolicy[];
  /** The catalogue, when the message asked about products (or might have named one). */
  catalogue?: CatalogueFacts;
  /**
   * What the assistant said on the previous turn, as reply keys: a repeat of any of it is said
   * differently, and a miss after a miss offers a person.
   */
  previousSaid: ReplyKey[];
  /** Ownership proofs that failed earlier in this conversation (a mistyped email is forgiven once). */
  failedProofs: number;
  decision: EscalationDecision;
  /** The problem the conversation names (this message's, else an earlier one's): every case carries it (hand-off-rule.ts). */
  request?: ShopperRequest | null;
  /**
   * A hand-off the facts suggest but the shopper did not ask for (an order stalled for days, told to
   * them for the first time): offered with the status, opened only if they accept.
   */
  offerEscalation?: PendingEscalation;
  /** The plan allows an escalation email now (this period's allowance used up → false). */
  escalationEmailAllowed: boolean;
  /**
   * Set by the core itself when it decides a case's "over the abuse caps" alternative
   * (`TurnResult.overCaseCap`): the case is recorded as `limited_abuse` instead of `limited`.
   */
  escalationRefusal?: "abuse";
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
  modelEscalation?: PendingEscalation & {
    /** The shopper asked for a person themselves; otherwise the assistant offers one first. */
    shopperAsked?: boolean;
  };
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

/**
 * What a case may carry about the shopper's order: only an order whose ownership was proven in this
 * conversation (its facts and its customer); otherwise at most the name the shopper typed.
 */
export interface CaseOrder {
  /** The proven order, or null. */
  order: OrderFacts | null;
  /** The order the shopper named but did not prove (its facts stay out of the email). */
  unverifiedName: string | null;
}

export type Effect =
  /** Store the case and its email in one transaction, then deliver. */
  | { type: "create_case"; shopperEmail: string; escalation: PendingEscalation; caseOrder: CaseOrder }
  /** Store the case without an email: the shopper declined, or the plan cannot send. */
  | { type: "record_case_without_email"; status: "abandoned" | "limited" | "limited_abuse"; escalation: PendingEscalation; caseOrder: CaseOrder }
  /** A message arrived after escalation: add it to the case's next (batched) follow-up email. */
  | { type: "queue_follow_up" };

/** What the widget may show beside the reply text (built into typed parts by the runner). */
export interface ReplyAttachments {
  /** An order card for this proven order. */
  orderCard?: OrderFacts;
  /** Quick replies after a miss or an offer of a person. */
  quickActions?: "after_miss" | "offer_person";
  /** Product cards for the products the reply is about (variant choices when the shopper asked about them). */
  products?: { products: ProductFacts[]; showVariants: boolean };
}

/**
 * What a reply says, as a stable key ("miss", "ask_email", "order_status:#1042", several joined by
 * "+"), stored with the message: later turns compare keys, never the wording of earlier replies.
 */
export type ReplyKey = string;

export interface TurnResult {
  state: ConversationState;
  replies: string[];
  /** The key of each reply, in the same order. */
  said: ReplyKey[];
  effects: Effect[];
  /** The assistant could not help with this message (feeds the repeated-failure signal). */
  unhelpful: boolean;
  attachments?: ReplyAttachments;
  /** An ownership proof failed this turn (counted from the transcript next time). */
  proofFailed?: boolean;
  /**
   * With a `create_case` effect: the same turn decided as "over the shop's abuse caps" (contact
   * details, a `limited_abuse` case, no email), for the shell to use when its cap check refuses.
   */
  overCaseCap?: TurnResult;
}
