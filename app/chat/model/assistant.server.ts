import type { ChatEvent, ConversationState, TurnFacts } from "~/domain/conversation/types";
import { isValidEmail } from "~/domain/conversation/interpret-message";
import type { TranscriptLine } from "~/domain/email/types";
import type { OrderLookup } from "~/domain/orders";
import { canSendEscalation } from "~/domain/plans";
import type { Db } from "~/db.server";
import { getEnv } from "~/env.server";
import { escalationsThisPeriod, type ShopContext } from "../shop-context.server";
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

export interface ModelConsultation {
  facts: TurnFacts;
  usage: ModelUsage | null;
  meta?: AssistantMeta;
}

export interface ConsultInput {
  db: Db;
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
 * is not asked). Returns the turn's facts with the model's answer, escalation or failure added.
 */
export async function consultModel(input: ConsultInput): Promise<ModelConsultation> {
  const { facts, event, state } = input;
  const config = llmFor(input.shop);
  if (!config || state.phase !== "open" || event.type !== "shopper.message_received" || !event.text || facts.decision.escalate) {
    return { facts, usage: null };
  }
  const outcome = await runModelTurn({
    client: llmClient(config),
    model: config.model,
    budgetMs: config.timeoutMs,
    shopName: input.shop.name,
    assistant: input.shop.assistant,
    customerId: input.customerId,
    history: input.history.map((m) => ({ role: m.role === "assistant" ? "assistant" : "shopper", text: m.text })),
    text: event.text,
    shopperEmails: shopperEmails(input),
    lookup: input.lookup,
    contact: facts.contact,
    topic: facts.decision.topic,
    onDelta: input.onDelta,
  });

  if (outcome.kind === "failed") {
    return { facts: { ...facts, modelFailed: true }, usage: outcome.usage, meta: { engine: "builtin", llmFallback: outcome.reason } };
  }
  if (outcome.kind === "escalate") {
    const used = await escalationsThisPeriod(input.db, input.shop.domain, input.now);
    const hasRecipient = input.shop.routing.defaultTo.length > 0 || Boolean(input.shop.contact.email);
    return {
      facts: { ...facts, modelEscalation: outcome.escalation, escalationEmailAllowed: hasRecipient && canSendEscalation(input.shop.plan, used) },
      usage: outcome.usage,
      meta: { engine: "llm", modelConfidence: outcome.confidence },
    };
  }
  // Two unhelpful model answers in a row: stop relying on the model for this turn.
  if (outcome.reply.unhelpful && lastAssistantMeta(input.history)?.engine === "llm" && lastAssistantUnhelpful(input.history)) {
    return { facts: { ...facts, modelFailed: true }, usage: outcome.usage, meta: { engine: "builtin", llmFallback: "unhelpful twice", modelConfidence: outcome.confidence } };
  }
  const verified = outcome.verifiedOrder;
  return {
    facts: { ...facts, modelReply: outcome.reply, ...(verified ? { order: verified, ownershipProven: true, orderLookupFailed: false } : {}) },
    usage: outcome.usage,
    meta: { engine: "llm", modelConfidence: outcome.confidence },
  };
}

/** The model-written case summary for the escalation email, or null (the caller falls back). */
export async function summarizeForEmail(
  shop: ShopContext,
  turn: { history: ReadonlyArray<{ role: string; text: string }>; shopperText: string; replies: readonly string[]; reasonText: string },
): Promise<{ summary: string | null; usage: ModelUsage | null }> {
  const config = llmFor(shop);
  if (!config) return { summary: null, usage: null };
  const transcript: Array<Pick<TranscriptLine, "role" | "text">> = [
    ...turn.history.map((m) => ({ role: m.role === "assistant" ? ("assistant" as const) : ("shopper" as const), text: m.text })),
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
