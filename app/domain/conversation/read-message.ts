import type { ProductQuery } from "../catalogue";
import { interpretMessage, type Interpretation } from "./interpret-message";
import type { Language } from "./language";
import { productUnderDiscussion } from "./product-answer";
import { looseProductQuery, readProductQuestion, type ProductQuestion } from "./product-question";
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
  /** The catalogue search this turn needs (one call), or null. */
  products: ProductQuery | null;
  /** The product question as the shopper asked it (`loose` when the message only might name a product). */
  productQuestion: ProductQuestion | null;
  /** The product the previous reply was about (its handle), for "is it machine washable?". */
  previousProduct: string | null;
}

/** What the turn knows before reading the message: the shopper's language and what the last reply said. */
export interface ReadingContext {
  lang: Language;
  previousSaid: readonly string[];
}

export function readMessage(
  state: ConversationState | null,
  request: TurnRequest,
  modelAvailable: boolean,
  context: ReadingContext = { lang: "en", previousSaid: [] },
): MessageReading {
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
  // A request about an order (it never arrived, cancel it, it came broken) needs the order as much as "where is it?".
  const aboutOrder = i.asksOrderStatus || Boolean(i.request && ORDER_REQUESTS.has(i.request));
  const mayUseOrder =
    Boolean(i.orderName || i.email || aboutOrder) ||
    Boolean(state?.orderVerified) ||
    phase === "awaiting_email" ||
    Boolean(state?.pendingEscalation) ||
    event.type === "shopper.talk_to_human_requested";
  const lookUpOrder = Boolean(orderName && mayUseOrder);
  const listCustomerOrders = !escalated && !orderName && aboutOrder && Boolean(request.signedCustomerId);
  const modelMayAnswer = modelAvailable && !escalated && phase !== "awaiting_email" && Boolean(text);
  // After the hand-off a product question is still answered (the case is not about it).
  const products =
    event.type !== "shopper.message_received" ? { products: null, productQuestion: null, previousProduct: null } : productSearch(text, i, context);
  const answeredByRefundPolicy = i.request === "return_item" || i.request === "change_item" || i.request === "refund";
  return {
    ...products,
    event,
    interpretation,
    orderName,
    lookUpOrder,
    listCustomerOrders,
    policies: Boolean(i.policyTopic) || answeredByRefundPolicy || lookUpOrder || listCustomerOrders || modelMayAnswer,
  };
}

const ORDER_REQUESTS: ReadonlySet<string> = new Set([
  "missing_parcel",
  "stalled_order",
  "refund",
  "cancel_order",
  "change_address",
  "damaged_item",
  "wrong_item",
  "change_item",
]);

// Nothing else this message could be about: it may name a product ("merino throw?"), searched quietly.
function saysNothingElse(i: Interpretation): boolean {
  return !(
    i.orderName ||
    i.email ||
    i.invalidEmailAttempt ||
    i.asksOrderStatus ||
    i.changeRequest ||
    i.request ||
    i.asksIfBot ||
    i.closing ||
    i.policyTopic ||
    i.greeting ||
    i.thanks ||
    i.affirms ||
    i.declines
  );
}

/**
 * The turn's one catalogue search: a product question's words and price bounds, plus the product
 * under discussion's words when the message refers back to it ("do you have it in charcoal?").
 */
function productSearch(text: string, i: Interpretation, context: ReadingContext): Pick<MessageReading, "products" | "productQuestion" | "previousProduct"> {
  const previousProduct = productUnderDiscussion(context.previousSaid);
  const question = i.productQuestion ? readProductQuestion(text, context.lang) : null;
  // A message about anything else (an order, an email) searches nothing: a model finds products with its own tool.
  const loose = !question && saysNothingElse(i) ? looseProductQuery(text, context.lang) : null;
  const query = question?.query ?? loose;
  if (!query) return { products: null, productQuestion: null, previousProduct };
  const back = previousProduct && (question?.refersBack || !question) ? previousProduct.split("-") : [];
  const words = [...query.words, ...back.filter((w) => !query.words.includes(w))];
  const productQuestion = question ?? { query, aspects: [], refersBack: false, loose: true as const };
  return { products: { ...query, words }, productQuestion, previousProduct };
}
