import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamCompletion } from "../../app/chat/model/stream-completion.server";
import { TurnDeadline } from "../../app/chat/model/turn-deadline.server";
import { StreamGate } from "../../app/domain/model-output/stream-gate";
import { startOpenAiServer, type OpenAiServerHandle } from "../servers/openai-server";

// The security third pass on the model, the team's email and the data that really leaves: each
// red-team finding replayed against the real code (the `openai` SDK reading the fake's SSE, SQLite).
let fake: OpenAiServerHandle;

beforeAll(async () => {
  fake = await startOpenAiServer({ apiKey: "test" });
});

afterAll(async () => {
  await fake?.stop();
});

describe("finding 1: a hostile model's streamed tool calls cannot freeze or pollute the process", () => {
  const streamed = async (rawDeltas: Array<Record<string, unknown>>) => {
    fake.script({ rawDeltas });
    const client = new OpenAI({ apiKey: "test", baseURL: fake.baseURL, maxRetries: 0 });
    const deadline = new TurnDeadline(5000);
    const gate = new StreamGate(
      (text) => ({ ok: true, text }),
      () => {},
    );
    const started = performance.now();
    try {
      const result = await streamCompletion(client, { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }, deadline, gate, "");
      return { result, ms: performance.now() - started };
    } finally {
      deadline.dispose();
    }
  };
  const piece = (index: unknown, extra: Record<string, unknown> = {}) => ({ tool_calls: [{ index, ...extra }] });

  it("a tool-call index of 200,000,000 is dropped in bounded time (was 9.4 s of a blocked event loop)", async () => {
    const { result, ms } = await streamed([
      piece(0, { id: "call_ok", type: "function", function: { name: "lookup_order", arguments: '{"orderNumber":"#1042"}' } }),
      piece(200_000_000, { id: "call_far", type: "function", function: { name: "lookup_order", arguments: "{}" } }),
    ]);
    expect(ms).toBeLessThan(500);
    expect(result.message?.tool_calls?.map((c) => c.id)).toEqual(["call_ok"]);
  });

  it('an index of "__proto__", "constructor", -1 or 1.5 sets nothing on any prototype and yields no call', async () => {
    const { result } = await streamed([
      piece("__proto__", { id: "polluted", function: { name: "x", arguments: "{}" } }),
      piece("constructor", { id: "polluted", function: { name: "x", arguments: "{}" } }),
      piece(-1, { id: "polluted", function: { name: "x", arguments: "{}" } }),
      piece(1.5, { id: "polluted", function: { name: "x", arguments: "{}" } }),
    ]);
    expect((Array.prototype as unknown as Record<string, unknown>).id).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).id).toBeUndefined();
    expect(result.message).toBeUndefined();
  });

  it("a tool name streamed in a million pieces stays bounded", async () => {
    const deltas = Array.from({ length: 20_000 }, () => piece(0, { function: { name: "n".repeat(50) } }));
    const { result } = await streamed([piece(0, { id: "call_long", type: "function", function: { name: "", arguments: "{}" } }), ...deltas]);
    const call = result.message?.tool_calls?.[0];
    expect(call?.type === "function" ? call.function.name.length : -1).toBe(64);
  });
});
