import { randomBytes } from "node:crypto";
import type { EscalationDecision } from "~/domain/escalation";
import { planCase } from "~/domain/conversation/plan-case";
import { toTranscript } from "~/domain/conversation/transcript";
import type { ConversationState, Effect, TurnResult } from "~/domain/conversation/types";
import type { ReplyPart } from "~/domain/conversation/reply-parts";
import { composeEscalationEmail } from "~/domain/email/compose-escalation-email";
import { formatFrom } from "~/domain/email/format";
import type { CustomerFacts } from "~/domain/orders";
import { usagePeriod } from "~/domain/plans";
import type { Db } from "~/db.server";
import { getEnv } from "~/env.server";
import { adminCaseUrl, messageIdDomain } from "./admin-links.server";
import { outboxInsert, queueFollowUp } from "../email/outbox.server";
import type { CasePlan, TurnWrite } from "./store/chat-store";
import { chatStoreFor } from "./store/index.server";
import type { ShopContext } from "./shop-context.server";
import type { AssistantMeta } from "./model/assistant.server";
import type { ModelUsage } from "./model/model-turn.server";

/** One turn as it is saved: the conversation's new state and messages, and the case it opens. */
export interface TurnRecord {
  shop: ShopContext;
  conversationId: string;
  isNew: boolean;
  customerId: string | null;
  shopperText: string;
  decision: EscalationDecision;
  result: TurnResult;
  /** The signed customer, or the proven order's customer (never the customer of a named order). */
  customer: CustomerFacts | null;
  now: Date;
  /** Model tokens and waiting time of this turn, added to the conversation's totals. */
  llmUsage?: ModelUsage | null;
  /** Stored on the turn's assistant message (engine, model confidence, why a model reply was not used). */
  assistantMeta?: AssistantMeta;
  /** The model-written case summary; the extractive `summarizeCase` when null. */
  modelSummary?: string | null;
  /** Keyed hash of the shopper's address, stored on a new case for the abuse caps (case-caps.server). */
  clientHash?: string | null;
  /** Reply parts of the turn's last reply, kept in its meta so the history shows them too. */
  lastReplyParts?: ReplyPart[];
}

type CaseEffect = Extract<Effect, { type: "create_case" | "record_case_without_email" }>;

/**
 * Saves a turn and queues what it asked for. A case, its outbox row and the usage counter are
 * committed in one transaction with the turn, before any SMTP traffic, so a crash can lose neither.
 */
export async function saveTurn(db: Db, turn: TurnRecord): Promise<void> {
  const store = chatStoreFor(db);
  // The pure core emits at most one case effect per turn.
  const effect = turn.result.effects.find((e): e is CaseEffect => e.type === "create_case" || e.type === "record_case_without_email");
  if (effect) await store.saveTurnWithCase(turnWrite(turn), (transcript, prior) => casePlan(turn, effect, toTranscript(transcript), prior));
  else await store.saveTurn(turnWrite(turn));

  if (turn.result.effects.some((e) => e.type === "queue_follow_up")) {
    const existingCase = await db.escalationCase.findUnique({ where: { conversationId: turn.conversationId }, select: { id: true } });
    if (existingCase) {
      await queueFollowUp(db, {
        shop: turn.shop.domain,
        caseId: existingCase.id,
        now: turn.now,
        batchWindowMs: getEnv().outbox.followUpBatchMs,
        maxPerDay: turn.shop.abuse.followUpsPerCasePerDay,
      });
    }
  }
}

// The pure plan with this process's clock, ids, links and sender, then the email composed for the outbox.
function casePlan(
  turn: TurnRecord,
  effect: CaseEffect,
  transcript: ReturnType<typeof toTranscript>,
  prior: { id: string; status: string } | null,
): CasePlan | null {
  const { shop, now } = turn;
  const caseId = newCaseId();
  const draft = planCase({
    shop: { domain: shop.domain, name: shop.name, routing: shop.routing, contactEmail: shop.contact.email },
    conversationId: turn.conversationId,
    escalation: effect.escalation,
    shopperEmail: effect.type === "create_case" ? effect.shopperEmail : turn.result.state.shopperEmail,
    status: effect.type === "create_case" ? "queued" : effect.status,
    caseOrder: effect.caseOrder,
    customer: turn.customer,
    transcript,
    prior,
    modelSummary: turn.modelSummary ?? null,
    now,
    caseId,
    messageId: `<case-${caseId}@${messageIdDomain()}>`,
    from: formatFrom(shop.routing.fromName, getEnv().mailFrom),
    adminCaseUrl: adminCaseUrl(shop.domain, caseId),
  });
  if (!draft) return null;
  return {
    replacePriorId: draft.replacePriorId,
    caseRow: { ...draft.record, clientHash: turn.clientHash ?? null },
    outbox: draft.view
      ? outboxInsert({ shop: shop.domain, caseId, kind: "case", email: composeEscalationEmail(draft.view), coversUpTo: transcript.length, now })
      : null,
    usage: draft.usage,
    escalatedAt: draft.escalatedAt,
  };
}

/** Case ids are random (they appear in admin links and Message-IDs; nothing to guess from). */
function newCaseId(): string {
  return `c${randomBytes(12).toString("hex")}`;
}

/** The turn as the chat store writes it. */
function turnWrite(turn: TurnRecord): TurnWrite {
  return {
    shop: turn.shop.domain,
    conversationId: turn.conversationId,
    isNew: turn.isNew,
    now: turn.now,
    usagePeriod: usagePeriod(turn.now),
    columns: conversationColumns(turn.result.state, turn.customerId, turn.now),
    llm: turn.llmUsage ?? null,
    messages: turnMessages(turn),
  };
}

/** The turn's new messages: the shopper's text (with the signals that fired) and the replies. */
function turnMessages(turn: TurnRecord): TurnWrite["messages"] {
  const { result, now } = turn;
  // Timestamps 1 ms apart keep the transcript order stable even within one request.
  let at = now.getTime();
  const messages: TurnWrite["messages"] = [];
  if (turn.shopperText) {
    messages.push({
      role: "shopper",
      text: turn.shopperText,
      createdAt: new Date(at++),
      meta: turn.decision.signals.length ? plain({ signals: turn.decision.signals, reasons: turn.decision.reasons }) : undefined,
    });
  }
  const flags = { ...(result.unhelpful ? { unhelpful: true } : {}), ...(result.proofFailed ? { proofFailed: true } : {}) };
  for (const [i, text] of result.replies.entries()) {
    const parts = i === result.replies.length - 1 && turn.lastReplyParts ? { parts: turn.lastReplyParts } : {};
    const meta = { ...turn.assistantMeta, ...flags, ...parts };
    messages.push({ role: "assistant", text, createdAt: new Date(at++), meta: Object.keys(meta).length ? plain(meta) : undefined });
  }
  return messages;
}

function plain(value: object): object {
  return JSON.parse(JSON.stringify(value)) as object;
}

function conversationColumns(s: ConversationState, customerId: string | null, now: Date): TurnWrite["columns"] {
  return {
    state: s.phase,
    customerId,
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
