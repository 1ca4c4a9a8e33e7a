import type { ChatEvent, ConversationState, ModelReply, TurnFacts } from "~/domain/conversation/types";
import { isValidEmail } from "~/domain/email/address";
import { transcriptRole } from "~/domain/conversation/transcript";
import type { TranscriptLine } from "~/domain/email/types";
import type { OrderFacts, OrderLookup, PolicySource } from "~/domain/orders";
import type { Db } from "~/db.server";
import { getEnv } from "~/env.server";
import type { ShopContext } from "../shop-context.server";
import { summarizeCaseWithModel } from "./case-summary.server";
import { llmClient, llmConfigFrom, type LlmConfig } from "./client.server";
import { runModelTurn, type ModelUsage } from "./model-turn.server";
import { PROMPT_VERSION } from "./prompt.server";
import { TurnDeadline } from "./turn-deadline.server";
import { vetModelEscalation, type ModelEscalation } from "./vet-escalation.server";

/** What the assistant message of this turn records about the engine (Message.meta). */
export interface AssistantMeta {
  engine: "llm" | "builtin";
  /** The model's self-rated confidence (feeds the detector's low-confidence signal next turn). */
  modelConfidence?: number;
  /** Why the model's answer was not used. */
  llmFallback?: string;
  /** The system prompt version the model saw (prompt/system-prompt.v2.ts). */
  promptVersion?: string;
  /** Orders the model looked up this turn (digits only; a per-conversation cap counts them). */
  orderLookups?: string[];
}

/**
 * What the model contributed to a turn, as plain data: the runner merges it into the turn's facts
 * once (`withModelOutcome`). `none`: the model was not asked.
 */
export type ModelOutcome =
  | { kind: "none" }
  | ({ usage: ModelUsage | null; meta: AssistantMeta; deadline: TurnDeadline } & (
      | { kind: "failed"; reason: string }
      | { kind: "escalate"; escalation: ModelEscalation }
      | { kind: "reply"; reply: ModelReply; verifiedOrder: OrderFacts | null }
    ));

export interface ConsultInput {
  lookup: OrderLookup & PolicySource;
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
  /** Storefront locale (BCP-47, e.g. "fr"): the model answers in it (default: the turn's language). */
  locale?: string | null;
  /** With the conversation's id, a guest's earlier "no thanks" is read from its case. */
  db?: Db;
  conversationId?: string | null;
}

const POLICY_WAIT_MS = 400;

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
  const deadline = new TurnDeadline(config.timeoutMs);
  const policies = await withinMs(input.lookup.listPolicies(), Math.min(POLICY_WAIT_MS, deadline.remaining()));
  const outcome = await runModelTurn({
    client: llmClient(config),
    model: config.model,
    budgetMs: config.timeoutMs,
    deadline,
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
    locale: input.locale ?? facts.lang,
    now: input.now,
    policies: policies ?? [],
    shopHosts: [input.shop.domain],
    priorLookups: priorLookups(input.history),
  });
  const base = { engine: "llm" as const, promptVersion: PROMPT_VERSION, ...(outcome.lookedUp?.length ? { orderLookups: outcome.lookedUp } : {}) };
  const failed = (reason: string, usage: ModelUsage, extra: Partial<AssistantMeta> = {}): ModelOutcome => ({
    kind: "failed",
    reason,
    usage: { ...usage, fallbacks: 1 },
    meta: { ...base, engine: "builtin", llmFallback: reason, ...extra },
    deadline,
  });

  if (outcome.kind === "failed") return failed(outcome.reason, outcome.usage);
  if (outcome.kind === "escalate") {
    const vetted = vetModelEscalation({
      args: outcome.args,
      text: event.text,
      interpretation: event.interpretation,
      decision: facts.decision,
      declinedBefore: !input.state.shopperEmail && (await declinedBefore(input)),
      allowed: [...input.history.map((m) => m.text), event.text, ...outcome.disclosed],
      links: { published: (policies ?? []).map((p) => p.url ?? "").filter(Boolean), shopHosts: [input.shop.domain] },
      confidence: outcome.confidence,
    });
    if (!vetted.ok) return failed(vetted.reason, outcome.usage);
    return { kind: "escalate", escalation: vetted.escalation, usage: outcome.usage, meta: { ...base, modelConfidence: outcome.confidence }, deadline };
  }
  // Two unhelpful model answers in a row: stop relying on the model for this turn.
  if (outcome.reply.unhelpful && lastAssistantMeta(input.history)?.engine === "llm" && lastAssistantUnhelpful(input.history)) {
    return failed("unhelpful twice", outcome.usage, { modelConfidence: outcome.confidence });
  }
  return {
    kind: "reply",
    reply: outcome.reply,
    verifiedOrder: outcome.verifiedOrder ?? null,
    usage: outcome.usage,
    meta: { ...base, modelConfidence: outcome.confidence },
    deadline,
  };
}

// When the model was not consulted this turn (the detector escalated), the summary may add at
// most this much to the shopper's wait.
const SUMMARY_CAP_UNCONSULTED_MS = 1_500;
// Less than this left: not worth a call, the extractive summary is used.
const SUMMARY_MIN_MS = 250;

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
  deadline?: TurnDeadline,
): Promise<{ summary: string | null; usage: ModelUsage | null }> {
  const config = llmFor(shop);
  if (!config) return { summary: null, usage: null };
  // The summary lives inside the turn's deadline; unconsulted turns get a short fixed cap.
  const budgetMs = deadline ? deadline.remaining() : Math.min(SUMMARY_CAP_UNCONSULTED_MS, config.timeoutMs);
  if (budgetMs < SUMMARY_MIN_MS) return { summary: null, usage: null };
  const transcript: Array<Pick<TranscriptLine, "role" | "text">> = [
    ...turn.history.map((m) => ({ role: transcriptRole(m.role), text: m.text })),
    ...(turn.shopperText ? [{ role: "shopper" as const, text: turn.shopperText }] : []),
    ...turn.replies.map((text) => ({ role: "assistant" as const, text })),
  ];
  const reasonText = turn.reasonText;
  const r = await summarizeCaseWithModel({ client: llmClient(config), model: config.model, budgetMs, transcript, reasonText, shopHosts: [shop.domain] });
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
  return {
    tokensIn: a.tokensIn + b.tokensIn,
    tokensOut: a.tokensOut + b.tokensOut,
    latencyMs: a.latencyMs + b.latencyMs,
    fallbacks: (a.fallbacks ?? 0) + (b.fallbacks ?? 0),
  };
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
  const texts = [
    ...input.history.filter((m) => m.role !== "assistant").map((m) => m.text),
    input.event.type === "shopper.message_received" ? input.event.text : "",
  ];
  const typed = texts.flatMap((t) => [...t.matchAll(EMAILS)].map((m) => m[0].replace(/[.!?]+$/, "").toLowerCase())).filter(isValidEmail);
  return [...new Set([...typed, input.state.shopperEmail, input.customerEmail].filter((e): e is string => Boolean(e)))];
}

/** Orders the model looked up in earlier turns of this conversation. */
function priorLookups(history: ReadonlyArray<{ role: string; meta: unknown }>): string[] {
  return [
    ...new Set(
      history.flatMap((m) => {
        const lookups = typeof m.meta === "object" && m.meta !== null ? (m.meta as { orderLookups?: unknown }).orderLookups : undefined;
        return Array.isArray(lookups) ? lookups.filter((x): x is string => typeof x === "string") : [];
      }),
    ),
  ];
}

/** A guest's earlier "no thanks" left an abandoned case on this conversation. */
async function declinedBefore(input: ConsultInput): Promise<boolean> {
  if (!input.conversationId || !input.db) return false;
  const kase = await input.db.escalationCase.findUnique({ where: { conversationId: input.conversationId }, select: { status: true } });
  return kase?.status === "abandoned";
}

/** The promise's value, or null when it fails or takes longer than `ms` (the turn goes on without it). */
async function withinMs<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([promise.catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}
