import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/db.server";
import type { CustomerFacts, OrderFacts, OrderLookup, PolicySource, ShopPolicy } from "~/domain/orders";
import { migrateDeploy } from "~/platform/prisma-cli.server";
import { memoryCatalogue } from "../../tests/support/memory-catalogue";
import { runChatTurn, type ChatDeps } from "./run-chat-turn.server";

// One turn, end to end inside the process: a real SQLite database, an in-memory order lookup (the
// OrderLookup port, no Admin API), the real pure core and the real persistence.
const SHOP = "turn-test.myshopify.com";
const AVA: CustomerFacts = {
  id: "gid://shopify/Customer/1",
  email: "ava@example.com",
  displayName: "Ava Stone",
  numberOfOrders: 2,
  amountSpent: { amount: "90.00", currencyCode: "USD" },
  tags: [],
};
const order = (name: string, over: Partial<OrderFacts> = {}): OrderFacts => ({
  id: `gid://shopify/Order/${name.slice(1)}`,
  name,
  email: "ava@example.com",
  createdAt: "2026-02-10T10:00:00Z",
  cancelledAt: null,
  closed: false,
  financialStatus: "PAID",
  fulfillmentStatus: "FULFILLED",
  items: [{ title: "Lamp", variantTitle: null, quantity: 1 }],
  total: { amount: "45.00", currencyCode: "USD" },
  fulfillments: [
    {
      status: "SUCCESS",
      displayStatus: "DELIVERED",
      createdAt: "2026-02-11T10:00:00Z",
      inTransitAt: null,
      deliveredAt: "2026-02-13T10:00:00Z",
      estimatedDeliveryAt: null,
      tracking: [{ company: "DHL", number: "JD0001", url: "https://dhl.example/JD0001" }],
    },
  ],
  customer: AVA,
  ...over,
});
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
const deps = (): ChatDeps => {
  const lookup = memoryLookup(calls);
  return {
    db,
    lookup,
    policies: lookup,
    catalogue: memoryCatalogue(),
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
  it("a signed customer's 'where is my order' answers about their newest order and lists the others", async () => {
    const r = await runChatTurn(deps(), { shop: SHOP, customerId: "1", message: "where is my order?" });
    expect(r.state).toBe("open");
    expect(r.messages[0]!.text).toMatch(
      /^Order #2002 was placed on Feb 20, 2026 \(9 days ago\) and hasn't shipped yet\. Our shipping policy says: “Orders ship within 3 business days\.”/,
    );
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
