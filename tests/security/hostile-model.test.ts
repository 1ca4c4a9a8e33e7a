import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamCompletion } from "../../app/chat/model/stream-completion.server";
import { TurnDeadline } from "../../app/chat/model/turn-deadline.server";
import { createDb, type Db } from "../../app/db.server";
import { StreamGate } from "../../app/domain/model-output/stream-gate";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startOpenAiServer, type OpenAiServerHandle, type Reply } from "../servers/openai-server";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";
import { HOSTILE_REPLIES } from "./hostile-replies";

// The red team's hostile model server, replayed against the real built app (LLM mode, SQLite): every
// hostile reply is refused by the output guard on both chat routes, nothing of it reaches the shopper
// (not even a streamed delta), and a stream of hostile tool-call pieces cannot freeze or pollute the process.
let fake: OpenAiServerHandle;
let admin: ShopifyAdminServerHandle;
let app: AppServer;
let db: Db;
const BUDGET_MS = 2000;

beforeAll(async () => {
  fake = await startOpenAiServer({ apiKey: "test" });
  admin = await startShopifyAdminServer({ accessToken: TEST_ACCESS_TOKEN, shops: { [DEMO_SHOP_DOMAIN]: createDemoStore() } });
  app = await startAppServer({
    env: {
      OPENAI_API_KEY: "test",
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_TIMEOUT_MS: String(BUDGET_MS),
      SHOPIFY_ADMIN_API_ORIGIN: admin.origin,
      RATE_LIMIT_IP_PER_MINUTE: "5000",
    },
  });
  await seedShop(app.databaseUrl, { domain: DEMO_SHOP_DOMAIN, name: "Baton Demo Goods" });
  db = createDb(app.databaseUrl);
}, 90_000);

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
  await admin?.stop();
  await fake?.stop();
});

const answer = (reply: string): Reply => ({ content: JSON.stringify({ reply, confidence: 0.95, answered: true }) });
const shopper = () => storefront(app.origin);

interface Turn {
  conversationId: string;
  shown: string;
}

/** One turn on the JSON route, or on the stream route with every delta and the `done` body kept. */
async function turn(route: "json" | "stream", message: string): Promise<Turn> {
  if (route === "json") {
    const r = await shopper().post({ message });
    expect(r.status).toBe(200);
    return { conversationId: r.body.conversationId!, shown: (r.body.messages ?? []).map((m) => m.text).join("\n") };
  }
  const res = await fetch(shopper().url({}).replace("/proxy/chat?", "/proxy/chat/stream?"), {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": "203.0.113.44" },
    body: JSON.stringify({ message }),
  });
  expect(res.status).toBe(200);
  const raw = await res.text();
  const events = raw
    .split("\n\n")
    .filter(Boolean)
    .map((block) => ({ event: /^event: (.*)$/m.exec(block)?.[1], data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "null") }));
  const done = events.find((e) => e.event === "done")?.data as { conversationId: string; messages: Array<{ text: string }> };
  const deltas = events.filter((e) => e.event === "delta").map((e) => String(e.data.text));
  return { conversationId: done.conversationId, shown: [...deltas, ...done.messages.map((m) => m.text)].join("\n") };
}

async function recordedFallback(conversationId: string): Promise<unknown> {
  const m = await db.message.findFirstOrThrow({ where: { conversationId, role: "assistant" }, orderBy: { createdAt: "desc" } });
  return (m.meta as { llmFallback?: unknown } | null)?.llmFallback;
}

describe.each(["json", "stream"] as const)("25 hostile model replies on the %s route", (route) => {
  it.each(HOSTILE_REPLIES.map((h) => [h.name, h] as const))("%s: refused, nothing of it shown", async (_name, hostile) => {
    fake.script((request) => answer(typeof hostile.reply === "string" ? hostile.reply : hostile.reply(request)));
    const t = await turn(route, "Can you help me with my order?");
    expect(t.shown.toLowerCase()).not.toContain(hostile.needle.toLowerCase());
    expect(t.shown.trim()).not.toBe("");
    expect(await recordedFallback(t.conversationId)).toBe(`guard: ${hostile.reason}`);
    const history = await fetch(shopper().url({ extra: { conversationId: t.conversationId } }), { headers: { "X-Forwarded-For": "203.0.113.45" } });
    expect((await history.text()).toLowerCase()).not.toContain(hostile.needle.toLowerCase());
  });
});

describe("streamed tool calls with hostile indices", () => {
  const piece = (index: unknown, extra: Record<string, unknown> = {}) => ({ tool_calls: [{ index, ...extra }] });

  it("an index of 200,000,000 does not freeze the server: /healthz and the turn answer at once", async () => {
    fake.script(
      {
        rawDeltas: [
          piece(0, { id: "call_a", type: "function", function: { name: "get_store_policy", arguments: '{"topic":"returns"}' } }),
          piece(200_000_000, { id: "call_far", type: "function", function: { name: "get_store_policy", arguments: "{}" } }),
        ],
      },
      answer("Returns are accepted within 30 days."),
    );
    const started = performance.now();
    const pending = turn("stream", "What is your return policy?");
    await new Promise((resolve) => setTimeout(resolve, 30));
    const health = performance.now();
    expect((await fetch(`${app.origin}/healthz`)).status).toBe(200);
    const healthMs = performance.now() - health;
    const t = await pending;
    // The freeze held /healthz 9.4 s; 3 s holds that off without flaking on a loaded 2-core machine.
    expect(healthMs).toBeLessThan(3_000);
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
    expect(t.shown).toMatch(/30 days/);
  });

  it('an index of "__proto__" is a malformed stream, not a polluted process: the next turn answers normally', async () => {
    fake.reset();
    fake.script({ rawDeltas: [piece("__proto__", { id: "polluted", function: { name: "x", arguments: "{}" } })] });
    const hostile = await turn("stream", "Hi");
    expect(await recordedFallback(hostile.conversationId)).toMatch(/^malformed/);
    fake.script(answer("Our mugs are handmade in Portugal."));
    const next = await turn("stream", "Tell me about your mugs");
    expect(await recordedFallback(next.conversationId)).toBeUndefined();
    expect(next.shown).toContain("Our mugs are handmade in Portugal.");
  });

  it("the stream reader itself (the openai SDK on the fake's SSE) sets nothing on any prototype", async () => {
    fake.script({ rawDeltas: [piece("__proto__", { id: "polluted" }), piece("constructor", { id: "polluted" }), piece(-1, { id: "polluted" })] });
    const deadline = new TurnDeadline(2000);
    try {
      const client = new OpenAI({ apiKey: "test", baseURL: fake.baseURL, maxRetries: 0 });
      const gate = new StreamGate(
        (text) => ({ ok: true, text }),
        () => {},
      );
      const result = await streamCompletion(client, { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }, deadline, gate, "");
      expect(result.message?.tool_calls ?? []).toEqual([]);
    } finally {
      deadline.dispose();
    }
    expect((Array.prototype as unknown as Record<string, unknown>).id).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).id).toBeUndefined();
  });
});
