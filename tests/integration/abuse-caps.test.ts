import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, tempSqliteUrl, type AppServer } from "../support/app-server";
import { createPostgresDatabase } from "../support/postgres";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";

// Abuse caps (docs/decisions/0035): one visitor cannot flood the team. The real built app over HTTP, on SQLite and on
// PostgreSQL, with the real SMTP fake: caps on new cases per address and per reply-to address, on
// follow-ups per case, and forged X-Forwarded-For hops change nothing.
const providers: Array<[string, () => Promise<{ url: string; drop(): Promise<void> }>]> = [
  ["sqlite", async () => ({ url: tempSqliteUrl(), drop: async () => undefined })],
  ["postgresql", () => createPostgresDatabase()],
];
const STARTER = "starter-abuse.myshopify.com";

describe.each(providers)("abuse caps on %s", (_name, makeDatabase) => {
  let smtp: SmtpServerHandle;
  let admin: ShopifyAdminServerHandle;
  let app: AppServer;
  let db: Db;
  let drop = async () => {};

  beforeAll(async () => {
    const database = await makeDatabase();
    drop = database.drop;
    smtp = await startSmtpServer();
    admin = await startShopifyAdminServer({ accessToken: TEST_ACCESS_TOKEN, shops: { [DEMO_SHOP_DOMAIN]: createDemoStore(), [STARTER]: createDemoStore() } });
    app = await startAppServer({
      databaseUrl: database.url,
      env: { SMTP_URL: smtp.url, SHOPIFY_ADMIN_API_ORIGIN: admin.origin, FOLLOW_UP_BATCH_MS: "50", OUTBOX_POLL_MS: "30" },
    });
    await seedShop(app.databaseUrl, { domain: STARTER, plan: "starter", name: "Starter Store" });
    await seedShop(app.databaseUrl, { domain: DEMO_SHOP_DOMAIN, name: "Demo Goods" });
    db = createDb(app.databaseUrl);
    // A shop that tightened its follow-up cap; the others keep the defaults (no `abuse` stored).
    await db.shop.update({ where: { domain: DEMO_SHOP_DOMAIN }, data: { abuse: { followUpsPerCasePerDay: 2 } } });
  }, 90_000);

  afterAll(async () => {
    if (process.env.SHOW_APP_OUTPUT) console.log(app?.output().slice(-4000));
    await db?.$disconnect();
    await app?.stop();
    await admin?.stop();
    await smtp?.stop();
    await drop();
  });

  it(
    "110 parallel requests from one address with rotating emails and forged first hops open at most the 10 the " +
      "address cap allows; another shopper, and a signed-in customer on the same address, still escalate",
    async () => {
      const shopper = storefront(app.origin, { shop: STARTER });
      const replies = await Promise.all(
        Array.from({ length: 110 }, (_, n) =>
          shopper.post(
            { message: `I want to talk to a person. My email is spam${n}@flood.example` },
            // The forged entries are the client's own; Shopify appended the real address last.
            { ip: `10.${n % 250}.${n}.1, 198.51.100.9` },
          ),
        ),
      );
      expect(replies.every((r) => r.status === 200)).toBe(true);
      const escalated = replies.filter((r) => r.body.state === "escalated");
      expect(escalated.length).toBe(10);
      const refused = replies.filter((r) => r.body.state === "open");
      expect(refused.length).toBe(100);
      // The store's contact details instead of a dead end.
      expect(refused[0]!.body.messages!.map((m) => m.text).join(" ")).toContain("help@test-goods.example");

      const cases = await db.escalationCase.groupBy({ by: ["status"], where: { shop: STARTER }, _count: { _all: true } });
      const byStatus = Object.fromEntries(cases.map((c) => [c.status, c._count._all]));
      expect(byStatus.limited_abuse).toBe(100);
      expect((byStatus.queued ?? 0) + (byStatus.sent ?? 0)).toBe(10);
      const usage = await db.usageCounter.findFirst({ where: { shop: STARTER } });
      expect(usage).toMatchObject({ escalations: 10, limited: 0 });

      // An honest shopper at another address is not affected.
      const honest = await shopper.post({ message: "I want to talk to a person. I'm ana@honest.example" }, { ip: "203.0.113.44" });
      expect(honest.body.state).toBe("escalated");
      await smtp.waitForMessage((m) => m.replyTo.includes("ana@honest.example"), 10_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const flooded = smtp.messages.filter((m) => m.replyTo.some((r) => r.endsWith("@flood.example")));
      expect(flooded.length).toBe(10);

      // A shopper who proved who they are is a customer, not the flood: the address cap does not apply.
      const signedIn = await shopper.post({ message: "I want to talk to a person" }, { ip: "10.1.1.1, 198.51.100.9", customerId: "7001" });
      expect(signedIn.body.state).toBe("escalated");
    },
    60_000,
  );

  it("one reply-to address opens at most 5 new cases a day, whatever address it comes from", async () => {
    const shopper = storefront(app.origin, { shop: STARTER });
    const states: string[] = [];
    for (const ip of ["192.0.2.31", "192.0.2.32", "192.0.2.33", "192.0.2.34", "192.0.2.35", "192.0.2.36"]) {
      const r = await shopper.post({ message: "Talk to a human please, reply to Same.Person@reply.example" }, { ip });
      states.push(r.body.state!);
    }
    expect(states).toEqual(["escalated", "escalated", "escalated", "escalated", "escalated", "open"]);
    const cases = await db.escalationCase.findMany({
      where: { shop: STARTER, shopperEmail: "same.person@reply.example" },
      select: { status: true, clientHash: true },
    });
    expect(cases.filter((c) => c.status === "limited_abuse")).toHaveLength(1);
    // The address is stored only as a keyed hash.
    expect(cases.every((c) => c.clientHash && !c.clientHash.includes("192.0.2"))).toBe(true);
  }, 30_000);

  it("an IPv6 shopper is one client across the /64 and as an IPv4-mapped address", async () => {
    await db.shop.update({ where: { domain: STARTER }, data: { abuse: { newCasesPerAddressPerHour: 3 } } });
    // The app caches a shop's settings for 5 s (another process wrote them here).
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const shopper = storefront(app.origin, { shop: STARTER });
    const states: string[] = [];
    const ips = ["2001:db8:aa:1::1", "2001:0db8:00aa:0001:ffff::2", "[2001:db8:aa:1:1234::9]:443", "2001:db8:aa:1::77"];
    for (const [n, ip] of ips.entries()) {
      states.push((await shopper.post({ message: `I want to speak to a person, v6-${n}@six.example` }, { ip })).body.state!);
    }
    expect(states).toEqual(["escalated", "escalated", "escalated", "open"]);
    const mapped = [];
    for (const [n, ip] of ["::ffff:198.18.0.5", "198.18.0.5", "::ffff:c612:5", "198.18.0.5:5000"].entries()) {
      mapped.push((await shopper.post({ message: `I want to speak to a person, v4-${n}@six.example` }, { ip })).body.state!);
    }
    expect(mapped).toEqual(["escalated", "escalated", "escalated", "open"]);
  }, 30_000);

  it("follow-up emails stop at the shop's cap per case per day; later messages wait for one scheduled follow-up, nothing lost", async () => {
    const shopper = storefront(app.origin, { shop: DEMO_SHOP_DOMAIN, ip: "198.51.100.77" });
    const start = await shopper.post({ message: "I want to talk to a person, I am follow@up.example" }, { ip: "198.51.100.77" });
    expect(start.body.state).toBe("escalated");
    const conversationId = start.body.conversationId!;
    const caseRow = await db.escalationCase.findUniqueOrThrow({ where: { conversationId } });
    for (let n = 0; n < 5; n++) {
      const r = await shopper.post({ conversationId, message: `more detail ${n}` }, { ip: "198.51.100.77" });
      expect(r.status).toBe(200);
      // Let the batched follow-up go out, so the next message would need a new one (one scheduled
      // for tomorrow, past the cap, stays pending: later messages join it).
      const soon = new Date(Date.now() + 3_600_000);
      for (let t = 0; t < 100; t++) {
        const due = await db.outboxEmail.count({ where: { caseId: caseRow.id, status: { in: ["pending", "sending"] }, nextAttemptAt: { lt: soon } } });
        if (due === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const followUps = await db.outboxEmail.findMany({ where: { caseId: caseRow.id, kind: "followup" }, orderBy: { createdAt: "asc" } });
    expect(followUps).toHaveLength(3);
    expect(followUps.slice(0, 2).every((f) => f.status === "sent")).toBe(true);
    // The third waits until the day's window allows, and will carry "more detail 2" to "more detail 4".
    expect(followUps[2]!.status).toBe("pending");
    expect(followUps[2]!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const transcript = await db.message.count({ where: { conversationId, role: "shopper" } });
    expect(transcript).toBe(6);
  }, 60_000);
});
