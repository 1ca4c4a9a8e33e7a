import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { createDemoStore } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";

// The red team's attacks on the edge and on the data, replayed against the real built app over HTTP
// (SQLite) with the SMTP and Admin API fakes: a padded X-Forwarded-For, one account opening cases
// with someone else's reply-to, and a card number typed into the chat.
const PADDED = "sec-padded.myshopify.com";
const SIGNED = "sec-signed.myshopify.com";
const CARDS = "sec-cards.myshopify.com";

let smtp: SmtpServerHandle;
let admin: ShopifyAdminServerHandle;
let app: AppServer;
let db: Db;

beforeAll(async () => {
  smtp = await startSmtpServer();
  admin = await startShopifyAdminServer({
    accessToken: TEST_ACCESS_TOKEN,
    shops: Object.fromEntries([PADDED, SIGNED, CARDS].map((d) => [d, createDemoStore()])),
  });
  app = await startAppServer({ env: { SMTP_URL: smtp.url, SHOPIFY_ADMIN_API_ORIGIN: admin.origin, OUTBOX_POLL_MS: "30" } });
  for (const domain of [PADDED, SIGNED, CARDS]) await seedShop(app.databaseUrl, { domain, plan: "growth" });
  db = createDb(app.databaseUrl);
}, 90_000);

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
  await admin?.stop();
  await smtp?.stop();
});

const teamCases = (shop: string, where: object = {}) => db.escalationCase.count({ where: { shop, status: { in: ["queued", "sent"] }, ...where } });

describe("a long X-Forwarded-For", () => {
  it("does not switch off the per-address case cap: 10 of 15 anonymous cases from one address reach the team", async () => {
    // The client writes the left of the header (here past 2,048 characters); Shopify's App Proxy appends the real address.
    const header = `${"10.9.8.7, ".repeat(300)}198.51.100.77`;
    expect(header.length).toBeGreaterThan(2048);
    const shopper = storefront(app.origin, { shop: PADDED });
    const states: string[] = [];
    for (let n = 0; n < 15; n++)
      states.push((await shopper.post({ message: `I want to talk to a person, I am pad${n}@flood.example` }, { ip: header })).body.state!);
    expect(states.filter((s) => s === "escalated")).toHaveLength(10);
    expect(await teamCases(PADDED)).toBe(10);
  });
});

describe("caps per requester", () => {
  it("a signed-in account opens at most 5 cases naming someone else's reply-to and 10 in all; the person named still gets through", async () => {
    const shopper = storefront(app.origin, { shop: SIGNED });
    const attacker = "7002"; // mike@example.com
    const naming: string[] = [];
    for (let n = 0; n < 8; n++) {
      naming.push(
        (await shopper.post({ message: "I want to talk to a person, reply to lena@example.com" }, { ip: `192.0.2.${n + 1}`, customerId: attacker })).body
          .state!,
      );
    }
    expect(naming.filter((s) => s === "escalated")).toHaveLength(5);
    // Lena (customer 7005) is not locked out by the attacker's use of her address.
    expect((await shopper.post({ message: "I want to talk to a person" }, { ip: "203.0.113.70", customerId: "7005" })).body.state).toBe("escalated");
    const others: string[] = [];
    for (let n = 0; n < 7; n++) {
      const r = await shopper.post(
        { message: `I want to talk to a person, reply to other${n}@victims.example` },
        { ip: `192.0.2.${50 + n}`, customerId: attacker },
      );
      others.push(r.body.state!);
    }
    expect(others.filter((s) => s === "escalated")).toHaveLength(5);
    expect(await teamCases(SIGNED, { shopperEmail: "lena@example.com" })).toBe(6);
  });
});

describe("a card number typed into the chat", () => {
  it("is masked in the stored transcript, the case and both parts of the team's email (last four digits kept, no security code)", async () => {
    const shopper = storefront(app.origin, { shop: CARDS });
    const first = await shopper.post({ message: "I want to talk to a person, you charged my card 4242-4242-4242-4242 twice, security code 123" });
    const conversationId = first.body.conversationId!;
    await shopper.post({ conversationId, message: "Also my other card 5555 5555 5555 4444, CVC: 9876" });
    // Typed with a Japanese input method: full-width digits.
    await shopper.post({ conversationId, message: "カード番号は４０００ ０５６６ ５５６６ ５５５６です" });
    const last = await shopper.post({ conversationId, message: "card.holder@example.com" });
    expect(last.body.state).toBe("escalated");
    const mail = await smtp.waitForMessage((m) => m.replyTo.includes("card.holder@example.com"), 10_000);
    const [messages, kase, outbox] = await Promise.all([
      db.message.findMany({ where: { conversationId } }),
      db.escalationCase.findUnique({ where: { conversationId } }),
      db.outboxEmail.findMany({ where: { shop: CARDS } }),
    ]);
    const stored = JSON.stringify({ messages, kase, outbox });
    const emailed = [mail.subject, mail.text, mail.html].join("\n");
    for (const text of [stored, emailed]) {
      expect(text).not.toMatch(/4242[ -]?4242[ -]?4242/);
      expect(text).not.toMatch(/5555[ -]?5555[ -]?5555/);
      expect(text).not.toMatch(/\b123\b|9876/);
      expect(text).not.toContain("４０００ ０５６６");
    }
    expect(mail.text).toContain("•••• •••• •••• 4242");
    expect(mail.text).toContain("•••• •••• •••• 4444");
    expect(mail.text).toContain("•••• •••• •••• 5556");
  });
});
