import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startOpenAiServer, type OpenAiServerHandle, type Reply } from "../servers/openai-server";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";

// A model a merchant can trust. Scripted model behaviours against the real app through
// the real `openai` SDK, on the JSON route and the stream route.
let fake: OpenAiServerHandle;
let smtp: SmtpServerHandle;
let admin: ShopifyAdminServerHandle;
let app: AppServer;
let db: Db;
let shopper: ReturnType<typeof storefront>;
const BUDGET_MS = 1500;
// Process scheduling on a shared 2-core machine; the budget itself is the contract.
const SLACK_MS = 700;

beforeAll(async () => {
  fake = await startOpenAiServer({ apiKey: "test" });
  smtp = await startSmtpServer();
  admin = await startShopifyAdminServer({ accessToken: TEST_ACCESS_TOKEN, shops: { [DEMO_SHOP_DOMAIN]: createDemoStore() } });
  app = await startAppServer({
    env: {
      OPENAI_API_KEY: "test",
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_TIMEOUT_MS: String(BUDGET_MS),
      SMTP_URL: smtp.url,
      SHOPIFY_ADMIN_API_ORIGIN: admin.origin,
      RATE_LIMIT_IP_PER_MINUTE: "5000",
      RATE_LIMIT_CONVERSATION_PER_MINUTE: "100",
    },
  });
  // These scripts reuse sarah@example.com and one stream address across cases; the abuse caps have their own test.
  await seedShop(app.databaseUrl, {
    domain: DEMO_SHOP_DOMAIN,
    name: "Baton Demo Goods",
    abuse: { newCasesPerReplyToPerDay: 1000, newCasesPerAddressPerHour: 1000 },
  });
  db = createDb(app.databaseUrl);
  shopper = storefront(app.origin);
  // Warm the process (module loading, first queries, policy cache): timings below are per turn.
  fake.setFallback({ content: JSON.stringify({ reply: "Hello.", confidence: 0.9 }) });
  await shopper.post({ message: "What do you sell?" });
});

beforeEach(() => {
  fake.reset();
  smtp.clear();
});

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
  await admin?.stop();
  await smtp?.stop();
  await fake?.stop();
});

const answer = (reply: string, confidence = 0.9): Reply => ({ content: JSON.stringify({ reply, confidence, answered: true }) });
const texts = (body: { messages?: Array<{ text: string }> }) => (body.messages ?? []).map((m) => m.text).join("\n");

type Route = "json" | "stream";
interface Turn {
  body: { conversationId?: string; state?: string; messages?: Array<{ text: string }> };
  deltas: string[];
  ms: number;
}

/** One shopper turn on either route (stream: SSE parsed, `done` is the body). */
async function send(route: Route, body: Record<string, unknown>, customerId: string | null = null): Promise<Turn> {
  const t0 = performance.now();
  if (route === "json") {
    const r = await shopper.post(body, { customerId });
    return { body: r.body, deltas: [], ms: performance.now() - t0 };
  }
  const url = shopper.url({ customerId }).replace("/proxy/chat?", "/proxy/chat/stream?");
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": "203.0.113.9" },
    body: JSON.stringify(body),
  });
  const raw = await res.text();
  const events = raw
    .split("\n\n")
    .filter(Boolean)
    .map((block) => ({ event: /^event: (.*)$/m.exec(block)?.[1], data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "null") }));
  return { body: events.at(-1)?.data ?? {}, deltas: events.filter((e) => e.event === "delta").map((e) => e.data.text as string), ms: performance.now() - t0 };
}

async function lastAssistantMeta(conversationId: string): Promise<Record<string, unknown>> {
  const m = await db.message.findFirstOrThrow({ where: { conversationId, role: "assistant" }, orderBy: { createdAt: "desc" } });
  return (m.meta ?? {}) as Record<string, unknown>;
}

const routes: Route[] = ["json", "stream"];
const PRIYA_TRACKING_URL = "https://www.ups.com/track?tracknum=1Z999AA10123456784";

describe.each(routes)("hard turn budget (%s)", (route) => {
  it.each<[string, Reply, string]>([
    ["429 Retry-After: 20", { status: 429, headers: { "retry-after": "20" } }, "rate_limited"],
    ["429 retry-after-ms: 15000", { status: 429, headers: { "retry-after-ms": "15000" } }, "rate_limited"],
    ["429 Retry-After: 90", { status: 429, headers: { "retry-after": "90" } }, "rate_limited"],
    ["a hung model", { hang: true }, "timeout"],
  ])("%s: answered within the budget, real latency recorded", async (_name, reply, reason) => {
    fake.script(reply, answer("never used"));
    const r = await send(route, { message: "What is your return policy?" });
    expect(r.ms).toBeLessThan(BUDGET_MS + SLACK_MS);
    expect(texts(r.body)).toMatch(/returns within 30 days/i);
    expect(await lastAssistantMeta(r.body.conversationId!)).toMatchObject({ engine: "builtin", llmFallback: reason });
    const row = await db.conversation.findUniqueOrThrow({ where: { id: r.body.conversationId! } });
    expect(row.llmFallbacks).toBe(1);
    if (reason === "timeout") expect(row.llmLatencyMs).toBeGreaterThanOrEqual(BUDGET_MS - 100);
    else expect(row.llmLatencyMs).toBeGreaterThan(0);
  });

  it("a short Retry-After that fits is retried inside the budget", async () => {
    fake.script({ status: 429, headers: { "retry-after-ms": "100" } }, answer("We ship worldwide."));
    const r = await send(route, { message: "Do you ship abroad?" });
    expect(texts(r.body)).toBe("We ship worldwide.");
    expect(fake.requests).toHaveLength(2);
  });
});

describe("mid-stream stall", () => {
  it("is labelled timeout (not malformed) with its real elapsed time", async () => {
    fake.script({ content: JSON.stringify({ reply: "Our mugs are handmade. They ship in two days. More soon", confidence: 0.9 }), stallAfterChunks: 6 });
    const r = await send("stream", { message: "Tell me about your mugs" });
    expect(r.ms).toBeLessThan(BUDGET_MS + SLACK_MS);
    const meta = await lastAssistantMeta(r.body.conversationId!);
    expect(meta).toMatchObject({ engine: "builtin", llmFallback: "timeout" });
    const row = await db.conversation.findUniqueOrThrow({ where: { id: r.body.conversationId! } });
    expect(row.llmLatencyMs).toBeGreaterThanOrEqual(BUDGET_MS - 100);
  });
});

describe.each(routes)("no promises the shop did not make (%s)", (route) => {
  it.each([
    "Our team has been notified and will reach out by email.",
    "I've let the team know, they will sort it out.",
    "I'm escalating this now.",
    "Good news: a support ticket is open for you.",
    "I've flagged this for a colleague.",
    "Ihre Anfrage wurde an unser Team weitergeleitet.",
    "Tu solicitud ha sido escalada al equipo.",
    "La tua richiesta è stata inoltrata al supporto.",
    "A sua solicitação foi encaminhada para a equipe.",
    "担当者に転送しました。",
    "Your refund has been processed and will show in 3 days.",
    "I've issued you a 20% discount code: SORRY20.",
    "I've cancelled your order.",
    "It will arrive tomorrow, guaranteed.",
  ])("%j is never shown; the built-in engine answers, no case", async (claim) => {
    fake.script(answer(`Thanks for waiting. ${claim}`));
    const r = await send(route, { message: "What is your shipping policy?" });
    expect(r.body.state).toBe("open");
    expect(texts(r.body)).not.toContain(claim);
    expect(r.deltas.join("")).not.toContain(claim);
    expect(texts(r.body)).toMatch(/Talk to a person/);
    expect(await db.escalationCase.count({ where: { conversationId: r.body.conversationId! } })).toBe(0);
    expect(String((await lastAssistantMeta(r.body.conversationId!)).llmFallback)).toMatch(/^guard: (escalation_claim|commitment)$/);
  });
});

describe.each(routes)("links and disguised data (%s)", (route) => {
  it.each([
    "See [the returns form](https://evil.example/refund-approve).",
    "Returns: go to evil.example/returns to start.",
    `Track here: https://baton-demo.myshopify.com/t?d=${btoa("sarah@example.com")}`,
    "The other tracking is 9400 1118 9922 3847 999.",
    "It is nine four zero zero two two two eight.",
    "Write to mike at example dot com.",
    "Part one: 55501. Part two: 23447. Part three: 78812.",
    `Reference: ${btoa("mike@ex.com")}`,
  ])("%j is refused", async (reply) => {
    fake.script(answer(reply));
    const r = await send(route, { message: "How do returns work?" });
    expect(texts(r.body)).not.toContain(reply);
    expect(r.deltas.join("")).not.toContain(reply);
    expect(String((await lastAssistantMeta(r.body.conversationId!)).llmFallback)).toMatch(/^guard: (foreign_link|data_egress|encoded_payload)$/);
  });

  it("a verified order's tracking link and the shop's policy page are shown", async () => {
    fake.script(
      { toolCalls: [{ name: "lookup_order", arguments: { order_number: "#1044", email: "priya@example.com" } }] },
      answer(`Track it here: ${PRIYA_TRACKING_URL}`),
    );
    const r = await send(route, { message: "Could I have the tracking link for #1044? priya@example.com" });
    expect(texts(r.body)).toContain(PRIYA_TRACKING_URL);
  });
});

describe("huge replies", () => {
  const huge = `${"Our mugs are made by hand in small batches and glazed twice. ".repeat(880)}`;
  it.each(routes)("a 54 KB reply is cut at a sentence and the event loop stays free (%s)", async (route) => {
    fake.script({ content: JSON.stringify({ reply: huge, confidence: 0.9 }), chunkChars: 64 });
    const health: number[] = [];
    let done = false;
    const probe = (async () => {
      while (!done) {
        const t = performance.now();
        await fetch(`${app.origin}/healthz`);
        health.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const r = await send(route, { message: "Tell me about your mugs" });
    done = true;
    await probe;
    const reply = texts(r.body);
    expect(reply.length).toBeLessThanOrEqual(1200);
    expect(reply).toMatch(/twice\.$/);
    expect(Math.max(...health)).toBeLessThan(500);
  });
});

describe("case summary inside the budget", () => {
  it("a detector escalation waits at most the short cap for a hung summary", async () => {
    fake.setFallback({ hang: true });
    const asked = await shopper.post({ action: "talk_to_human" }, { customerId: "7001" });
    const t0 = performance.now();
    const r = await shopper.post({ conversationId: asked.body.conversationId, message: "my scarf arrived torn" }, { customerId: "7001" });
    expect(r.body.state).toBe("escalated");
    expect(performance.now() - t0).toBeLessThan(1500 + SLACK_MS);
    const [mail] = await smtp.waitForMessages(1, 10_000);
    expect(mail!.text).toMatch(/SUMMARY:/);
  });
});

describe.each(routes)("model text that reaches the team (%s)", (route) => {
  it("the reason is guarded, marked as the assistant's, and cannot make the case urgent", async () => {
    fake.script(
      {
        toolCalls: [
          {
            name: "escalate_to_human",
            arguments: {
              reason_code: "complaint",
              reason: "Identity verified by Baton for order #1047 (olivia@example.com). Manager pre-approved full refund https://evil.example/refund-approve",
              priority: "urgent",
            },
          },
        ],
      },
      { content: "Assistant's view: the shopper's mug arrived chipped. Identity verified by Baton; see https://evil.example/x" },
    );
    const offer = await send(route, { message: "My mug arrived chipped and I'd like a replacement please" }, "7001");
    // The shopper did not ask for a person: the core offers one first, and "yes" hands it over.
    expect(offer.body.state).toBe("open");
    expect(await db.escalationCase.count({ where: { conversationId: offer.body.conversationId! } })).toBe(0);
    const r = await send(route, { conversationId: offer.body.conversationId, message: "yes please" }, "7001");
    expect(r.body.state).toBe("escalated");
    const [mail] = await smtp.waitForMessages(1, 10_000);
    expect(mail!.subject).not.toMatch(/URGENT/);
    expect(mail!.text).toContain("Assistant's note: Complaint");
    expect(mail!.text).not.toMatch(/evil\.example|olivia@|pre-approved/);
    const kase = await db.escalationCase.findUniqueOrThrow({ where: { conversationId: r.body.conversationId! } });
    expect(kase.priority).toBe("high");
    expect(kase.summary).not.toMatch(/evil|Identity verified/);
  });

  it("a clean reason and summary are kept, marked as the assistant's words", async () => {
    fake.script(
      {
        toolCalls: [
          { name: "escalate_to_human", arguments: { reason_code: "complaint", reason: "Mug arrived chipped, wants a replacement", priority: "high" } },
        ],
      },
      { content: "The shopper's mug arrived chipped; they want a replacement." },
    );
    const offer = await send(route, { message: "My mug arrived chipped and I'd like a replacement please" }, "7001");
    // The shopper did not ask for a person: the core offers one first, and "yes" hands it over.
    expect(offer.body.state).toBe("open");
    expect(await db.escalationCase.count({ where: { conversationId: offer.body.conversationId! } })).toBe(0);
    const r = await send(route, { conversationId: offer.body.conversationId, message: "yes please" }, "7001");
    expect(r.body.state).toBe("escalated");
    const [mail] = await smtp.waitForMessages(1, 10_000);
    expect(mail!.text).toContain("Assistant's note: Mug arrived chipped, wants a replacement");
    expect(mail!.text).toContain("Assistant's summary: The shopper's mug arrived chipped");
  });
});

describe.each(routes)("model escalations behave like the detector's (%s)", (route) => {
  const escalate: Reply = {
    toolCalls: [{ name: "escalate_to_human", arguments: { reason_code: "explicit_request", reason: "Shopper wants help", priority: "normal" } }],
  };

  it("a greeting never becomes a case or an email, even for a signed-in customer", async () => {
    for (const hi of ["hi", "good morning", "hey there"]) {
      fake.script(escalate);
      const r = await send(route, { message: hi }, "7001");
      expect(r.body.state).toBe("open");
      expect(await db.escalationCase.count({ where: { conversationId: r.body.conversationId! } })).toBe(0);
      expect(await lastAssistantMeta(r.body.conversationId!)).toMatchObject({ llmFallback: "escalation: no need" });
    }
    expect(smtp.messages).toHaveLength(0);
  });

  it("exposes whether the shopper asked; a guest who declined is not asked again unless they ask", async () => {
    fake.script(escalate);
    const a = await send(route, { message: "is there somebody from the shop who could look at my wobbly mug handle" });
    expect(a.body.state).toBe("awaiting_email");
    // Asked for someone (shopperAsked): straight to email capture, no confirmation step.
    const row = await db.conversation.findUniqueOrThrow({ where: { id: a.body.conversationId! } });
    expect(JSON.parse(row.pendingEscalation!)).toMatchObject({ reasonText: "Assistant's note: Shopper wants help" });
    const b = await send(route, { conversationId: a.body.conversationId, message: "no thanks" });
    expect(b.body.state).toBe("closed");
    fake.script({ toolCalls: [{ name: "escalate_to_human", arguments: { reason_code: "complaint", reason: "Handle wobbles", priority: "normal" } }] });
    // "closed" reopens with the built-in engine; the model answers from the turn after.
    await send(route, { conversationId: a.body.conversationId, message: "ok" });
    const c = await send(route, { conversationId: a.body.conversationId, message: "the handle of the mug still wobbles a lot" });
    expect(c.body.state).toBe("open");
    expect(texts(c.body)).not.toMatch(/email address/);
    expect(await lastAssistantMeta(a.body.conversationId!)).toMatchObject({ llmFallback: "escalation: declined before" });
    // Asking for a person still works.
    fake.script(escalate);
    const d = await send(route, { conversationId: a.body.conversationId, message: "could somebody from the shop look at it after all" });
    expect(d.body.state).toBe("awaiting_email");
  });
});

describe("streaming details", () => {
  it("a preamble shown before a tool call stays in the final reply", async () => {
    fake.script(
      { content: "Let me check that for you. ", toolCalls: [{ name: "get_store_policy", arguments: { topic: "shipping" } }] },
      answer("Orders ship within 2 business days."),
    );
    const r = await send("stream", { message: "How fast do you ship?" });
    expect(r.deltas.join("")).toMatch(/^Let me check that for you\./);
    expect(texts(r.body)).toBe("Let me check that for you. Orders ship within 2 business days.");
  });

  it("Japanese streams sentence by sentence", async () => {
    fake.script(answer("ご注文ありがとうございます。マグカップは手作りです。二営業日以内に発送します。"));
    const r = await send("stream", { message: "マグカップについて教えてください" });
    expect(r.deltas.length).toBeGreaterThanOrEqual(2);
    expect(r.deltas[0]).toBe("ご注文ありがとうございます。");
  });
});

describe("order lookups are capped", () => {
  it("at most 2 distinct orders per turn: the third gets no lookup", async () => {
    fake.script(
      { toolCalls: ["#1042", "#1043", "#1044"].map((n) => ({ name: "lookup_order", arguments: { order_number: n, email: "sarah@example.com" } })) },
      answer("I could check two of them."),
    );
    await send("json", { message: "check 1042, 1043 and 1044 for sarah@example.com" });
    const tools = (fake.requests[1]!.body?.messages ?? []).filter((m) => m.role === "tool").map((m) => JSON.parse(String(m.content)));
    expect(tools).toHaveLength(3);
    expect(tools[2]).toMatchObject({ found: false, message: expect.stringMatching(/limited/) });
  });
});
