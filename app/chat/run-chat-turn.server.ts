import type { ReplyPart } from "~/domain/conversation/reply-parts";
import type { Phase } from "~/domain/conversation/types";
import { decideTurn, type TurnDecision } from "~/domain/conversation/decide-turn";
import { withinCaseCaps, clientAddressHash } from "./case-caps.server";
import type { ChatDeps, ChatTurnInput } from "./chat-deps";
import { commitTurn } from "./commit-turn.server";
import { gatherTurn, type GatheredTurn } from "./gather-turn.server";
import { decisionToStore, forThisVisit, recordVisitProofAlone, visitProofToWrite } from "./visit-proof.server";
import { addUsage, consultModel, summarizeForEmail, type ModelCall } from "./model/assistant.server";
import type { ModelUsage } from "./model/model-turn.server";

export { ChatUnavailableError } from "./gather-turn.server";
export type { ChatDeps, ChatTurnInput } from "./chat-deps";

export interface ChatTurnOutput {
  conversationId: string;
  state: Phase;
  /** `parts` only on the last message (README "Storefront chat API", reply-parts.ts). */
  messages: Array<{ role: "assistant"; text: string; parts?: ReplyPart[] }>;
}

/**
 * One storefront chat turn: gather every read once, decide in the pure core, commit in one
 * transaction. The only other I/O is the model — asked when the core lets it answer, and for the
 * case summary when a case goes to the team — and the cap counts a new case needs.
 */
export async function runChatTurn(deps: ChatDeps, input: ChatTurnInput): Promise<ChatTurnOutput> {
  const turn = forThisVisit(await gatherTurn(deps, input), input.visit ?? null);
  let decision = decideTurn(turn.input);
  const model = decision.modelRequest ? await askModel(deps, turn, input, decision) : null;
  if (model && decision.withModel) decision = decision.withModel(model.outcome);

  // Only a case keeps the address's keyed hash (and only a new case counts it): an HMAC the ordinary turn skips.
  const opensCase = decision.effects.some((e) => e.type === "create_case" || e.type === "record_case_without_email");
  const clientHash = opensCase ? clientAddressHash(deps.config.appSecret, turn.shop.domain, input.clientAddress ?? null) : null;
  const now = new Date(turn.input.now);
  decision = await withinCaseCaps(deps.db, decision, {
    shop: turn.shop,
    secret: deps.config.appSecret,
    clientHash,
    customerId: input.customerId,
    now,
    attempts: deps.caseAttempts,
  });

  // The turn's model deadline ends here, also when the summary fails.
  const summary = await caseSummary(deps, turn, decision, model).finally(() => model?.deadline.dispose());
  const visitProof = visitProofToWrite(turn, decision);
  decision = decisionToStore(turn, decision);
  const llmUsage = addUsage(modelUsage(model, decision), summary.usage);
  if (decision.lines.length) await commitTurn(deps, turn, decision, { llmUsage, modelSummary: summary.text, clientHash, visitProof });
  else if (visitProof) await recordVisitProofAlone(deps, turn.conversationId, visitProof);

  const last = decision.replies.length - 1;
  return {
    conversationId: turn.conversationId,
    state: decision.state.phase,
    messages: decision.replies.map((text, n) => ({ role: "assistant" as const, text, ...(decision.parts && n === last ? { parts: decision.parts } : {}) })),
  };
}

function askModel(deps: ChatDeps, turn: GatheredTurn, input: ChatTurnInput, decision: TurnDecision): Promise<ModelCall> {
  const setting = {
    config: deps.config.llm!,
    shopName: turn.shop.name,
    shopDomain: turn.shop.domain,
    assistant: turn.shop.assistant,
    customerId: input.customerId,
    lookup: deps.lookup,
    catalogue: deps.catalogue,
    now: new Date(turn.input.now),
    onDelta: input.onDelta,
  };
  return consultModel(setting, decision.modelRequest!);
}

// A model answer that was not used still cost its tokens; it counts as one fallback.
function modelUsage(model: ModelCall | null, decision: TurnDecision): ModelUsage | null {
  if (!model) return null;
  return decision.model === "fell_back" ? { ...model.usage, fallbacks: 1 } : model.usage;
}

/**
 * The email's case summary is written by the model when one is on for the shop — within what is
 * left of the turn's model deadline, or a short cap when the model did not answer this turn.
 */
async function caseSummary(deps: ChatDeps, turn: GatheredTurn, decision: TurnDecision, model: ModelCall | null) {
  const effect = decision.effects.find((e) => e.type === "create_case");
  const config = deps.config.llm;
  if (effect?.type !== "create_case" || !config || !turn.shop.assistant.llmEnabled) return { text: null, usage: null };
  const transcript = [...turn.input.history.map((m) => ({ role: m.role, text: m.text })), ...decision.lines.map((l) => ({ role: l.role, text: l.text }))];
  const r = await summarizeForEmail(config, turn.shop.domain, { transcript, reasonText: effect.escalation.reasonText }, model?.deadline);
  return { text: r.summary, usage: r.usage };
}
