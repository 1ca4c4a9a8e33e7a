import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startOpenAiServer, type OpenAiServerHandle, type RecordedChatRequest, type Reply } from "../servers/openai-server";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";

// The LLM assistant end to end: signed storefront calls → real app → the real `openai` SDK over
// HTTP to the OpenAI-compatible fake → tools against the Admin GraphQL fake → SMTP.
let fake: OpenAiServerHandle;
let smtp: SmtpServerHandle;
let admin: ShopifyAdminServerHandle;
let app: AppServer;
let db: Db;
let shopper: ReturnType<typeof storefront>;
const BUDGET_MS = 1500;

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
      RATE_LIMIT_IP_PER_MINUTE: "1000",
    },
  });
  await seedShop(app.databaseUrl, { domain: DEMO_SHOP_DOMAIN, name: "Baton Demo Goods" });
  db = createDb(app.databaseUrl);
  shopper = storefront(app.origin);
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

const texts = (r: { body: { messages?: Array<{ text: string }> } }) => (r.body.messages ?? []).map((m) => m.text).join("\n");
const answer = (reply: string, confidence = 0.9, answered = true): Reply => ({ content: JSON.stringify({ reply, confidence, answered }) });
const toolResults = (req: RecordedChatRequest) => (req.body?.messages ?? []).filter((m) => m.role === "tool").map((m) => String(m.content));
const lastToolResult = (req: RecordedChatRequest) => JSON.parse(toolResults(req).at(-1) ?? "null") as Record<string, unknown>;

describe("tools", () => {
  it("lookup_order with proof of ownership returns the order; the reply may quote it", async () => {
    fake.script({ toolCalls: [{ name: "lookup_order", arguments: { order_number: "#1044", email: "priya@example.com" } }] }, (req) => {
      const r = lastToolResult(req) as { status: string };
      return answer(`Good news: ${r.status}`);
    });
    const r = await shopper.post({ message: "Hi, could you check order #1044 for me? It's priya@example.com" });
    expect(r.status).toBe(200);
    expect(r.body.state).toBe("open");
    expect(texts(r)).toContain("1Z999AA10123456784");
    expect(lastToolResult(fake.requests[1]!)).toMatchObject({ found: true, order: "#1044" });
    // The tools offered and the system prompt reached the model through the SDK.
    expect(fake.requests[0]!.body?.tools?.map((t) => t.function.name)).toEqual(["lookup_order", "get_store_policy", "search_products", "escalate_to_human"]);
    expect(fake.requests[0]!.body?.max_tokens).toBe(400);
    const row = await db.conversation.findUniqueOrThrow({ where: { id: r.body.conversationId! } });
    expect(row).toMatchObject({ orderName: "#1044", orderVerified: true });
  });

  it("lookup_order without ownership reads the same whether the order exists or not", async () => {
    const tries = [
      { message: "Where is order #1043?", args: { order_number: "#1043" } }, // exists, no email
      { message: "Order #1043, I'm mallory@example.com", args: { order_number: "#1043", email: "mallory@example.com" } }, // wrong email
      { message: "Where is #1043?", args: { order_number: "#1043", email: "mike@example.com" } }, // the model supplies an email the shopper never gave
      { message: "Order #9999, mallory@example.com", args: { order_number: "#9999", email: "mallory@example.com" } }, // no such order
    ];
    const results: string[] = [];
    for (const t of tries) {
      fake.reset();
      fake.script(
        { toolCalls: [{ name: "lookup_order", arguments: t.args }] },
        answer("I couldn't find that order with that email. Could you check both?", 0.6),
      );
      const r = await shopper.post({ message: t.message });
      expect(texts(r)).toMatch(/couldn't find/);
      results.push(toolResults(fake.requests[1]!).at(-1)!);
    }
    expect(new Set(results)).toEqual(new Set([JSON.stringify({ found: false, message: "No order matches that number and email." })]));
  });

  it("lookup_order for a signed-in customer's own order needs no email", async () => {
    fake.script({ toolCalls: [{ name: "lookup_order", arguments: { order_number: "1042" } }] }, (req) =>
      answer(String((lastToolResult(req) as { status: string }).status)),
    );
    const r = await shopper.post({ message: "where's my last order 1042?" }, { customerId: "7001" });
    expect(texts(r)).toContain("delivered on Feb 20, 2026");
  });

  it("get_store_policy reads the shop's policy", async () => {
    fake.script({ toolCalls: [{ name: "get_store_policy", arguments: { topic: "refund" } }] }, (req) => {
      const r = lastToolResult(req) as { text: string };
      return answer(`Our policy: ${r.text}`);
    });
    const r = await shopper.post({ message: "Can I send something back?" });
    expect(texts(r)).toMatch(/returns within 30 days/i);
  });

  it("escalate_to_human: the pure core asks for the email, creates the case, and the model writes the summary", async () => {
    fake.script({
      toolCalls: [{ name: "escalate_to_human", arguments: { reason_code: "complaint", reason: "Mug arrived chipped, wants a replacement", priority: "high" } }],
    });
    const offered = await shopper.post({ message: "My mug arrived chipped, can someone sort out a replacement?" });
    // The shopper did not ask for a person in so many words: the model's escalation is offered first.
    expect(offered.body.state).toBe("open");
    expect(texts(offered)).toMatch(/connect you with a person/);
    expect(fake.requests).toHaveLength(1);
    const a = await shopper.post({ conversationId: offered.body.conversationId, message: "yes please" });
    expect(a.body.state).toBe("awaiting_email");
    expect(texts(a)).toMatch(/email address/);
    expect(fake.requests).toHaveLength(1);

    fake.script({ content: "Shopper's mug arrived chipped; wants a replacement. No order number given yet." });
    const b = await shopper.post({ conversationId: a.body.conversationId, message: "jo@example.com" });
    expect(b.body.state).toBe("escalated");
    expect(texts(b)).toContain("jo@example.com");
    // Email capture is deterministic: the only model call of that turn is the summary.
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.body?.tools).toBeUndefined();
    const [mail] = await smtp.waitForMessages(1, 10_000);
    expect(mail!.text).toContain("Shopper's mug arrived chipped; wants a replacement.");
    expect(mail!.text).toContain("Mug arrived chipped");
    const kase = await db.escalationCase.findUniqueOrThrow({ where: { conversationId: a.body.conversationId! } });
    expect(kase).toMatchObject({ priority: "high", reasons: ["complaint"] });
  });

  it("the summary falls back to the extractive one when the model fails", async () => {
    fake.setFallback({ status: 500 });
    const asked = await shopper.post({ action: "talk_to_human" }, { customerId: "7001" });
    expect(asked.body.state).toBe("open"); // "what is it about?" first
    const r = await shopper.post({ conversationId: asked.body.conversationId, message: "my scarf arrived torn" }, { customerId: "7001" });
    expect(r.body.state).toBe("escalated");
    const [mail] = await smtp.waitForMessages(1, 10_000);
    expect(mail!.text).toMatch(/SUMMARY:/);
  });
});

describe("the detector is a guardrail beside the model", () => {
  it("a detector escalation runs the built-in path and the model is not asked", async () => {
    const r = await shopper.post({ message: "I want to talk to a real person please" });
    expect(r.body.state).toBe("awaiting_email");
    expect(fake.requests).toHaveLength(0);
  });

  it("email capture, escalated and closed phases never reach the model", async () => {
    const a = await shopper.post({ action: "talk_to_human" });
    const b = await shopper.post({ conversationId: a.body.conversationId, message: "hmm, what do you need?" });
    expect(b.body.state).toBe("awaiting_email");
    expect(fake.requests).toHaveLength(0);
  });

  it("the model's low confidence feeds the repeated-failure signal next turn", async () => {
    fake.script(answer("I'm not sure what you mean.", 0.1, false));
    const a = await shopper.post({ message: "can you make the thing do the other thing?" });
    expect(a.body.state).toBe("open");
    const b = await shopper.post({ conversationId: a.body.conversationId, message: "the thing, with the other thing" });
    // Detector: "Assistant unsure (confidence 0.10)" + earlier failure → escalation, model not asked.
    expect(b.body.state).toBe("awaiting_email");
    expect(fake.requests).toHaveLength(1);
    const shopperMsg = await db.message.findFirstOrThrow({
      where: { conversationId: a.body.conversationId!, role: "shopper", text: { startsWith: "the thing" } },
    });
    expect(JSON.stringify(shopperMsg.meta)).toMatch(/repeated_failure/);
  });
});

describe("output guardrails", () => {
  it("a promised escalation without the tool is replaced by the built-in reply plus an offer", async () => {
    fake.script(answer("I've forwarded your case to our support team, they will email you shortly!"));
    const r = await shopper.post({ message: "What is your shipping policy?" });
    expect(r.body.state).toBe("open");
    expect(texts(r)).not.toMatch(/forwarded/);
    expect(texts(r)).toMatch(/Orders ship within 2 business days/);
    expect(texts(r)).toMatch(/Talk to a person/);
    expect(await db.escalationCase.count({ where: { conversationId: r.body.conversationId! } })).toBe(0);
    const meta = await db.message.findFirstOrThrow({ where: { conversationId: r.body.conversationId!, role: "assistant" } });
    expect(meta.meta).toMatchObject({ engine: "builtin", llmFallback: "guard: escalation_claim" });
  });

  it("HTML and control characters from the model never reach the shopper", async () => {
    fake.script(answer("<img src=x onerror=alert(1)>We ship <b>worldwide</b>.\u0007"));
    const r = await shopper.post({ message: "Do you ship abroad?" });
    expect(texts(r)).toBe("We ship worldwide.");
  });
});

describe("failures: the built-in engine answers and offers a person", () => {
  it("timeout (model hangs): answered within the budget", async () => {
    fake.script({ hang: true });
    const t0 = Date.now();
    const r = await shopper.post({ message: "What is your return policy?" });
    expect(Date.now() - t0).toBeLessThan(BUDGET_MS + 1500);
    expect(r.status).toBe(200);
    expect(texts(r)).toMatch(/returns within 30 days/i);
    expect(texts(r)).toMatch(/Talk to a person/);
  });

  it("5xx: one bounded retry, then the fallback", async () => {
    fake.script({ status: 503 }, { status: 500 }, answer("never used"));
    // "hi", not "hello": the detector (model v1, 2026-12-03) escalates "hello" as a request for a person.
    const r = await shopper.post({ message: "hi" });
    expect(r.status).toBe(200);
    expect(texts(r)).toMatch(/Hi! I can check your order status/);
    expect(texts(r)).toMatch(/Talk to a person/);
    expect(fake.requests).toHaveLength(2);
  });

  it.each<[string, Reply]>([
    [
      "truncated tool arguments",
      { toolCalls: [{ name: "lookup_order", arguments: { order_number: "#1042", email: "sarah@example.com" } }], malformed: "tool-arguments" },
    ],
    ["tool arguments of the wrong shape", { toolCalls: [{ name: "escalate_to_human", arguments: { reason_code: "because", priority: "asap" } }] }],
    ["an unknown tool", { toolCalls: [{ name: "delete_all_orders", arguments: {} }] }],
    ["a malformed JSON body", { content: "x", malformed: "json" }],
    ["a malformed answer object", { content: '{"reply": "half' }],
  ])("%s", async (_name, reply) => {
    fake.script(reply);
    const r = await shopper.post({ message: "Where is my order #1042?" });
    expect(r.status).toBe(200);
    expect(r.body.state).toBe("open");
    expect(texts(r)).toMatch(/what's the email address used on the order\?/);
    expect(texts(r)).toMatch(/Talk to a person/);
  });

  it("two unhelpful model turns in a row: the second is answered by the built-in engine", async () => {
    fake.script(answer("Hmm, I don't know.", 0.5, false), answer("Still not sure.", 0.5, false));
    const a = await shopper.post({ message: "do you have the blue one in stock?" });
    expect(texts(a)).toBe("Hmm, I don't know.");
    const b = await shopper.post({ conversationId: a.body.conversationId, message: "and what about green ones then" });
    expect(b.body.state).toBe("open");
    expect(fake.requests).toHaveLength(2);
    expect(texts(b)).not.toContain("Still not sure.");
    expect(texts(b)).toMatch(/Talk to a person/);
  });
});

describe("usage accounting", () => {
  it("adds prompt/completion tokens and model latency to the Conversation row across turns", async () => {
    fake.script(
      { toolCalls: [{ name: "get_store_policy", arguments: { topic: "shipping" } }], usage: { promptTokens: 300, completionTokens: 20 }, delayMs: 30 },
      { ...answer("Orders ship within 2 business days."), usage: { promptTokens: 350, completionTokens: 15 } },
      { ...answer("Free shipping over $75."), usage: { promptTokens: 400, completionTokens: 10 }, delayMs: 20 },
    );
    const a = await shopper.post({ message: "How fast do you ship?" });
    await shopper.post({ conversationId: a.body.conversationId, message: "Any free shipping?" });
    const row = await db.conversation.findUniqueOrThrow({ where: { id: a.body.conversationId! } });
    expect(row.llmTokensIn).toBe(1050);
    expect(row.llmTokensOut).toBe(45);
    expect(row.llmLatencyMs).toBeGreaterThanOrEqual(50);
    expect(row.llmLatencyMs).toBeLessThan(5000);
  });
});
