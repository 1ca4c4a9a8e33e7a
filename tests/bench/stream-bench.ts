/**
 * `npm run bench:stream` — time to the first streamed words vs the whole answer, for an LLM turn
 * on the demo (model: the OpenAI-compatible test server streaming a ~60-word reply, ~2 ms per
 * chunk). Measured directly against `/proxy/chat/stream` and through the demo's App Proxy hop
 * (`/apps/baton/chat/stream`, a pass-through like a non-buffering proxy). Options: --turns=30
 */
import { startOpenAiServer } from "../servers/openai-server";
import { startAppServer } from "../support/app-server";
import { storefront } from "../support/storefront-client";

const TURNS = Number(process.argv.find((a) => a.startsWith("--turns="))?.split("=")[1] ?? 30);
const REPLY =
  "Our ceramic mugs are made by hand in a small studio in Porto. Each one is glazed and fired twice, so colours vary a little from mug to mug. " +
  "They are dishwasher safe, but hand washing keeps the glaze bright for longer. Orders ship within two business days. Anything else I can help with?";

const model = await startOpenAiServer();
model.setFallback(async () => {
  await new Promise((r) => setTimeout(r, 150)); // a model's time to first token
  return { content: JSON.stringify({ reply: REPLY, confidence: 0.9, answered: true }) };
});
const app = await startAppServer({
  demo: true,
  env: {
    OPENAI_API_KEY: "bench",
    OPENAI_BASE_URL: model.baseURL,
    OPENAI_TIMEOUT_MS: "10000",
    RATE_LIMIT_IP_PER_MINUTE: "100000",
    RATE_LIMIT_SHOP_PER_MINUTE: "100000",
  },
});

async function turn(url: string): Promise<{ firstMs: number; doneMs: number; deltas: number }> {
  const t0 = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ message: "Tell me about your mugs" }),
  });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let firstMs = NaN;
  let deltas = 0;
  let text = "";
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    text += decoder.decode(next.value, { stream: true });
    const count = (text.match(/^event: delta$/gm) ?? []).length;
    if (count > 0 && Number.isNaN(firstMs)) firstMs = performance.now() - t0;
    deltas = count;
  }
  if (!/^event: done$/m.test(text)) throw new Error("no done event");
  return { firstMs, doneMs: performance.now() - t0, deltas };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const direct = () => storefront(app.origin).url({}).replace("/proxy/chat?", "/proxy/chat/stream?");
const viaProxy = () => `${app.origin}/apps/baton/chat/stream`;
console.log(`bench:stream — ${TURNS} LLM turns each, reply ${REPLY.length} characters`);
for (const [name, url] of [
  ["direct /proxy/chat/stream", direct],
  ["through the demo App Proxy", viaProxy],
] as const) {
  const runs = [];
  for (let i = 0; i < TURNS; i++) runs.push(await turn(url()));
  const first = runs.map((r) => r.firstMs);
  const done = runs.map((r) => r.doneMs);
  console.log(
    `${name}: first words p50 ${pct(first, 50).toFixed(0)} ms p95 ${pct(first, 95).toFixed(0)} ms; done p50 ` +
      `${pct(done, 50).toFixed(0)} ms p95 ${pct(done, 95).toFixed(0)} ms; ${runs[0]!.deltas} deltas per reply`,
  );
}
await app.stop();
await model.stop();
