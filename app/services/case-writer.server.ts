import type { EscalationDecision } from "~/domain/escalation";
import type { ConversationState, PendingEscalation, TurnResult } from "~/domain/conversation/types";
import { composeEscalationEmail } from "~/domain/email/compose-escalation-email";
import { summarizeCase } from "~/domain/email/summarize-case";
import type { EscalationCaseView, TranscriptLine } from "~/domain/email/types";
import type { CustomerFacts, OrderFacts } from "~/domain/orders";
import { usagePeriod } from "~/domain/plans";
import { routeEscalation } from "~/domain/routing";
import { getEnv } from "~/env.server";
import { adminCaseUrl, messageIdDomain } from "./admin-links.server";
import { chatStoreFor } from "./chat-store/index.server";
import { enqueueEmail, queueFollowUp } from "./outbox.server";
import type { RunnerDeps } from "./conversation-runner.server";
import type { ShopContext } from "./shop-context.server";
import type { AssistantMeta } from "./llm/assistant.server";
import type { ModelUsage } from "./llm/model-turn.server";

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
  const { state } = turn.result;
  await chatStoreFor(db).saveTurn({
    shop: turn.shop.domain,
    conversationId: turn.conversationId,
    isNew: turn.isNew,
    customerId: turn.customerId,
    now: turn.now,
    usagePeriod: usagePeriod(turn.now),
    columns: conversationData(state, turn.now),
    llm: turn.llmUsage ?? null,
    messages: turnMessages(turn),
  });
}

async function saveTurnWithCase(db: RunnerDeps["db"], turn: TurnToSave): Promise<void> {
  const writes = conversationWrites(turn);
  const { result, shop, now } = turn;
  await db.$transaction(async (tx) => {
    if (turn.isNew) {
      await tx.conversation.create({ data: writes.create });
      await usageUpsert(tx, shop.domain, now, { conversations: 1 });
    } else {
      await tx.conversation.update({ where: { id: turn.conversationId }, data: writes.update });
    }
    await tx.message.createMany({ data: turnMessages(turn).map((m) => ({ ...m, conversationId: turn.conversationId })) });
    for (const effect of result.effects) {
      if (effect.type === "create_case") {
        const transcript = await transcriptOf(tx, turn.conversationId);
        await createCase(tx, turn, effect.escalation, effect.shopperEmail, "queued", transcript);
      } else if (effect.type === "record_case_without_email") {
        const transcript = await transcriptOf(tx, turn.conversationId);
        await createCase(tx, turn, effect.escalation, result.state.shopperEmail, effect.status, transcript);
        if (effect.status === "limited") await usageUpsert(tx, shop.domain, now, { limited: 1 });
      }
    }
  });
}

type Tx = Parameters<Parameters<RunnerDeps["db"]["$transaction"]>[0]>[0];

async function createCase(
  tx: Tx,
  turn: TurnToSave,
  escalation: PendingEscalation,
  shopperEmail: string | null,
  status: "queued" | "abandoned" | "limited",
  transcript: TranscriptLine[],
): Promise<void> {
  const { shop, now } = turn;
  const env = getEnv();
  // A conversation has at most one case; a re-escalation after "no thanks" reuses it.
  const prior = await tx.escalationCase.findUnique({ where: { conversationId: turn.conversationId } });
  if (prior && prior.status !== "abandoned" && prior.status !== "limited") return;
  if (prior) await tx.escalationCase.delete({ where: { id: prior.id } });

  const route = routeEscalation(escalation, shop.routing, shop.contact.email ? [shop.contact.email] : []);
  const from = formatFrom(shop.routing.fromName, env.mailFrom);
  const summary = turn.modelSummary || summarizeCase({ transcript, reasonText: escalation.reasonText, order: turn.order });
  const isVip = escalation.reasons.includes("vip") || escalation.signals.some((s) => s.reason === "vip");

  const created = await tx.escalationCase.create({
    data: {
      shop: shop.domain,
      conversationId: turn.conversationId,
      status,
      reasons: escalation.reasons,
      reasonText: escalation.reasonText || "Shopper asked to talk to a person",
      topic: escalation.topic,
      priority: escalation.priority,
      confidence: escalation.confidence,
      signals: escalation.signals as object[],
      route: { to: route.to, cc: route.cc, from },
      shopperEmail,
      orderName: turn.order?.name ?? turn.result.state.orderName,
      orderFacts: (turn.order as object | null) ?? undefined,
      customerFacts: (turn.customer as object | null) ?? undefined,
      summary,
      messageId: `pending-${turn.conversationId}`,
      messagesEmailed: transcript.length,
      createdAt: now,
    },
  });
  const messageId = `<case-${created.id}@${messageIdDomain()}>`;
  await tx.escalationCase.update({ where: { id: created.id }, data: { messageId } });
  await tx.conversation.update({ where: { id: turn.conversationId }, data: { escalatedAt: status === "queued" ? now : undefined } });
  if (status !== "queued" || !shopperEmail) return;

  const view: EscalationCaseView = {
    caseId: created.id,
    shop: { domain: shop.domain, name: shop.name },
    adminCaseUrl: adminCaseUrl(shop.domain, created.id),
    messageId,
    from,
    to: route.to,
    cc: route.cc,
    shopperEmail,
    reasons: escalation.reasons,
    reasonText: created.reasonText,
    priority: escalation.priority,
    confidence: escalation.confidence,
    topic: escalation.topic,
    order: turn.order,
    customer: turn.customer,
    isVip,
    summary,
    transcript,
    createdAt: now.toISOString(),
  };
  await enqueueEmail(tx, {
    shop: shop.domain,
    caseId: created.id,
    kind: "case",
    email: composeEscalationEmail(view),
    coversUpTo: transcript.length,
  });
  await usageUpsert(tx, shop.domain, now, { escalations: 1 });
}

async function transcriptOf(tx: Tx, conversationId: string): Promise<TranscriptLine[]> {
  const rows = await tx.message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
  return rows.map((m) => ({ role: m.role === "assistant" ? "assistant" : "shopper", text: m.text, at: m.createdAt.toISOString() }));
}

function usageUpsert(tx: Tx, shop: string, now: Date, by: { conversations?: number; escalations?: number; limited?: number }) {
  const period = usagePeriod(now);
  return tx.usageCounter.upsert({
    where: { shop_period: { shop, period } },
    create: { shop, period, conversations: by.conversations ?? 0, escalations: by.escalations ?? 0, limited: by.limited ?? 0 },
    update: {
      conversations: { increment: by.conversations ?? 0 },
      escalations: { increment: by.escalations ?? 0 },
      limited: { increment: by.limited ?? 0 },
    },
  });
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

/** The conversation row of a case turn (create or update, with the model's usage added). */
function conversationWrites(turn: TurnToSave) {
  const update = conversationData(turn.result.state, turn.now);
  const u = turn.llmUsage;
  return {
    create: { id: turn.conversationId, shop: turn.shop.domain, customerId: turn.customerId, createdAt: turn.now, ...update,
      ...(u ? { llmTokensIn: u.tokensIn, llmTokensOut: u.tokensOut, llmLatencyMs: u.latencyMs } : {}) },
    update: u
      ? { ...update, llmTokensIn: { increment: u.tokensIn }, llmTokensOut: { increment: u.tokensOut }, llmLatencyMs: { increment: u.latencyMs } }
      : update,
  };
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
