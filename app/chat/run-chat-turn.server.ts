import { randomBytes } from "node:crypto";
import { detectEscalation, type DetectorMessage, type EscalationContext, type EscalationDecision } from "~/domain/escalation";
import { interpretMessage, type Interpretation } from "~/domain/conversation/interpret-message";
import { initialState, transition } from "~/domain/conversation/transition";
import type { ChatEvent, ConversationState, Phase, TurnFacts } from "~/domain/conversation/types";
import { customerOwnsOrder, deliveredAt, sameEmail, type CustomerFacts, type OrderFacts, type OrderLookup, type ShopPolicy } from "~/domain/orders";
import { canSendEscalation } from "~/domain/plans";
import type { Db } from "~/db.server";
import { carryOutEffects } from "./save-turn.server";
import { chatStoreFor } from "./store/index.server";
import { addUsage, consultModel, lastModelConfidence, summarizeForEmail } from "./model/assistant.server";
import { escalationsThisPeriod, loadShopContext, type ShopContext } from "./shop-context.server";

export interface ChatTurnInput {
  shop: string;
  /** The signed `logged_in_customer_id` (never a value the browser chose). */
  customerId: string | null;
  conversationId?: string;
  message?: string;
  action?: "talk_to_human";
  /** Streaming clients: vetted pieces of a model reply as they arrive (see proxy.chat_.stream). */
  onDelta?: (text: string) => void;
}

export interface ChatTurnOutput {
  conversationId: string;
  state: Phase;
  messages: Array<{ role: "assistant"; text: string }>;
}

export interface RunnerDeps {
  db: Db;
  lookup: OrderLookup;
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

/** One storefront chat turn: load, gather facts, decide (pure), persist, carry out effects. */
export async function runChatTurn(deps: RunnerDeps, input: ChatTurnInput): Promise<ChatTurnOutput> {
  const { db } = deps;
  const now = deps.now();
  const shop = await loadShopContext(db, input.shop);
  if (!shop) throw new ChatUnavailableError(input.shop);

  // The conversation and its recent transcript in one query, only within this shop.
  const existing = input.conversationId ? await chatStoreFor(db).loadConversation(input.shop, input.conversationId, HISTORY_LIMIT) : null;
  const customer = input.customerId ? await safe(() => deps.lookup.findCustomer(input.customerId!)) : null;
  const customerEmail = customer?.value?.email?.trim().toLowerCase() ?? null;
  const state: ConversationState = existing ? stateFromRow(existing) : initialState(customerEmail);
  const conversationId = existing?.id ?? newConversationId();

  const history = existing ? [...existing.messages].reverse() : [];
  const text = input.message?.trim() ?? "";
  const interpretation = interpretMessage(text);
  const event: ChatEvent =
    input.action === "talk_to_human" && !text
      ? { type: "shopper.talk_to_human_requested" }
      : { type: "shopper.message_received", text, interpretation };

  const facts = await gatherFacts(deps, shop, state, event, interpretation, {
    customerId: input.customerId,
    customer: customer?.value ?? null,
    customerEmail,
    history,
    action: input.action,
    now,
  });
  // The LLM (when configured and enabled) answers in phase open unless the detector escalated.
  const consulted = await consultModel({ db, lookup: deps.lookup, shop, state, event, facts, customerId: input.customerId, customerEmail, history, now, onDelta: input.onDelta });
  const result = transition(state, event, consulted.facts);

  const newEscalation = result.effects.some((e) => e.type === "create_case");
  const shopperText = text || (input.action === "talk_to_human" ? "[Pressed “Talk to a person”]" : "");
  const caseEscalation = result.effects.find((e) => e.type === "create_case")?.escalation;
  // The email's case summary is written by the model when available (before the case transaction).
  const written = caseEscalation ? await summarizeForEmail(shop, { history, shopperText, replies: result.replies, reasonText: caseEscalation.reasonText }) : null;
  await carryOutEffects(deps, {
    shop,
    conversationId,
    isNew: !existing,
    customerId: input.customerId,
    shopperText,
    decision: facts.decision,
    result,
    order: result.state.orderVerified ? consulted.facts.order : null,
    // The verified order's customer stands in for a shopper who is not logged in.
    customer: customer?.value ?? (result.state.orderVerified ? (consulted.facts.order?.customer ?? null) : null),
    now,
    llmUsage: addUsage(consulted.usage, written?.usage ?? null),
    assistantMeta: consulted.meta,
    modelSummary: written?.summary ?? null,
  });
  if (newEscalation || result.effects.some((e) => e.type === "queue_follow_up")) deps.kickOutbox();

  return {
    conversationId,
    state: result.state.phase,
    messages: result.replies.map((t) => ({ role: "assistant" as const, text: t })),
  };
}

interface FactsInput {
  customerId: string | null;
  customer: CustomerFacts | null;
  customerEmail: string | null;
  history: Array<{ role: string; text: string; createdAt: Date; meta: unknown }>;
  action?: "talk_to_human";
  now: Date;
}

async function gatherFacts(
  deps: RunnerDeps,
  shop: ShopContext,
  state: ConversationState,
  event: ChatEvent,
  i: Interpretation,
  input: FactsInput,
): Promise<TurnFacts> {
  const escalated = state.phase === "escalated";
  const orderName = escalated ? null : (i.orderName ?? (state.orderName && (i.email || i.asksOrderStatus || state.orderVerified) ? state.orderName : null));
  let order: OrderFacts | null = null;
  let orderLookupFailed = false;
  if (orderName) {
    const found = await safe(() => deps.lookup.findOrderByName(orderName));
    order = found?.value ?? null;
    orderLookupFailed = found === null;
  }
  const proofEmail = i.email ?? state.shopperEmail ?? input.customerEmail;
  const ownershipProven = Boolean(order && (sameEmail(proofEmail, order.email) || customerOwnsOrder(input.customerId, order)));

  const policies: ShopPolicy[] = i.policyTopic && i.policyTopic !== "contact" ? ((await safe(() => deps.lookup.listPolicies()))?.value ?? []) : [];
  const decision = escalated ? NO_ESCALATION : decide(shop, state, event, {
    ...input,
    customer: input.customer ?? (ownershipProven ? (order?.customer ?? null) : null),
    order: ownershipProven ? order : null,
  });
  // The allowance matters only on turns that may escalate; skip the read otherwise.
  const mayEscalate = decision.escalate || event.type === "shopper.talk_to_human_requested" || state.phase === "awaiting_email";
  const used = mayEscalate ? await escalationsThisPeriod(deps.db, shop.domain, input.now) : 0;
  const hasRecipient = shop.routing.defaultTo.length > 0 || Boolean(shop.contact.email);

  return {
    order,
    orderLookupFailed,
    ownershipProven,
    customerEmail: input.customerEmail,
    policies,
    decision,
    escalationEmailAllowed: hasRecipient && canSendEscalation(shop.plan, used),
    contact: { shopName: shop.name, email: shop.contact.email, phone: shop.contact.phone, url: shop.contact.url },
    assistant: { name: shop.assistant.name, greeting: shop.assistant.greeting },
    now: input.now.getTime(),
  };
}

function decide(
  shop: ShopContext,
  state: ConversationState,
  event: ChatEvent,
  input: FactsInput & { order: OrderFacts | null },
): EscalationDecision {
  const messages: DetectorMessage[] = input.history.map((m) => ({
    role: m.role === "assistant" ? "assistant" : "shopper",
    text: m.text,
    at: m.createdAt.getTime(),
    assistantUnhelpful: m.role === "assistant" && isUnhelpful(m.meta),
  }));
  if (event.type === "shopper.message_received" && event.text) {
    messages.push({ role: "shopper", text: event.text, at: input.now.getTime() });
  }
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
  return detectEscalation({ messages }, context, shop.triggers);
}

const NO_ESCALATION: EscalationDecision = {
  escalate: false, reasons: [], reasonText: "", priority: "low", confidence: 1, score: 0, signals: [], topic: "other",
};

function stateFromRow(row: {
  state: string; shopperEmail: string | null; orderName: string | null; orderVerified: boolean;
  unhelpfulCount: number; emailAsks: number; pendingEscalation: string | null;
}): ConversationState {
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

function isUnhelpful(meta: unknown): boolean {
  return typeof meta === "object" && meta !== null && (meta as { unhelpful?: unknown }).unhelpful === true;
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
