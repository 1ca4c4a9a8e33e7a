import type { EscalationDecision } from "../escalation";
import { PRIORITIES } from "../escalation";
import { describeOrder } from "./describe-order";
import type { Interpretation } from "./interpret-message";
import type { ChatEvent, ContactOptions, ConversationState, Effect, ModelReply, PendingEscalation, TurnFacts, TurnResult } from "./types";

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
  const knownEmail = state.shopperEmail ?? facts.customerEmail;
  const s: ConversationState = { ...state, shopperEmail: knownEmail };

  switch (s.phase) {
    case "awaiting_email":
      return awaitingEmail(s, event, facts);
    case "escalated":
      return escalated(s, event);
    case "closed":
      return open({ ...s, phase: "open", pendingEscalation: null, emailAsks: 0 }, event, facts);
    default:
      return open(s, event, facts);
  }
}

function open(s: ConversationState, event: ChatEvent, facts: TurnFacts): TurnResult {
  if (event.type === "shopper.talk_to_human_requested") {
    return startEscalation(s, toPending(facts.decision), facts, "");
  }
  const i = event.interpretation;
  if (i.email) s = { ...s, shopperEmail: i.email };
  if (facts.decision.escalate) {
    return startEscalation(s, toPending(facts.decision), facts, empathy(facts.decision));
  }
  if (facts.modelEscalation) {
    return startEscalation(s, facts.modelEscalation, facts, empathy(facts.modelEscalation));
  }
  if (facts.modelReply) return modelTurn(s, facts.modelReply, facts);
  if (facts.modelFailed) return offerPerson(builtInOpen(s, i, facts));
  return builtInOpen(s, i, facts);
}

function builtInOpen(s: ConversationState, i: Interpretation, facts: TurnFacts): TurnResult {
  const orderName = i.orderName ?? (i.email || i.asksOrderStatus ? s.orderName : null);
  if (orderName) return orderTurn({ ...s, orderName }, i, facts);
  if (i.policyTopic) return policyTurn(s, i.policyTopic, facts);
  if (i.greeting) return reply(s, [facts.assistant.greeting]);
  if (i.thanks) return reply(s, ["You're welcome! Is there anything else I can help with?"]);
  if (i.email) {
    return reply(s, [`Thanks — I've noted ${i.email}. What can I help you with? I can check an order's status if you tell me the order number.`]);
  }
  if (i.invalidEmailAttempt) {
    return reply(s, ["That email address looks incomplete. Could you check it (for example name@example.com)?"]);
  }
  return unhelpful(s, [
    "I'm not sure I can help with that myself. I can check an order's status and tracking, answer questions about shipping and returns, or connect you with a person on our team — just tap “Talk to a person”.",
  ]);
}

// The model's words, with the state the pure core keeps: a tool-verified order becomes the order
// under discussion, exactly as if the built-in engine had verified it.
function modelTurn(s: ConversationState, m: ModelReply, facts: TurnFacts): TurnResult {
  const verified = m.verifiedOrderName && facts.ownershipProven && facts.order?.name === m.verifiedOrderName;
  const next = verified ? { ...s, orderName: m.verifiedOrderName!, orderVerified: true } : s;
  return m.unhelpful ? unhelpful(next, [m.text]) : reply(next, [m.text]);
}

const OFFER_PERSON = "If you'd like, I can connect you with a person on our team — just tap “Talk to a person”.";

/** The built-in answer plus an offer to reach a person (used when the model could not be). */
function offerPerson(r: TurnResult): TurnResult {
  if (r.replies.some((t) => t.includes("Talk to a person"))) return r;
  const last = r.replies.length - 1;
  return { ...r, replies: r.replies.map((t, n) => (n === last ? `${t} ${OFFER_PERSON}` : t)) };
}

function orderTurn(s: ConversationState, i: Interpretation, facts: TurnFacts): TurnResult {
  if (facts.orderLookupFailed) {
    return unhelpful(s, [
      "I can't look up orders right now. Please try again in a moment, or tap “Talk to a person” and our team will check it for you.",
    ]);
  }
  if (facts.order && facts.ownershipProven) {
    return reply({ ...s, orderVerified: true, orderName: facts.order.name }, [
      `${describeOrder(facts.order)} Is there anything else I can help with?`,
    ]);
  }
  // Never reveal whether an order exists to someone who has not proven they own it.
  const triedEmail = Boolean(i.email) || (Boolean(s.shopperEmail) && Boolean(i.orderName));
  if (triedEmail) {
    return unhelpful({ ...s, orderVerified: false }, [
      `I couldn't find order ${s.orderName} with that email address. Please check the order number and use the email you used at checkout — or tap “Talk to a person”.`,
    ]);
  }
  return reply({ ...s, orderVerified: false }, [
    `I can check order ${s.orderName} for you. To protect your privacy, what's the email address used on the order?`,
  ]);
}

function policyTurn(s: ConversationState, topic: "shipping" | "refund" | "contact", facts: TurnFacts): TurnResult {
  if (topic === "contact") return reply(s, [contactLine(facts.contact)]);
  const policy = facts.policies.find((p) => p.kind === topic);
  if (!policy) {
    return unhelpful(s, [
      `I don't have the store's ${topic === "refund" ? "returns and refund" : "shipping"} policy at hand. ${contactLine(facts.contact)}`,
    ]);
  }
  const link = policy.url ? ` Full policy: ${policy.url}` : "";
  return reply(s, [`Here's our ${policy.title.toLowerCase()}: ${excerpt(policy.body, 420)}${link}`]);
}

function awaitingEmail(s: ConversationState, event: ChatEvent, facts: TurnFacts): TurnResult {
  const pending = s.pendingEscalation ?? toPending(facts.decision);
  if (event.type === "shopper.talk_to_human_requested") {
    return reply(s, [askEmailText(facts)]);
  }
  const i = event.interpretation;
  if (i.email) {
    const merged = facts.decision.escalate ? mergeEscalations(pending, toPending(facts.decision)) : pending;
    return createCase({ ...s, shopperEmail: i.email }, merged, "");
  }
  if (i.declines) {
    return {
      state: { ...s, phase: "closed", pendingEscalation: null },
      replies: [`No problem — I won't pass anything on. ${contactLine(facts.contact)}`],
      effects: [{ type: "record_case_without_email", status: "abandoned", escalation: pending }],
      unhelpful: false,
    };
  }
  const asks = s.emailAsks + 1;
  const text = i.invalidEmailAttempt
    ? "That doesn't look like a valid email address. Could you check it? It should look like name@example.com. (Or say “no thanks” if you'd rather not.)"
    : "To pass your case to our team I need an email address they can reply to. What's the best one? (Or say “no thanks”.)";
  return reply({ ...s, emailAsks: asks, pendingEscalation: pending }, [text]);
}

function escalated(s: ConversationState, event: ChatEvent): TurnResult {
  const to = s.shopperEmail ?? "your email";
  if (event.type === "shopper.talk_to_human_requested") {
    return reply(s, [`Your case is already with our support team — they'll reply to ${to}. Anything you add here goes to them too.`]);
  }
  return {
    state: s,
    replies: [`Thanks — I've added that to your case. Our team will reply to ${to}.`],
    effects: [{ type: "queue_follow_up" }],
    unhelpful: false,
  };
}

function startEscalation(s: ConversationState, escalation: PendingEscalation, facts: TurnFacts, prefix: string): TurnResult {
  if (!facts.escalationEmailAllowed) {
    return {
      state: { ...s, phase: "open", pendingEscalation: null },
      replies: [`${prefix}I'd like to connect you with our team, but I can't forward your case from this chat right now. ${contactLine(facts.contact)}`.trim()],
      effects: [{ type: "record_case_without_email", status: "limited", escalation }],
      unhelpful: false,
    };
  }
  if (s.shopperEmail) return createCase(s, escalation, prefix);
  return reply({ ...s, phase: "awaiting_email", pendingEscalation: escalation, emailAsks: 1 }, [
    `${prefix}${askEmailText(facts)}`.trim(),
  ]);
}

function createCase(s: ConversationState, escalation: PendingEscalation, prefix: string): TurnResult {
  const email = s.shopperEmail!;
  return {
    state: { ...s, phase: "escalated", pendingEscalation: null },
    replies: [
      `${prefix}I've forwarded your case to our support team with this conversation, so you won't need to repeat anything. They'll reach you at ${email}. You can add anything else here and I'll pass it on.`.trim(),
    ],
    effects: [{ type: "create_case", shopperEmail: email, escalation }],
    unhelpful: false,
  };
}

function askEmailText(facts: TurnFacts): string {
  return `I'll connect you with our support team at ${facts.contact.shopName}. What's the best email address for them to reply to?`;
}

function empathy(decision: Pick<EscalationDecision, "reasons">): string {
  const upset = decision.reasons.some((r) => r === "complaint" || r === "negative_sentiment" || r === "order_state" || r === "threat");
  return upset ? "I'm sorry about this. " : "";
}

/** "You can reach <shop> at <email> or <phone>." — the never-a-dead-end line. */
export function contactLine(c: ContactOptions): string {
  const ways = [c.email, c.phone].filter(Boolean) as string[];
  if (ways.length > 0) return `You can reach ${c.shopName} at ${ways.join(" or ")}.`;
  if (c.url) return `You can reach ${c.shopName} through ${c.url}.`;
  return `You can reach ${c.shopName} through the contact page of this store.`;
}

function toPending(d: EscalationDecision): PendingEscalation {
  const { score: _score, ...rest } = d;
  return rest;
}

/** Keeps the stronger of two escalations, with the union of their reasons and signals. */
export function mergeEscalations(a: PendingEscalation, b: PendingEscalation): PendingEscalation {
  const stronger = PRIORITIES.indexOf(b.priority) > PRIORITIES.indexOf(a.priority) ? b : a;
  const reasons = [...new Set([...a.reasons, ...b.reasons])];
  return { ...stronger, reasons, signals: [...a.signals, ...b.signals.filter((x) => !a.signals.some((y) => y.reason === x.reason))] };
}

function reply(state: ConversationState, replies: string[]): TurnResult {
  return { state, replies, effects: [], unhelpful: false };
}

function unhelpful(state: ConversationState, replies: string[]): TurnResult {
  return { state: { ...state, unhelpfulCount: state.unhelpfulCount + 1 }, replies, effects: [], unhelpful: true };
}

function excerpt(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("! "));
  return end > max * 0.5 ? cut.slice(0, end + 1) : `${cut.replace(/\s+\S*$/, "")}…`;
}
