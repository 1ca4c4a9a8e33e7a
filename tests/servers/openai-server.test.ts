import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOpenAiServer, type OpenAiServerHandle } from "./openai-server";

let fake: OpenAiServerHandle;
let client: OpenAI;
beforeAll(async () => {
  fake = await startOpenAiServer();
  client = new OpenAI({ baseURL: fake.baseURL, apiKey: "test", maxRetries: 0 });
});
beforeEach(() => fake.reset());
afterAll(async () => {
  await fake.stop();
});

const messages = [{ role: "user" as const, content: "Where is my order #1042?" }];
const tools = [
  {
    type: "function" as const,
    function: {
      name: "lookup_order",
      parameters: { type: "object", properties: { orderName: { type: "string" }, email: { type: "string" } } },
    },
  },
];

describe("openai fake", () => {
  it("answers a plain completion and records the request", async () => {
    fake.script({ content: "It shipped on Feb 18.", usage: { promptTokens: 12, completionTokens: 7 } });
    const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages });
    expect(completion.choices[0].message.content).toBe("It shipped on Feb 18.");
    expect(completion.choices[0].finish_reason).toBe("stop");
    expect(completion.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].headers.authorization).toBe("Bearer test");
    expect(fake.requests[0].body?.messages).toEqual(messages);
  });

  it("streams content as SSE chunks with a usage chunk", async () => {
    fake.script({ content: "Your parcel was delivered on Feb 20 by USPS." });
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const pieces: string[] = [];
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices[0];
      if (choice?.delta.content) pieces.push(choice.delta.content);
      if (choice?.finish_reason) finish = choice.finish_reason;
    }
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe("Your parcel was delivered on Feb 20 by USPS.");
    expect(finish).toBe("stop");
    expect(usage?.total_tokens).toBeGreaterThan(0);
  });

  it("returns tool calls as JSON", async () => {
    fake.script({ toolCalls: [{ name: "lookup_order", arguments: { orderName: "#1042", email: "sarah@example.com" } }] });
    const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages, tools });
    const [call] = completion.choices[0].message.tool_calls ?? [];
    expect(completion.choices[0].finish_reason).toBe("tool_calls");
    expect(call.type).toBe("function");
    if (call.type !== "function") throw new Error("unreachable");
    expect(call.id).toMatch(/^call_/);
    expect(JSON.parse(call.function.arguments)).toEqual({ orderName: "#1042", email: "sarah@example.com" });
    expect(fake.requests[0].body?.tools?.[0].function.name).toBe("lookup_order");
  });

  it("streams tool calls as incremental deltas that the SDK reassembles", async () => {
    fake.script({
      toolCalls: [
        { name: "lookup_order", arguments: { orderName: "#1042", email: "sarah@example.com" } },
        { name: "escalate", arguments: { reason: "angry" } },
      ],
    });
    const runner = client.chat.completions.stream({ model: "gpt-4o-mini", messages, tools });
    let deltas = 0;
    runner.on("chunk", (chunk) => {
      if (chunk.choices[0]?.delta.tool_calls) deltas += 1;
    });
    const final = await runner.finalChatCompletion();
    const calls = final.choices[0].message.tool_calls ?? [];
    expect(deltas).toBeGreaterThan(4);
    expect(calls.map((c) => (c.type === "function" ? [c.function.name, JSON.parse(c.function.arguments)] : null))).toEqual([
      ["lookup_order", { orderName: "#1042", email: "sarah@example.com" }],
      ["escalate", { reason: "angry" }],
    ]);
    expect(final.choices[0].finish_reason).toBe("tool_calls");
  });

  it("answers scripted HTTP errors in OpenAI's error shape", async () => {
    fake.script({ status: 429 }, { status: 500 });
    const rateLimited = await client.chat.completions.create({ model: "m", messages }).catch((e: unknown) => e);
    expect(rateLimited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(rateLimited).toMatchObject({ status: 429, code: "rate_limit_exceeded" });
    const broken = await client.chat.completions.create({ model: "m", messages }).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(OpenAI.InternalServerError);
  });

  it("uses a reply function and a fallback", async () => {
    fake.setFallback((request) => ({ content: `echo: ${String(request.body?.messages?.at(-1)?.content)}` }));
    const completion = await client.chat.completions.create({ model: "m", messages });
    expect(completion.choices[0].message.content).toBe("echo: Where is my order #1042?");
  });

  it("reports unscripted requests as a 500 and lists them", async () => {
    const error = await client.chat.completions.create({ model: "m", messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(fake.unscripted).toHaveLength(1);
  });

  it("sends malformed JSON and malformed tool arguments", async () => {
    fake.script({ malformed: true }, { toolCalls: [{ name: "lookup_order", arguments: { orderName: "#1042" } }], malformed: "tool-arguments" });
    await expect(client.chat.completions.create({ model: "m", messages })).rejects.toThrow();
    const completion = await client.chat.completions.create({ model: "m", messages, tools });
    const [call] = completion.choices[0].message.tool_calls ?? [];
    if (call?.type !== "function") throw new Error("expected a function call");
    expect(() => JSON.parse(call.function.arguments)).toThrow(SyntaxError);
  });

  it("breaks a stream with a malformed chunk or a dropped socket", async () => {
    // The SDK logs the unparsable chunk before throwing; keep the test output clean.
    const quiet = new OpenAI({ baseURL: fake.baseURL, apiKey: "test", maxRetries: 0, logLevel: "off" });
    fake.script({ content: "hello there", malformed: true }, { content: "a long answer that is cut", dropAfterChunks: 2 });
    const consume = async () => {
      const stream = await quiet.chat.completions.create({ model: "m", messages, stream: true });
      for await (const _ of stream);
    };
    await expect(consume()).rejects.toThrow(/JSON/);
    await expect(consume()).rejects.toThrow();
  });

  it("delays, and hangs until the client times out", async () => {
    fake.script({ content: "slow", delayMs: 150 }, { hang: true });
    const started = Date.now();
    await client.chat.completions.create({ model: "m", messages });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const impatient = new OpenAI({ baseURL: fake.baseURL, apiKey: "test", maxRetries: 0, timeout: 200 });
    const error = await impatient.chat.completions.create({ model: "m", messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it("checks the API key when configured", async () => {
    const strict = await startOpenAiServer({ apiKey: "sk-right" });
    try {
      const wrong = new OpenAI({ baseURL: strict.baseURL, apiKey: "sk-wrong", maxRetries: 0 });
      await expect(wrong.chat.completions.create({ model: "m", messages })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    } finally {
      await strict.stop();
    }
  });
});
