import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { compareOutcomes } from "../../app/admin/outcomes.server";
import { migrateDeploy } from "../../app/platform/prisma-cli.server";
import { tempSqliteUrl } from "../support/app-server";
import { seedShop } from "../support/seed";

// The analytics page's outcomes against the previous period, from a real database's rows.
const SHOP = "outcomes.myshopify.com";
const day = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h));
let db: Db;

beforeAll(async () => {
  const url = tempSqliteUrl();
  await migrateDeploy(url);
  await seedShop(url, { domain: SHOP });
  db = createDb(url);
  let n = 0;
  const conversation = async (at: Date, o: { caseAfterMin?: number; teamAfterMin?: number; resolvedAfterMin?: number; rating?: boolean } = {}) => {
    const id = `c${n++}`;
    await db.conversation.create({ data: { id, shop: SHOP, createdAt: at } });
    if (o.caseAfterMin === undefined) {
      if (o.rating !== undefined) await db.chatRating.create({ data: { shop: SHOP, conversationId: id, kind: "answer", helpful: o.rating, createdAt: at } });
      return;
    }
    const caseAt = new Date(at.getTime() + o.caseAfterMin * 60_000);
    await db.escalationCase.create({
      data: {
        id: `k${id}`,
        shop: SHOP,
        conversationId: id,
        reasons: [],
        reasonText: "r",
        priority: "normal",
        confidence: 1,
        signals: [],
        route: {},
        summary: "s",
        messageId: `<${id}@t>`,
        createdAt: caseAt,
        resolvedAt: o.resolvedAfterMin === undefined ? null : new Date(caseAt.getTime() + o.resolvedAfterMin * 60_000),
      },
    });
    if (o.teamAfterMin !== undefined)
      await db.message.create({ data: { conversationId: id, role: "team", text: "On it", createdAt: new Date(caseAt.getTime() + o.teamAfterMin * 60_000) } });
    if (o.rating !== undefined) await db.chatRating.create({ data: { shop: SHOP, conversationId: id, kind: "handoff", helpful: o.rating, createdAt: caseAt } });
  };
  // Previous period (Nov 1–7): 4 conversations, 2 cases.
  for (const d of [1, 2]) await conversation(day(d));
  for (const d of [3, 4]) await conversation(day(d), { caseAfterMin: 1, resolvedAfterMin: 600 });
  // This period (Nov 8–14): 5 conversations, 1 case answered in the chat after 30 min and resolved after 2 h; 3 ratings.
  await conversation(day(8), { rating: true });
  await conversation(day(9), { rating: true });
  await conversation(day(10), { rating: false });
  await conversation(day(11));
  await conversation(day(12), { caseAfterMin: 2, teamAfterMin: 30, resolvedAfterMin: 120 });
}, 60_000);
afterAll(() => db?.$disconnect());

describe("outcomes", () => {
  it("reads resolved-without-a-person, hand-offs, first reply, resolution and satisfaction, with the previous period beside", async () => {
    const o = await compareOutcomes(db, SHOP, { from: day(8, 0), to: day(15, 0) });
    expect(o.current).toEqual({
      conversations: 5,
      withoutPerson: 4,
      withoutPersonRate: 0.8,
      handoffs: 1,
      firstReplySeconds: 1800,
      firstReplies: 1,
      resolutionSeconds: 7200,
      resolved: 1,
      ratings: { helpful: 2, total: 3, rate: 2 / 3 },
    });
    expect(o.previous).toMatchObject({
      conversations: 4,
      withoutPerson: 2,
      withoutPersonRate: 0.5,
      handoffs: 2,
      firstReplySeconds: null,
      resolutionSeconds: 36_000,
    });
    expect(o.previousRange).toEqual({ from: day(1, 0).toISOString(), to: day(8, 0).toISOString() });
  });
});
