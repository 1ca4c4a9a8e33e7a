import { randomBytes } from "node:crypto";
import type { EscalationDecision } from "~/domain/escalation";
import type { ConversationState, PendingEscalation, TurnResult } from "~/domain/conversation/types";
import { composeEscalationEmail } from "~/domain/email/compose-escalation-email";
import { summarizeCase } from "~/domain/email/summarize-case";
import type { EscalationCaseView, TranscriptLine } from "~/domain/email/types";
import type { CustomerFacts, OrderFacts } from "~/domain/orders";
import { usagePeriod } from "~/domain/plans";
import { routeEscalation } from "~/domain/routing";
import { getEnv } from "~/env.server";
import { adminCaseUrl, messageIdDomain } from "../shopify/admin-links.server";
import type { CasePlan, CaseRow, TurnWrite } from "./store/chat-store";
import { chatStoreFor } from "./store/index.server";
import { outboxInsert, queueFollowUp } from "../email/outbox.server";
import type { RunnerDeps } from "./run-chat-turn.server";
import type { ShopContext } from "./shop-context.server";
import type { AssistantMeta } from "./model/assistant.server";
import type { ModelUsage } from "./model/model-turn.server";

interface TurnToSave {
  shop: ShopContext;
  conversationId: string;
  isNew: boolean;
  customerId: string | null;
  shopperText: string;
  decision: EscalationDecision;
  result: TurnResult;
  order: OrderFacts | null;
  customer: CustomerFacts | null;
  now: Date;
  /** Model tokens and waiting time of this turn, added to the conversation's totals. */
  llmUsage?: ModelUsage | null;
  /** Stored on the turn's assistant message (engine, model confidence, why a model reply was not used). */
  assistantMeta?: AssistantMeta;
  /** The model-written case summary; the extractive `summarizeCase` when null. */
  modelSummary?: string | null;
}

/**
 * Persists a turn and carries out its effects. The case, its outbox row and the usage counter are
 * committed in one transaction before any SMTP traffic, so a crash can lose neither.
 */
export async function carryOutEffects(deps: RunnerDeps, turn: TurnToSave): Promise<void> {
  const { db } = deps;
  const needsCase = turn.result.effects.some((e) => e.type === "create_case" || e.type === "record_case_without_email");
  if (needsCase) await saveTurnWithCase(db, turn);
  else await saveTurn(db, turn);

  if (turn.result.effects.some((e) => e.type === "queue_follow_up")) {
    const existingCase = await db.escalationCase.findUnique({ where: { conversationId: turn.conversationId }, select: { id: true } });
    if (existingCase) {
      await queueFollowUp(db, { shop: turn.shop.domain, caseId: existingCase.id, now: turn.now, batchWindowMs: getEnv().outbox.followUpBatchMs });
    }
  }
}

// The common turn: one short write through the chat store (the hot path; see chat-store.ts).
async function saveTurn(db: RunnerDeps["db"], turn: TurnToSave): Promise<void> {
  await chatStoreFor(db).saveTurn(turnWrite(turn));
}

async function saveTurnWithCase(db: RunnerDeps["db"], turn: TurnToSave): Promise<void> {
  const { result } = turn;
  // The pure core emits at most one case effect per turn.
  const effect = result.effects.find((e) => e.type === "create_case" || e.type === "record_case_without_email");
  if (!effect) return saveTurn(db, turn);
  const caseEffect =
    effect.type === "create_case"
      ? { escalation: effect.escalation, shopperEmail: effect.shopperEmail, status: "queued" as const }
      : effect.type === "record_case_without_email"
        ? { escalation: effect.escalation, shopperEmail: result.state.shopperEmail, status: effect.status }
        : null;
  if (!caseEffect) return saveTurn(db, turn);
  await chatStoreFor(db).saveTurnWithCase(turnWrite(turn), (transcript, prior) =>
    planCase(turn, caseEffect, transcript.map((m) => ({ role: m.role === "assistant" ? "assistant" : "shopper", text: m.text, at: m.createdAt.toISOString() })), prior),
  );
}

/**
 * The case, its email and counters for a case turn — decided from the whole transcript, inside the
 * store's transaction. A conversation has at most one case: a re-escalation after "no thanks" (an
 * abandoned or limited case) replaces it; an active one is left alone.
 */
function planCase(
  turn: TurnToSave,
  effect: { escalation: PendingEscalation; shopperEmail: string | null; status: "queued" | "abandoned" | "limited" },
  transcript: TranscriptLine[],
  prior: { id: string; status: string } | null,
): CasePlan | null {
  if (prior && prior.status !== "abandoned" && prior.status !== "limited") return null;
  const { shop, now } = turn;
  const { escalation, shopperEmail, status } = effect;
  const env = getEnv();
  const caseId = newCaseId();
  const messageId = `<case-${caseId}@${messageIdDomain()}>`;
  const route = routeEscalation(escalation, shop.routing, shop.contact.email ? [shop.contact.email] : []);
  const from = formatFrom(shop.routing.fromName, env.mailFrom);
  const summary = turn.modelSummary || summarizeCase({ transcript, reasonText: escalation.reasonText, order: turn.order });
  const reasonText = escalation.reasonText || "Shopper asked to talk to a person";
  const queued = status === "queued" && Boolean(shopperEmail);

  const caseRow: CaseRow = {
    id: caseId,
    shop: shop.domain,
    conversationId: turn.conversationId,
    status,
    reasons: escalation.reasons,
    reasonText,
    topic: escalation.topic,
    priority: escalation.priority,
    confidence: escalation.confidence,
    signals: escalation.signals,
    route: { to: route.to, cc: route.cc, from },
    shopperEmail,
    orderName: turn.order?.name ?? turn.result.state.orderName,
    orderFacts: turn.order ?? null,
    customerFacts: turn.customer ?? null,
    summary,
    messageId,
    messagesEmailed: transcript.length,
    createdAt: now,
  };
  const view: EscalationCaseView | null = queued
    ? {
        caseId,
        shop: { domain: shop.domain, name: shop.name },
        adminCaseUrl: adminCaseUrl(shop.domain, caseId),
        messageId,
        from,
        to: route.to,
        cc: route.cc,
        shopperEmail: shopperEmail!,
        reasons: escalation.reasons,
        reasonText,
        priority: escalation.priority,
        confidence: escalation.confidence,
        topic: escalation.topic,
        order: turn.order,
        customer: turn.customer,
        isVip: escalation.reasons.includes("vip") || escalation.signals.some((s) => s.reason === "vip"),
        summary,
        transcript,
        createdAt: now.toISOString(),
      }
    : null;
  return {
    replacePriorId: prior?.id ?? null,
    caseRow,
    outbox: view
      ? outboxInsert({ shop: shop.domain, caseId, kind: "case", email: composeEscalationEmail(view), coversUpTo: transcript.length, now })
      : null,
    usage: { escalations: queued ? 1 : 0, limited: status === "limited" ? 1 : 0 },
    escalatedAt: status === "queued" ? now : null,
  };
}

/** Case ids are random (they appear in admin links and Message-IDs; nothing to guess from). */
function newCaseId(): string {
  return `c${randomBytes(12).toString("hex")}`;
}

/** The turn as the chat store writes it. */
function turnWrite(turn: TurnToSave): TurnWrite {
  return {
    shop: turn.shop.domain,
    conversationId: turn.conversationId,
    isNew: turn.isNew,
    customerId: turn.customerId,
    now: turn.now,
    usagePeriod: usagePeriod(turn.now),
    columns: conversationData(turn.result.state, turn.now),
    llm: turn.llmUsage ?? null,
    messages: turnMessages(turn),
  };
}

/** The turn's new messages: the shopper's text (with the signals that fired) and the replies. */
function turnMessages(turn: TurnToSave): Array<{ role: string; text: string; createdAt: Date; meta?: object }> {
  const { result, now } = turn;
  // Timestamps 1 ms apart keep the transcript order stable even within one request.
  let at = now.getTime();
  const messages: Array<{ role: string; text: string; createdAt: Date; meta?: object }> = [];
  if (turn.shopperText) {
    messages.push({
      role: "shopper",
      text: turn.shopperText,
      createdAt: new Date(at++),
      meta: turn.decision.signals.length
        ? (JSON.parse(JSON.stringify({ signals: turn.decision.signals, reasons: turn.decision.reasons })) as object)
        : undefined,
    });
  }
  for (const text of result.replies) {
    messages.push({
      role: "assistant",
      text,
      createdAt: new Date(at++),
      meta: result.unhelpful || turn.assistantMeta
        ? (JSON.parse(JSON.stringify({ ...turn.assistantMeta, ...(result.unhelpful ? { unhelpful: true } : {}) })) as object)
        : undefined,
    });
  }
  return messages;
}

function conversationData(s: ConversationState, now: Date) {
  return {
    state: s.phase,
    shopperEmail: s.shopperEmail,
    orderName: s.orderName,
    orderVerified: s.orderVerified,
    unhelpfulCount: s.unhelpfulCount,
    emailAsks: s.emailAsks,
    pendingEscalation: s.pendingEscalation ? JSON.stringify(s.pendingEscalation) : null,
    closedAt: s.phase === "closed" ? now : null,
    updatedAt: now,
  };
}

/** "<fromName> <address from MAIL_FROM>": the merchant's sender name on our verified address. */
function formatFrom(fromName: string, mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const name = fromName.replace(/["\r\n<>]/g, "").trim();
  return name ? `"${name}" <${address}>` : address;
}
