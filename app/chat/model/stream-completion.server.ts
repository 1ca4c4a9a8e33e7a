import type OpenAI from "openai";
import { MAX_MODEL_TEXT_CHARS } from "../../domain/model-output/output-guard";
import { partialReply, type StreamGate } from "../../domain/model-output/stream-gate";
import { withRetry, type TurnDeadline } from "./turn-deadline.server";

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
  const calls: Array<{ id: string; type: "function"; function: { name: string; arguments: string } }> = [];
  let usage: OpenAI.CompletionUsage | null | undefined;
  const prefix = shownBefore ? `${shownBefore} ` : "";
  for await (const chunk of stream) {
    if (chunk.usage) usage = chunk.usage;
    const delta = chunk.choices?.[0]?.delta;
    if (!delta) continue;
    for (const piece of delta.tool_calls ?? []) {
      const call = (calls[piece.index] ??= { id: "", type: "function", function: { name: "", arguments: "" } });
      if (piece.id) call.id = piece.id;
      if (piece.function?.name) call.function.name += piece.function.name;
      if (piece.function?.arguments && call.function.arguments.length < MAX_MODEL_TEXT_CHARS) call.function.arguments += piece.function.arguments;
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
      if (calls.length === 0) gate.offer(prefix + partialReply(content));
    }
  }
  const toolCalls = calls.filter(Boolean);
  return {
    message:
      sawContent || toolCalls.length ? { content: sawContent ? content : null, tool_calls: toolCalls.length && !truncated ? toolCalls : undefined } : undefined,
    usage,
    truncated,
  };
}
