import { interpretMessage, type Interpretation } from "./interpret-message";
import type { ChatEvent, ConversationState } from "./types";

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
