import type { Db } from "~/db.server";

// Full-text search across case transcripts with the database's own text search: SQLite FTS5 (a
// MessageSearch index kept by triggers on Message) and PostgreSQL tsvector (a GIN expression index
// on Message.text). The search objects are created here, on first use, rather than in prisma/
// migrations: Prisma can represent neither an FTS5 virtual table nor an expression index, so a
// migration creating them would make every later `db.ts new-migration` diff propose dropping them.
// Every statement is idempotent (IF NOT EXISTS), so concurrent processes may race safely.

/**
 * Newest matching cases a search returns at most (the list pages through them). Their ids go to the
 * list query as parameters, which SQLite caps near 1,000 per statement through Prisma.
 */
export const SEARCH_LIMIT = 900;
/**
 * SQLite: a common word ("order") is in most messages; the newest this many matching messages are
 * read (FTS5 walks its index backwards by rowid, which grows with time), so a search costs the same
 * on 100,000 cases as on 1,000 and still lists the newest matches first.
 */
const MESSAGE_SCAN_LIMIT = 20_000;

type Flavour = "sqlite" | "postgresql";
const ready = new WeakMap<Db, Promise<Flavour>>();

async function flavourOf(db: Db): Promise<Flavour> {
  try {
    await db.$queryRawUnsafe("SELECT sqlite_version()");
    return "sqlite";
  } catch {
    return "postgresql";
  }
}

/** A shop domain as one search token ("a-b.myshopify.com" → "axbxmyshopifyxcom"), in SQL and in JS alike. */
const SHOP_TOKEN = (column: string) => `replace(replace(${column}, '.', 'x'), '-', 'x')`;
const shopToken = (shop: string) => shop.replace(/[.-]/g, "x");

const SQLITE_SETUP = [
  // Contentful. The shop is one token (its domain with . and - as x: one term to intersect, where the
  // domain's words would be a phrase to check); the conversation id is only carried. Diacritics
  // folded: "creme" finds "crème". A v2 name: the first layout indexed the shop as a phrase.
  `CREATE VIRTUAL TABLE IF NOT EXISTS "MessageSearch2" USING fts5(text, shop, conversationId UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')`,
  `CREATE TRIGGER IF NOT EXISTS "MessageSearch2_insert" AFTER INSERT ON "Message" BEGIN
     INSERT INTO "MessageSearch2"(rowid, text, shop, conversationId)
       SELECT new.rowid, new.text, ${SHOP_TOKEN("c.shop")}, new.conversationId FROM "Conversation" c WHERE c.id = new.conversationId;
   END`,
  `CREATE TRIGGER IF NOT EXISTS "MessageSearch2_delete" AFTER DELETE ON "Message" BEGIN
     DELETE FROM "MessageSearch2" WHERE rowid = old.rowid;
   END`,
  `CREATE TRIGGER IF NOT EXISTS "MessageSearch2_update" AFTER UPDATE OF text ON "Message" BEGIN
     UPDATE "MessageSearch2" SET text = new.text WHERE rowid = new.rowid;
   END`,
];

async function setUp(db: Db): Promise<Flavour> {
  const flavour = await flavourOf(db);
  if (flavour === "postgresql") {
    await db.$executeRawUnsafe(`CREATE INDEX IF NOT EXISTS "Message_text_search_idx" ON "Message" USING GIN (to_tsvector('simple', "text"))`);
    return flavour;
  }
  const existed = await db.$queryRawUnsafe<Array<{ n: number | bigint }>>(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'MessageSearch2'`);
  for (const sql of SQLITE_SETUP) await db.$executeRawUnsafe(sql);
  // First use on an existing database: index what is already there (once; the triggers keep it after).
  if (Number(existed[0]?.n ?? 0) === 0) {
    await db.$executeRawUnsafe(
      `INSERT INTO "MessageSearch2"(rowid, text, shop, conversationId)
       SELECT m.rowid, m.text, ${SHOP_TOKEN("c.shop")}, m.conversationId FROM "Message" m JOIN "Conversation" c ON c.id = m.conversationId`,
    );
  }
  return flavour;
}

/** Creates the search index if needed (the first search, or start-up of a process that wants it warm). */
export function ensureCaseSearch(db: Db): Promise<Flavour> {
  let p = ready.get(db);
  if (!p) {
    p = setUp(db).catch((error: unknown) => {
      ready.delete(db);
      throw error;
    });
    ready.set(db, p);
  }
  return p;
}

/** The words of a query, as letters and digits only (no operator of either search syntax survives). */
export function searchWords(q: string): string[] {
  return q
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * Ids of the shop's cases whose transcript has every word of `q` (the last one as a prefix, so a
 * half-typed word already finds), newest first, at most SEARCH_LIMIT. Empty when `q` has no words.
 */
export async function searchCaseIds(db: Db, shop: string, q: string): Promise<string[]> {
  const words = searchWords(q);
  if (!words.length) return [];
  const flavour = await ensureCaseSearch(db);
  if (flavour === "sqlite") {
    const phrase = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const text = words.map((w, i) => (i === words.length - 1 ? `${phrase(w)}*` : phrase(w))).join(" AND ");
    const match = `shop : ${phrase(shopToken(shop))} AND text : (${text})`;
    const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT e.id FROM "EscalationCase" e
       WHERE e.shop = ? AND e.conversationId IN (
         SELECT conversationId FROM "MessageSearch2" WHERE "MessageSearch2" MATCH ? ORDER BY rowid DESC LIMIT ${MESSAGE_SCAN_LIMIT})
       ORDER BY e.createdAt DESC, e.id DESC LIMIT ${SEARCH_LIMIT}`,
      shop,
      match,
    );
    return rows.map((r) => r.id);
  }
  const query = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ");
  const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT e.id FROM "EscalationCase" e
     WHERE e.shop = $1 AND e."conversationId" IN (
       SELECT m."conversationId" FROM "Message" m WHERE to_tsvector('simple', m."text") @@ to_tsquery('simple', $2))
     ORDER BY e."createdAt" DESC, e.id DESC LIMIT ${SEARCH_LIMIT}`,
    shop,
    query,
  );
  return rows.map((r) => r.id);
}
