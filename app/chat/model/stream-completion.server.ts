import type OpenAI from "openai";
import { MAX_MODEL_TEXT_CHARS } from "../../domain/model-output/output-guard";
import { partialReply, type StreamGate } from "../../domain/model-output/stream-gate";
import { withRetry, type TurnDeadline } from "./turn-deadline.server";

/** More parallel tool calls than any turn uses; a larger index is a hostile or broken server. */
export const MAX_STREAMED_TOOL_CALLS = 16;
/** Our tool names are short; a longer streamed name is cut here and then matches no tool. */
const MAX_TOOL_NAME_CHARS = 64;
const MAX_TOOL_CALL_ID_CHARS = 128;

type StreamedCall = { id: string; type: "function"; function: { name: string; arguments: string } };

export type CompletionRequest = Omit<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming, "stream">;
export interface CompletionResult {
  message: Pick<OpenAI.Chat.ChatCompletionMessage, "content" | "tool_calls"> | undefined;
  usage: OpenAI.CompletionUsage | null | undefined;
  /** The content passed the cap and the rest was not read (the reply is cut at a sentence). */
  truncated?: boolean;
}

/** One completion, retried only within the turn's deadline. */
export async function completeOnce(client: OpenAI, request: CompletionRequest, deadline: TurnDeadline): Promise<CompletionResult> {
  const c = await withRetry(deadline, (timeout) => client.chat.completions.create(request, { signal: deadline.signal, timeout, maxRetries: 0 }));
  return { message: c.choices?.[0]?.message, usage: c.usage };
}

/**
 * The same completion, streamed: content and tool-call pieces are put back together into one
 * message (so the tool loop and the final guard work unchanged), while the reply text is offered
 * to the gate as it arrives, after `shownBefore` (a preamble already shown in an earlier round).
 * Reading stops at MAX_MODEL_TEXT_CHARS: a 54 KB reply must not cost the event loop seconds.
 */
export async function streamCompletion(
  client: OpenAI,
  request: CompletionRequest,
  deadline: TurnDeadline,
  gate: StreamGate,
  shownBefore: string,
): Promise<CompletionResult> {
  // Only opening the stream is retried: once text has been shown, a retry could contradict it.
  const stream = await withRetry(deadline, (timeout) =>
    client.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } }, { signal: deadline.signal, timeout, maxRetries: 0 }),
  );
  let content = "";
  let sawContent = false;
  let truncated = false;
  // Keyed by a validated small integer in a Map: an index of 200,000,000 cannot make a sparse array
  // walked slot by slot, and "__proto__" cannot reach Array.prototype.
  const calls = new Map<number, StreamedCall>();
  let usage: OpenAI.CompletionUsage | null | undefined;
  const prefix = shownBefore ? `${shownBefore} ` : "";
  for await (const chunk of stream) {
    if (chunk.usage) usage = chunk.usage;
    const delta = chunk.choices?.[0]?.delta;
    if (!delta) continue;
    for (const piece of Array.isArray(delta.tool_calls) ? delta.tool_calls.slice(0, MAX_STREAMED_TOOL_CALLS) : []) {
      const index: unknown = piece?.index;
      if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= MAX_STREAMED_TOOL_CALLS) continue;
      let call = calls.get(index);
      if (!call) calls.set(index, (call = { id: "", type: "function", function: { name: "", arguments: "" } }));
      if (typeof piece.id === "string" && piece.id) call.id = piece.id.slice(0, MAX_TOOL_CALL_ID_CHARS);
      const name: unknown = piece.function?.name;
      if (typeof name === "string" && call.function.name.length < MAX_TOOL_NAME_CHARS) {
        call.function.name = (call.function.name + name).slice(0, MAX_TOOL_NAME_CHARS);
      }
      const args: unknown = piece.function?.arguments;
      if (typeof args === "string" && call.function.arguments.length < MAX_MODEL_TEXT_CHARS) {
        call.function.arguments = (call.function.arguments + args).slice(0, MAX_MODEL_TEXT_CHARS);
      }
    }
    if (typeof delta.content === "string") {
      sawContent = true;
      content += delta.content;
      if (content.length > MAX_MODEL_TEXT_CHARS) {
        content = content.slice(0, MAX_MODEL_TEXT_CHARS);
        truncated = true;
        break; // leaving the loop cancels the response body
      }
      // A round that calls tools shows its words only until the call starts (a preamble).
      if (calls.size === 0) gate.offer(prefix + partialReply(content));
    }
  }
  const toolCalls = [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
  return {
    message:
      sawContent || toolCalls.length ? { content: sawContent ? content : null, tool_calls: toolCalls.length && !truncated ? toolCalls : undefined } : undefined,
    usage,
    truncated,
  };
}
