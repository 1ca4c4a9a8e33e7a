import { orderStatus, type OrderFacts } from "../orders";
import { reasonLine, requestOf } from "./hand-off-rule";
import { joined, reply, said, type Said } from "./said";
import { statusText } from "./status-text";
import type { Turn } from "./turn";
import type { CaseOrder, ConversationState, PendingEscalation, TurnFacts, TurnResult } from "./types";

// Handing a conversation to the team: the case, named after the shopper's request, the line they see
// before it goes, and the alternatives when no email can go out.

/**
 * The hand-off: the case is named after what the shopper asks (never just the mood), and the shopper
 * sees that one line before anything is sent (with the question for an email) or as it goes.
 */
export function startEscalation(s: ConversationState, raw: PendingEscalation, turn: Turn, prefix: Said[]): TurnResult {
  const { facts, t } = turn;
  const escalation = named(raw, facts);
  const told = [...prefix, ...orderFactsFirst(s, turn)];
  if (!facts.escalationEmailAllowed || facts.escalationRefusal) return refuseCase(s, escalation, turn, told);
  if (s.shopperEmail) return createCase(s, escalation, turn, told);
  const next = { ...s, phase: "awaiting_email" as const, pendingEscalation: escalation, emailAsks: 1, ...provenOrder(s, facts) };
  return reply(next, [joined([...told, caseLine(escalation, next, turn), said(t.askEmail(facts.contact.shopName), "ask_email")])]);
}

export function named(e: PendingEscalation, facts: TurnFacts): PendingEscalation {
  const request = requestOf(e, facts.request ?? null);
  // A reason that only says how the case was opened ("pressed the button", "is upset") leads with the
  // problem; one the detector already wrote about the problem stays as it is.
  const howOnly = e.reasons.every((r) => HOW_OPENED.has(r));
  return { ...e, request, reasonText: howOnly ? reasonLine(e.reasonText, request) : e.reasonText };
}

const HOW_OPENED: ReadonlySet<string> = new Set(["explicit_request", "negative_sentiment", "repeated_failure", "vip"]);

// The line was shown with the question for an email: the case goes without repeating it.
function shownLine(facts: TurnFacts): boolean {
  return facts.previousSaid.some((key) => key.split("+").includes("case_line"));
}

/** The one line the team will read first, as the shopper sees it. */
function caseLine(e: PendingEscalation, s: ConversationState, turn: Turn): Said {
  const order = caseOrderOf(s, turn.facts);
  const name = order.order?.name ?? order.unverifiedName;
  return said(turn.t.caseLine(e.request ?? "other", name), "case_line");
}

/** No email can go out (plan allowance, or an abuse cap, docs/decisions/0035): the store's contact details instead. */
export function refuseCase(s: ConversationState, escalation: PendingEscalation, turn: Turn, told: Said[]): TurnResult {
  const { facts, t } = turn;
  return {
    ...reply({ ...s, phase: "open", pendingEscalation: null, ...provenOrder(s, facts) }, [
      joined([...told, said(t.cannotForward(t.contactLine(facts.contact)), "cannot_forward")]),
    ]),
    effects: [
      {
        type: "record_case_without_email",
        status: facts.escalationRefusal === "abuse" ? "limited_abuse" : "limited",
        escalation: named(escalation, facts),
        caseOrder: caseOrderOf(s, facts),
      },
    ],
  };
}

/**
 * A new case for the team. Beside it, the same turn decided as "over the abuse caps" — contact
 * details, case `limited_abuse`, no email — which the shell uses when the shop's caps refuse the
 * case (counts it can only know by reading the database; app/chat/case-caps.server.ts).
 */
export function createCase(s: ConversationState, escalation: PendingEscalation, turn: Turn, told: Said[]): TurnResult {
  const { facts, t } = turn;
  const email = s.shopperEmail!;
  const escalated: ConversationState = { ...s, phase: "escalated", pendingEscalation: null, ...provenOrder(s, facts) };
  return {
    ...reply(escalated, [joined([...told, ...(shownLine(facts) ? [] : [caseLine(escalation, escalated, turn)]), said(t.forwarded(email), "forwarded")])]),
    effects: [{ type: "create_case", shopperEmail: email, escalation: named(escalation, facts), caseOrder: caseOrderOf(s, facts) }],
    overCaseCap: refuseCase(s, escalation, { ...turn, facts: { ...facts, escalationRefusal: "abuse" } }, told),
  };
}

/**
 * Facts first, then a person: the proven order's status, unless the shopper was told it already
 * (it was verified earlier in this conversation).
 */
export function orderFactsFirst(s: ConversationState, turn: Turn): Said[] {
  const { facts } = turn;
  if (!facts.order || !facts.ownershipProven || facts.orderLookupFailed) return [];
  if (s.orderVerified && s.orderName === facts.order.name) return [];
  return [statusText(orderStatus(facts.order, facts.now), facts.order.name, turn)];
}

function provenOrder(s: ConversationState, facts: TurnFacts): Partial<ConversationState> {
  return facts.order && facts.ownershipProven ? { orderName: facts.order.name, orderVerified: true } : { orderName: s.orderName };
}

/** The order a case may carry: proven in this conversation, or only the name the shopper typed. */
export function caseOrderOf(s: ConversationState, facts: TurnFacts): CaseOrder {
  const order: OrderFacts | null = facts.order && facts.ownershipProven ? facts.order : null;
  if (order) return { order, unverifiedName: null };
  // A signed-in shopper's "my last order": her own, listed this turn (gathered only for the signed customer).
  const own = !facts.orderName ? (facts.customerOrders?.[0] ?? null) : null;
  if (own) return { order: own, unverifiedName: null };
  return { order: null, unverifiedName: facts.orderName ?? s.orderName };
}

export function offerPerson(s: ConversationState, escalation: PendingEscalation, replies: Said[]): TurnResult {
  return { ...reply({ ...s, pendingEscalation: escalation }, replies), attachments: { quickActions: "offer_person" } };
}
