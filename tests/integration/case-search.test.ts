import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { listCases, parseCaseFilters } from "../../app/admin/cases.server";
import { migrateDeploy } from "../../app/platform/prisma-cli.server";
import { tempSqliteUrl } from "../support/app-server";
import { createPostgresDatabase } from "../support/postgres";
import { seedShop } from "../support/seed";

// The cases list's full-text search over transcripts, with each database's own text search (SQLite
// FTS5, PostgreSQL tsvector), and the preview of the shopper's words on every row.
const providers: Array<[string, () => Promise<{ url: string; drop(): Promise<void> }>]> = [
  ["sqlite", async () => ({ url: tempSqliteUrl(), drop: async () => undefined })],
  ["postgresql", () => createPostgresDatabase()],
];
const SHOP = "search.myshopify.com";
const OTHER = "other-search.myshopify.com";

describe.each(providers)("case search on %s", (_name, makeDatabase) => {
  let db: Db;
  let drop = async () => {};
  let n = 0;

  async function seed(shop: string, id: string, lines: Array<[role: string, text: string]>, at = new Date(Date.UTC(2026, 10, 1 + n))) {
    n++;
    await db.conversation.create({ data: { id: `conv-${id}`, shop, state: "escalated", createdAt: at } });
    await db.message.createMany({
      data: lines.map(([role, text], i) => ({ conversationId: `conv-${id}`, role, text, createdAt: new Date(at.getTime() + i * 1000) })),
    });
    await db.escalationCase.create({
      data: {
        id,
        shop,
        conversationId: `conv-${id}`,
        reasons: ["explicit_request"],
        reasonText: "r",
        priority: "normal",
        confidence: 0.8,
        signals: [],
        route: {},
        summary: "s",
        messageId: `<${id}@t>`,
        createdAt: at,
      },
    });
  }
  const ids = async (q: string) => (await listCases(db, SHOP, parseCaseFilters(new URLSearchParams({ q })))).rows.map((r) => r.id);

  beforeAll(async () => {
    const database = await makeDatabase();
    drop = database.drop;
    await migrateDeploy(database.url);
    await seedShop(database.url, { domain: SHOP });
    await seedShop(database.url, { domain: OTHER });
    db = createDb(database.url);
    // One case exists before the search index does: the first search indexes it.
    await seed(SHOP, "before", [["shopper", "The rug arrived with a stain on it"]]);
    await listCases(db, SHOP, parseCaseFilters(new URLSearchParams({ q: "warm-up" })));
    await seed(SHOP, "after", [
      ["shopper", "My crème brûlée torch never came"],
      ["assistant", "I'll connect you with our team."],
    ]);
    await seed(SHOP, "rugs", [["shopper", "Do you sell RUGS in wool?"]]);
    await seed(OTHER, "theirs", [["shopper", "My rug is also damaged"]]);
    await seed(SHOP, "long", [["shopper", "word ".repeat(60) + "end"]]);
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await drop();
  });

  it("finds a word anywhere in the shop's transcripts (indexed before and after the index existed), never another shop's", async () => {
    expect(await ids("rug")).toEqual(["rugs", "before"]); // "rug" as a prefix finds "RUGS" too
    expect(await ids("stain rug")).toEqual(["before"]);
    expect(await ids("creme brulee")).toEqual(_name === "sqlite" ? ["after"] : []); // SQLite folds diacritics (PostgreSQL's simple configuration does not)
    expect(await ids("crème")).toEqual(["after"]);
    expect(await ids("team")).toEqual(["after"]); // the assistant's words count too
    expect(await ids("damaged")).toEqual([]);
    expect(await ids(`" OR 1=1 --`)).toEqual([]); // operators of neither syntax survive
  });

  it("keeps a deleted conversation out of the results", async () => {
    await seed(SHOP, "gone", [["shopper", "ephemeral zeppelin"]]);
    expect(await ids("zeppelin")).toEqual(["gone"]);
    await db.conversation.delete({ where: { id: "conv-gone" } });
    expect(await ids("zeppelin")).toEqual([]);
  });

  it("previews the shopper's first words on one line, cut at a word", async () => {
    const rows = (await listCases(db, SHOP, parseCaseFilters(new URLSearchParams()))).rows;
    const preview = Object.fromEntries(rows.map((r) => [r.id, r.preview]));
    expect(preview.after).toBe("My crème brûlée torch never came");
    expect(preview.long!.endsWith("word…")).toBe(true);
    expect(preview.long!.length).toBeLessThanOrEqual(141);
  });
});
