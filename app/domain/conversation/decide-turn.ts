import { detectEscalation, type EscalationContext, type EscalationDecision, type EscalationSettings, type Signal } from "../escalation";
import { customerOwnsOrder, deliveredAt, sameEmail, type CustomerFacts, type OrderFacts, type ShopPolicy } from "../orders";
import { canSendEscalation, type Plan } from "../plans";
import { emailsIn, interpretMessage, withoutEmails, type Interpretation } from "./interpret-message";
import type { Language } from "./language";
import { writeMessageMeta, type MessageMeta } from "./message-meta";
import { readHistory, type HistoryMessage, type HistoryReading } from "./read-history";
import { orderCardPart, quickActionsPart, type ReplyPart } from "./reply-parts";
import { initialState, transition } from "./transition";
import type { ChatEvent, ContactOptions, ConversationState, Effect, ModelReply, PendingEscalation, TurnFacts, TurnResult } from "./types";
import { vetModelEscalation, type EscalateArgs } from "./vet-model-escalation";

/**
 * One storefront turn, decided in one place. The shell calls two pure functions:
 *
 * 1. `readMessage` — what the shopper said and which lookups it needs (an order by name, the signed
 *    customer's recent orders, the shop's policies). The shell looks them up, once.
 * 2. `decideTurn` — detect → offers → (the model's contribution) → allowance → transition →
 *    reply parts → what to store. When a model may answer, the decision says so (`modelRequest`)
 *    and `withModel(outcome)` finishes the same turn with the model's outcome, nothing recomputed.
 *
 * The caps on new cases need database counts the shell reads only for a turn that opens a case:
 * `overCaseCap` is that turn decided as refused, ready for the shell to use.
 */

/** What the shopper did this turn, as the storefront sent it. */
export interface TurnRequest {
  text: string;
  action?: "talk_to_human";
  /** The signed `logged_in_customer_id` (never a value the browser chose). */
  signedCustomerId: string | null;
}

/** The message, read once, and the lookups the turn needs. */
export interface MessageReading {
  event: ChatEvent;
  interpretation: Interpretation;
  /** The order this turn is about: named now, or the one under discussion. */
  orderName: string | null;
  lookUpOrder: boolean;
  listCustomerOrders: boolean;
  policies: boolean;
}

export function readMessage(state: ConversationState | null, request: TurnRequest, modelAvailable: boolean): MessageReading {
  const text = request.text.trim();
  const interpretation = interpretMessage(text);
  const i = interpretation;
  const event: ChatEvent =
    request.action === "talk_to_human" && !text ? { type: "shopper.talk_to_human_requested" } : { type: "shopper.message_received", text, interpretation };
  const phase = state?.phase ?? "open";
  const escalated = phase === "escalated";
  const orderName = escalated ? null : (i.orderName ?? state?.orderName ?? null);
  // Looked up when this turn may use it: named, asked about or proven by this message, already
  // verified (the detector reads its state), or a hand-off may attach it; a "thanks" needs no call.
  const mayUseOrder =
    Boolean(i.orderName || i.email || i.asksOrderStatus) ||
    Boolean(state?.orderVerified) ||
    phase === "awaiting_email" ||
    Boolean(state?.pendingEscalation) ||
    event.type === "shopper.talk_to_human_requested";
  const lookUpOrder = Boolean(orderName && mayUseOrder);
  const listCustomerOrders = !escalated && !orderName && i.asksOrderStatus && Boolean(request.signedCustomerId);
  const modelMayAnswer = modelAvailable && !escalated && phase !== "awaiting_email" && Boolean(text);
  return {
    event,
    interpretation,
    orderName,
    lookUpOrder,
    listCustomerOrders,
    policies: Boolean(i.policyTopic) || lookUpOrder || listCustomerOrders || modelMayAnswer,
  };
}

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
  /** A model is configured and enabled for the shop. */
  modelAvailable: boolean;
  /** A guest declined to leave an email earlier (the conversation's case is `abandoned`). */
  declinedBefore: boolean;
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

interface Context {
  input: TurnInput;
  state: ConversationState;
  event: ChatEvent;
  history: HistoryReading;
  facts: TurnFacts;
}

export function decideTurn(input: TurnInput): TurnDecision {
  const ctx = prepare(input);
  const decision = finish(ctx, null);
  const request = modelRequest(ctx);
  return request ? { ...decision, modelRequest: request, withModel: (outcome) => finish(ctx, outcome) } : decision;
}

/** The turn's facts: ownership, detection and the offers the facts suggest. */
function prepare(input: TurnInput): Context {
  const { reading, request } = input;
  const i = reading.interpretation;
  const customerEmail = input.customer?.email?.trim().toLowerCase() || null;
  const state = input.state ?? initialState(customerEmail);
  const history = readHistory(input.history);
  const order = input.order;
  // Ownership is proven only by the signed identity or an address this shopper typed in this chat.
  const proofEmail = i.email ?? state.shopperEmail ?? customerEmail;
  const ownershipProven = Boolean(order && (sameEmail(proofEmail, order.email) || customerOwnsOrder(request.signedCustomerId, order)));
  const customerOrders = input.customerOrders?.filter((o) => customerOwnsOrder(request.signedCustomerId, o)) ?? null;
  const proven = ownershipProven ? order : null;
  const subject = proven ?? customerOrders?.[0] ?? null;
  const detected =
    state.phase === "escalated" ? NO_ESCALATION : detect(input, reading.event, history, input.customer ?? proven?.customer ?? null, subject, state);
  const toldBefore = state.orderVerified && state.orderName === subject?.name;
  const { decision, offer } = i.policyTopic || !toldBefore ? offerInstead(detected, Boolean(i.policyTopic)) : { decision: detected, offer: undefined };
  const shop = input.shop;
  const facts: TurnFacts = {
    lang: input.lang,
    orderName: reading.orderName,
    order,
    orderLookupFailed: input.lookupFailed,
    ownershipProven,
    customerEmail,
    customerOrders,
    policies: input.policies,
    previousSaid: history.previousSaid,
    failedProofs: history.failedProofs,
    decision,
    ...(offer ? { offerEscalation: offer } : {}),
    escalationEmailAllowed: shop.hasRecipient && canSendEscalation(shop.plan, shop.escalationsThisPeriod),
    contact: shop.contact,
    assistant: shop.assistant,
    now: input.now,
  };
  return { input, state, event: reading.event, history, facts };
}

/**
 * The model answers in phase open, for a shopper's message, unless the detector escalated (the
 * detector always wins) or the shopper is answering the offer the assistant just made.
 */
function modelRequest(ctx: Context): ModelRequest | undefined {
  const { input, state, event, facts, history } = ctx;
  if (!input.modelAvailable || state.phase !== "open" || event.type !== "shopper.message_received" || !event.text || facts.decision.escalate) return undefined;
  if (state.pendingEscalation && (event.interpretation.affirms || event.interpretation.declines)) return undefined;
  const emails = [...history.typedEmails, ...emailsIn(event.text), state.shopperEmail, facts.customerEmail];
  return {
    text: event.text,
    history: history.lines,
    shopperEmails: [...new Set(emails.filter((e): e is string => Boolean(e)))],
    priorLookups: history.priorLookups,
    topic: facts.decision.topic,
    contact: facts.contact,
    lang: input.lang,
    policies: input.policies,
  };
}

function finish(ctx: Context, outcome: ModelOutcome | null): TurnDecision {
  const merged = outcome ? withModel(ctx, outcome) : { facts: ctx.facts, meta: undefined, model: "none" as const };
  const result = transition(ctx.state, ctx.event, merged.facts);
  const decision = toDecision(ctx, merged.facts, result, merged.meta, merged.model);
  if (!result.overCaseCap) return decision;
  return { ...decision, overCaseCap: toDecision(ctx, merged.facts, result.overCaseCap, merged.meta, merged.model) };
}

type Merged = { facts: TurnFacts; meta: MessageMeta | undefined; model: TurnDecision["model"] };

/** The model's outcome merged into the facts (the one place they are combined). */
function withModel(ctx: Context, outcome: ModelOutcome): Merged {
  const { facts, input, state, event, history } = ctx;
  const base: MessageMeta = { engine: "llm", promptVersion: outcome.promptVersion, ...(outcome.lookedUp?.length ? { orderLookups: outcome.lookedUp } : {}) };
  const failed = (reason: string, confidence?: number): Merged => ({
    facts: { ...facts, modelFailed: true },
    meta: { ...base, engine: "builtin", llmFallback: reason, ...(confidence === undefined ? {} : { modelConfidence: confidence }) },
    model: "fell_back",
  });
  if (outcome.kind === "failed") return failed(outcome.reason);
  const text = event.type === "shopper.message_received" ? event.text : "";
  if (outcome.kind === "escalate") {
    const vetted = vetModelEscalation({
      args: outcome.args,
      text,
      interpretation: event.type === "shopper.message_received" ? event.interpretation : null,
      decision: facts.decision,
      declinedBefore: !state.shopperEmail && input.declinedBefore,
      allowed: [...history.lines.map((m) => m.text), text, ...outcome.disclosed],
      links: { published: input.policies.map((p) => p.url ?? "").filter(Boolean), shopHosts: [input.shop.domain] },
      confidence: outcome.confidence,
    });
    if (!vetted.ok) return failed(vetted.reason);
    return { facts: { ...facts, modelEscalation: vetted.escalation }, meta: { ...base, modelConfidence: outcome.confidence }, model: "used" };
  }
  // Two unhelpful model answers in a row: stop relying on the model for this turn.
  const last = history.lastAssistant;
  if (outcome.reply.unhelpful && last?.engine === "llm" && last.unhelpful) return failed("unhelpful twice", outcome.confidence);
  const v = outcome.verifiedOrder;
  // A tool-verified order is the turn's order, proven exactly as the built-in engine proves it.
  const proven = v ? { orderName: v.name, order: v, ownershipProven: true, orderLookupFailed: false } : {};
  return { facts: { ...facts, modelReply: outcome.reply, ...proven }, meta: { ...base, modelConfidence: outcome.confidence }, model: "used" };
}

function toDecision(ctx: Context, facts: TurnFacts, result: TurnResult, modelMeta: MessageMeta | undefined, model: TurnDecision["model"]): TurnDecision {
  const { input, state, event } = ctx;
  const parts = replyParts(result, input.lang);
  // A press of the button on a case that is already with the team adds nothing to its thread.
  const silent = event.type === "shopper.talk_to_human_requested" && state.phase === "escalated";
  return {
    state: result.state,
    replies: result.replies,
    ...(parts ? { parts } : {}),
    effects: result.effects,
    lines: silent ? [] : storedLines(event, input.request, facts.decision, result, modelMeta, parts),
    caseCustomer: caseCustomer(result, input.customer),
    model,
  };
}

/** The core's attachments as typed parts for the widget, in the shopper's language. */
function replyParts(result: TurnResult, lang: Language): ReplyPart[] | undefined {
  const a = result.attachments;
  if (!a || !result.replies.length) return undefined;
  const parts: ReplyPart[] = [];
  if (a.orderCard) parts.push(orderCardPart(a.orderCard, lang));
  if (a.quickActions) parts.push(quickActionsPart(a.quickActions, lang));
  return parts.length ? parts : undefined;
}

/** The shopper's message (with the signals that fired on it) and the replies (with what they said). */
function storedLines(
  event: ChatEvent,
  request: TurnRequest,
  decision: EscalationDecision,
  result: TurnResult,
  modelMeta: MessageMeta | undefined,
  parts: ReplyPart[] | undefined,
): StoredLine[] {
  const text = event.type === "shopper.message_received" ? event.text : "";
  const shopperText = text || (request.action === "talk_to_human" ? PRESSED_BUTTON : "");
  const lines: StoredLine[] = [];
  if (shopperText) {
    const signals = decision.signals.length ? { signals: decision.signals, reasons: decision.reasons } : {};
    lines.push({ role: "shopper", text: shopperText, meta: writeMessageMeta(signals) });
  }
  const last = result.replies.length - 1;
  result.replies.forEach((reply, n) => {
    const meta: MessageMeta = {
      ...modelMeta,
      ...(result.unhelpful ? { unhelpful: true } : {}),
      ...(result.proofFailed ? { proofFailed: true } : {}),
      ...(result.said[n] ? { said: [result.said[n]!] } : {}),
      ...(n === last && parts ? { parts } : {}),
    };
    lines.push({ role: "assistant", text: reply, meta: writeMessageMeta(meta) });
  });
  return lines;
}

/** How a press of "Talk to a person" without words reads in the transcript. */
export const PRESSED_BUTTON = "[Pressed “Talk to a person”]";

// The case carries the signed customer, or the customer of the order this shopper proved — never
// the customer of an order they only named.
function caseCustomer(result: TurnResult, signed: CustomerFacts | null): CustomerFacts | null {
  if (signed) return signed;
  const effect = result.effects.find((e) => e.type === "create_case" || e.type === "record_case_without_email");
  return effect && "caseOrder" in effect ? (effect.caseOrder.order?.customer ?? null) : null;
}

function detect(
  input: TurnInput,
  event: ChatEvent,
  history: HistoryReading,
  customer: CustomerFacts | null,
  order: OrderFacts | null,
  state: ConversationState,
): EscalationDecision {
  const messages = [...history.detectorMessages];
  const said = event.type === "shopper.message_received" ? withoutEmails(event.text) : "";
  if (said) messages.push({ role: "shopper", text: said, at: input.now });
  const pressed = event.type === "shopper.talk_to_human_requested" || input.request.action === "talk_to_human";
  // A message that is only an email address (or only an order number) carries no escalation signal.
  if (event.type === "shopper.message_received" && !said && !pressed) return NO_ESCALATION;
  const last = history.lastAssistant;
  const context: EscalationContext = {
    action: pressed ? "talk_to_human" : undefined,
    order: order
      ? {
          fulfillmentStatus: order.fulfillmentStatus,
          financialStatus: order.financialStatus ?? undefined,
          delivered: Boolean(deliveredAt(order)),
          deliveredAt: ms(deliveredAt(order)),
          shippedAt: ms(order.fulfillments[0]?.createdAt ?? null),
          createdAt: ms(order.createdAt),
          cancelled: Boolean(order.cancelledAt),
        }
      : undefined,
    customer: customer ? { tags: customer.tags, totalSpent: Number(customer.amountSpent.amount) || 0, orderCount: customer.numberOfOrders } : undefined,
    assistantFailures: state.unhelpfulCount,
    modelConfidence: last?.engine === "llm" ? last.modelConfidence : undefined,
    now: input.now,
  };
  return detectEscalation({ messages }, context, input.shop.triggers);
}

/**
 * Some escalations are facts or guesses, not the shopper's words: an order stalled for days (heard
 * for the first time), or a store question ("How can I contact you?", "Returns and refunds") that
 * only the learned model reads as wanting a person or a refund. The shopper gets the answer and the
 * offer of a person; an exact rule ("I want a refund", "it never came") still hands over.
 */
function offerInstead(d: EscalationDecision, storeQuestion: boolean): { decision: EscalationDecision; offer?: PendingEscalation } {
  const findings = d.signals.filter((x) => x.reason !== "vip");
  const asOffer = storeQuestion ? findings.every((x) => x.source === "model") : findings.every(isStalledOrder);
  if (!d.escalate || findings.length === 0 || !asOffer) return { decision: d };
  const { score: _score, ...offer } = d;
  return { decision: NO_ESCALATION, offer };
}

function isStalledOrder(s: Signal): boolean {
  return s.reason === "order_state" && s.kind === "stalled_fulfillment";
}

const NO_ESCALATION: EscalationDecision = {
  escalate: false,
  reasons: [],
  reasonText: "",
  priority: "low",
  confidence: 1,
  score: 0,
  signals: [],
  topic: "other",
};

function ms(iso: string | null): number | undefined {
  return iso ? Date.parse(iso) : undefined;
}
