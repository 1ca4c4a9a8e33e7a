import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { createTokenCipher } from "../../app/platform/token-cipher.server";
import { migrateDeploy } from "../../app/platform/prisma-cli.server";
import { startAppServer, tempSqliteUrl, TEST_API_SECRET, type AppServer } from "../support/app-server";
import { buildWebhookRequestInit } from "../servers/shopify-signing";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";

// The third red-team pass replayed against the real built app over HTTP (SQLite), with the SMTP and
// Admin API fakes: the edge (X-Forwarded-For, IPv6 prefixes) and the case caps' owners.
const PADDED = "caps-padded.myshopify.com";
const SIX = "caps-six.myshopify.com";
const OWNERS = "caps-owners.myshopify.com";
const SIGNED = "caps-signed.myshopify.com";
const READS = "caps-reads.myshopify.com";
const DATES = "odd-dates.myshopify.com";
const BILLING = "replayed-billing.myshopify.com";

let smtp: SmtpServerHandle;
let admin: ShopifyAdminServerHandle;
let app: AppServer;
let db: Db;

beforeAll(async () => {
  smtp = await startSmtpServer();
  const shops = Object.fromEntries([DEMO_SHOP_DOMAIN, PADDED, SIX, OWNERS, SIGNED, READS].map((d) => [d, createDemoStore()]));
  // An Admin answer with dates the app cannot parse (a proxy, a future format, a bug upstream).
  const odd = createDemoStore();
  const sarahs = odd.orders.find((o) => o.name === "#1042")!;
  sarahs.cancelledAt = "not a date";
  sarahs.fulfillments = sarahs.fulfillments.map((f) => ({ ...f, createdAt: "2026-13-45T99:00:00Z", deliveredAt: "yesterday" }));
  admin = await startShopifyAdminServer({ accessToken: TEST_ACCESS_TOKEN, shops: { ...shops, [DATES]: odd } });
  app = await startAppServer({ env: { SMTP_URL: smtp.url, SHOPIFY_ADMIN_API_ORIGIN: admin.origin, OUTBOX_POLL_MS: "30" } });
  for (const domain of [PADDED, OWNERS, SIGNED, READS, DATES, BILLING]) await seedShop(app.databaseUrl, { domain, plan: "growth" });
  await seedShop(app.databaseUrl, { domain: SIX, plan: "growth", abuse: { newCasesPerAddressPerHour: 3 } });
  db = createDb(app.databaseUrl);
}, 90_000);

afterAll(async () => {
  if (process.env.SHOW_APP_OUTPUT) console.log(app?.output().slice(-4000));
  await db?.$disconnect();
  await app?.stop();
  await admin?.stop();
  await smtp?.stop();
});

const teamCases = (shop: string, where: object = {}) => db.escalationCase.count({ where: { shop, status: { in: ["queued", "sent"] }, ...where } });

describe("finding 1: the per-address limits hold whatever the X-Forwarded-For header looks like", () => {
  // The client writes the left of the header; Shopify's App Proxy appended the real address last.
  const padded = (address: string) => `${"10.9.8.7, ".repeat(300)}${address}`;

  it("a header padded past 2,048 characters still meets the address cap: 10 of 15 anonymous cases from one address", async () => {
    const shopper = storefront(app.origin, { shop: PADDED });
    const states: string[] = [];
    for (let n = 0; n < 15; n++) {
      const r = await shopper.post({ message: `I want to talk to a person, I am pad${n}@flood.example` }, { ip: padded("198.51.100.61") });
      states.push(r.body.state!);
    }
    expect(states.filter((s) => s === "escalated")).toHaveLength(10);
    expect(await teamCases(PADDED)).toBe(10);
  }, 60_000);

  it("a padded header still meets the per-address rate limit on history reads", async () => {
    const shopper = storefront(app.origin, { shop: READS });
    let limited = 0;
    for (let n = 0; n < 130; n++) {
      // A different conversation each time: only the per-address limit (120 a minute) can refuse.
      const url = shopper.url({ extra: { conversationId: `Vd3read${String(n).padStart(16, "0")}` } });
      const res = await fetch(url, { headers: { "X-Forwarded-For": padded("198.51.100.62") } });
      await res.arrayBuffer();
      if (res.status === 429) limited++;
    }
    expect(limited).toBe(10);
  }, 60_000);

  it("three /64s of one IPv6 /56 are one client for the case caps", async () => {
    const shopper = storefront(app.origin, { shop: SIX });
    const states: string[] = [];
    for (const [n, ip] of ["2001:db8:77:1::1", "2001:db8:77:2::1", "2001:db8:77:3::1", "2001:db8:77:fe::9"].entries()) {
      states.push((await shopper.post({ message: `I want to speak to a person, slash56-${n}@six.example` }, { ip })).body.state!);
    }
    expect(states).toEqual(["escalated", "escalated", "escalated", "open"]);
  }, 30_000);
});

describe("finding 2: the case caps cannot be turned against the person they protect", () => {
  it("guests naming Priya as reply-to do not lock Priya out when she proves her order or signs in", async () => {
    const shopper = storefront(app.origin, { shop: OWNERS });
    const flood = [];
    for (let n = 0; n < 25; n++) {
      flood.push((await shopper.post({ message: "I want to talk to a person, reply to priya@example.com" }, { ip: `192.0.2.${n + 1}` })).body.state);
    }
    // Anyone naming an address they do not own meets the reply-to cap (5 a day).
    expect(flood.filter((s) => s === "escalated")).toHaveLength(5);

    // Priya proves order #1044 with her email, then asks for a person.
    const ip = "203.0.113.90";
    const first = await shopper.post({ message: "Where is my order #1044?" }, { ip });
    const conversationId = first.body.conversationId!;
    await shopper.post({ conversationId, message: "priya@example.com" }, { ip });
    const proven = await shopper.post({ conversationId, message: "I want to talk to a person" }, { ip });
    expect(proven.body.state).toBe("escalated");

    // Priya signed in (customer 7003, whose email is priya@example.com).
    const signedIn = await shopper.post({ message: "I want to talk to a person" }, { ip: "203.0.113.91", customerId: "7003" });
    expect(signedIn.body.state).toBe("escalated");
    await smtp.waitForMessage((m) => m.replyTo.includes("priya@example.com") && (m.subject ?? "").includes("#1044"), 10_000);
  }, 90_000);

  it("a signed-in account opens at most 5 cases a day naming someone else's reply-to and 10 an hour in all; the victim still escalates", async () => {
    const shopper = storefront(app.origin, { shop: SIGNED });
    const attacker = "7002"; // mike@example.com
    const naming = [];
    for (let n = 0; n < 20; n++) {
      const r = await shopper.post({ message: "I want to talk to a person, reply to lena@example.com" }, { ip: `192.0.2.${100 + n}`, customerId: attacker });
      naming.push(r.body.state);
    }
    expect(naming.filter((s) => s === "escalated")).toHaveLength(5);
    expect(await teamCases(SIGNED, { shopperEmail: "lena@example.com" })).toBe(5);

    // Lena (customer 7005) signed in is not held back by the attacker's use of her address.
    const victim = await shopper.post({ message: "I want to talk to a person" }, { ip: "203.0.113.92", customerId: "7005" });
    expect(victim.body.state).toBe("escalated");

    const others = [];
    for (let n = 0; n < 8; n++) {
      const r = await shopper.post(
        { message: `I want to talk to a person, reply to other${n}@victims.example` },
        { ip: `192.0.2.${130 + n}`, customerId: attacker },
      );
      others.push(r.body.state);
    }
    // 10 an hour per signed customer, whatever addresses it writes from: 5 more.
    expect(others.filter((s) => s === "escalated")).toHaveLength(5);
  }, 90_000);
});

describe("finding 6: an unparseable Admin date", () => {
  it("answers the shopper (200) instead of failing the turn", async () => {
    const shopper = storefront(app.origin, { shop: DATES });
    const r = await shopper.post({ message: "Where is my order #1042? My email is sarah@example.com" });
    expect(r.status).toBe(200);
    expect(r.body.messages!.map((m) => m.text).join(" ")).toContain("#1042");
  }, 30_000);
});

describe("finding 3: a wrong ENCRYPTION_KEY does not take the shop down", () => {
  const KEYS = "wrong-key.myshopify.com";
  const configured = Buffer.alloc(32);
  configured.write("the key this process is given....");
  const lost = Buffer.alloc(32);
  lost.write("the key the tokens were written!!");
  let keyed: AppServer;

  beforeAll(async () => {
    const databaseUrl = tempSqliteUrl();
    await migrateDeploy(databaseUrl);
    await seedShop(databaseUrl, { domain: KEYS, plan: "growth" });
    const seeded = createDb(databaseUrl);
    await seeded.session.update({ where: { id: `offline_${KEYS}` }, data: { accessToken: createTokenCipher(lost).encrypt(TEST_ACCESS_TOKEN) } });
    await seeded.$disconnect();
    keyed = await startAppServer({
      databaseUrl,
      env: { SMTP_URL: smtp.url, SHOPIFY_ADMIN_API_ORIGIN: admin.origin, ENCRYPTION_KEY: configured.toString("base64") },
    });
  }, 90_000);

  afterAll(() => keyed?.stop());

  it("says so at start-up, naming the key ids", async () => {
    const lostId = createTokenCipher(lost).keyIds[0]!;
    const configuredId = createTokenCipher(configured).keyIds[0]!;
    for (let n = 0; n < 50 && !keyed.output().includes(lostId); n++) await new Promise((resolve) => setTimeout(resolve, 100));
    const line = keyed
      .output()
      .split("\n")
      .find((l) => l.includes("ENCRYPTION_KEY:"));
    expect(line).toContain(`key id ${lostId}`);
    expect(line).toContain(`ENCRYPTION_KEY (key id ${configuredId})`);
  });

  it("the storefront still chats with the built-in engine: no order lookups, no 500", async () => {
    const shopper = storefront(keyed.origin, { shop: KEYS });
    const r = await shopper.post({ message: "Where is my order #1042? My email is sarah@example.com" });
    expect(r.status).toBe(200);
    expect(r.body.messages!.map((m) => m.text).join(" ")).toContain("can't look up orders right now");
    const again = await shopper.post({ conversationId: r.body.conversationId, message: "What is your return policy?" });
    expect(again.status).toBe(200);
  }, 30_000);
});

describe("finding 5: app_subscriptions/update deliveries are deduplicated and ordered", () => {
  const deliver = async (webhookId: string, name: string, status: string, updatedAt: string) => {
    const body = { app_subscription: { admin_graphql_api_id: "gid://shopify/AppSubscription/1", name, status, updated_at: updatedAt } };
    const init = buildWebhookRequestInit({ topic: "app_subscriptions/update", shop: BILLING, body, secret: TEST_API_SECRET, webhookId });
    const res = await fetch(`${app.origin}/webhooks/app_subscriptions/update`, init);
    await res.arrayBuffer();
    return res.status;
  };
  const plan = async () => (await db.shop.findUniqueOrThrow({ where: { domain: BILLING } })).plan;

  it("with the Admin API unreachable, a replayed upgrade (same webhook id, or the same signed body under a new id) changes nothing", async () => {
    // No offline token: billing cannot be read, the payload decides.
    await db.session.deleteMany({ where: { shop: BILLING } });
    await db.shop.update({ where: { domain: BILLING }, data: { plan: "free" } });
    expect(await deliver("w-1", "Growth", "ACTIVE", "2026-12-01T10:00:00Z")).toBe(200);
    expect(await plan()).toBe("growth");
    expect(await deliver("w-2", "Growth", "CANCELLED", "2026-12-02T10:00:00Z")).toBe(200);
    expect(await plan()).toBe("free");
    expect(await deliver("w-1", "Growth", "ACTIVE", "2026-12-01T10:00:00Z")).toBe(200);
    expect(await plan()).toBe("free");
    expect(await deliver("w-forged-id", "Growth", "ACTIVE", "2026-12-01T10:00:00Z")).toBe(200);
    expect(await plan()).toBe("free");
    // A genuinely newer event still applies.
    expect(await deliver("w-3", "Scale", "ACTIVE", "2026-12-03T10:00:00Z")).toBe(200);
    expect(await plan()).toBe("scale");
  }, 30_000);
});
