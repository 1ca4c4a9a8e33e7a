import type OpenAI from "openai";
import { z } from "zod";
import type { ContactOptions, ModelReply, PendingEscalation } from "~/domain/conversation/types";
import type { EscalationTopic } from "~/domain/escalation";
import type { OrderFacts } from "~/domain/orders";
import type { AssistantSettings } from "~/domain/shop-settings";
import { guardModelReply } from "../../domain/model-output/output-guard";
import { partialReply, StreamGate } from "../../domain/model-output/stream-gate";
import { buildSystemPrompt, promptCanary, truncateHistory, type HistoryLine } from "./prompt.server";
import { lookupOrderTool, parseToolCall, storePolicyTool, TOOL_DEFINITIONS, toModelEscalation, type ToolCall, type ToolContext } from "./tools.server";

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
  contact: ContactOptions;
  /** The detector's topic for this turn (routing of a model escalation). */
  topic: EscalationTopic;
  /**
   * Streams the reply: called with each newly vetted piece (whole sentences that passed the
   * output guard). The returned outcome stays authoritative.
   */
  onDelta?: (text: string) => void;
}

export interface ModelUsage {
  tokensIn: number;
  tokensOut: number;
  /** Time spent waiting for the model (all calls, retries included). */
  latencyMs: number;
}

export type ModelTurnOutcome = { usage: ModelUsage } & (
  | { kind: "reply"; reply: ModelReply; confidence: number; verifiedOrder?: OrderFacts }
  | { kind: "escalate"; escalation: PendingEscalation; confidence: number }
  | { kind: "failed"; reason: string }
);

const MAX_MODEL_CALLS = 4;
// Bounds what one shopper message can cost the shop's Admin API bucket.
const MAX_TOOL_CALLS = 6;
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
  const deadline = Date.now() + input.budgetMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), input.budgetMs);
  try {
    return await loop(input, usage, deadline, controller.signal);
  } catch (error) {
    const reason = controller.signal.aborted ? "timeout" : `error: ${(error as Error).message?.slice(0, 200)}`;
    console.warn(`[llm] model turn failed (${reason})`);
    return { kind: "failed", reason, usage };
  } finally {
    clearTimeout(timer);
  }
}

async function loop(input: ModelTurnInput, usage: ModelUsage, deadline: number, signal: AbortSignal): Promise<ModelTurnOutcome> {
  const systemPrompt = buildSystemPrompt({ shopName: input.shopName, assistant: input.assistant, loggedIn: Boolean(input.customerId) });
  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
    { role: "system", content: systemPrompt },
    ...truncateHistory([...input.history, { role: "shopper", text: input.text }]),
  ];
  const ctx: ToolContext = { lookup: input.lookup, customerId: input.customerId, shopperEmails: input.shopperEmails, contact: input.contact };
  const disclosed: string[] = [];
  let verifiedOrder: OrderFacts | undefined;
  let toolCalls = 0;
  let toolsSucceeded = 0;

  const allowedSoFar = () => [...input.history.map((h) => h.text), input.text, ...disclosed, contactText(input.contact)];
  const gate = input.onDelta
    ? new StreamGate((text) => guardModelReply({ text, systemPrompt, canary: promptCanary(), allowed: allowedSoFar() }), input.onDelta)
    : null;

  for (let call = 0; call < MAX_MODEL_CALLS; call++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { kind: "failed", reason: "timeout", usage };
    const started = performance.now();
    const request = { model: input.model, messages, tools: TOOL_DEFINITIONS, tool_choice: "auto" as const, max_tokens: MAX_OUTPUT_TOKENS, temperature: 0.2 };
    const completion = gate
      ? await streamCompletion(input.client, request, { signal, timeout: remaining }, gate)
      : await input.client.chat.completions.create(request, { signal, timeout: remaining }).then((c) => ({ message: c.choices?.[0]?.message, usage: c.usage }));
    usage.latencyMs += Math.round(performance.now() - started);
    usage.tokensIn += completion.usage?.prompt_tokens ?? 0;
    usage.tokensOut += completion.usage?.completion_tokens ?? 0;

    const message = completion.message;
    if (!message) return { kind: "failed", reason: "malformed: no message", usage };
    const calls = message.tool_calls ?? [];
    if (calls.length > 0) {
      messages.push({ role: "assistant", content: message.content ?? null, tool_calls: calls });
      const parsedCalls: Array<{ id: string; call: ToolCall }> = [];
      for (const raw of calls) {
        if (raw.type !== "function" || ++toolCalls > MAX_TOOL_CALLS) return { kind: "failed", reason: "malformed: tool call", usage };
        const parsed = parseToolCall(raw.function.name, raw.function.arguments);
        if (!parsed) return { kind: "failed", reason: `malformed: ${raw.function.name} arguments`, usage };
        parsedCalls.push({ id: raw.id, call: parsed });
      }
      // An escalation request ends the model's part: the pure core takes over.
      const escalation = parsedCalls.find((c) => c.call.name === "escalate_to_human")?.call;
      if (escalation?.name === "escalate_to_human") {
        return { kind: "escalate", escalation: toModelEscalation(escalation.args, 0.8, input.topic), confidence: 0.8, usage };
      }
      // Lookups of one round run side by side (each is an Admin API round trip).
      const outcomes = await Promise.all(
        parsedCalls.map(({ call: c }) => (c.name === "lookup_order" ? lookupOrderTool(ctx, c.args) : storePolicyTool(ctx, (c as Extract<ToolCall, { name: "get_store_policy" }>).args.topic))),
      );
      outcomes.forEach((outcome, n) => {
        disclosed.push(...outcome.disclosed);
        if (outcome.verifiedOrder) verifiedOrder = outcome.verifiedOrder;
        if (outcome.result.found === true) toolsSucceeded++;
        messages.push({ role: "tool", tool_call_id: parsedCalls[n]!.id, content: JSON.stringify(outcome.result) });
      });
      continue;
    }

    const answer = parseAnswer(message.content ?? "", toolsSucceeded > 0);
    if (!answer) return { kind: "failed", reason: "malformed: answer", usage };
    const verdict = guardModelReply({ text: answer.reply, systemPrompt, canary: promptCanary(), allowed: allowedSoFar() });
    if (!verdict.ok) {
      console.warn(`[llm] reply refused by guard: ${verdict.reason}`);
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

/**
 * The answer is asked for as JSON with a self-rated confidence. A reply that is plainly text is
 * accepted (some servers ignore format instructions) with a confidence derived from tool use;
 * something that starts like JSON but does not parse is malformed.
 */
export function parseAnswer(content: string, usedTools: boolean): { reply: string; confidence: number; answered?: boolean } | null {
  const body = content.trim().replace(/^```(?:json)?\s*/i, "").replace(/\s*```$/, "").trim();
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

type CompletionRequest = Omit<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming, "stream">;
interface CompletionResult {
  message: Pick<OpenAI.Chat.ChatCompletionMessage, "content" | "tool_calls"> | undefined;
  usage: OpenAI.CompletionUsage | null | undefined;
}

/**
 * The same completion, streamed: content and tool-call pieces are put back together into one
 * message (so the tool loop and the final guard work unchanged), while the reply text is offered
 * to the gate as it arrives.
 */
async function streamCompletion(
  client: OpenAI,
  request: CompletionRequest,
  options: { signal: AbortSignal; timeout: number },
  gate: StreamGate,
): Promise<CompletionResult> {
  const stream = await client.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } }, options);
  let content = "";
  let sawContent = false;
  const calls: Array<{ id: string; type: "function"; function: { name: string; arguments: string } }> = [];
  let usage: OpenAI.CompletionUsage | null | undefined;
  for await (const chunk of stream) {
    if (chunk.usage) usage = chunk.usage;
    const delta = chunk.choices?.[0]?.delta;
    if (!delta) continue;
    for (const piece of delta.tool_calls ?? []) {
      const call = (calls[piece.index] ??= { id: "", type: "function", function: { name: "", arguments: "" } });
      if (piece.id) call.id = piece.id;
      if (piece.function?.name) call.function.name += piece.function.name;
      if (piece.function?.arguments) call.function.arguments += piece.function.arguments;
    }
    if (typeof delta.content === "string") {
      sawContent = true;
      content += delta.content;
      // A turn that calls tools shows nothing yet: its answer comes in a later round.
      if (calls.length === 0) gate.offer(partialReply(content));
    }
  }
  const toolCalls = calls.filter(Boolean);
  return {
    message: sawContent || toolCalls.length ? { content: sawContent ? content : null, tool_calls: toolCalls.length ? toolCalls : undefined } : undefined,
    usage,
  };
}

function contactText(c: ContactOptions): string {
  return [c.shopName, c.email, c.phone, c.url].filter(Boolean).join(" ");
}
