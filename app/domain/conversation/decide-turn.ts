import { customerOwnsOrder, orderStatus, sameEmail } from "../orders";
import { canSendEscalation } from "../plans";
import { detect, NO_ESCALATION } from "./detect-turn";
import { handOff, standingRequest } from "./hand-off-rule";
import { modelRequest, withModel } from "./model-outcome";
import { readHistory } from "./read-history";
import { initialState, transition } from "./transition";
import { caseCustomer, replyParts, storedLines } from "./turn-lines";
import type { ModelOutcome, TurnContext, TurnDecision, TurnInput } from "./turn-types";
import type { MessageMeta } from "./message-meta";
import type { TurnFacts, TurnResult } from "./types";

export { readMessage, type MessageReading, type TurnRequest } from "./read-message";
export { PRESSED_BUTTON } from "./turn-lines";
export type { ModelOutcome, ModelRequest, ShopForTurn, StoredLine, TurnDecision, TurnInput } from "./turn-types";

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

export function decideTurn(input: TurnInput): TurnDecision {
  const ctx = prepare(input);
  const decision = finish(ctx, null);
  const request = modelRequest(ctx);
  return request ? { ...decision, modelRequest: request, withModel: (outcome) => finish(ctx, outcome) } : decision;
}

/** The turn's facts: ownership, detection and the offers the facts suggest. */
function prepare(input: TurnInput): TurnContext {
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
  const shop = input.shop;
  const hasRefundPolicy = input.policies.some((p) => p.kind === "refund");
  const message = reading.event.type === "shopper.message_received";
  // The hand-off rule reads this message's request (or, for a message that only gives the order or an
  // email, the one it answers); the case is named after the conversation's.
  const named = standingRequest(i.request, history, state.pendingEscalation);
  const { decision, offer } =
    message && state.phase !== "escalated"
      ? handOff({
          detected,
          request: i.request ?? (i.orderName || i.email ? named : null),
          orderStatus: subject ? orderStatus(subject, input.now).kind : null,
          orderKnown: Boolean(subject || reading.orderName),
          answerable: Boolean(i.policyTopics.length || i.asksOrderStatus || i.productQuestion || i.asksIfBot),
          hasRefundPolicy,
          toldBefore: toldBefore && !i.policyTopics.length,
          offered: Boolean(state.pendingEscalation && !state.pendingEscalation.askedWhat && !state.pendingEscalation.afterProof),
        })
      : { decision: detected, offer: undefined };
  const facts: TurnFacts = {
    lang: input.lang,
    orderName: reading.orderName,
    order,
    orderLookupFailed: input.lookupFailed,
    ownershipProven,
    customerEmail,
    customerOrders,
    policies: input.policies,
    ...(input.catalogue && (reading.products || reading.productQuestion)
      ? {
          catalogue: {
            question: reading.productQuestion,
            products: input.catalogue.products,
            failed: input.catalogue.failed,
            previousHandle: reading.previousProduct,
          },
        }
      : {}),
    previousSaid: history.previousSaid,
    failedProofs: history.failedProofs,
    decision,
    request: named,
    ...(offer ? { offerEscalation: offer } : {}),
    escalationEmailAllowed: shop.hasRecipient && canSendEscalation(shop.plan, shop.escalationsThisPeriod),
    contact: shop.contact,
    assistant: shop.assistant,
    now: input.now,
  };
  return { input, state, event: reading.event, history, facts };
}

function finish(ctx: TurnContext, outcome: ModelOutcome | null): TurnDecision {
  const merged = outcome ? withModel(ctx, outcome) : { facts: ctx.facts, meta: undefined, model: "none" as const };
  const result = transition(ctx.state, ctx.event, merged.facts);
  const decision = toDecision(ctx, merged.facts, result, merged.meta, merged.model);
  if (!result.overCaseCap) return decision;
  return { ...decision, overCaseCap: toDecision(ctx, merged.facts, result.overCaseCap, merged.meta, merged.model) };
}

function toDecision(ctx: TurnContext, facts: TurnFacts, result: TurnResult, modelMeta: MessageMeta | undefined, model: TurnDecision["model"]): TurnDecision {
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
