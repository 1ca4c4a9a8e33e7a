import type { EscalationTopic, Priority, ReasonCode, ShopperRequest, Signal } from "../escalation";
import { summarizeCase } from "../email/summarize-case";
import type { EscalationCaseView, TranscriptLine } from "../email/types";
import type { CustomerFacts, OrderFacts } from "../orders";
import { routeEscalation, type RoutingSettings } from "../routing";
import type { CaseOrder, PendingEscalation } from "./types";

/** A case as it is stored (the EscalationCase columns; JSON columns as plain values). */
export interface CaseRecord {
  id: string;
  shop: string;
  conversationId: string;
  status: string;
  reasons: ReasonCode[];
  reasonText: string;
  topic: EscalationTopic | null;
  /** What the shopper asks the team to do; null when the conversation did not name it. */
  request: ShopperRequest | null;
  priority: Priority;
  confidence: number;
  signals: Signal[];
  route: { to: string[]; cc: string[]; from: string };
  shopperEmail: string | null;
  orderName: string | null;
  orderFacts: OrderFacts | null;
  customerFacts: CustomerFacts | null;
  summary: string;
  messageId: string;
  messagesEmailed: number;
  createdAt: Date;
}

export interface CaseInput {
  /** `locale` and `timeZone`: the case email is written in the shop's language, its times in the shop's zone. */
  shop: { domain: string; name: string; routing: RoutingSettings; contactEmail: string | null; locale?: string | null; timeZone?: string | null };
  conversationId: string;
  escalation: PendingEscalation;
  shopperEmail: string | null;
  status: "queued" | "abandoned" | "limited" | "limited_abuse";
  caseOrder: CaseOrder;
  customer: CustomerFacts | null;
  /** The whole transcript, this turn included, oldest first. */
  transcript: TranscriptLine[];
  /** The conversation's earlier case, if any. */
  prior: { id: string; status: string } | null;
  /** The model-written summary; the extractive one when null. */
  modelSummary: string | null;
  // Passed in so the plan stays pure: the clock, the ids and the links.
  now: Date;
  caseId: string;
  messageId: string;
  /** "<sender name> <address>" the email goes out from. */
  from: string;
  adminCaseUrl: string;
}

/** What a case turn writes: the case, the email's view (when one is sent) and the counters. */
export interface CaseDraft {
  /** An abandoned or limited earlier case of the conversation that this one replaces. */
  replacePriorId: string | null;
  record: CaseRecord;
  /** The escalation email's content, when the case is queued for the team. */
  view: EscalationCaseView | null;
  usage: { escalations: number; limited: number };
  /** Set on the conversation when the case email is queued. */
  escalatedAt: Date | null;
}

/**
 * Plans the case a turn opens, from the whole transcript. A conversation has at most one case: a
 * re-escalation after "no thanks" (an abandoned or limited case) replaces it; an active one is left
 * alone (null). Only a proven order — and its customer — is carried; a named one is mentioned by name.
 */
export function planCase(input: CaseInput): CaseDraft | null {
  const { prior, escalation, shopperEmail, status, now, caseOrder } = input;
  if (prior && !["abandoned", "limited", "limited_abuse"].includes(prior.status)) return null;
  const route = routeEscalation(escalation, input.shop.routing, input.shop.contactEmail ? [input.shop.contactEmail] : []);
  const order = caseOrder.order;
  const summary = input.modelSummary || summarizeCase({ transcript: input.transcript, reasonText: escalation.reasonText, order });
  const reasonText = escalation.reasonText || "Shopper asked to talk to a person";
  const queued = status === "queued" && Boolean(shopperEmail);

  const record: CaseRecord = {
    id: input.caseId,
    shop: input.shop.domain,
    conversationId: input.conversationId,
    status,
    reasons: escalation.reasons,
    reasonText,
    topic: escalation.topic,
    request: escalation.request ?? null,
    priority: escalation.priority,
    confidence: escalation.confidence,
    signals: escalation.signals,
    route: { to: route.to, cc: route.cc, from: input.from },
    shopperEmail,
    orderName: order?.name ?? caseOrder.unverifiedName,
    orderFacts: order,
    customerFacts: input.customer,
    summary,
    messageId: input.messageId,
    messagesEmailed: input.transcript.length,
    createdAt: now,
  };
  const view: EscalationCaseView | null = queued
    ? {
        caseId: input.caseId,
        shop: { domain: input.shop.domain, name: input.shop.name, locale: input.shop.locale ?? null, timeZone: input.shop.timeZone ?? null },
        adminCaseUrl: input.adminCaseUrl,
        messageId: input.messageId,
        from: input.from,
        to: route.to,
        cc: route.cc,
        shopperEmail: shopperEmail!,
        reasons: escalation.reasons,
        reasonText,
        priority: escalation.priority,
        confidence: escalation.confidence,
        topic: escalation.topic,
        request: escalation.request ?? null,
        order,
        mentionedOrderName: order ? null : caseOrder.unverifiedName,
        customer: input.customer,
        isVip: escalation.reasons.includes("vip") || escalation.signals.some((s) => s.reason === "vip"),
        summary,
        transcript: input.transcript,
        createdAt: now.toISOString(),
      }
    : null;
  return {
    replacePriorId: prior?.id ?? null,
    record,
    view,
    usage: { escalations: queued ? 1 : 0, limited: status === "limited" ? 1 : 0 },
    escalatedAt: status === "queued" ? now : null,
  };
}
