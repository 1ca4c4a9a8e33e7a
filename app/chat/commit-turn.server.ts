import { randomBytes } from "node:crypto";
import { writeConversationState } from "~/domain/conversation/conversation-row";
import type { TurnDecision } from "~/domain/conversation/decide-turn";
import { planCase } from "~/domain/conversation/plan-case";
import { toTranscript } from "~/domain/conversation/transcript";
import type { Effect } from "~/domain/conversation/types";
import { composeEscalationEmail } from "~/domain/email/compose-escalation-email";
import { formatFrom } from "~/domain/email/format";
import { usagePeriod } from "~/domain/plans";
import { outboxInsert, planFollowUp, type FollowUpFound, type FollowUpPlan, type QueueFollowUpInput } from "../email/outbox.server";
import type { ChatDeps } from "./chat-deps";
import type { GatheredTurn } from "./gather-turn.server";
import type { ModelUsage } from "./model/model-turn.server";
import type { CasePlan, TranscriptRow, TurnWrite, VisitProofRow } from "./store/chat-store";
import { chatStoreFor } from "./store/index.server";

type CaseEffect = Extract<Effect, { type: "create_case" | "record_case_without_email" }>;

/** What the turn adds beside the core's decision: model accounting and the case's summary. */
export interface TurnExtras {
  llmUsage: ModelUsage | null;
  /** The model-written case summary; the extractive `summarizeCase` when null. */
  modelSummary: string | null;
  /** Keyed hash of the shopper's address, stored on a new case for the abuse caps. */
  clientHash: string | null;
  /** The visit that holds the conversation's proof from now, written with the turn (visit-proof.server.ts). */
  visitProof?: VisitProofRow;
}

/**
 * The effect interpreter: writes the turn — its messages and state, its case with the case email,
 * or its follow-up — in one transaction, before any SMTP traffic, then wakes the outbox.
 */
export async function commitTurn(deps: ChatDeps, turn: GatheredTurn, decision: TurnDecision, extras: TurnExtras): Promise<void> {
  if (!decision.lines.length) return;
  const store = chatStoreFor(deps.db);
  const write = turnWrite(deps, turn, decision, extras);
  // The pure core emits at most one case effect per turn.
  const effect = decision.effects.find((e): e is CaseEffect => e.type === "create_case" || e.type === "record_case_without_email");
  if (effect) await store.saveTurnWithCase(write, (transcript, prior) => casePlan(deps, turn, decision, effect, extras, transcript, prior));
  else await store.saveTurn(write);
  if (effect || write.followUp) deps.kickOutbox();
}

function turnWrite(deps: ChatDeps, turn: GatheredTurn, decision: TurnDecision, extras: TurnExtras): TurnWrite {
  const now = new Date(turn.input.now);
  // Timestamps 1 ms apart keep the transcript order stable even within one request.
  let at = now.getTime();
  const caseId = turn.stored?.caseRef?.id;
  const followUp = caseId && decision.effects.some((e) => e.type === "queue_follow_up") ? caseId : null;
  const columns = {
    ...writeConversationState(decision.state),
    customerId: turn.input.request.signedCustomerId ?? turn.stored?.customerId ?? null,
    closedAt: decision.state.phase === "closed" ? now : null,
    updatedAt: now,
  };
  return {
    shop: turn.shop.domain,
    conversationId: turn.conversationId,
    isNew: !turn.stored,
    now,
    usagePeriod: usagePeriod(now),
    columns,
    shopperEmailUnchanged: turn.stored?.shopperEmail === columns.shopperEmail,
    llm: extras.llmUsage,
    messages: decision.lines.map((line) => ({ role: line.role, text: line.text, createdAt: new Date(at++), ...(line.meta ? { meta: line.meta } : {}) })),
    ...(extras.visitProof ? { visitProof: extras.visitProof } : {}),
    ...(followUp
      ? {
          followUp: {
            caseId: followUp,
            plan: (found) =>
              followUpOrLater(
                {
                  shop: turn.shop.domain,
                  caseId: followUp,
                  now,
                  batchWindowMs: deps.config.followUpBatchMs,
                  maxPerDay: turn.shop.abuse.followUpsPerCasePerDay,
                },
                found,
              ),
          },
        }
      : {}),
  };
}

const DAY_MS = 24 * 3_600_000;

/**
 * Past the shop's daily cap of follow-up emails a message is not dropped (issue 30): one follow-up is
 * scheduled for when the 24-hour window allows, and every later message joins it (it is pending), so
 * "I've added that to your case" stays true — the team gets it with that email.
 */
export function followUpOrLater(input: QueueFollowUpInput, found: FollowUpFound): FollowUpPlan {
  const plan = planFollowUp(input, found);
  if (plan.queued || plan.reason !== "capped") return plan;
  return planFollowUp({ ...input, maxPerDay: undefined, batchWindowMs: DAY_MS }, found);
}

// The pure plan with this process's clock, ids, links and sender, then the email composed for the outbox.
function casePlan(
  deps: ChatDeps,
  turn: GatheredTurn,
  decision: TurnDecision,
  effect: CaseEffect,
  extras: TurnExtras,
  rows: TranscriptRow[],
  prior: { id: string; status: string } | null,
): CasePlan | null {
  const { shop } = turn;
  const now = new Date(turn.input.now);
  const transcript = toTranscript(rows);
  const caseId = newCaseId();
  const draft = planCase({
    shop: { domain: shop.domain, name: shop.name, routing: shop.routing, contactEmail: shop.contact.email, locale: shop.locale, timeZone: shop.timeZone },
    conversationId: turn.conversationId,
    escalation: effect.escalation,
    shopperEmail: effect.type === "create_case" ? effect.shopperEmail : decision.state.shopperEmail,
    status: effect.type === "create_case" ? "queued" : effect.status,
    caseOrder: effect.caseOrder,
    customer: decision.caseCustomer,
    transcript,
    prior,
    modelSummary: extras.modelSummary,
    now,
    caseId,
    messageId: `<case-${caseId}@${deps.config.messageIdDomain}>`,
    from: formatFrom(shop.routing.fromName, deps.config.mailFrom),
    adminCaseUrl: deps.config.adminCaseUrl(shop.domain, caseId),
  });
  if (!draft) return null;
  return {
    replacePriorId: draft.replacePriorId,
    caseRow: { ...draft.record, clientHash: extras.clientHash },
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
