import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { purgeExpiredConversations } from "../../app/platform/retention.server";
import { startAppServer, tempSqliteUrl, type AppServer } from "../support/app-server";
import { seedShop } from "../support/seed";

// Retention: conversations past the shop's retentionDays are deleted by the job the runtime starts
// (once at start, then hourly), except while their case email is still being delivered.
const DAY = 24 * 60 * 60_000;
const SHORT = "short-retention.myshopify.com";
const LONG = "long-retention.myshopify.com";
let app: AppServer | undefined;
let db: Db;
const databaseUrl = tempSqliteUrl();

async function conversation(shop: string, id: string, ageDays: number) {
  const at = new Date(Date.now() - ageDays * DAY);
  await db.conversation.create({
    data: { id, shop, createdAt: at, updatedAt: at, messages: { create: [{ role: "shopper", text: `hello from ${id}`, createdAt: at }] } },
  });
}

beforeAll(async () => {
  // First start applies the migrations; then the data is seeded with the app stopped.
  const first = await startAppServer({ databaseUrl, env: { SMTP_URL: undefined } });
  await first.stop();
  await seedShop(databaseUrl, { domain: SHORT });
  await seedShop(databaseUrl, { domain: LONG });
  db = createDb(databaseUrl);
  await db.shop.update({ where: { domain: SHORT }, data: { retentionDays: 30 } });
  await db.shop.update({ where: { domain: LONG }, data: { retentionDays: 365 } });
  await conversation(SHORT, "old-short", 45);
  await conversation(SHORT, "fresh-short", 5);
  await conversation(SHORT, "old-but-sending", 45);
  await conversation(LONG, "old-long", 45);
  const c = await db.escalationCase.create({
    data: {
      shop: SHORT,
      conversationId: "old-but-sending",
      reasons: ["explicit_request"],
      reasonText: "asked",
      priority: "normal",
      confidence: 1,
      signals: [],
      route: {},
      summary: "s",
      messageId: "<case-x@test>",
      shopperEmail: "a@example.com",
    },
  });
  await db.outboxEmail.create({
    data: {
      shop: SHORT,
      caseId: c.id,
      kind: "case",
      status: "pending",
      messageId: "<case-x@test>",
      fromAddress: "a@b.c",
      toAddresses: "support@example.com",
      subject: "s",
      textBody: "t",
      htmlBody: "h",
      nextAttemptAt: new Date(Date.now() + DAY),
    },
  });
  // Closed while the app starts: `migrate deploy` wants the SQLite file to itself.
  await db.$disconnect();
});

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
});

describe("retention", () => {
  it("the runtime's job purges expired conversations at start (no SMTP configured), keeping the rest", async () => {
    app = await startAppServer({ databaseUrl, env: { SMTP_URL: undefined } });
    db = createDb(databaseUrl);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await db.conversation.count({ where: { id: "old-short" } })) > 0) await new Promise((r) => setTimeout(r, 100));
    expect(await db.conversation.findUnique({ where: { id: "old-short" } })).toBeNull();
    expect(await db.message.count({ where: { conversationId: "old-short" } })).toBe(0);
    const left = (await db.conversation.findMany({ select: { id: true } })).map((c) => c.id).sort();
    expect(left).toEqual(["fresh-short", "old-but-sending", "old-long"]);
  });

  it("a conversation whose email was delivered is purged on the next run; repeated runs are no-ops", async () => {
    await db.outboxEmail.updateMany({ where: { caseId: { not: null } }, data: { status: "sent", sentAt: new Date() } });
    expect(await purgeExpiredConversations(db, new Date())).toEqual({ shops: 1, conversations: 1 });
    expect(await purgeExpiredConversations(db, new Date())).toEqual({ shops: 0, conversations: 0 });
    expect(await db.outboxEmail.count()).toBe(0);
    // 400 days on, the long-retention shop's conversation expires too.
    expect((await purgeExpiredConversations(db, new Date(Date.now() + 400 * DAY))).conversations).toBe(2);
  });
});
