import { detectEscalation, type EscalationContext, type EscalationDecision, type Signal } from "../escalation";
import { deliveredAt, type CustomerFacts, type OrderFacts } from "../orders";
import { withoutEmails } from "./interpret-message";
import type { HistoryReading } from "./read-history";
import type { TurnInput } from "./turn-types";
import type { ChatEvent, ConversationState, PendingEscalation } from "./types";

export function detect(
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
  // A message that is only an email address (or only an order number) carries no word of the shopper's
  // mood — but the order it proves may carry a fact (stalled for days), which is heard now.
  if (event.type === "shopper.message_received" && !said && !pressed) return orderFactsOnly(context, input);
  return detectEscalation({ messages }, context, input.shop.triggers);
}

function orderFactsOnly(context: EscalationContext, input: TurnInput): EscalationDecision {
  if (!context.order) return NO_ESCALATION;
  const d = detectEscalation({ messages: [{ role: "shopper", text: "", at: input.now }] }, context, input.shop.triggers);
  const facts = d.signals.filter((x) => x.reason === "order_state" && x.source === "context");
  if (!d.escalate || !facts.length) return NO_ESCALATION;
  return { ...d, reasons: ["order_state"], signals: facts };
}

/**
 * Some escalations are facts or guesses, not the shopper's words: an order stalled for days (heard
 * for the first time), or a store question ("How can I contact you?", "Returns and refunds") that
 * only the learned model reads as wanting a person or a refund. The shopper gets the answer and the
 * offer of a person; an exact rule ("I want a refund", "it never came") still hands over.
 */
export function offerInstead(d: EscalationDecision, storeQuestion: boolean): { decision: EscalationDecision; offer?: PendingEscalation } {
  const findings = d.signals.filter((x) => x.reason !== "vip");
  const asOffer = storeQuestion ? findings.every((x) => x.source === "model") : findings.every(isStalledOrder);
  if (!d.escalate || findings.length === 0 || !asOffer) return { decision: d };
  const { score: _score, ...offer } = d;
  return { decision: NO_ESCALATION, offer };
}

function isStalledOrder(s: Signal): boolean {
  return s.reason === "order_state" && s.kind === "stalled_fulfillment";
}

export const NO_ESCALATION: EscalationDecision = {
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
