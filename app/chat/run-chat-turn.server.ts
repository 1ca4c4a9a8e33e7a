import { randomBytes } from "node:crypto";
import { detectEscalation, type DetectorMessage, type EscalationContext, type EscalationDecision } from "~/domain/escalation";
import { conversationBelongsTo } from "~/domain/conversation/conversation-owner";
import { interpretMessage, withoutEmails, type Interpretation } from "~/domain/conversation/interpret-message";
import { resolveLanguage, type Language } from "~/domain/conversation/language";
import { orderCardPart, quickActionsPart, type ReplyPart } from "~/domain/conversation/reply-parts";
import { transcriptRole } from "~/domain/conversation/transcript";
import { initialState, transition } from "~/domain/conversation/transition";
import type { ChatEvent, ConversationState, PendingEscalation, Phase, TurnFacts, TurnResult } from "~/domain/conversation/types";
import {
  customerOwnsOrder,
  deliveredAt,
  sameEmail,
  type CustomerFacts,
  type OrderFacts,
  type OrderLookup,
  type PolicySource,
  type ShopPolicy,
} from "~/domain/orders";
import { canSendEscalation } from "~/domain/plans";
import type { Db } from "~/db.server";
import { saveTurn } from "./save-turn.server";
import { checkNewCaseCaps, clientAddressHash, newCaseReplyTo } from "./case-caps.server";
import { chatStoreFor } from "./store/index.server";
import type { StoredConversation, StoredMessage } from "./store/chat-store";
import { addUsage, consultModel, lastModelConfidence, summarizeForEmail, withModelOutcome } from "./model/assistant.server";
import { escalationsThisPeriod, loadShopContext, type ShopContext } from "./shop-context.server";

export interface ChatTurnInput {
  shop: string;
  /** The signed `logged_in_customer_id` (never a value the browser chose). */
  customerId: string | null;
  conversationId?: string;
  message?: string;
  action?: "talk_to_human";
  /** The storefront locale (BCP-47) the widget runs in; replies use en, es, fr or de. */
  locale?: string;
  /** Streaming clients: vetted pieces of a model reply as they arrive (see proxy.chat_.stream). */
  onDelta?: (text: string) => void;
  /** The shopper's address key from X-Forwarded-For (app/platform/client-address), null if unusable. */
  clientAddress?: string | null;
}

export interface ChatTurnOutput {
  conversationId: string;
  state: Phase;
  /** `parts` only on the last message (README "Storefront chat API", reply-parts.ts). */
  messages: Array<{ role: "assistant"; text: string; parts?: ReplyPart[] }>;
}

export interface RunnerDeps {
  db: Db;
  lookup: OrderLookup & PolicySource;
  now: () => Date;
  /** Wake the outbox worker right after a case is committed (handoff in ms, not a poll period). */
  kickOutbox: () => void;
}

export class ChatUnavailableError extends Error {
  constructor(readonly shop: string) {
    super(`Chat is not available for ${shop}`);
  }
}

const HISTORY_LIMIT = 40;
const RECENT_ORDERS = 3;

/**
 * One storefront chat turn, owned here from start to end: load the conversation, gather the turn's
 * facts (once), let the model contribute (merged once), decide (pure `transition`), save, and wake
 * the outbox when a case or follow-up was queued.
 */
export async function runChatTurn(deps: RunnerDeps, input: ChatTurnInput): Promise<ChatTurnOutput> {
  const { db } = deps;
  const now = deps.now();
  const shop = await loadShopContext(db, input.shop);
  if (!shop) throw new ChatUnavailableError(input.shop);

  const existing = await loadOwnConversation(db, input);
  const customer = input.customerId ? await safe(() => deps.lookup.findCustomer(input.customerId!)) : null;
  const customerEmail = customer?.value?.email?.trim().toLowerCase() ?? null;
  const state: ConversationState = existing ? stateFromRow(existing) : initialState(customerEmail);
  const conversationId = existing?.id ?? newConversationId();
  const history = existing ? [...existing.messages].reverse() : [];

  const text = input.message?.trim() ?? "";
  const interpretation = interpretMessage(text);
  const event: ChatEvent =
    input.action === "talk_to_human" && !text ? { type: "shopper.talk_to_human_requested" } : { type: "shopper.message_received", text, interpretation };

  const gathered = await gatherFacts(deps, shop, state, event, interpretation, {
    customerId: input.customerId,
    customer: customer?.value ?? null,
    customerEmail,
    history,
    action: input.action,
    lang: resolveLanguage(input.locale),
    now,
  });
  // The LLM (when configured and enabled) answers in phase open unless the detector escalated.
  // issue 19: db + conversationId let the model layer see a guest's earlier "no thanks".
  const outcome = await consultModel({
    lookup: deps.lookup,
    shop,
    state,
    event,
    facts: gathered,
    customerId: input.customerId,
    customerEmail,
    history,
    now,
    onDelta: input.onDelta,
    db,
    conversationId: existing?.id ?? null,
  });
  const merged = withModelOutcome(gathered, outcome);
  const facts: TurnFacts = { ...merged, escalationEmailAllowed: await mayEmailTheTeam(deps, shop, state, event, merged, now) };
  let result = transition(state, event, facts);
  // Issue 18, abuse caps (app/chat/case-caps.server.ts): a new case past the shop's caps is decided
  // again as "limited for abuse" — contact details, case `limited_abuse`, no email, no allowance.
  const clientHash = clientAddressHash(input.shop, input.clientAddress ?? null);
  const capReplyTo = newCaseReplyTo(result);
  const verified = Boolean(input.customerId) || result.effects.some((e) => e.type === "create_case" && e.caseOrder.order !== null);
  if (capReplyTo !== undefined && (await checkNewCaseCaps(db, { shop, clientHash, replyTo: capReplyTo, now, verified }))) {
    result = transition(state, event, { ...facts, escalationRefusal: "abuse" });
  }
  const parts = replyParts(result, input.locale);

  const caseEffect = result.effects.find((e) => e.type === "create_case");
  // A press of the button on a case that is already with the team adds nothing to its thread.
  const silent = event.type === "shopper.talk_to_human_requested" && state.phase === "escalated";
  const shopperText = text || (input.action === "talk_to_human" && !silent ? "[Pressed “Talk to a person”]" : "");
  const modelUsage = outcome.kind === "none" ? null : outcome.usage;
  // The email's case summary is written by the model when available (before the case transaction).
  // issue 19: the summary gets only what is left of the turn's model deadline (or a short cap).
  const deadline = outcome.kind === "none" ? undefined : outcome.deadline;
  const written = caseEffect
    ? await summarizeForEmail(shop, { history, shopperText, replies: result.replies, reasonText: caseEffect.escalation.reasonText }, deadline)
    : null;
  deadline?.dispose();
  if (!silent) {
    await saveTurn(db, {
      shop,
      conversationId,
      isNew: !existing,
      customerId: input.customerId ?? existing?.customerId ?? null,
      shopperText,
      decision: facts.decision,
      result,
      customer: caseCustomer(result, customer?.value ?? null),
      now,
      llmUsage: addUsage(modelUsage, written?.usage ?? null),
      assistantMeta: outcome.kind === "none" ? undefined : outcome.meta,
      modelSummary: written?.summary ?? null,
      clientHash,
      lastReplyParts: parts,
    });
  }
  if (caseEffect || result.effects.some((e) => e.type === "queue_follow_up")) deps.kickOutbox();

  return {
    conversationId,
    state: result.state.phase,
    messages: result.replies.map((t, i) => ({ role: "assistant" as const, text: t, ...(parts && i === result.replies.length - 1 ? { parts } : {}) })),
  };
}

/** The core's attachments as typed parts for the widget, in the storefront's language. */
function replyParts(result: TurnResult, locale: string | undefined): ReplyPart[] | undefined {
  const a = result.attachments;
  if (!a || !result.replies.length) return undefined;
  const parts: ReplyPart[] = [];
  if (a.orderCard) parts.push(orderCardPart(a.orderCard, locale));
  if (a.quickActions) parts.push(quickActionsPart(a.quickActions, locale));
  return parts.length ? parts : undefined;
}

/**
 * The conversation, if it is this shopper's: within the shop, and not one a different signed
 * customer had — or a signed customer had, presented now without one. Otherwise a new one starts.
 */
async function loadOwnConversation(db: Db, input: ChatTurnInput): Promise<StoredConversation | null> {
  if (!input.conversationId) return null;
  const row = await chatStoreFor(db).loadConversation(input.shop, input.conversationId, HISTORY_LIMIT);
  return row && conversationBelongsTo(row, input.customerId) ? row : null;
}

// The case carries the signed customer, or the customer of the order this shopper proved — never
// the customer of an order they only named.
function caseCustomer(result: TurnResult, signed: CustomerFacts | null): CustomerFacts | null {
  if (signed) return signed;
  const effect = result.effects.find((e) => e.type === "create_case" || e.type === "record_case_without_email");
  return effect && "caseOrder" in effect ? (effect.caseOrder.order?.customer ?? null) : null;
}

interface FactsInput {
  customerId: string | null;
  customer: CustomerFacts | null;
  customerEmail: string | null;
  history: StoredMessage[];
  action?: "talk_to_human";
  lang: Language;
  now: Date;
}

/** Everything the pure core needs for this turn, looked up once (the escalation allowance comes later). */
async function gatherFacts(
  deps: RunnerDeps,
  shop: ShopContext,
  state: ConversationState,
  event: ChatEvent,
  i: Interpretation,
  input: FactsInput,
): Promise<TurnFacts> {
  const escalated = state.phase === "escalated";
  // Which order is this turn about: the one named now, else the one under discussion.
  const orderName = escalated ? null : (i.orderName ?? state.orderName);
  let order: OrderFacts | null = null;
  let orderLookupFailed = false;
  // Looked up when this turn may use it: it is named, asked about or proven by this message, already
  // verified (the detector reads its state), or a hand-off may attach it; a "thanks" needs no Admin call.
  const mayUseOrder =
    Boolean(i.orderName || i.email || i.asksOrderStatus) ||
    state.orderVerified ||
    state.phase === "awaiting_email" ||
    state.pendingEscalation !== null ||
    event.type === "shopper.talk_to_human_requested";
  if (orderName && mayUseOrder) {
    const found = await safe(() => deps.lookup.findOrderByName(orderName));
    order = found?.value ?? null;
    orderLookupFailed = found === null;
  }
  // Ownership is proven only by the signed identity or an address this shopper typed in this chat.
  const proofEmail = i.email ?? state.shopperEmail ?? input.customerEmail;
  const ownershipProven = Boolean(order && (sameEmail(proofEmail, order.email) || customerOwnsOrder(input.customerId, order)));

  // "Where is my order?" from a signed-in customer without a number: their own recent orders.
  let customerOrders: OrderFacts[] | null = null;
  if (!escalated && !orderName && i.asksOrderStatus && input.customerId) {
    const found = await safe(() => deps.lookup.listCustomerOrders(input.customerId!, RECENT_ORDERS));
    customerOrders = found ? found.value.filter((o) => customerOwnsOrder(input.customerId, o)) : null;
    orderLookupFailed = found === null;
  }
  const needsPolicies = Boolean(i.policyTopic || order || customerOrders);
  const policies: ShopPolicy[] = needsPolicies ? ((await safe(() => deps.lookup.listPolicies()))?.value ?? []) : [];
  const proven = ownershipProven ? order : null;
  const detected = escalated
    ? NO_ESCALATION
    : decide(shop, state, event, { ...input, customer: input.customer ?? proven?.customer ?? null, order: proven ?? customerOrders?.[0] ?? null });
  const toldBefore = state.orderVerified && state.orderName === (proven ?? customerOrders?.[0])?.name;
  const { decision, offer } = i.policyTopic || !toldBefore ? offerInstead(detected, Boolean(i.policyTopic)) : { decision: detected };

  return {
    lang: input.lang,
    orderName,
    order,
    orderLookupFailed,
    ownershipProven,
    customerEmail: input.customerEmail,
    customerOrders,
    policies,
    previousReplies: previousTurnReplies(input.history),
    failedProofs: input.history.filter((m) => m.role === "assistant" && metaFlag(m.meta, "proofFailed")).length,
    decision,
    ...(offer ? { offerEscalation: offer } : {}),
    escalationEmailAllowed: false,
    contact: { shopName: shop.name, email: shop.contact.email, phone: shop.contact.phone, url: shop.contact.url },
    assistant: { name: shop.assistant.name, greeting: shop.assistant.greeting },
    now: input.now.getTime(),
  };
}

/**
 * "May we send the team an email now?" — answered once per turn, and only read from the database on
 * a turn that may escalate (the detector, the model, the button or an awaited email address).
 */
async function mayEmailTheTeam(deps: RunnerDeps, shop: ShopContext, state: ConversationState, event: ChatEvent, facts: TurnFacts, now: Date): Promise<boolean> {
  const mayEscalate =
    facts.decision.escalate ||
    Boolean(facts.modelEscalation) ||
    event.type === "shopper.talk_to_human_requested" ||
    state.phase === "awaiting_email" ||
    state.pendingEscalation !== null;
  if (!mayEscalate) return false;
  const hasRecipient = shop.routing.defaultTo.length > 0 || Boolean(shop.contact.email);
  return hasRecipient && canSendEscalation(shop.plan, await escalationsThisPeriod(deps.db, shop.domain, now));
}

function decide(shop: ShopContext, state: ConversationState, event: ChatEvent, input: FactsInput & { order: OrderFacts | null }): EscalationDecision {
  // The detector reads what the shopper says: typed addresses are neither mood nor a repeated question.
  const messages: DetectorMessage[] = input.history
    .map((m) => ({
      role: transcriptRole(m.role),
      text: m.role === "assistant" ? m.text : withoutEmails(m.text),
      at: m.createdAt.getTime(),
      assistantUnhelpful: m.role === "assistant" && metaFlag(m.meta, "unhelpful"),
    }))
    .filter((m) => m.text);
  const said = event.type === "shopper.message_received" ? withoutEmails(event.text) : "";
  if (said) messages.push({ role: "shopper", text: said, at: input.now.getTime() });
  const o = input.order;
  const context: EscalationContext = {
    action: event.type === "shopper.talk_to_human_requested" || input.action === "talk_to_human" ? "talk_to_human" : undefined,
    order: o
      ? {
          fulfillmentStatus: o.fulfillmentStatus,
          financialStatus: o.financialStatus ?? undefined,
          delivered: Boolean(deliveredAt(o)),
          deliveredAt: ms(deliveredAt(o)),
          shippedAt: ms(o.fulfillments[0]?.createdAt ?? null),
          createdAt: ms(o.createdAt),
          cancelled: Boolean(o.cancelledAt),
        }
      : undefined,
    customer: input.customer
      ? { tags: input.customer.tags, totalSpent: Number(input.customer.amountSpent.amount) || 0, orderCount: input.customer.numberOfOrders }
      : undefined,
    assistantFailures: state.unhelpfulCount,
    modelConfidence: lastModelConfidence(input.history),
    now: input.now.getTime(),
  };
  // A message that is only an email address (or only an order number) carries no escalation signal.
  if (event.type === "shopper.message_received" && !said && !context.action) return NO_ESCALATION;
  return detectEscalation({ messages }, context, shop.triggers);
}

/**
 * Some escalations are facts or guesses, not the shopper's words: an order stalled for days (heard
 * for the first time), or a store question ("How can I contact you?", "Returns and refunds") that
 * only the learned model reads as wanting a person or a refund. The shopper gets the answer and the
 * offer of a person; an exact rule ("I want a refund", "it never came") still hands over.
 */
function offerInstead(d: EscalationDecision, storeQuestion: boolean): { decision: EscalationDecision; offer?: PendingEscalation } {
  const facts = d.signals.filter((x) => x.reason !== "vip");
  const asOffer = storeQuestion
    ? facts.every((x) => MODEL_EVIDENCE.test(x.evidence))
    : facts.every((x) => x.reason === "order_state" && STALLED_EVIDENCE.test(x.evidence));
  if (!d.escalate || facts.length === 0 || !asOffer) return { decision: d };
  const { score: _score, ...offer } = d;
  return { decision: NO_ESCALATION, offer };
}

// How the detector words the evidence of a model finding and of a stalled order (detect-escalation.ts, order-state.ts).
const MODEL_EVIDENCE = /\(model \d/;
const STALLED_EVIDENCE = /\bfor \d+ days$/;

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

function stateFromRow(row: StoredConversation): ConversationState {
  const phase = (["open", "awaiting_email", "escalated", "closed"] as const).find((p) => p === row.state) ?? "open";
  return {
    phase,
    shopperEmail: row.shopperEmail,
    orderName: row.orderName,
    orderVerified: row.orderVerified,
    unhelpfulCount: row.unhelpfulCount,
    emailAsks: row.emailAsks,
    pendingEscalation: row.pendingEscalation ? (JSON.parse(row.pendingEscalation) as ConversationState["pendingEscalation"]) : null,
  };
}

/** 128 random bits, URL-safe: unguessable and never derived from shop or time. */
export function newConversationId(): string {
  return randomBytes(16).toString("base64url");
}

function previousTurnReplies(history: StoredMessage[]): string[] {
  const replies: string[] = [];
  for (let n = history.length - 1; n >= 0 && history[n]!.role === "assistant"; n--) replies.push(history[n]!.text);
  return replies;
}

function metaFlag(meta: unknown, key: "unhelpful" | "proofFailed"): boolean {
  return typeof meta === "object" && meta !== null && (meta as Record<string, unknown>)[key] === true;
}

function ms(iso: string | null): number | undefined {
  return iso ? Date.parse(iso) : undefined;
}

// A failed lookup must not fail the chat turn: the engine says lookups are unavailable instead.
async function safe<T>(fn: () => Promise<T>): Promise<{ value: T } | null> {
  try {
    return { value: await fn() };
  } catch (error) {
    console.warn(`[chat] lookup failed: ${(error as Error).message}`);
    return null;
  }
}
