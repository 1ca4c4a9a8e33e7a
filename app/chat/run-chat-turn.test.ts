import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/db.server";
import type { OrderLookup, PolicySource, ShopPolicy } from "~/domain/orders";
import { migrateDeploy } from "~/platform/prisma-cli.server";
import { DEMO_FACTS, memoryCatalogue } from "../../tests/support/memory-catalogue";
import { customer, order } from "../../tests/support/memory-lookup";
import type { CatalogueSource, ProductQuery } from "~/domain/catalogue";
import { startOpenAiServer, type OpenAiServerHandle } from "../../tests/servers/openai-server";
import { runChatTurn, type ChatDeps } from "./run-chat-turn.server";

// One turn, end to end inside the process: a real SQLite database, an in-memory order lookup (the
// OrderLookup port, no Admin API), the real pure core and the real persistence.
const SHOP = "turn-test.myshopify.com";
const AVA = customer;
const ORDERS = [order("#2001"), order("#2002", { createdAt: "2026-02-20T10:00:00Z", fulfillmentStatus: "UNFULFILLED", fulfillments: [] })];

function memoryLookup(calls: string[]): OrderLookup & PolicySource {
  return {
    async findOrderByName(name) {
      calls.push(`order ${name}`);
      return ORDERS.find((o) => o.name === name) ?? null;
    },
    async findCustomer(id) {
      calls.push(`customer ${id}`);
      return id === "1" ? AVA : null;
    },
    async listCustomerOrders(id, limit) {
      calls.push(`orders of ${id}`);
      return id === "1" ? [...ORDERS].reverse().slice(0, limit) : [];
    },
    async listPolicies(): Promise<ShopPolicy[]> {
      return [{ kind: "shipping", title: "Shipping policy", body: "Orders ship within 3 business days.", url: null }];
    },
  };
}

let db: Db;
let dir: string;
const kicks: number[] = [];
const calls: string[] = [];
const warnings: string[] = [];
const attemptCounts = new Map<string, number>();
const bump = (key: string | null) => (key ? attemptCounts.set(key, (attemptCounts.get(key) ?? 0) + 1).get(key)! : 0);
const searches: ProductQuery[] = [];
const deps = (catalogue: CatalogueSource = memoryCatalogue(DEMO_FACTS, searches)): ChatDeps => {
  const lookup = memoryLookup(calls);
  return {
    db,
    lookup,
    policies: lookup,
    catalogue,
    now: () => new Date("2026-03-01T12:00:00Z"),
    kickOutbox: () => kicks.push(1),
    config: {
      llm: null,
      followUpBatchMs: 60_000,
      mailFrom: "Baton <escalations@baton.test>",
      appSecret: "unit-test-secret-0123456789",
      messageIdDomain: "baton.test",
      adminCaseUrl: (shop, id) => `https://admin.test/${shop}/cases/${id}`,
    },
    log: { warn: (_fields, message) => warnings.push(message) },
    // The shared attempt counter, in memory: one process, counts per key.
    caseAttempts: async (keys) => ({ client: bump(keys.client), replyTo: bump(keys.replyTo) }),
  };
};

beforeAll(async () => {
  // The app's configuration outside the demo needs a real secret (app/env.server.ts).
  process.env.SHOPIFY_API_SECRET ??= "unit-test-secret-0123456789";
  dir = mkdtempSync(path.join(tmpdir(), "baton-turn-"));
  const url = `file:${path.join(dir, "turn.db")}`;
  await migrateDeploy(url);
  db = createDb(url);
  await db.shop.create({
    data: { domain: SHOP, name: "Lamp Co", plan: "growth", routing: { defaultTo: ["team@lamp.example"] }, contact: { email: "hi@lamp.example" } },
  });
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("runChatTurn with an in-memory order lookup", () => {
  it("a signed customer's 'where is my order' answers about their newest order (late: sorry first) and lists the others", async () => {
    const r = await runChatTurn(deps(), { shop: SHOP, customerId: "1", message: "where is my order?" });
    expect(r.state).toBe("open");
    expect(r.messages[0]!.text).toMatch(/^I'm sorry your order is taking longer than it should\. Order #2002 was placed on Feb 20, 2026 \(9 days ago\)/);
    expect(r.messages[0]!.text).toMatch(/and hasn't shipped yet\. Our shipping policy says: “Orders ship within 3 business days\.”/);
    expect(r.messages[0]!.text).toContain("#2001 (delivered, Feb 10, 2026)");
    expect(calls).toContain("orders of 1");
  });

  it("a guest proves an order with its email, then hands over: the case carries it", async () => {
    const a = await runChatTurn(deps(), { shop: SHOP, customerId: null, message: "order #2001 please", locale: "fr" });
    expect(a.messages[0]!.text).toMatch(/adresse e-mail/);
    const b = await runChatTurn(deps(), { shop: SHOP, customerId: null, conversationId: a.conversationId, message: "ava@example.com", locale: "fr" });
    expect(b.messages[0]!.text).toMatch(/a été livrée le 13 févr\. 2026/);
    const c = await runChatTurn(deps(), {
      shop: SHOP,
      customerId: null,
      conversationId: a.conversationId,
      message: "je veux parler à un humain",
      locale: "fr",
    });
    expect(c.state).toBe("escalated");
    const kase = await db.escalationCase.findUniqueOrThrow({ where: { conversationId: a.conversationId } });
    expect(kase).toMatchObject({ status: "queued", orderName: "#2001", shopperEmail: "ava@example.com" });
    expect((kase.orderFacts as { name: string }).name).toBe("#2001");
    expect((kase.customerFacts as { displayName: string }).displayName).toBe("Ava Stone");
    expect(kicks.length).toBeGreaterThan(0);
  });

  it("a conversation presented by another signed customer starts over", async () => {
    const a = await runChatTurn(deps(), { shop: SHOP, customerId: "1", message: "hi" });
    const b = await runChatTurn(deps(), { shop: SHOP, customerId: "2", conversationId: a.conversationId, message: "hi" });
    expect(b.conversationId).not.toBe(a.conversationId);
  });
});

describe("runChatTurn with an in-memory catalogue (the issue's demo facts)", () => {
  it("answers a product question, then a follow-up about it, each with one search and a stored product card", async () => {
    searches.length = 0;
    const a = await runChatTurn(deps(), { shop: SHOP, customerId: null, message: "Is the merino throw machine washable?" });
    expect(a.state).toBe("open");
    expect(a.messages).toHaveLength(1);
    expect(a.messages[0]!.text).toContain("Merino Wool Throw: $49.00.");
    expect(a.messages[0]!.text).toContain("not machine washable");
    expect(a.messages[0]!.parts).toEqual([
      {
        type: "product",
        product: {
          title: "Merino Wool Throw",
          url: "https://baton-demo.myshopify.com/products/merino-wool-throw",
          price: { amount: "49.00", currencyCode: "USD" },
          available: true,
          availabilityLabel: "Available",
        },
      },
    ]);
    expect(searches).toHaveLength(1);

    const b = await runChatTurn(deps(), { shop: SHOP, customerId: null, conversationId: a.conversationId, message: "do you have it in charcoal?" });
    expect(b.messages[0]!.text).toContain("Charcoal: sold out");
    expect(b.messages[0]!.text).not.toMatch(/Oat|Sage/);
    const card = b.messages[0]!.parts![0]!;
    // The card offers every choice with its availability: the alternatives to the sold-out one.
    expect(card).toMatchObject({
      type: "product",
      product: {
        variants: [
          { title: "Oat", available: true, label: "In stock" },
          { title: "Sage", available: true, label: "3 left" },
          { title: "Charcoal", available: false, label: "Sold out" },
        ],
      },
    });
    expect(searches).toHaveLength(2);
    expect(searches[1]!.words).toEqual(expect.arrayContaining(["charcoal", "merino", "wool", "throw"]));

    // The card is stored with the reply, so the history shows what was shown live.
    const stored = await db.message.findMany({ where: { conversationId: a.conversationId, role: "assistant" }, orderBy: { createdAt: "asc" } });
    expect(JSON.stringify(stored.at(-1)!.meta)).toContain('"type":"product"');
  });

  it("a Spanish gift question lists products in the price range; an unknown product is not made up", async () => {
    const a = await runChatTurn(deps(), { shop: SHOP, customerId: null, message: "¿Ideas de regalo por menos de 20 €?", locale: "es" });
    expect(a.messages[0]!.text.replace(/\u00a0/g, " ")).toBe(
      "Algunas ideas de regalo por hasta 20,00 US$: Linen Cushion Cover (12,75 US$), Beeswax Taper Candles (set of 2) (18,00 US$).",
    );
    expect(a.messages[0]!.parts!.map((p) => p.type)).toEqual(["product", "product"]);
    const b = await runChatTurn(deps(), { shop: SHOP, customerId: null, message: "do you sell sofas?" });
    expect(b.messages[0]!.text).toBe("I couldn't find that in our catalogue — we don't seem to carry it.");
    expect(b.messages[0]!.parts).toEqual([expect.objectContaining({ type: "actions" })]);
  });

  it("a catalogue that fails is a fact of the turn, not a failed turn", async () => {
    const failing: CatalogueSource = {
      searchProducts: () => Promise.reject(new Error("Admin API down")),
      getProductByHandle: () => Promise.reject(new Error("Admin API down")),
    };
    const r = await runChatTurn(deps(failing), { shop: SHOP, customerId: null, message: "do you sell throws?", locale: "de" });
    expect(r.messages[0]!.text).toMatch(/^Ich kann unsere Produkte gerade nicht abrufen/);
    expect(warnings).toContain("chat lookup failed");
  });
});

describe("runChatTurn with a model and the search_products tool", () => {
  let fake: OpenAiServerHandle;
  beforeAll(async () => {
    fake = await startOpenAiServer({ apiKey: "test" });
  });
  afterAll(async () => {
    await fake?.stop();
  });
  const withModel = (): ChatDeps => ({
    ...deps(),
    config: { ...deps().config, llm: { apiKey: "test", baseURL: fake.baseURL, model: "fake", timeoutMs: 5_000 } },
  });
  const answer = (reply: string) => ({ content: JSON.stringify({ reply, confidence: 0.9, answered: true }) });

  it("the model reads the same catalogue; its answer with the data's price and stock reaches the shopper", async () => {
    fake.reset();
    let toolResult = "";
    fake.script({ toolCalls: [{ name: "search_products", arguments: { query: "merino throw" } }] }, (req) => {
      toolResult = String(req.body?.messages?.find((m) => m.role === "tool")?.content);
      return answer("The Merino Wool Throw is $49.00; Sage has 3 left and Charcoal is sold out.");
    });
    const r = await runChatTurn(withModel(), { shop: SHOP, customerId: null, message: "Do you have the merino throw in sage?" });
    expect(r.messages[0]!.text).toBe("The Merino Wool Throw is $49.00; Sage has 3 left and Charcoal is sold out.");
    const result = JSON.parse(toolResult) as { products: Array<{ title: string; variants: Array<{ title: string; quantity_left?: number }> }> };
    expect(result.products[0]!.title).toBe("Merino Wool Throw");
    expect(result.products[0]!.variants.find((v) => v.title === "Sage")!.quantity_left).toBe(3);
    // Oat has 24: the model is told it is available, not how many (the engine says "in stock" too).
    expect(result.products[0]!.variants.find((v) => v.title === "Oat")!.quantity_left).toBeUndefined();
  });

  it.each([
    ["a price the data does not give", "The Merino Wool Throw is on sale for $39.00 today."],
    ["a stock count the data does not give", "Only 2 left in Sage, hurry!"],
    ["a restock promise", "Charcoal will be back in stock next week."],
  ])("%s is refused: the built-in engine answers from the data instead", async (_name, invented) => {
    fake.reset();
    fake.script({ toolCalls: [{ name: "search_products", arguments: { query: "merino throw" } }] }, answer(invented));
    const r = await runChatTurn(withModel(), { shop: SHOP, customerId: null, message: "Is the merino throw in stock in charcoal?" });
    expect(r.messages[0]!.text).not.toContain(invented);
    expect(r.messages[0]!.text).toContain("Charcoal: sold out");
    expect(r.messages[0]!.parts?.[0]).toMatchObject({ type: "product", product: { title: "Merino Wool Throw" } });
  });
});
