import type { ChatEvent, ConversationState, ModelReply, PendingEscalation, TurnFacts } from "~/domain/conversation/types";
import { isValidEmail } from "~/domain/conversation/interpret-message";
import { transcriptRole } from "~/domain/conversation/transcript";
import type { TranscriptLine } from "~/domain/email/types";
import type { OrderFacts, OrderLookup } from "~/domain/orders";
import { getEnv } from "~/env.server";
import type { ShopContext } from "../shop-context.server";
import { summarizeCaseWithModel } from "./case-summary.server";
import { llmClient, llmConfigFrom, type LlmConfig } from "./client.server";
import { runModelTurn, type ModelUsage } from "./model-turn.server";

/** What the assistant message of this turn records about the engine (Message.meta). */
export interface AssistantMeta {
  engine: "llm" | "builtin";
  /** The model's self-rated confidence (feeds the detector's low-confidence signal next turn). */
  modelConfidence?: number;
  /** Why the model's answer was not used. */
  llmFallback?: string;
}

/**
 * What the model contributed to a turn, as plain data: the runner merges it into the turn's facts
 * once (`withModelOutcome`). `none`: the model was not asked.
 */
export type ModelOutcome =
  | { kind: "none" }
  | { kind: "failed"; reason: string; usage: ModelUsage | null; meta: AssistantMeta }
  | { kind: "escalate"; escalation: PendingEscalation & { shopperAsked?: boolean }; usage: ModelUsage | null; meta: AssistantMeta }
  | { kind: "reply"; reply: ModelReply; verifiedOrder: OrderFacts | null; usage: ModelUsage | null; meta: AssistantMeta };

export interface ConsultInput {
  lookup: OrderLookup;
  shop: ShopContext;
  state: ConversationState;
  event: ChatEvent;
  facts: TurnFacts;
  customerId: string | null;
  customerEmail: string | null;
  history: ReadonlyArray<{ role: string; text: string; meta: unknown }>;
  now: Date;
  /** Streams vetted pieces of the model's reply as they arrive (the turn's result stays authoritative). */
  onDelta?: (text: string) => void;
}

/** The LLM configuration when the process has a key and the shop has the assistant's LLM on. */
export function llmFor(shop: ShopContext): LlmConfig | null {
  return shop.assistant.llmEnabled ? llmConfigFrom(getEnv()) : null;
}

/**
 * Asks the model for this turn when it may answer: LLM configured and enabled, phase `open`, a
 * shopper message, and the detector did not escalate (then the built-in path runs and the model
 * is not asked).
 */
export async function consultModel(input: ConsultInput): Promise<ModelOutcome> {
  const { facts, event, state } = input;
  const config = llmFor(input.shop);
  if (!config || state.phase !== "open" || event.type !== "shopper.message_received" || !event.text || facts.decision.escalate) {
    return { kind: "none" };
  }
  // "Yes" or "no" to the hand-off the assistant just offered is the core's to handle.
  if (state.pendingEscalation && (event.interpretation.affirms || event.interpretation.declines)) return { kind: "none" };
  const outcome = await runModelTurn({
    client: llmClient(config),
    model: config.model,
    budgetMs: config.timeoutMs,
    shopName: input.shop.name,
    assistant: input.shop.assistant,
    customerId: input.customerId,
    history: input.history.map((m) => ({ role: transcriptRole(m.role), text: m.text })),
    text: event.text,
    shopperEmails: shopperEmails(input),
    lookup: input.lookup,
    contact: facts.contact,
    topic: facts.decision.topic,
    onDelta: input.onDelta,
  });

  if (outcome.kind === "failed") {
    return { kind: "failed", reason: outcome.reason, usage: outcome.usage, meta: { engine: "builtin", llmFallback: outcome.reason } };
  }
  if (outcome.kind === "escalate") {
    const shopperAsked = facts.decision.signals.some((x) => x.reason === "explicit_request") || outcome.escalation.reasons.includes("explicit_request");
    return { kind: "escalate", escalation: { ...outcome.escalation, shopperAsked }, usage: outcome.usage, meta: { engine: "llm", modelConfidence: outcome.confidence } };
  }
  // Two unhelpful model answers in a row: stop relying on the model for this turn.
  if (outcome.reply.unhelpful && lastAssistantMeta(input.history)?.engine === "llm" && lastAssistantUnhelpful(input.history)) {
    return { kind: "failed", reason: "unhelpful twice", usage: outcome.usage, meta: { engine: "builtin", llmFallback: "unhelpful twice", modelConfidence: outcome.confidence } };
  }
  return { kind: "reply", reply: outcome.reply, verifiedOrder: outcome.verifiedOrder ?? null, usage: outcome.usage, meta: { engine: "llm", modelConfidence: outcome.confidence } };
}

/** The turn's facts with the model's contribution merged in (the one place they are combined). */
export function withModelOutcome(facts: TurnFacts, outcome: ModelOutcome): TurnFacts {
  switch (outcome.kind) {
    case "none":
      return facts;
    case "failed":
      return { ...facts, modelFailed: true };
    case "escalate":
      return { ...facts, modelEscalation: outcome.escalation };
    case "reply": {
      const v = outcome.verifiedOrder;
      // A tool-verified order is the turn's order, proven exactly as the built-in engine proves it.
      return { ...facts, modelReply: outcome.reply, ...(v ? { orderName: v.name, order: v, ownershipProven: true, orderLookupFailed: false } : {}) };
    }
  }
}

/** The model-written case summary for the escalation email, or null (the caller falls back). */
export async function summarizeForEmail(
  shop: ShopContext,
  turn: { history: ReadonlyArray<{ role: string; text: string }>; shopperText: string; replies: readonly string[]; reasonText: string },
): Promise<{ summary: string | null; usage: ModelUsage | null }> {
  const config = llmFor(shop);
  if (!config) return { summary: null, usage: null };
  const transcript: Array<Pick<TranscriptLine, "role" | "text">> = [
    ...turn.history.map((m) => ({ role: transcriptRole(m.role), text: m.text })),
    ...(turn.shopperText ? [{ role: "shopper" as const, text: turn.shopperText }] : []),
    ...turn.replies.map((text) => ({ role: "assistant" as const, text })),
  ];
  const reasonText = turn.reasonText;
  const r = await summarizeCaseWithModel({ client: llmClient(config), model: config.model, budgetMs: config.timeoutMs, transcript, reasonText });
  return { summary: r.summary, usage: { tokensIn: r.tokensIn, tokensOut: r.tokensOut, latencyMs: r.latencyMs } };
}

/** The model confidence recorded on the latest assistant message, if the model wrote it. */
export function lastModelConfidence(history: ReadonlyArray<{ role: string; meta: unknown }>): number | undefined {
  const meta = lastAssistantMeta(history);
  return meta?.engine === "llm" && typeof meta.modelConfidence === "number" ? meta.modelConfidence : undefined;
}

export function addUsage(a: ModelUsage | null, b: ModelUsage | null): ModelUsage | null {
  if (!a) return b;
  if (!b) return a;
  return { tokensIn: a.tokensIn + b.tokensIn, tokensOut: a.tokensOut + b.tokensOut, latencyMs: a.latencyMs + b.latencyMs };
}

function lastAssistant(history: ReadonlyArray<{ role: string; meta: unknown }>) {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.role === "assistant") return history[i];
  return undefined;
}

function lastAssistantMeta(history: ReadonlyArray<{ role: string; meta: unknown }>): Partial<AssistantMeta> | undefined {
  const meta = lastAssistant(history)?.meta;
  return typeof meta === "object" && meta !== null ? (meta as Partial<AssistantMeta>) : undefined;
}

function lastAssistantUnhelpful(history: ReadonlyArray<{ role: string; meta: unknown }>): boolean {
  const meta = lastAssistant(history)?.meta;
  return typeof meta === "object" && meta !== null && (meta as { unhelpful?: unknown }).unhelpful === true;
}

const EMAILS = /[^\s<>()[\]{},;:"']+@[^\s<>()[\]{},;:"']+/g;

// Ownership proofs the order tool accepts: addresses the shopper typed, and the signed customer's.
function shopperEmails(input: ConsultInput): string[] {
  const texts = [...input.history.filter((m) => m.role !== "assistant").map((m) => m.text), input.event.type === "shopper.message_received" ? input.event.text : ""];
  const typed = texts.flatMap((t) => [...t.matchAll(EMAILS)].map((m) => m[0].replace(/[.!?]+$/, "").toLowerCase())).filter(isValidEmail);
  return [...new Set([...typed, input.state.shopperEmail, input.customerEmail].filter((e): e is string => Boolean(e)))];
}
