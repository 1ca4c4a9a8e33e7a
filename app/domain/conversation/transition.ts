import { orderStatus, type ShopPolicy } from "../orders";
import type { Interpretation } from "./interpret-message";
import { formatFor, repliesFor, type OrderListEntry, type ReplyCatalog } from "./replies";
import { buttonEscalation, cannotHelpEscalation, changeRequestEscalation, empathy, mergeEscalations, toPending } from "./escalations";
import { reasonLine, requestOf } from "./hand-off-rule";
import { caseOrderOf, createCase, named, offerPerson, orderFactsFirst, refuseCase, startEscalation } from "./hand-off-turn";
import { statusText } from "./status-text";
import type { Turn } from "./turn";
import { guessLanguage } from "./guess-language";
import { productAnswer } from "./product-answer";
import { joined, MODEL_KEY, reply, said, unhelpful, type Said } from "./said";
import type { ChatEvent, ConversationState, ModelReply, TurnFacts, TurnResult } from "./types";

/** A new conversation's state; a signed logged-in customer's email is known from the start. */
export function initialState(customerEmail: string | null = null): ConversationState {
  return {
    phase: "open",
    shopperEmail: customerEmail,
    orderName: null,
    orderVerified: false,
    unhelpfulCount: 0,
    emailAsks: 0,
    pendingEscalation: null,
  };
}

/**
 * The built-in engine's turn: given the state, what the shopper did and the facts gathered for this
 * turn, returns the next state, the assistant's replies and the effects to carry out (as data).
 */
export function transition(state: ConversationState, event: ChatEvent, facts: TurnFacts): TurnResult {
  const turn: Turn = { facts, t: repliesFor(facts.lang), f: formatFor(facts.lang) };
  const knownEmail = state.shopperEmail ?? facts.customerEmail;
  const s: ConversationState = { ...state, shopperEmail: knownEmail };

  let result: TurnResult;
  switch (s.phase) {
    case "awaiting_email":
      result = awaitingEmail(s, event, turn);
      break;
    case "escalated":
      result = escalated(s, event, turn);
      break;
    case "closed":
      result = open({ ...s, phase: "open", pendingEscalation: null, emailAsks: 0 }, event, turn);
      break;
    default:
      result = open(s, event, turn);
  }
  return notTwiceInARow(result, turn);
}

function open(s: ConversationState, event: ChatEvent, turn: Turn): TurnResult {
  const { facts, t } = turn;
  if (event.type === "shopper.talk_to_human_requested") {
    const pending = s.pendingEscalation;
    // Nothing in the conversation says what it is about: one short question first, so the case does.
    if (!pending && !knownRequest(facts.request)) {
      const asked = { ...(facts.decision.escalate ? toPending(facts.decision) : buttonEscalation()), askedWhat: true };
      return reply({ ...s, pendingEscalation: asked }, [said(t.askWhatAbout(s.orderName), "ask_what_about")]);
    }
    const { askedWhat: _asked, ...escalation } = pending ?? toPending(facts.decision.escalate ? facts.decision : { ...buttonEscalation(), score: 1 });
    return startEscalation({ ...s, pendingEscalation: null }, escalation, turn, []);
  }
  const i = event.interpretation;
  if (i.email) s = { ...s, shopperEmail: i.email };
  s = rememberOrder(s, i, facts);

  // An offer held back while the assistant asked for the order's proof: made now, beside the answer.
  if (s.pendingEscalation?.afterProof) {
    const { afterProof: _held, ...held } = s.pendingEscalation;
    s = { ...s, pendingEscalation: null };
    if (!facts.offerEscalation) turn = { ...turn, facts: { ...facts, offerEscalation: held } };
  }
  // A hand-off the assistant offered last turn: "yes" accepts it, "no" puts it aside.
  const offer = s.pendingEscalation;
  if (offer) {
    s = { ...s, pendingEscalation: null };
    if (i.closing) return reply(s, [said(t.goodbye, "goodbye")]);
    if (offer.askedWhat) {
      // The answer to "what is it about?": whatever it says, it is what the team gets.
      const { askedWhat: _asked, ...asked } = offer;
      if (i.declines) return reply(s, [said(t.offerDeclined, "offer_declined")]);
      const merged = facts.decision.escalate ? mergeEscalations(asked, toPending(facts.decision)) : asked;
      const request = requestOf(merged, i.request ?? facts.request ?? (i.orderName || i.asksOrderStatus ? "order_problem" : "other"));
      // The reason is what the shopper answered, not that the button was pressed.
      const reasonText = reasonLine(facts.decision.escalate ? facts.decision.reasonText : "", request) || merged.reasonText;
      return startEscalation(s, { ...merged, request, reasonText }, turn, empathy(merged, t, request));
    }
    if (facts.decision.escalate) return startEscalation(s, mergeEscalations(offer, toPending(facts.decision)), turn, empathy(facts.decision, t, facts.request));
    if (i.affirms) return startEscalation(s, offer, turn, []);
    if (i.declines) return reply(s, [said(t.offerDeclined, "offer_declined")]);
  }
  if ((i.closing || i.declines) && !facts.decision.escalate) return reply(s, [said(t.goodbye, "goodbye")]);
  if (facts.decision.escalate) return startEscalation(s, toPending(facts.decision), turn, empathy(facts.decision, t, facts.request));
  if (facts.modelEscalation) {
    const { shopperAsked, ...escalation } = facts.modelEscalation;
    if (shopperAsked) return startEscalation(s, escalation, turn, empathy(escalation, t));
    // The model thinks a person could help, the shopper did not ask: offer, never decide for them.
    const answer = facts.modelReply?.text ? [said(facts.modelReply.text, MODEL_KEY)] : [];
    return offerPerson(s, escalation, [...answer, said(t.offerPerson, "offer_person")]);
  }
  if (facts.modelReply) return withSuggestedOffer(modelTurn(s, facts.modelReply, facts), turn);
  if (facts.modelFailed) return withPersonOffer(builtInOpen(s, i, turn), t);
  return withSuggestedOffer(builtInOpen(s, i, turn), turn);
}

function knownRequest(r: TurnFacts["request"]): boolean {
  return Boolean(r && r !== "talk_to_person" && r !== "other");
}

/**
 * The answer, then the offer of a person the facts suggest: an order not shipped in 9 days, or a
 * "how do I reach you?" the detector reads as wanting a person.
 */
function withSuggestedOffer(r: TurnResult, turn: Turn): TurnResult {
  const offer = turn.facts.offerEscalation;
  if (!offer || r.state.pendingEscalation || r.effects.length) return r;
  // A question for the order's number or email comes first; the offer follows the answer.
  if (r.said.some((key) => key.startsWith("ask_order"))) return { ...r, state: { ...r.state, pendingEscalation: { ...offer, afterProof: true } } };
  if (r.unhelpful) {
    if (!offer.request) return r;
    return { ...offerPerson(r.state, offer, [said(turn.t.missAgain, "miss_again")]), unhelpful: true };
  }
  const offered = offerPerson(r.state, offer, [said(turn.t.offerPerson, "offer_person")]);
  return {
    ...offered,
    replies: [...r.replies, ...offered.replies],
    said: [...r.said, ...offered.said],
    attachments: { ...r.attachments, quickActions: "offer_person" },
  };
}

/**
 * Policy answers in the order the shopper asked ("how long is shipping, and can I return it?" gets
 * shipping first), also when one of them is the main answer; anything else keeps its place.
 */
function inAskedOrder(parts: TurnResult[], topics: readonly string[]): TurnResult[] {
  const at = (r: TurnResult) => topics.findIndex((topic) => r.said.some((key) => key.endsWith(`policy:${topic}`)));
  if (parts.some((r) => at(r) < 0)) return parts;
  return [...parts].sort((a, b) => at(a) - at(b));
}

/** The order named this turn becomes the one under discussion (proven or not). */
function rememberOrder(s: ConversationState, i: Interpretation, facts: TurnFacts): ConversationState {
  if (!i.orderName || !facts.orderName || facts.orderName === s.orderName) return s;
  return { ...s, orderName: facts.orderName, orderVerified: false };
}

/** Every question of the message answered, in one reply each: the main one, then the policies it also asks about. */
function builtInOpen(s: ConversationState, i: Interpretation, turn: Turn): TurnResult {
  const main = mainAnswer(s, i, turn);
  const more = i.policyTopics.filter((topic) => !main.said.some((key) => key.endsWith(`policy:${topic}`)));
  const extra = more.map((topic) => policyTurn(main.state, topic, turn));
  const bot = i.asksIfBot && !main.said.includes("bot") ? [said(turn.t.botAnswer(turn.facts.contact.shopName), "bot")] : [];
  if (!extra.length && !bot.length) return main;
  const answered = main.said[0] === "miss" ? null : main;
  const parts = inAskedOrder([...(answered ? [answered] : []), ...extra], i.policyTopics);
  const last = extra.at(-1)?.state ?? main.state;
  const replies = [...bot.map((b) => b.text), ...parts.flatMap((r) => r.replies)];
  return {
    ...(answered ?? main),
    state: last,
    replies,
    said: [...bot.map((b) => b.key), ...parts.flatMap((r) => r.said)],
    unhelpful: parts.length > 0 && parts.every((r) => r.unhelpful),
    ...(answered?.attachments ? { attachments: answered.attachments } : {}),
  };
}

const ORDER_REQUESTS = new Set(["missing_parcel", "stalled_order", "refund", "cancel_order", "change_address", "damaged_item", "wrong_item"]);

function mainAnswer(s: ConversationState, i: Interpretation, turn: Turn): TurnResult {
  const { facts, t } = turn;
  const aboutOrder = i.asksOrderStatus || (i.request !== null && ORDER_REQUESTS.has(i.request));
  if (facts.orderName && (i.orderName || i.email || aboutOrder)) return orderTurn(s, i, turn);
  if (aboutOrder && i.request !== "refund" && (!i.policyTopic || i.asksOrderStatus)) return myOrdersTurn(s, turn);
  if (i.asksIfBot && !i.policyTopics.length) return reply(s, [said(t.botAnswer(facts.contact.shopName), "bot")]);
  // A return, an exchange or a refund question: the refund policy answers it (the offer of a person follows).
  if (i.request === "return_item" || i.request === "change_item" || i.request === "refund") return policyTurn(s, "refund", turn);
  if (i.changeRequest)
    return offerPerson(s, changeRequestEscalation(i.changeRequest), [said(t.changeRequest(i.changeRequest), `change_request:${i.changeRequest}`)]);
  // A named product's question is answered before a policy its words touch ("does the rug ship in 3 weeks?").
  const product = facts.catalogue ? productAnswer(facts.catalogue, t, turn.f) : null;
  const namesProduct = product && product.products.length > 0 && !product.said.key.includes("product_not_carried");
  if (product && (namesProduct || !i.policyTopic)) return productTurn(s, product);
  if (i.policyTopic) return policyTurn(s, i.policyTopic, turn);
  if (i.greeting) return reply(s, [said(greetingText(facts, t), "greeting")]);
  if (i.thanks) return reply(s, [said(t.thanks, "thanks")]);
  if (i.email) return reply(s, [said(t.notedEmail(i.email), "noted_email")]);
  if (i.invalidEmailAttempt) return reply(s, [said(t.incompleteEmail, "incomplete_email")]);
  return miss(s, turn);
}

/** The catalogue's answer, with a card per product; nothing that fits reads like a miss (a person first). */
function productTurn(s: ConversationState, a: NonNullable<ReturnType<typeof productAnswer>>): TurnResult {
  const attachments = a.products.length ? { products: { products: a.products, showVariants: a.showVariants } } : {};
  if (a.unhelpful) return { ...unhelpful(s, [a.said]), attachments: { ...attachments, quickActions: "after_miss" } };
  return reply(s, [a.said], attachments);
}

// The merchant's greeting when they wrote one; our default greeting in the shopper's language otherwise.
function greetingText(facts: TurnFacts, t: ReplyCatalog): string {
  return facts.assistant.greeting === repliesFor("en").welcomeGreeting ? t.welcomeGreeting : facts.assistant.greeting;
}

/** Out of scope: say what the assistant can do; the second miss in a row offers a person. */
function miss(s: ConversationState, turn: Turn): TurnResult {
  const { t, facts } = turn;
  // A miss right after a miss (the previous turn ended saying so) offers a person.
  const missedBefore = facts.previousSaid.some((key) => key === "miss" || key.endsWith("+miss"));
  if (missedBefore) {
    return { ...offerPerson({ ...s, unhelpfulCount: s.unhelpfulCount + 1 }, cannotHelpEscalation(), [said(t.missAgain, "miss_again")]), unhelpful: true };
  }
  return { ...unhelpful(s, [said(t.miss, "miss")]), attachments: { quickActions: "after_miss" } };
}

// The model's words, with the state the pure core keeps: a tool-verified order becomes the order
// under discussion, exactly as if the built-in engine had verified it.
function modelTurn(s: ConversationState, m: ModelReply, facts: TurnFacts): TurnResult {
  const verified = m.verifiedOrderName && facts.ownershipProven && facts.order?.name === m.verifiedOrderName;
  const next = verified ? { ...s, orderName: m.verifiedOrderName!, orderVerified: true } : s;
  const r = m.unhelpful ? unhelpful(next, [said(m.text, MODEL_KEY)]) : reply(next, [said(m.text, MODEL_KEY)]);
  return verified && facts.order ? { ...r, attachments: { orderCard: facts.order } } : r;
}

/** The built-in answer plus an offer to reach a person (used when the model could not be). */
function withPersonOffer(r: TurnResult, t: ReplyCatalog): TurnResult {
  if (r.state.pendingEscalation || r.said.some((key) => key.includes("model_fallback_offer"))) return r;
  const last = r.replies.length - 1;
  return {
    ...r,
    replies: r.replies.map((x, n) => (n === last ? `${x} ${t.modelFallbackOffer}` : x)),
    said: r.said.map((key, n) => (n === last ? `${key}+model_fallback_offer` : key)),
  };
}

function orderTurn(s: ConversationState, i: Interpretation, turn: Turn): TurnResult {
  const { facts, t } = turn;
  const name = facts.orderName!;
  if (facts.orderLookupFailed) return unhelpful(s, [said(t.orderLookupFailed, "order_lookup_failed")]);
  if (facts.order && facts.ownershipProven) {
    const status = orderStatus(facts.order, facts.now);
    const next = { ...s, orderVerified: true, orderName: facts.order.name };
    const tail = status.kind === "delivered" ? said(t.deliveredFollowUp, "delivered_follow_up") : said(t.anythingElse, "anything_else");
    // The card was shown on the previous turn: this time the text says it all, and no second card.
    const card = !shownBefore(facts, facts.order.name);
    const r = reply(next, [joined([statusText(status, facts.order.name, turn, card), ...tailUnlessOffered(tail, s, turn)])]);
    return card ? { ...r, attachments: { orderCard: facts.order } } : r;
  }
  // Never reveal whether an order exists to someone who has not proven they own it: a wrong email
  // and an order that does not exist read the same.
  // A typed address is a proof attempt; a signed-in customer's own address not matching just means
  // the order was placed with another one, so we ask for it.
  const typedBefore = Boolean(s.shopperEmail) && s.shopperEmail !== facts.customerEmail;
  const triedEmail = Boolean(i.email) || (typedBefore && Boolean(i.orderName));
  if (triedEmail) {
    // A mistyped address is forgiven once; it is not the assistant failing or the shopper repeating.
    const text = facts.failedProofs >= 1 ? said(t.orderNotMatchedAgain(name), "order_not_matched_again") : said(t.orderNotMatched(name), "order_not_matched");
    return { ...reply({ ...s, orderVerified: false }, [text]), proofFailed: true };
  }
  return reply({ ...s, orderVerified: false }, [said(t.askOrderEmail(name), `ask_order_email:${name}`)]);
}

/**
 * An order's status closes with "anything else?" or "if it hasn't reached you, tell me" — unless the offer of a
 * person follows in this turn (withSuggestedOffer): a shopper who just wrote "it still hasn't arrived" was asked to
 * say so again, then offered the team anyway. Other tails (the customer's older orders) stay.
 */
function tailUnlessOffered(tail: Said, s: ConversationState, turn: Turn): Said[] {
  const closing = tail.key === "delivered_follow_up" || tail.key === "anything_else";
  return closing && turn.facts.offerEscalation && !s.pendingEscalation ? [] : [tail];
}

function shownBefore(facts: TurnFacts, orderName: string): boolean {
  return facts.previousSaid.some((key) => key.split("+").includes(`order_status:${orderName}`));
}

/** "Where is my order?" without a number: a signed-in customer's own orders, or ask for the number. */
function myOrdersTurn(s: ConversationState, turn: Turn): TurnResult {
  const { facts, t, f } = turn;
  const orders = facts.customerOrders;
  if (!orders) return reply(s, [said(t.askOrderNumber, "ask_order_number")]);
  if (facts.orderLookupFailed) return unhelpful(s, [said(t.orderLookupFailed, "order_lookup_failed")]);
  const [latest, ...others] = orders;
  if (!latest) return reply(s, [said(t.noOrdersForCustomer, "no_orders")]);
  const status = orderStatus(latest, facts.now);
  const list: OrderListEntry[] = others.slice(0, 2).map((o) => ({ name: o.name, status: orderStatus(o, facts.now).kind, placedAt: o.createdAt }));
  const tail = list.length
    ? said(t.olderOrders(list, f), "older_orders")
    : status.kind === "delivered"
      ? said(t.deliveredFollowUp, "delivered_follow_up")
      : said(t.anythingElse, "anything_else");
  const card = !shownBefore(facts, latest.name);
  const r = reply({ ...s, orderName: latest.name, orderVerified: true }, [
    joined([statusText(status, latest.name, turn, card), ...tailUnlessOffered(tail, s, turn)]),
  ]);
  return card ? { ...r, attachments: { orderCard: latest } } : r;
}

function policyTurn(s: ConversationState, topic: "shipping" | "refund" | "contact", turn: Turn): TurnResult {
  const { facts, t } = turn;
  if (topic === "contact") return reply(s, [said(t.contact(facts.contact, contactHours(facts.policies)), "policy:contact")]);
  const policy = facts.policies.find((p) => p.kind === topic);
  if (!policy) return unhelpful(s, [said(`${t.noPolicy(topic)} ${t.contactLine(facts.contact)}`, `no_policy:${topic}`)]);
  // A policy the shop wrote in another language is quoted as written, and said to be.
  const written = guessLanguage(policy.body);
  const note = written && written !== facts.lang ? ` ${t.policyInShopLanguage(written)}` : "";
  return reply(s, [said(`${t.policy(policy.title, excerpt(policy.body, 420), policy.url)}${note}`, `policy:${topic}`)]);
}

// Opening hours as the shop wrote them in its contact policy ("Mon–Fri, 9am–5pm ET"), if any.
function contactHours(policies: ShopPolicy[]): string | null {
  const body = policies.find((p) => p.kind === "contact")?.body ?? "";
  const hours = /\(([^)]*\d[^)]*(?:am|pm|\d:\d\d|uhr|h)[^)]*)\)/i.exec(body)?.[1];
  return hours ? `(${hours.trim()})` : null;
}

function awaitingEmail(s: ConversationState, event: ChatEvent, turn: Turn): TurnResult {
  const { facts, t } = turn;
  const pending = s.pendingEscalation ?? toPending(facts.decision);
  if (event.type === "shopper.talk_to_human_requested") return reply(s, [said(t.askEmailAgain, "ask_email_again")]);
  const i = event.interpretation;
  s = rememberOrder(s, i, facts);
  if (i.email) {
    const merged = facts.decision.escalate ? mergeEscalations(pending, toPending(facts.decision)) : pending;
    const withEmail = { ...s, shopperEmail: i.email };
    // The address may also prove the order under discussion: tell its status before handing over.
    if (turn.facts.escalationRefusal) return refuseCase(withEmail, merged, turn, orderFactsFirst(withEmail, turn));
    return createCase(withEmail, merged, turn, orderFactsFirst(withEmail, turn));
  }
  if (i.declines || i.closing) {
    const closed: ConversationState = { ...s, phase: "closed", pendingEscalation: null };
    const declined: TurnResult = {
      ...reply(closed, [said(t.declined(t.contactLine(facts.contact)), "declined")]),
      effects: [{ type: "record_case_without_email", status: "abandoned", escalation: named(pending, facts), caseOrder: caseOrderOf(s, facts) }],
    };
    // "No thanks — but what's your return policy?": the question still gets its answer.
    const rest = answersSomething(i) ? builtInOpen({ ...closed, phase: "open" }, i, turn) : null;
    if (!rest) return declined;
    return { ...declined, state: { ...rest.state, phase: "closed" }, replies: [...declined.replies, ...rest.replies], said: [...declined.said, ...rest.said] };
  }
  const asks = s.emailAsks + 1;
  const waiting = { ...s, emailAsks: asks, pendingEscalation: pending };
  if (i.invalidEmailAttempt) return reply(waiting, [said(t.invalidEmail, "invalid_email")]);
  // Another question while we wait for the address: answer it, then remind.
  if (answersSomething(i)) {
    const answered = builtInOpen({ ...waiting, phase: "open" }, i, turn);
    return {
      ...answered,
      state: { ...answered.state, phase: "awaiting_email", pendingEscalation: pending },
      replies: [...answered.replies, t.stillNeedEmail],
      said: [...answered.said, "still_need_email"],
      effects: [],
    };
  }
  return reply(waiting, [said(t.askEmailAgain, "ask_email_again")]);
}

function answersSomething(i: Interpretation): boolean {
  return Boolean(i.policyTopic || i.orderName || i.asksOrderStatus || i.productQuestion || i.asksIfBot);
}

/**
 * After the hand-off the assistant keeps helping: a store question, a product question, "is this a
 * bot?" or a thank-you is answered and stays out of the case; anything about the case (the order, the
 * problem, more details) goes to the team as a follow-up; a goodbye ends politely.
 */
function escalated(s: ConversationState, event: ChatEvent, turn: Turn): TurnResult {
  const { t } = turn;
  if (event.type === "shopper.talk_to_human_requested") return reply(s, [said(t.alreadyWithTeam(s.shopperEmail), "already_with_team")]);
  const i = event.interpretation;
  if (i.closing) return reply(s, [said(t.goodbyeWithTeam(s.shopperEmail), "goodbye_with_team")]);
  const aboutCase = Boolean(i.request || i.orderName || i.email || i.asksOrderStatus || i.changeRequest);
  const answerable = Boolean(i.policyTopics.length || i.productQuestion || i.asksIfBot || i.greeting || i.thanks);
  if (answerable && !aboutCase) {
    const answered = builtInOpen({ ...s, phase: "open" }, i, turn);
    if (!answered.unhelpful) return { ...answered, state: s, effects: [] };
  }
  return { ...reply(s, [said(t.addedToCase(s.shopperEmail), "added_to_case")]), effects: [{ type: "queue_follow_up" }] };
}

/**
 * Never the same reply twice in a row: a repeat says so instead of reading like a loop. An order's
 * status asked again is told in full without a second card (orderTurn), never "as I mentioned".
 */
function notTwiceInARow(r: TurnResult, turn: Turn): TurnResult {
  const first = r.said[0];
  if (!r.replies[0] || !first || first.startsWith("order_status:") || !turn.facts.previousSaid.includes(first)) return r;
  const again = { ...r, replies: [`${turn.t.repeatPrefix} ${r.replies[0]}`, ...r.replies.slice(1)] };
  return r.overCaseCap ? { ...again, overCaseCap: notTwiceInARow(r.overCaseCap, turn) } : again;
}

function excerpt(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("! "));
  return end > max * 0.5 ? cut.slice(0, end + 1) : `${cut.replace(/\s+\S*$/, "")}…`;
}
