import type { CatalogueSource } from "~/domain/catalogue";
import type { ModelOutcome, ModelRequest } from "~/domain/conversation/decide-turn";
import type { TranscriptLine } from "~/domain/email/types";
import type { OrderLookup, PolicySource } from "~/domain/orders";
import type { AssistantSettings } from "~/domain/shop-settings";
import { summarizeCaseWithModel } from "./case-summary.server";
import { llmClient, type LlmConfig } from "./client.server";
import { runModelTurn, type ModelUsage } from "./model-turn.server";
import { PROMPT_VERSION } from "./prompt.server";
import { TurnDeadline } from "./turn-deadline.server";

/**
 * The model adapter: it only talks to the model. The core decides when the model may answer
 * (`TurnDecision.modelRequest`) and what its outcome means (`withModel`); this file turns a request
 * into a call and the call's result into plain data.
 */
export interface ModelCall {
  outcome: ModelOutcome;
  usage: ModelUsage;
  /** What is left of the turn's model budget (the case summary may use it). */
  deadline: TurnDeadline;
}

export interface ModelSetting {
  config: LlmConfig;
  shopName: string;
  shopDomain: string;
  assistant: Pick<AssistantSettings, "name" | "tone">;
  customerId: string | null;
  lookup: OrderLookup & PolicySource;
  /** The shop's products, for the search_products tool. */
  catalogue?: CatalogueSource;
  now: Date;
  /** Streams vetted pieces of the model's reply as they arrive (the turn's result stays authoritative). */
  onDelta?: (text: string) => void;
}

export async function consultModel(setting: ModelSetting, request: ModelRequest): Promise<ModelCall> {
  const { config } = setting;
  const deadline = new TurnDeadline(config.timeoutMs);
  const result = await runModelTurn({
    client: llmClient(config),
    model: config.model,
    budgetMs: config.timeoutMs,
    deadline,
    shopName: setting.shopName,
    assistant: setting.assistant,
    customerId: setting.customerId,
    history: request.history,
    text: request.text,
    shopperEmails: request.shopperEmails,
    lookup: setting.lookup,
    catalogue: setting.catalogue,
    contact: request.contact,
    topic: request.topic,
    onDelta: setting.onDelta,
    locale: request.lang,
    now: setting.now,
    policies: request.policies,
    shopHosts: [setting.shopDomain],
    priorLookups: request.priorLookups,
  });
  const common = { promptVersion: PROMPT_VERSION, ...(result.lookedUp?.length ? { lookedUp: result.lookedUp } : {}) };
  const outcome: ModelOutcome =
    result.kind === "failed"
      ? { ...common, kind: "failed", reason: result.reason }
      : result.kind === "escalate"
        ? { ...common, kind: "escalate", args: result.args, confidence: result.confidence, disclosed: result.disclosed }
        : { ...common, kind: "reply", reply: result.reply, confidence: result.confidence, verifiedOrder: result.verifiedOrder ?? null };
  return { outcome, usage: result.usage, deadline };
}

// When the model was not consulted this turn (the detector escalated), the summary may add at
// most this much to the shopper's wait.
const SUMMARY_CAP_UNCONSULTED_MS = 1_500;
// Less than this left: not worth a call, the extractive summary is used.
const SUMMARY_MIN_MS = 250;

/** The model-written case summary for the escalation email, or null (the caller falls back). */
export async function summarizeForEmail(
  config: LlmConfig,
  shopDomain: string,
  turn: { transcript: ReadonlyArray<Pick<TranscriptLine, "role" | "text">>; reasonText: string },
  deadline?: TurnDeadline,
): Promise<{ summary: string | null; usage: ModelUsage | null }> {
  // The summary lives inside the turn's deadline; unconsulted turns get a short fixed cap.
  const budgetMs = deadline ? deadline.remaining() : Math.min(SUMMARY_CAP_UNCONSULTED_MS, config.timeoutMs);
  if (budgetMs < SUMMARY_MIN_MS) return { summary: null, usage: null };
  const r = await summarizeCaseWithModel({
    client: llmClient(config),
    model: config.model,
    budgetMs,
    transcript: [...turn.transcript],
    reasonText: turn.reasonText,
    shopHosts: [shopDomain],
  });
  return { summary: r.summary, usage: { tokensIn: r.tokensIn, tokensOut: r.tokensOut, latencyMs: r.latencyMs } };
}

export function addUsage(a: ModelUsage | null, b: ModelUsage | null): ModelUsage | null {
  if (!a) return b;
  if (!b) return a;
  return {
    tokensIn: a.tokensIn + b.tokensIn,
    tokensOut: a.tokensOut + b.tokensOut,
    latencyMs: a.latencyMs + b.latencyMs,
    fallbacks: (a.fallbacks ?? 0) + (b.fallbacks ?? 0),
  };
}
