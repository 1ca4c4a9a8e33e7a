import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../app/db.server";
import { createDemoStore, createOtherStore, DEMO_SHOP_DOMAIN, OTHER_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";

// The storefront chat contract end to end: signed App Proxy requests → real app process (SQLite)
// → Admin GraphQL fake (schema-validated) → real SMTP server.
let smtp: SmtpServerHandle;
let admin: ShopifyAdminServerHandle;
let app: AppServer;
let shopper: ReturnType<typeof storefront>;
const FREE_SHOP = "free-plan.myshopify.com";

beforeAll(async () => {
  smtp = await startSmtpServer();
  admin = await startShopifyAdminServer({
    accessToken: TEST_ACCESS_TOKEN,
    shops: { [DEMO_SHOP_DOMAIN]: createDemoStore(), [OTHER_SHOP_DOMAIN]: createOtherStore(), [FREE_SHOP]: createOtherStore() },
  });
  app = await startAppServer({
    env: {
      SMTP_URL: smtp.url,
      SHOPIFY_ADMIN_API_ORIGIN: admin.origin,
      FOLLOW_UP_BATCH_MS: "400",
      RATE_LIMIT_CONVERSATION_PER_MINUTE: "12",
    },
  });
  // These scripts reuse sarah@example.com across many cases; the abuse caps have their own test.
  await seedShop(app.databaseUrl, {
    domain: DEMO_SHOP_DOMAIN,
    name: "Baton Demo Goods",
    abuse: { newCasesPerReplyToPerDay: 1000, newCasesPerAddressPerHour: 1000 },
  });
  await seedShop(app.databaseUrl, { domain: OTHER_SHOP_DOMAIN, name: "Other Store" });
  await seedShop(app.databaseUrl, { domain: FREE_SHOP, plan: "free", name: "Free Plan Store" });
  shopper = storefront(app.origin);
});

afterAll(async () => {
  await app?.stop();
  await admin?.stop();
  await smtp?.stop();
});

const texts = (r: { body: { messages?: Array<{ text: string }> } }) => (r.body.messages ?? []).map((m) => m.text).join("\n");

describe("the seed case: order #1042", () => {
  it("reveals status only after the email, then escalates 'never received' with a complete email", async () => {
    smtp.clear();
    const first = await shopper.post({ message: "Where is my order #1042?" });
    expect(first.status).toBe(200);
    expect(first.body.state).toBe("open");
    expect(texts(first)).toMatch(/email/i);
    expect(texts(first)).not.toMatch(/USPS|9400111899223847563|delivered/i);
    const id = first.body.conversationId!;
    expect(id).toMatch(/^[A-Za-z0-9_-]{22,}$/);

    const second = await shopper.post({ conversationId: id, message: "sarah@example.com" });
    // One short sentence; the order card beside it carries carrier, tracking number and link.
    expect(texts(second)).toMatch(/delivered on Feb 20, 2026/);
    expect(texts(second)).not.toContain("9400111899223847563");
    expect(JSON.stringify(second.body.messages)).toContain("9400111899223847563");

    const third = await shopper.post({ conversationId: id, message: "But I never received it. The package isn't here." });
    expect(third.body.state).toBe("escalated");
    expect(texts(third)).toContain("sarah@example.com");

    const [mail] = await smtp.waitForMessages(1, 10_000);
    // The problem, the proven order, the customer ("Delivery problem" from the topic until the chat core names the request).
    expect(mail!.subject).toMatch(/^(Parcel not received|Delivery problem) · #1042 · Sarah Miller$/);
    expect(mail!.text).toMatch(/^REQUEST: .*order #1042 — ownership proven$/m);
    expect(mail!.replyTo).toEqual(["sarah@example.com"]);
    expect(mail!.to).toContain("support@test-goods.example");
    expect(mail!.text).toContain("USPS");
    expect(mail!.text).toContain("9400111899223847563");
    expect(mail!.text).toContain("Where is my order #1042?");
    expect(mail!.text).toContain("I never received it");
    expect(mail!.html).toContain("9400111899223847563");
    expect(mail!.messageId).toMatch(/^<case-.+@.+>$/);
    admin.assertNoInvalidQueries();
  });
});

describe("escalation paths", () => {
  it("explicit request: invalid email is re-asked, a valid one creates the case", async () => {
    smtp.clear();
    const a = await shopper.post({ message: "I want to talk to a real person please" });
    expect(a.body.state).toBe("awaiting_email");
    const b = await shopper.post({ conversationId: a.body.conversationId, message: "jo@" });
    expect(b.body.state).toBe("awaiting_email");
    expect(texts(b)).toMatch(/valid email/i);
    const c = await shopper.post({ conversationId: a.body.conversationId, message: "jo@example.com" });
    expect(c.body.state).toBe("escalated");
    expect(texts(c)).toContain("jo@example.com");
    const [mail] = await smtp.waitForMessages(1, 10_000);
    expect(mail!.subject).toBe("Asked for a person · jo@example.com");
    expect(mail!.replyTo).toEqual(["jo@example.com"]);
  });

  it("a logged-in customer (signed id) is asked what it is about, not for an email", async () => {
    smtp.clear();
    const asked = await shopper.post({ action: "talk_to_human" }, { customerId: "7001" });
    expect(asked.body.state).toBe("open");
    expect(texts(asked)).toMatch(/what is it about/);
    const r = await shopper.post({ conversationId: asked.body.conversationId, message: "The beanie I got is the wrong colour" }, { customerId: "7001" });
    expect(r.body.state).toBe("escalated");
    expect(texts(r)).toMatch(/Summary for our team: “Wrong item received, order #\d+”/);
    expect(texts(r)).toContain("sarah@example.com");
    const [mail] = await smtp.waitForMessages(1, 10_000);
    expect(mail!.replyTo).toEqual(["sarah@example.com"]);
  });

  it("declining closes without sending and gives the store's contact options", async () => {
    smtp.clear();
    const asked = await shopper.post({ action: "talk_to_human" });
    const a = await shopper.post({ conversationId: asked.body.conversationId, message: "I'd like to change my order" });
    expect(a.body.state).toBe("awaiting_email");
    const b = await shopper.post({ conversationId: a.body.conversationId, message: "no thanks" });
    expect(b.body.state).toBe("closed");
    expect(texts(b)).toContain("help@test-goods.example");
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.messages).toHaveLength(0);
  });

  it("threads later messages as one batched follow-up", async () => {
    smtp.clear();
    const asked = await shopper.post({ action: "talk_to_human" }, { customerId: "7001" });
    const a = await shopper.post({ conversationId: asked.body.conversationId, message: "My cushion cover arrived torn" }, { customerId: "7001" });
    const [caseMail] = await smtp.waitForMessages(1, 10_000);
    // A thank-you is answered and stays out of the case; news about the case is added to it.
    for (const text of ["Also, the box was wet.", "And one cushion is missing.", "Thanks!"]) {
      const r = await shopper.post({ conversationId: a.body.conversationId, message: text }, { customerId: "7001" });
      expect(r.body.state).toBe("escalated");
    }
    const mails = await smtp.waitForMessages(2, 10_000);
    await new Promise((r) => setTimeout(r, 800));
    expect(smtp.messages).toHaveLength(2);
    const followUp = mails[1]!;
    expect(followUp.inReplyTo).toBe(caseMail!.messageId);
    expect(followUp.references).toContain(caseMail!.messageId);
    expect(followUp.text).toContain("the box was wet");
    expect(followUp.text).toContain("one cushion is missing");
  });

  it("the Free plan hands cases to the team by email, within its monthly allowance", async () => {
    smtp.clear();
    const free = storefront(app.origin, { shop: FREE_SHOP });
    const a = await free.post({ message: "Let me speak to a human agent" });
    expect(a.body.state).toBe("awaiting_email");
    const b = await free.post({ conversationId: a.body.conversationId, message: "jo@example.com" });
    expect(b.body.state).toBe("escalated");
    const [mail] = await smtp.waitForMessages(1, 10_000);
    expect(mail!.replyTo).toEqual(["jo@example.com"]);
  });

  it("over the plan's allowance (Free: 25 a month): contact details, no email, never a dead end", async () => {
    smtp.clear();
    const db = createDb(app.databaseUrl);
    const period = new Date().toISOString().slice(0, 7);
    await db.usageCounter.upsert({
      where: { shop_period: { shop: FREE_SHOP, period } },
      create: { shop: FREE_SHOP, period, conversations: 25, escalations: 25, limited: 0 },
      update: { escalations: 25 },
    });
    await db.$disconnect();
    const free = storefront(app.origin, { shop: FREE_SHOP });
    const r = await free.post({ message: "Let me speak to a human agent" });
    expect(r.status).toBe(200);
    expect(r.body.state).toBe("open");
    expect(texts(r)).toContain("help@test-goods.example");
    await new Promise((res) => setTimeout(res, 300));
    expect(smtp.messages).toHaveLength(0);
  });

  it("retries a throttled Admin API lookup", async () => {
    admin.throttleNext(1);
    const a = await shopper.post({ message: "order 1042" });
    const b = await shopper.post({ conversationId: a.body.conversationId, message: "sarah@example.com" });
    expect(JSON.stringify(b.body.messages)).toContain("9400111899223847563");
  });
});

describe("contract: isolation and history", () => {
  it("returns the history; another shop can neither read nor continue the conversation", async () => {
    const a = await shopper.post({ message: "hello" });
    const id = a.body.conversationId!;
    const history = await shopper.history(id);
    expect(history.status).toBe(200);
    expect(history.body.messages!.map((m) => m.role)).toEqual(["shopper", "assistant"]);

    const other = storefront(app.origin, { shop: OTHER_SHOP_DOMAIN });
    expect((await other.history(id)).status).toBe(404);
    const hijack = await other.post({ conversationId: id, message: "what did they say?" });
    expect(hijack.status).toBe(200);
    expect(hijack.body.conversationId).not.toBe(id);
  });

  it("an unknown conversation id starts a new conversation", async () => {
    const r = await shopper.post({ conversationId: "does-not-exist", message: "hi" });
    expect(r.status).toBe(200);
    expect(r.body.conversationId).not.toBe("does-not-exist");
  });
});

describe("contract: errors are JSON with the right status, never 5xx", () => {
  const raw = async (url: string, init: RequestInit) => {
    const res = await fetch(url, init);
    return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
  };

  it.each([
    ["missing signature", () => `${app.origin}/proxy/chat?shop=${DEMO_SHOP_DOMAIN}`, 401],
    ["wrong secret", () => shopper.url({ secret: "not-the-secret" }), 401],
    ["stale timestamp", () => shopper.url({ timestamp: Math.floor(Date.now() / 1000) - 600 }), 401],
  ])("%s → %i", async (_label, makeUrl, status) => {
    const r = await raw(makeUrl(), { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"message":"hi"}' });
    expect(r.status).toBe(status);
    expect(r.body.error?.code).toBe("invalid_signature");
  });

  it.each([
    ["malformed JSON", "{not json", 400, "invalid_json"],
    ["wrong field type", JSON.stringify({ message: 42 }), 400, "invalid_request"],
    ["unknown action", JSON.stringify({ action: "refund_me" }), 400, "invalid_request"],
    ["empty message", JSON.stringify({ message: "   " }), 400, "invalid_request"],
    ["JSON array", "[]", 400, "invalid_request"],
    ["message too long", JSON.stringify({ message: "a".repeat(2001) }), 413, "message_too_long"],
    ["body too large", JSON.stringify({ message: "a".repeat(40_000) }), 413, "payload_too_large"],
  ])("%s → %i %s", async (_label, body, status, code) => {
    const r = await shopper.post(body);
    expect(r.status).toBe(status);
    expect(r.body.error?.code).toBe(code);
  });

  it("rate limits a conversation with 429 and Retry-After", async () => {
    const first = await shopper.post({ message: "hi" }, { ip: "198.51.100.9" });
    let last = first;
    for (let i = 0; i < 15 && last.status === 200; i++) {
      last = await shopper.post({ conversationId: first.body.conversationId, message: `ping ${i}` }, { ip: "198.51.100.9" });
    }
    expect(last.status).toBe(429);
    expect(last.body.error?.code).toBe("rate_limited");
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("an uninstalled or unknown shop gets a clear 404", async () => {
    const r = await storefront(app.origin, { shop: "never-installed.myshopify.com" }).post({ message: "hi" });
    expect(r.status).toBe(404);
    expect(r.body.error?.code).toBe("shop_unavailable");
  });
});
