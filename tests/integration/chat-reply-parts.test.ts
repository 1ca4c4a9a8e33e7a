import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";

// Structured reply parts (README "Storefront chat API"): order card and quick actions beside the
// complete text, on POST, on the stream's done event and in the GET history.
let smtp: SmtpServerHandle;
let admin: ShopifyAdminServerHandle;
let app: AppServer;
let shopper: ReturnType<typeof storefront>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  admin = await startShopifyAdminServer({ accessToken: TEST_ACCESS_TOKEN, shops: { [DEMO_SHOP_DOMAIN]: createDemoStore() } });
  app = await startAppServer({ env: { SMTP_URL: smtp.url, SHOPIFY_ADMIN_API_ORIGIN: admin.origin } });
  await seedShop(app.databaseUrl, { domain: DEMO_SHOP_DOMAIN, name: "Baton Demo Goods" });
  shopper = storefront(app.origin);
});
afterAll(async () => {
  await app?.stop();
  await admin?.stop();
  await smtp?.stop();
});

type Parts = Array<{ type: string; order?: Record<string, unknown>; actions?: Array<{ label: string; message?: string; action?: string }> }>;
const partsOf = (m: unknown) => (m as { parts?: Parts }).parts;

describe("reply parts", () => {
  it("an order card (in the sent locale) once ownership is proven, kept in the history; the text is one short sentence beside it", async () => {
    const first = await shopper.post({ message: "Where is my order #1042?", locale: "es" });
    expect(first.status).toBe(200);
    expect(first.body.messages!.every((m) => !partsOf(m))).toBe(true); // nothing shown before the proof
    const id = first.body.conversationId!;

    const second = await shopper.post({ conversationId: id, message: "sarah@example.com", locale: "es" });
    const last = second.body.messages!.at(-1)!;
    expect(last.text).toMatch(/^El pedido #1042 se entregó el 20 feb 2026\./);
    expect(last.text).not.toContain("9400111899223847563");
    const card = partsOf(last)![0]!;
    expect(card.type).toBe("order");
    expect(card.order).toMatchObject({
      name: "#1042",
      status: "delivered",
      statusLabel: "Entregado",
      items: [
        { title: "Merino Wool Beanie · Charcoal", quantity: 1 },
        { title: "Trail Socks (3-pack) · M", quantity: 1 },
      ],
      total: { amount: "56.5", currencyCode: "USD" },
      tracking: { company: "USPS", number: "9400111899223847563" },
    });
    expect((card.order!.tracking as { url: string }).url).toMatch(/^https:\/\//);

    const history = await shopper.history(id);
    expect(history.body.state).toBe("open");
    const restored = history.body.messages!.at(-1)!;
    expect(restored.text).toBe(last.text);
    expect(partsOf(restored)).toEqual(partsOf(last));
    expect(history.body.messages!.filter((m) => partsOf(m))).toHaveLength(1);
  });

  it("quick actions after a miss, with the person first as an action (never a typed message)", async () => {
    const r = await shopper.post({ message: "Do you sell gift cards for weddings?", locale: "de-DE" });
    const parts = partsOf(r.body.messages!.at(-1))!;
    expect(parts).toEqual([
      {
        type: "actions",
        actions: [
          { label: "Mit einem Menschen sprechen", action: "talk_to_human" },
          { label: "Meine Bestellung verfolgen", message: "Meine Bestellung verfolgen" },
          { label: "Rückgabe und Erstattung", message: "Rückgabe und Erstattung" },
          { label: "Versand und Lieferzeiten", message: "Versand und Lieferzeiten" },
        ],
      },
    ]);
    // A helpful answer carries no parts.
    const thanks = await shopper.post({ conversationId: r.body.conversationId, message: "Thanks!" });
    expect(thanks.body.messages!.every((m) => !partsOf(m))).toBe(true);
  });

  it("the history returns the case state, so a returning shopper sees the case is with the team", async () => {
    const r = await shopper.post({ message: "I want to talk to a human", locale: "en" });
    const id = r.body.conversationId!;
    const done = await shopper.post({ conversationId: id, message: "kim@example.org" });
    expect(done.body.state).toBe("escalated");
    const history = await shopper.history(id);
    expect([history.body.state, history.body.replyTo]).toEqual(["escalated", "kim@example.org"]);
  });

  it("accepts a BCP-47 locale and rejects an oversized one", async () => {
    expect((await shopper.post({ message: "Hi", locale: "zh-Hant-TW" })).status).toBe(200);
    const bad = await shopper.post({ message: "Hi", locale: "x".repeat(36) });
    expect([bad.status, bad.body.error?.code]).toEqual([400, "invalid_request"]);
  });
});

describe("the empty chat's latest order (decision 0071)", () => {
  const latest = async (o: { customerId?: string | null; extra?: Record<string, string> } = {}) => {
    const res = await fetch(shopper.url({ customerId: o.customerId ?? null, extra: o.extra }), { headers: { "X-Forwarded-For": "203.0.113.77" } });
    return { status: res.status, body: (await res.json()) as { latestOrder?: Record<string, unknown> | null } };
  };

  it("GET /proxy/chat without a conversation answers the signed-in shopper's newest order card, in the sent locale", async () => {
    const signedIn = await latest({ customerId: "7001", extra: { locale: "es" } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.latestOrder).toMatchObject({ name: expect.stringMatching(/^#\d+$/), statusLabel: expect.any(String) });
  });

  it("a guest and a customer without orders get null; a too-long id is still a 400", async () => {
    expect(await latest()).toEqual({ status: 200, body: { latestOrder: null } });
    expect(await latest({ customerId: "999999" })).toEqual({ status: 200, body: { latestOrder: null } });
    expect((await latest({ extra: { conversationId: "x".repeat(201) } })).status).toBe(400);
  });
});
