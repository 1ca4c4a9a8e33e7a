import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { createDemoStore, createOtherStore, DEMO_SHOP_DOMAIN, OTHER_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { buildWebhookRequestInit } from "../servers/shopify-signing";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, TEST_API_SECRET, type AppServer } from "../support/app-server";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";

// Every webhook topic against the real built app (SQLite), signed exactly as Shopify signs them:
// correct signatures do their job once (a second delivery changes nothing), wrong ones get 401.
let smtp: SmtpServerHandle;
let admin: ShopifyAdminServerHandle;
let app: AppServer;
let db: Db;
const SHOP = DEMO_SHOP_DOMAIN;
const SARAH = "sarah@example.com";
const SARAH_ID = 7001;

const ROUTES: Record<string, string> = {
  "app/uninstalled": "/webhooks/app/uninstalled",
  "app/scopes_update": "/webhooks/app/scopes_update",
  "customers/data_request": "/webhooks/compliance",
  "customers/redact": "/webhooks/compliance",
  "shop/redact": "/webhooks/compliance",
};

async function deliver(
  topic: string,
  shop: string,
  body: unknown,
  o: { secret?: string; webhookId?: string; mutate?: (h: Record<string, string>) => void } = {},
) {
  const init = buildWebhookRequestInit({ topic, shop, body, secret: o.secret ?? TEST_API_SECRET, webhookId: o.webhookId });
  o.mutate?.(init.headers);
  const started = performance.now();
  const res = await fetch(`${app.origin}${ROUTES[topic]}`, init);
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

const shopPayload = (shop: string) => ({ shop_id: 1, shop_domain: shop });
const customerPayload = (shop: string, extra: Record<string, unknown> = {}) => ({
  ...shopPayload(shop),
  customer: { id: SARAH_ID, email: "Sarah@Example.com", phone: "+15550100" },
  ...extra,
});

/** Every text the shop still stores about shoppers: transcripts, cases, outbox rows, attempts. */
async function everythingStored(shop: string): Promise<string> {
  const [conversations, messages, cases, outbox, attempts, requests] = await Promise.all([
    db.conversation.findMany({ where: { shop } }),
    db.message.findMany({ where: { conversation: { shop } } }),
    db.escalationCase.findMany({ where: { shop } }),
    db.outboxEmail.findMany({ where: { shop } }),
    db.deliveryAttempt.findMany({ where: { outbox: { shop } } }),
    db.dataRequest.findMany({ where: { shop } }),
  ]);
  return JSON.stringify({ conversations, messages, cases, outbox, attempts, requests });
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  admin = await startShopifyAdminServer({
    accessToken: TEST_ACCESS_TOKEN,
    shops: { [SHOP]: createDemoStore(), [OTHER_SHOP_DOMAIN]: createOtherStore() },
  });
  app = await startAppServer({ env: { SMTP_URL: smtp.url, SHOPIFY_ADMIN_API_ORIGIN: admin.origin, FOLLOW_UP_BATCH_MS: "200" } });
  await seedShop(app.databaseUrl, { domain: SHOP, name: "Baton Demo Goods" });
  await seedShop(app.databaseUrl, { domain: OTHER_SHOP_DOMAIN, name: "Other Store" });
  db = createDb(app.databaseUrl);

  // Sarah, logged in (signed customer id): an escalated case, emailed, plus a queued follow-up.
  const shopper = storefront(app.origin, { shop: SHOP });
  const logged = await shopper.post({ message: "I want to talk to a person about my order" }, { customerId: String(SARAH_ID) });
  expect(logged.body.state).toBe("escalated");
  await smtp.waitForMessages(1, 10_000);
  await shopper.post({ conversationId: logged.body.conversationId, message: "It still has not arrived." }, { customerId: String(SARAH_ID) });
  await smtp.waitForMessages(2, 10_000);
  // Sarah, anonymous, typing her address in another case (mixed case: matched case-insensitively).
  const anon = await shopper.post({ action: "talk_to_human" });
  await shopper.post({ conversationId: anon.body.conversationId, message: "SARAH@example.COM" });
  await smtp.waitForMessages(3, 10_000);
  // Jo, another shopper, whose conversation mentions Sarah; Jo's data must stay.
  // Jo's follow-up email quotes the mention (its stored body is composed at send time).
  const jo = await shopper.post({ action: "talk_to_human" });
  await shopper.post({ conversationId: jo.body.conversationId, message: "jo@example.com" });
  await smtp.waitForMessages(4, 10_000);
  await shopper.post({ conversationId: jo.body.conversationId, message: "Hi! My friend sarah@example.com recommended you" });
  await smtp.waitForMessages(5, 10_000);
  expect(smtp.messages.some((m) => m.replyTo[0] === "jo@example.com" && m.text?.includes("sarah@example.com"))).toBe(true);
  // The same customer id in another shop is a different person's data there: untouched.
  await storefront(app.origin, { shop: OTHER_SHOP_DOMAIN }).post({ message: "hello" }, { customerId: String(SARAH_ID) });
});

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
  await admin?.stop();
  await smtp?.stop();
});

describe("signatures", () => {
  it.each(Object.keys(ROUTES))("%s: wrong secret → 401, missing HMAC → 401, and nothing changes", async (topic) => {
    const before = await everythingStored(SHOP);
    const sessions = await db.session.count({ where: { shop: SHOP } });
    const body = topic.startsWith("customers/") ? customerPayload(SHOP) : shopPayload(SHOP);
    expect((await deliver(topic, SHOP, body, { secret: "not-the-app-secret" })).status).toBe(401);
    expect((await deliver(topic, SHOP, body, { mutate: (h) => delete h["X-Shopify-Hmac-Sha256"] })).status).toBe(401);
    // A body altered after signing (signature of another body).
    const tampered = buildWebhookRequestInit({ topic, shop: SHOP, body: { other: true }, secret: TEST_API_SECRET });
    const res = await fetch(`${app.origin}${ROUTES[topic]}`, { ...tampered, body: JSON.stringify(body) });
    expect(res.status).toBe(401);
    expect(await everythingStored(SHOP)).toBe(before);
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(sessions);
    expect((await db.shop.findUnique({ where: { domain: SHOP } }))?.uninstalledAt).toBeNull();
  });

  it("a GET is 405; a correctly signed body that is not JSON is 400, not 500", async () => {
    expect((await fetch(`${app.origin}/webhooks/compliance`)).status).toBe(405);
    expect((await deliver("customers/redact", SHOP, "{not json")).status).toBe(400);
  });
});

describe("app/scopes_update", () => {
  it("stores the granted scopes; a second delivery is a no-op", async () => {
    const body = { id: 1, previous: ["read_orders"], current: ["read_orders", "read_customers"], updated_at: new Date().toISOString() };
    const id = randomUUID();
    for (let i = 0; i < 2; i++) expect((await deliver("app/scopes_update", SHOP, body, { webhookId: id })).status).toBe(200);
    const sessions = await db.session.findMany({ where: { shop: SHOP } });
    expect(sessions.map((s) => s.scope)).toEqual(["read_orders,read_customers"]);
  });
});

describe("customers/data_request", () => {
  it("assembles the customer's conversations and cases, stores the export and emails it once", async () => {
    smtp.clear();
    const body = customerPayload(SHOP, { orders_requested: [1042], data_request: { id: 9001 } });
    // Delivered twice (Shopify retries), with different webhook ids: the request id dedupes.
    for (let i = 0; i < 2; i++) {
      const r = await deliver("customers/data_request", SHOP, body);
      expect(r.status).toBe(200);
      expect(r.ms).toBeLessThan(5_000);
    }
    const rows = await db.dataRequest.findMany({ where: { shop: SHOP, topic: "CUSTOMERS_DATA_REQUEST" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.customerId).toBe(String(SARAH_ID));
    expect(rows[0]!.email).toBe(SARAH);
    expect(rows[0]!.completedAt).not.toBeNull();
    const exported = (
      rows[0]!.payload as {
        export: {
          conversations: Array<{ messages: Array<{ text: string }>; customerId: string | null; shopperEmail: string | null }>;
          cases: Array<{ shopperEmail: string }>;
          mentions: Array<{ messages: Array<{ text: string }> }>;
        };
      }
    ).export;
    // Logged-in conversation (by id) and the anonymous one (email typed in mixed case), whole.
    expect(exported.conversations).toHaveLength(2);
    const allText = exported.conversations.flatMap((c) => c.messages.map((m) => m.text)).join("\n");
    expect(allText).toContain("It still has not arrived.");
    expect(allText).toContain("SARAH@example.COM");
    expect(exported.cases.map((c) => c.shopperEmail).sort()).toEqual([SARAH, SARAH]);
    // Jo's conversation gives only the line naming Sarah: not Jo's address, case or other lines.
    expect(exported.mentions.map((m) => m.messages.map((x) => x.text))).toEqual([["Hi! My friend sarah@example.com recommended you"]]);
    expect(JSON.stringify(exported)).not.toContain("jo@example.com");

    const [mail] = await smtp.waitForMessages(1, 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.messages).toHaveLength(1);
    expect(mail!.subject).toBe(`Customer data request — ${SARAH}`);
    expect(mail!.to).toEqual(["support@test-goods.example"]);
    expect(mail!.text).toContain("It still has not arrived.");
    expect(mail!.text).toContain('"format": "baton.customer-data-export/1"');
  });
});

describe("customers/redact", () => {
  it("removes or anonymises everything of the customer, keeps other shoppers' data, and is idempotent", async () => {
    const before = await everythingStored(SHOP);
    expect(before.toLowerCase()).toContain(SARAH);
    const attemptsBefore = await db.deliveryAttempt.count();
    const joBefore = await db.conversation.findFirst({ where: { shop: SHOP, shopperEmail: "jo@example.com" } });
    expect(joBefore).not.toBeNull();

    const webhookId = randomUUID();
    for (let i = 0; i < 2; i++) {
      const r = await deliver("customers/redact", SHOP, customerPayload(SHOP, { orders_to_redact: [1042] }), { webhookId });
      expect(r.status).toBe(200);
    }

    const after = await everythingStored(SHOP);
    // Nothing of Sarah in transcripts, cases, outbox rows (subject, bodies, Reply-To) or attempts.
    expect(after.toLowerCase()).not.toContain(SARAH);
    expect(after).not.toContain("It still has not arrived.");
    expect(await db.conversation.count({ where: { shop: SHOP, customerId: String(SARAH_ID) } })).toBe(0);
    expect(await db.escalationCase.count({ where: { shop: SHOP, shopperEmail: SARAH } })).toBe(0);
    expect(await db.deliveryAttempt.count()).toBeLessThan(attemptsBefore);

    // Jo's conversation and case stay; the mention is anonymised.
    const jo = await db.conversation.findUnique({ where: { id: joBefore!.id }, include: { messages: true, case: true } });
    expect(jo?.case?.shopperEmail).toBe("jo@example.com");
    expect(jo!.messages.map((m) => m.text)).toContain("Hi! My friend [redacted] recommended you");
    const joOutbox = await db.outboxEmail.findFirst({ where: { caseId: jo!.case!.id, kind: "followup" } });
    expect(joOutbox?.textBody).toContain("Hi! My friend [redacted] recommended you");
    expect(joOutbox?.replyTo).toBe("jo@example.com");

    // The other shop's conversation with the same customer id is not this shop's to redact.
    expect(await db.conversation.count({ where: { shop: OTHER_SHOP_DOMAIN, customerId: String(SARAH_ID) } })).toBe(1);

    // One record of the redaction, and the earlier export is gone from the record.
    expect(await db.dataRequest.count({ where: { shop: SHOP, topic: "CUSTOMERS_REDACT" } })).toBe(1);
    const request = await db.dataRequest.findFirst({ where: { shop: SHOP, topic: "CUSTOMERS_DATA_REQUEST" } });
    expect(request?.payload).toEqual({ redacted: true });
  });
});

describe("app/uninstalled", () => {
  it("removes sessions, marks the shop uninstalled once, and the widget answers shop_unavailable", async () => {
    const shopper = storefront(app.origin, { shop: SHOP });
    const live = await shopper.post({ message: "hello" });
    expect(live.status).toBe(200);

    const r1 = await deliver("app/uninstalled", SHOP, shopPayload(SHOP));
    expect(r1.status).toBe(200);
    const first = await db.shop.findUnique({ where: { domain: SHOP } });
    expect(first?.uninstalledAt).toBeInstanceOf(Date);
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(0);

    expect((await deliver("app/uninstalled", SHOP, shopPayload(SHOP))).status).toBe(200);
    expect((await db.shop.findUnique({ where: { domain: SHOP } }))?.uninstalledAt).toEqual(first!.uninstalledAt);

    const post = await shopper.post({ message: "hello again" });
    expect(post.status).toBe(404);
    expect(post.body.error?.code).toBe("shop_unavailable");
    const history = await shopper.history(live.body.conversationId!);
    expect(history.status).toBe(404);
    expect(history.body.error?.code).toBe("shop_unavailable");
  });
});

describe("shop/redact", () => {
  it("deletes everything of the shop (sessions and request records too); other shops untouched; idempotent", async () => {
    const otherBefore = await everythingStored(OTHER_SHOP_DOMAIN);
    for (let i = 0; i < 2; i++) expect((await deliver("shop/redact", SHOP, shopPayload(SHOP))).status).toBe(200);
    expect(await db.shop.count({ where: { domain: SHOP } })).toBe(0);
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.conversation.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.message.count({ where: { conversation: { shop: SHOP } } })).toBe(0);
    expect(await db.escalationCase.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.usageCounter.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.dataRequest.count({ where: { shop: SHOP } })).toBe(0);
    // Attempts cascade with their outbox rows: none is left without its row.
    const orphanAttempts = await db.deliveryAttempt.count({ where: { outbox: { shop: SHOP } } });
    expect(orphanAttempts).toBe(0);
    expect(await everythingStored(OTHER_SHOP_DOMAIN)).toBe(otherBefore);
    expect(await db.session.count({ where: { shop: OTHER_SHOP_DOMAIN } })).toBe(1);
  });
});
