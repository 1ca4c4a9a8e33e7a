import type { ProductFacts } from "../catalogue";
import type { EscalationDecision, EscalationSettings } from "../escalation";
import type { CustomerFacts, OrderFacts, ShopPolicy } from "../orders";
import type { Plan } from "../plans";
import type { Language } from "./language";
import type { HistoryMessage, HistoryReading } from "./read-history";
import type { MessageReading, TurnRequest } from "./read-message";
import type { ReplyPart } from "./reply-parts";
import type { ChatEvent, ContactOptions, ConversationState, Effect, ModelReply, TurnFacts } from "./types";
import type { EscalateArgs } from "./vet-model-escalation";

// The shapes of one turn: what the shell gathers (TurnInput), what the model is asked and answers,
// and what the core decides (TurnDecision). The steps live in decide-turn.ts and the files it names.

/** The shop as one turn needs it (from the shop's settings and this period's usage). */
export interface ShopForTurn {
  domain: string;
  name: string;
  plan: Plan;
  triggers: EscalationSettings;
  contact: ContactOptions;
  assistant: { name: string; greeting: string };
  /** The shop has somewhere to send a case (a routing recipient or its contact email). */
  hasRecipient: boolean;
  escalationsThisPeriod: number;
}

/** Everything the turn knows, gathered by the shell before deciding. */
export interface TurnInput {
  /** The stored conversation's state; null for a new conversation. */
  state: ConversationState | null;
  request: TurnRequest;
  reading: MessageReading;
  /** Earlier messages, oldest first. */
  history: readonly HistoryMessage[];
  lang: Language;
  /** epoch ms */
  now: number;
  shop: ShopForTurn;
  customer: CustomerFacts | null;
  order: OrderFacts | null;
  /** A lookup failed (Admin API unreachable): the assistant must not say "not found". */
  lookupFailed: boolean;
  customerOrders: OrderFacts[] | null;
  policies: ShopPolicy[];
  /** The turn's catalogue search (when `reading.products` asked for one); `failed` when it could not be read. */
  catalogue: { products: ProductFacts[]; failed: boolean } | null;
  /** A model is configured and enabled for the shop. */
  modelAvailable: boolean;
  /** A guest declined to leave an email earlier (the conversation's case is `abandoned`). */
  declinedBefore: boolean;
}

export interface TurnDecision {
  state: ConversationState;
  replies: string[];
  /** Typed extras on the last reply (README "Reply parts"). */
  parts?: ReplyPart[];
  effects: Effect[];
  /** The turn's messages to store, in order; empty when nothing is written (a press on a case already sent). */
  lines: StoredLine[];
  /** The customer a case of this turn carries: the signed one, or the proven order's (never a named order's). */
  caseCustomer: CustomerFacts | null;
  /** How the model's answer fared: used, not used (its tokens still count), or not asked. */
  model: "used" | "fell_back" | "none";
  /** With a new case: this turn decided as refused by the shop's abuse caps. */
  overCaseCap?: TurnDecision;
  /** Set when a model may answer this turn; finish with `withModel`. */
  modelRequest?: ModelRequest;
  withModel?: (outcome: ModelOutcome) => TurnDecision;
}

/** One turn being decided: its input and the facts derived from it once. */
export interface TurnContext {
  input: TurnInput;
  state: ConversationState;
  event: ChatEvent;
  history: HistoryReading;
  facts: TurnFacts;
}

/** What the model contributed, as plain data (the adapter's parse of the model's output). */
export type ModelOutcome = { promptVersion: string; lookedUp?: string[] } & (
  | { kind: "failed"; reason: string }
  | { kind: "escalate"; args: EscalateArgs; confidence: number; disclosed: string[] }
  | { kind: "reply"; reply: ModelReply; confidence: number; verifiedOrder: OrderFacts | null }
);

/** What the model is asked, when the core lets it answer. */
export interface ModelRequest {
  text: string;
  history: HistoryReading["lines"];
  /** Ownership proofs the order tool accepts: addresses the shopper typed, and the signed customer's. */
  shopperEmails: string[];
  priorLookups: string[];
  topic: EscalationDecision["topic"];
  contact: ContactOptions;
  lang: Language;
  policies: ShopPolicy[];
}

/** A message of this turn, as it is stored. */
export interface StoredLine {
  role: "shopper" | "assistant";
  text: string;
  meta?: object;
}
