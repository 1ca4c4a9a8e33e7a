/**
 * `npm run bench:llm` — server overhead Baton adds to one LLM turn, model time excluded.
 *
 * Runs the real model turn (prompt + history truncation, the `openai` SDK over HTTP, tool-call
 * parsing, the ownership-checked order tool, the output guard) against the OpenAI-compatible fake.
 * The SDK's fetch is wrapped so the time from request start to the last response byte — the
 * model's time, network included — is measured per call and subtracted. Order lookups use the demo
 * catalogue in-process (Admin API time is not Baton's either). Each turn: tool call → final answer.
 * Options: --turns=2000 --warmup=200. Target: p99 < 20 ms.
 */
import { createDemoOrderLookup, createDemoPolicySource } from "../../app/demo/demo-order-lookup";
import { llmClient } from "../../app/chat/model/client.server";
import { runModelTurn } from "../../app/chat/model/model-turn.server";
import { startOpenAiServer } from "../servers/openai-server";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const TURNS = arg("turns", 2000);
const WARMUP = arg("warmup", 200);
const TARGET_P99_MS = 20;

const fake = await startOpenAiServer();
fake.setFallback((req) => {
  const messages = req.body?.messages ?? [];
  if (!messages.some((m) => m.role === "tool")) {
    return { toolCalls: [{ name: "lookup_order", arguments: { order_number: "#1042", email: "sarah@example.com" } }] };
  }
  const tool = JSON.parse(String(messages.at(-1)?.content ?? "{}")) as { status?: string };
  return { content: JSON.stringify({ reply: `Good news! ${tool.status ?? ""}`, confidence: 0.9, answered: true }) };
});

let modelMs = 0;
const timedFetch: typeof fetch = async (input, init) => {
  const t0 = performance.now();
  const res = await fetch(input, init);
  const body = await res.arrayBuffer();
  modelMs += performance.now() - t0;
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
};
const client = llmClient({ apiKey: "bench", baseURL: fake.baseURL, model: "gpt-4o-mini", timeoutMs: 8000 }, { fetch: timedFetch });
const lookup = { ...createDemoOrderLookup(), ...createDemoPolicySource() };
const history = Array.from({ length: 14 }, (_, n) => ({
  role: n % 2 ? ("assistant" as const) : ("shopper" as const),
  text:
    n % 2
      ? "I can check an order's status and tracking, answer questions about shipping and returns."
      : `Question ${n} about my order and the shipping times to Canada?`,
}));

const overhead: number[] = [];
const model: number[] = [];
let failures = 0;
for (let i = 0; i < WARMUP + TURNS; i++) {
  modelMs = 0;
  const t0 = performance.now();
  const outcome = await runModelTurn({
    client,
    model: "gpt-4o-mini",
    budgetMs: 8000,
    shopName: "Baton Demo Goods",
    assistant: { name: "Baton", tone: "friendly" },
    customerId: null,
    history,
    text: "Where is my order #1042? My email is sarah@example.com",
    shopperEmails: ["sarah@example.com"],
    lookup,
    contact: { shopName: "Baton Demo Goods", email: "help@baton-demo.example", phone: null, url: null },
    topic: "order",
  });
  const total = performance.now() - t0;
  if (outcome.kind !== "reply") failures++;
  if (i >= WARMUP) {
    overhead.push(total - modelMs);
    model.push(modelMs);
  }
}
await fake.stop();

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const fmt = (n: number) => n.toFixed(2).padStart(7);
console.log(`LLM turn overhead (model time excluded), ${TURNS} turns × 2 model calls + 1 order lookup, after ${WARMUP} warm-up`);
console.log(
  `  overhead  p50 ${fmt(pct(overhead, 50))} ms   p95 ${fmt(pct(overhead, 95))} ms   p99 ${fmt(pct(overhead, 99))} ms   max ${fmt(Math.max(...overhead))} ms`,
);
console.log(`  model     p50 ${fmt(pct(model, 50))} ms   p95 ${fmt(pct(model, 95))} ms   (fake server + loopback, excluded)`);
console.log(`  failed turns: ${failures}`);
const ok = pct(overhead, 99) < TARGET_P99_MS && failures === 0;
console.log(ok ? `PASS p99 < ${TARGET_P99_MS} ms` : `FAIL p99 target ${TARGET_P99_MS} ms`);
process.exitCode = ok ? 0 : 1;
