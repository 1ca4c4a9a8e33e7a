import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamCompletion } from "../../app/chat/model/stream-completion.server";
import { TurnDeadline } from "../../app/chat/model/turn-deadline.server";
import { StreamGate } from "../../app/domain/model-output/stream-gate";
import { createDb, type Db } from "../../app/db.server";
import { migrateDeploy } from "../../app/platform/prisma-cli.server";
import { purgeExpiredConversations } from "../../app/platform/retention.server";
import { assembleCustomerExport, handleDataRequest } from "../../app/shopify/customer-data-request.server";
import { startOpenAiServer, type OpenAiServerHandle } from "../servers/openai-server";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, tempSqliteUrl, type AppServer } from "../support/app-server";
import { storefront } from "../support/storefront-client";
import { seedShop } from "../support/seed";

// The security third pass on the model, the team's email and the data that really leaves: each
// red-team finding replayed against the real code (the `openai` SDK reading the fake's SSE, SQLite).
let fake: OpenAiServerHandle;
let db: Db;
const databaseUrl = tempSqliteUrl();
const SHOP = "data-pass.myshopify.com";
const DAY = 24 * 60 * 60_000;
const hooks = { forgetSessions: () => {}, forgetShopSettings: () => {}, mailFrom: "Baton <escalations@baton.test>", messageIdDomain: "baton.test" };

beforeAll(async () => {
  fake = await startOpenAiServer({ apiKey: "test" });
  await migrateDeploy(databaseUrl);
  await seedShop(databaseUrl, { domain: SHOP });
  db = createDb(databaseUrl);
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
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
    // The freeze was 9.4 s of synchronous work; 3 s holds that off and does not flake on a loaded 2-core machine (827 ms seen).
    expect(ms).toBeLessThan(3_000);
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

describe("finding 2: a data-request export holds the requester's data, not other shoppers'", () => {
  const SARAH = "sarah.export@example.com";
  beforeAll(async () => {
    // Sarah's own conversation (she proved order #1042 with her email; the case replies elsewhere).
    await db.conversation.create({
      data: {
        id: "export-own",
        shop: SHOP,
        shopperEmail: "sarah.work@example.com",
        orderName: "#1042",
        orderVerified: true,
        messages: {
          create: [
            { role: "shopper", text: `Where is #1042? I am ${SARAH}` },
            { role: "assistant", text: "It shipped via USPS." },
          ],
        },
        case: {
          create: {
            shop: SHOP,
            reasons: ["explicit_request"],
            reasonText: "asked for a person",
            priority: "normal",
            confidence: 1,
            signals: [],
            route: {},
            shopperEmail: "sarah.work@example.com",
            orderName: "#1042",
            orderFacts: { name: "#1042", email: SARAH },
            summary: "Sarah asks about #1042",
            messageId: "<export-own@baton.test>",
          },
        },
      },
    });
    // Priya's conversation that merely names Sarah.
    await db.conversation.create({
      data: {
        id: "export-mention",
        shop: SHOP,
        customerId: "777",
        shopperEmail: "priya.other@example.com",
        messages: {
          create: [
            { role: "shopper", text: "My order #1044 is late, my card ends 4242", createdAt: new Date(Date.now() - 2000) },
            { role: "shopper", text: `The gift was for ${SARAH.toUpperCase()}`, createdAt: new Date(Date.now() - 1000) },
          ],
        },
        case: {
          create: {
            shop: SHOP,
            reasons: ["explicit_request"],
            reasonText: "late order",
            priority: "normal",
            confidence: 1,
            signals: [],
            route: {},
            shopperEmail: "priya.other@example.com",
            orderName: "#1044",
            orderFacts: { name: "#1044", email: "priya.other@example.com" },
            customerFacts: { id: "777", email: "priya.other@example.com" },
            summary: "Priya's order #1044",
            messageId: "<export-mention@baton.test>",
          },
        },
      },
    });
  });

  it("the requester's own conversation (proven by order facts) is whole; a mentioning one gives only the lines naming her", async () => {
    const exported = await assembleCustomerExport(db, SHOP, { customer: { email: SARAH } }, new Date());
    expect(exported.conversations.map((c) => c.id)).toEqual(["export-own"]);
    expect(exported.conversations[0]!.messages).toHaveLength(2);
    expect(exported.cases.map((c) => c.conversationId)).toEqual(["export-own"]);
    const json = JSON.stringify(exported);
    for (const foreign of ["priya.other@example.com", "777", "#1044", "4242", "late order"]) expect(json).not.toContain(foreign);
    expect(exported.mentions).toEqual([
      { conversationId: "export-mention", messages: [expect.objectContaining({ text: `The gift was for ${SARAH.toUpperCase()}` })] },
    ]);
  });

  it("a stored export and its email follow retention: past the shop's period they are gone", async () => {
    const shop = "export-retention.myshopify.com";
    await seedShop(databaseUrl, { domain: shop });
    await db.shop.update({ where: { domain: shop }, data: { retentionDays: 30 } });
    const old = new Date(Date.now() - 45 * DAY);
    await db.conversation.create({
      data: {
        id: "export-retained",
        shop,
        shopperEmail: "old@example.com",
        createdAt: old,
        updatedAt: old,
        messages: { create: [{ role: "shopper", text: "secret transcript" }] },
      },
    });
    const outcome = await handleDataRequest(
      db,
      { topic: "customers/data_request", shop, webhookId: "wh-export-1", payload: { customer: { email: "old@example.com" }, data_request: { id: 91 } } },
      hooks,
      old,
    );
    expect(outcome).toMatchObject({ conversations: 1 });
    await db.outboxEmail.updateMany({ where: { shop, kind: "data_request" }, data: { status: "sent", sentAt: old } });
    await purgeExpiredConversations(db, new Date());
    const rows = await db.dataRequest.findMany({ where: { shop } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]!.payload)).not.toContain("secret transcript");
    const mails = await db.outboxEmail.findMany({ where: { shop, kind: "data_request" } });
    expect(mails.map((m) => m.textBody).join("")).not.toContain("secret transcript");
  });
});

describe("finding 3: customers/redact follows every identity the conversation carried", () => {
  const shop = "redact-pass.myshopify.com";
  const SARAH = "sarah.redact@example.com";
  const WORK = "sarah.redact.work@example.com";
  const TRACKING = "9400111899223847563";
  const parts = [{ type: "order", order: { name: "#1042", items: [{ title: "Blue mug", quantity: 2 }], tracking: { number: TRACKING } } }];

  beforeAll(async () => {
    await seedShop(databaseUrl, { domain: shop });
    // She proved #1042 with her order email, then asked the team to reply to her work address.
    await db.conversation.create({
      data: {
        id: "redact-proven",
        shop,
        shopperEmail: WORK,
        orderName: "#1042",
        orderVerified: true,
        messages: {
          create: [
            { role: "shopper", text: `Where is #1042? ${SARAH}` },
            { role: "assistant", text: `It shipped via USPS, tracking ${TRACKING}.`, meta: { parts } },
            { role: "shopper", text: `Please write to ${WORK}` },
          ],
        },
        case: {
          create: {
            shop,
            reasons: ["explicit_request"],
            reasonText: "asked for a person",
            priority: "normal",
            confidence: 1,
            signals: [],
            route: {},
            shopperEmail: WORK,
            orderName: "#1042",
            orderFacts: { id: "gid://shopify/Order/5001", name: "#1042", email: SARAH, items: [{ title: "Blue mug", quantity: 2 }] },
            summary: `Order #1042, tracking ${TRACKING}`,
            messageId: "<redact-proven@baton.test>",
            emails: {
              create: [
                {
                  shop,
                  kind: "case",
                  status: "sent",
                  messageId: "<redact-proven-mail@baton.test>",
                  fromAddress: "Baton <escalations@baton.test>",
                  toAddresses: "support@test-goods.example",
                  replyTo: WORK,
                  subject: "Order #1042",
                  textBody: `Tracking ${TRACKING}, Blue mug ×2`,
                  htmlBody: `<p>Tracking ${TRACKING}</p>`,
                },
              ],
            },
          },
        },
      },
    });
    // A later conversation from her work address only.
    await db.conversation.create({
      data: { id: "redact-work-only", shop, shopperEmail: WORK, messages: { create: [{ role: "shopper", text: "Me again about the mug" }] } },
    });
    // Someone else's data request whose stored export quotes her work address.
    await db.dataRequest.create({
      data: {
        id: "dr-other",
        shop,
        topic: "CUSTOMERS_DATA_REQUEST",
        email: "jo@example.com",
        payload: { export: { conversations: [], mentions: [{ conversationId: "x", messages: [{ role: "shopper", text: `ask ${WORK}` }] }] } },
      },
    });
  });

  it("deletes the proven-order conversation, its case, order card, tracking and outbox email, the reply-to's conversations and quotes", async () => {
    const { redactCustomer } = await import("../../app/shopify/compliance.server");
    await redactCustomer(db, shop, { customer: { email: SARAH } }, "baton.test");
    const [conversations, messages, cases, outbox, requests] = await Promise.all([
      db.conversation.findMany({ where: { shop } }),
      db.message.findMany({ where: { conversation: { shop } } }),
      db.escalationCase.findMany({ where: { shop } }),
      db.outboxEmail.findMany({ where: { shop } }),
      db.dataRequest.findMany({ where: { shop } }),
    ]);
    const stored = JSON.stringify({ conversations, messages, cases, outbox, requests }).toLowerCase();
    for (const trace of [SARAH, WORK, TRACKING, "blue mug"]) expect(stored).not.toContain(trace);
    expect(conversations).toHaveLength(0);
    expect(requests.map((r) => r.id)).toEqual(["dr-other"]);
  });
});

describe("finding 5: a card number the shopper types is neither stored nor emailed", () => {
  const shop = "card-pass.myshopify.com";
  let smtp: SmtpServerHandle;
  let app: AppServer;
  let appDb: Db;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startAppServer({ env: { SMTP_URL: smtp.url, OUTBOX_POLL_MS: "30" } });
    await seedShop(app.databaseUrl, { domain: shop });
    appDb = createDb(app.databaseUrl);
  }, 90_000);

  afterAll(async () => {
    await appDb?.$disconnect();
    await app?.stop();
    await smtp?.stop();
  });

  it("the transcript, the case and the team's email carry only the last four digits and no security code", async () => {
    const shopper = storefront(app.origin, { shop });
    const first = await shopper.post({ message: "I want to talk to a person, you charged my card 4111 1111 1111 1111 twice, CVV 737" });
    const second = await shopper.post({ conversationId: first.body.conversationId, message: "card.holder@example.com" });
    expect(second.body.state).toBe("escalated");
    const [mail] = await smtp.waitForMessages(1, 10_000);
    const messages = await appDb.message.findMany({ where: { conversationId: first.body.conversationId! } });
    const kase = await appDb.escalationCase.findUnique({ where: { conversationId: first.body.conversationId! } });
    const stored = JSON.stringify({ messages, kase, mail: [mail!.subject, mail!.text, mail!.html] });
    expect(stored).not.toMatch(/4111[ -]?1111[ -]?1111/);
    expect(stored).not.toContain("737");
    expect(mail!.text).toContain("•••• •••• •••• 1111");
  }, 60_000);
});
