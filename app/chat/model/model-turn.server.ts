import type OpenAI from "openai";
import { z } from "zod";
import { resolveLanguage } from "~/domain/conversation/language";
import type { ContactOptions, ModelReply } from "~/domain/conversation/types";
import type { EscalationTopic } from "~/domain/escalation";
import type { OrderFacts, ShopPolicy } from "~/domain/orders";
import type { AssistantSettings } from "~/domain/shop-settings";
import { guardModelReply, type LinkPolicy } from "../../domain/model-output/output-guard";
import { partialReply, StreamGate } from "../../domain/model-output/stream-gate";
import { buildSystemPrompt, promptCanary, promptInstructions, truncateHistory, type HistoryLine } from "./prompt.server";
import { completeOnce, streamCompletion } from "./stream-completion.server";
import {
  lookupOrderTool,
  parseToolCall,
  searchProductsTool,
  storePolicyTool,
  TOOL_DEFINITIONS,
  type EscalateArgs,
  type ToolCall,
  type ToolContext,
} from "./tools.server";
import { BudgetExhausted, TurnDeadline } from "./turn-deadline.server";
import { logger } from "~/platform/logger.server";

const log = logger.child({ capability: "chat" });

export interface ModelTurnInput {
  client: OpenAI;
  model: string;
  /** Whole model budget of this turn (ms). */
  budgetMs: number;
  shopName: string;
  assistant: Pick<AssistantSettings, "name" | "tone">;
  customerId: string | null;
  /** Earlier messages of this conversation, oldest first. */
  history: readonly HistoryLine[];
  /** The shopper's message this turn. */
  text: string;
  /** Ownership proofs: emails the shopper gave in this chat and the signed customer's. */
  shopperEmails: readonly string[];
  lookup: ToolContext["lookup"];
  /** The shop's products (search_products). */
  catalogue?: ToolContext["catalogue"];
  contact: ContactOptions;
  /** The detector's topic for this turn (routing of a model escalation). */
  topic: EscalationTopic;
  /**
   * Streams the reply: called with each newly vetted piece (whole sentences that passed the
   * output guard). The returned outcome stays authoritative.
   */
  onDelta?: (text: string) => void;
  /** The turn's deadline when the caller owns it (it also bounds the case summary). */
  deadline?: TurnDeadline;
  /** Storefront locale (BCP-47); the prompt asks for answers in it. */
  locale?: string | null;
  now?: Date;
  /** The shop's policies, summarised up front in the prompt. */
  policies?: readonly ShopPolicy[];
  /** The shop's own hosts (storefront domain, contact page): links there may be shown. */
  shopHosts?: readonly string[];
  /** Orders already looked up earlier in this conversation (a per-conversation cap). */
  priorLookups?: readonly string[];
}

export interface ModelUsage {
  tokensIn: number;
  tokensOut: number;
  /** Wall time of the model layer this turn (all calls, retries, tools), failed turns included. */
  latencyMs: number;
  /** Model answers not used this turn (0 or 1): timeouts, guard refusals, errors, vetoed escalations. */
  fallbacks?: number;
}

export type ModelTurnOutcome = { usage: ModelUsage; lookedUp?: string[] } & (
  | { kind: "reply"; reply: ModelReply; confidence: number; verifiedOrder?: OrderFacts }
  | { kind: "escalate"; args: EscalateArgs; confidence: number; disclosed: string[] }
  | { kind: "failed"; reason: string }
);

const MAX_MODEL_CALLS = 4;
// Bounds what one shopper message can cost the shop's Admin API bucket.
const MAX_TOOL_CALLS = 6;
// One message may concern two orders; more is fishing for other customers' orders.
const MAX_ORDERS_PER_TURN = 2;
const MAX_ORDERS_PER_CONVERSATION = 4;
const LOOKUP_LIMIT = { found: false, message: "Order lookups are limited in this chat; offer to connect the shopper with the team." } as const;
const MAX_OUTPUT_TOKENS = 400;
const UNHELPFUL_BELOW = 0.35;

const answerSchema = z.object({
  reply: z.string().min(1),
  confidence: z.number().min(0).max(1).optional(),
  answered: z.boolean().optional(),
});

/**
 * One assistant turn by the model: tool loop (ownership enforced in the tools), then the output
 * guard. Never throws: every failure comes back as `kind: "failed"` so the built-in engine answers.
 */
export async function runModelTurn(input: ModelTurnInput): Promise<ModelTurnOutcome> {
  const usage: ModelUsage = { tokensIn: 0, tokensOut: 0, latencyMs: 0 };
  const deadline = input.deadline ?? new TurnDeadline(input.budgetMs);
  const lookedUp: string[] = [];
  try {
    // The race is the hard stop: nothing the SDK or a tool does can keep the shopper past it.
    const timedOut = deadline.expired.then((): ModelTurnOutcome => ({ kind: "failed", reason: "timeout", usage }));
    const outcome = await Promise.race([loop(input, usage, deadline, lookedUp), timedOut]);
    if (outcome.kind === "failed") log.warn({ reason: outcome.reason }, "model turn failed");
    return { ...outcome, lookedUp };
  } catch (error) {
    const reason = error instanceof BudgetExhausted ? error.reason : deadline.signal.aborted ? "timeout" : `error: ${(error as Error).message?.slice(0, 200)}`;
    log.warn({ reason }, "model turn failed");
    return { kind: "failed", reason, usage, lookedUp };
  } finally {
    usage.latencyMs = deadline.elapsed();
    if (!input.deadline) deadline.dispose();
  }
}

async function loop(input: ModelTurnInput, usage: ModelUsage, deadline: TurnDeadline, lookedUp: string[]): Promise<ModelTurnOutcome> {
  const systemPrompt = buildSystemPrompt({
    shopName: input.shopName,
    assistant: input.assistant,
    loggedIn: Boolean(input.customerId),
    locale: input.locale,
    now: input.now,
    contact: input.contact,
    policies: input.policies,
  });
  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
    { role: "system", content: systemPrompt },
    ...truncateHistory([...input.history, { role: "shopper", text: input.text }]),
  ];
  const ctx: ToolContext = {
    lookup: input.lookup,
    customerId: input.customerId,
    shopperEmails: input.shopperEmails,
    contact: input.contact,
    catalogue: input.catalogue,
    lang: resolveLanguage(input.locale),
  };
  const disclosed: string[] = [];
  const published: string[] = [...(input.policies ?? []).map((p) => p.url ?? ""), ...urlsIn(input.history)].filter(Boolean);
  const links: LinkPolicy = { published, shopHosts: [...(input.shopHosts ?? []), input.contact.url ?? ""].filter(Boolean) };
  let verifiedOrder: OrderFacts | undefined;
  let toolCalls = 0;
  let toolsSucceeded = 0;
  const prior = new Set(input.priorLookups ?? []);

  const policyText = (input.policies ?? []).map((p) => `${p.title} ${p.body}`);
  const allowedSoFar = () => [...input.history.map((h) => h.text), input.text, ...disclosed, contactText(input.contact), ...policyText];
  const instructions = promptInstructions(systemPrompt);
  const guard = (text: string) =>
    guardModelReply({
      text,
      systemPrompt: instructions,
      canary: promptCanary(),
      allowed: allowedSoFar(),
      links,
      evidence: disclosed.join("\n"),
      // What the shop itself published: a discount code quoted from its policies or contact text is no invented offer.
      published: [...policyText, contactText(input.contact)],
    });
  const gate = input.onDelta ? new StreamGate(guard, input.onDelta) : null;
  // Text already shown in a round that then called tools ("Let me check that for you."): the
  // final reply keeps it, so what the shopper saw does not vanish.
  let preamble = "";

  for (let call = 0; call < MAX_MODEL_CALLS; call++) {
    if (deadline.passed) return { kind: "failed", reason: "timeout", usage };
    const request = { model: input.model, messages, tools: TOOL_DEFINITIONS, tool_choice: "auto" as const, max_tokens: MAX_OUTPUT_TOKENS, temperature: 0.2 };
    const completion = gate ? await streamCompletion(input.client, request, deadline, gate, preamble) : await completeOnce(input.client, request, deadline);
    // A stream cut by the deadline ends quietly inside the SDK: it is a timeout, not malformed output.
    if (deadline.signal.aborted) return { kind: "failed", reason: "timeout", usage };
    usage.tokensIn += completion.usage?.prompt_tokens ?? 0;
    usage.tokensOut += completion.usage?.completion_tokens ?? 0;

    const message = completion.message;
    if (!message) return { kind: "failed", reason: "malformed: no message", usage };
    const calls = message.tool_calls ?? [];
    if (calls.length > 0) {
      if (gate) preamble = gate.shown;
      messages.push({ role: "assistant", content: message.content ?? null, tool_calls: calls });
      const parsedCalls: Array<{ id: string; call: ToolCall }> = [];
      for (const raw of calls) {
        if (raw.type !== "function" || ++toolCalls > MAX_TOOL_CALLS) return { kind: "failed", reason: "malformed: tool call", usage };
        const parsed = parseToolCall(raw.function.name, raw.function.arguments);
        if (!parsed) return { kind: "failed", reason: `malformed: ${raw.function.name} arguments`, usage };
        parsedCalls.push({ id: raw.id, call: parsed });
      }
      // An escalation request ends the model's part: the caller vets it and the pure core takes over.
      const escalation = parsedCalls.find((c) => c.call.name === "escalate_to_human")?.call;
      if (escalation?.name === "escalate_to_human") {
        return { kind: "escalate", args: escalation.args, confidence: 0.8, usage, disclosed: [...disclosed] };
      }
      // Lookups of one round run side by side (each is an Admin API round trip).
      const outcomes = await Promise.all(
        parsedCalls.map(({ call: c }) => {
          if (c.name === "get_store_policy") return storePolicyTool(ctx, c.args.topic);
          if (c.name === "search_products") return searchProductsTool(ctx, c.args);
          if (c.name !== "lookup_order") return Promise.resolve({ result: { found: false }, disclosed: [] });
          const name = c.args.order_number.replace(/\D/g, "");
          const turnOrders = new Set(lookedUp);
          const fresh = !turnOrders.has(name) && !prior.has(name);
          if (fresh && (turnOrders.size >= MAX_ORDERS_PER_TURN || turnOrders.size + prior.size >= MAX_ORDERS_PER_CONVERSATION)) {
            return Promise.resolve({ result: { ...LOOKUP_LIMIT }, disclosed: [] });
          }
          if (!turnOrders.has(name)) lookedUp.push(name);
          return lookupOrderTool(ctx, c.args);
        }),
      );
      outcomes.forEach((outcome, n) => {
        disclosed.push(...outcome.disclosed);
        if ("verifiedOrder" in outcome && outcome.verifiedOrder) {
          verifiedOrder = outcome.verifiedOrder;
          published.push(...outcome.verifiedOrder.fulfillments.flatMap((f) => f.tracking.map((t) => t.url ?? "")).filter(Boolean));
        }
        const policyUrl = (outcome.result as { url?: unknown }).url;
        if (typeof policyUrl === "string") published.push(policyUrl);
        // Product pages the search returned may be linked.
        for (const p of (outcome.result as { products?: Array<{ url: string | null }> }).products ?? []) if (p.url) published.push(p.url);
        if (outcome.result.found === true) toolsSucceeded++;
        messages.push({ role: "tool", tool_call_id: parsedCalls[n]!.id, content: JSON.stringify(outcome.result) });
      });
      continue;
    }

    const answer = completion.truncated
      ? { reply: partialReply(message.content ?? ""), confidence: toolsSucceeded > 0 ? 0.7 : 0.5, answered: true }
      : parseAnswer(message.content ?? "", toolsSucceeded > 0);
    if (!answer || !answer.reply.trim()) return { kind: "failed", reason: "malformed: answer", usage };
    const full = preamble && !answer.reply.startsWith(preamble) ? `${preamble} ${answer.reply}` : answer.reply;
    const verdict = guard(full);
    if (!verdict.ok) {
      log.warn({ reason: verdict.reason }, "model reply refused by the guard");
      return { kind: "failed", reason: `guard: ${verdict.reason}`, usage };
    }
    gate?.finish(verdict.text);
    const unhelpful = answer.answered === false || answer.confidence < UNHELPFUL_BELOW;
    return {
      kind: "reply",
      reply: { text: verdict.text, unhelpful, ...(verifiedOrder ? { verifiedOrderName: verifiedOrder.name } : {}) },
      confidence: answer.confidence,
      verifiedOrder,
      usage,
    };
  }
  return { kind: "failed", reason: "too many tool rounds", usage };
}

const URL_IN_TEXT = /https?:\/\/[^\s<>()"']+/g;

/** Links already shown in this chat's earlier replies (they passed the guard, or the built-in engine wrote them). */
function urlsIn(history: readonly HistoryLine[]): string[] {
  return history.filter((h) => h.role === "assistant").flatMap((h) => [...h.text.matchAll(URL_IN_TEXT)].map((m) => m[0]));
}

/**
 * The answer is asked for as JSON with a self-rated confidence. A reply that is plainly text is
 * accepted (some servers ignore format instructions) with a confidence derived from tool use;
 * something that starts like JSON but does not parse is malformed.
 */
export function parseAnswer(content: string, usedTools: boolean): { reply: string; confidence: number; answered?: boolean } | null {
  const body = content
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "")
    .trim();
  if (!body) return null;
  if (!body.startsWith("{")) return { reply: body, confidence: usedTools ? 0.7 : 0.5 };
  try {
    const parsed = answerSchema.safeParse(JSON.parse(body));
    if (!parsed.success) return null;
    return { reply: parsed.data.reply, confidence: parsed.data.confidence ?? (usedTools ? 0.7 : 0.5), answered: parsed.data.answered };
  } catch {
    return null;
  }
}

function contactText(c: ContactOptions): string {
  return [c.shopName, c.email, c.phone, c.url].filter(Boolean).join(" ");
}
