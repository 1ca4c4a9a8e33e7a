import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, postgresPoolOf, sqliteConnectionOf, type Db } from "../../app/db.server";
import type { CasePlan, ChatStore, TranscriptRow, TurnWrite } from "../../app/chat/store/chat-store";
import { outboxInsert } from "../../app/email/outbox.server";
import { createPgChatStore } from "../../app/chat/store/pg-chat-store.server";
import { createPrismaChatStore } from "../../app/chat/store/prisma-chat-store.server";
import { createSqliteChatStore } from "../../app/chat/store/sqlite-chat-store.server";
import { chatStoreFor } from "../../app/chat/store/index.server";
import { migrateDeploy } from "../../app/platform/prisma-cli.server";
import { tempSqliteUrl } from "../support/app-server";
import { createPostgresDatabase } from "../support/postgres";

// One contract for every chat store: the SQLite prepared-statement store must write rows exactly
// as the Prisma store does, so Prisma (admin, cases, retention) reads them unchanged.
type Variant = [name: string, makeDatabase: () => Promise<{ url: string; drop(): Promise<void> }>, makeStore: (db: Db) => ChatStore];
const sqlite = async () => ({ url: tempSqliteUrl(), drop: async () => undefined });
const variants: Variant[] = [
  ["sqlite, prepared statements", sqlite, (db) => createSqliteChatStore(() => sqliteConnectionOf(db), refusingStore)],
  ["sqlite, Prisma client", sqlite, (db) => createPrismaChatStore(db)],
  ["postgresql, Prisma client", () => createPostgresDatabase(), (db) => createPrismaChatStore(db)],
  ["postgresql, pg", () => createPostgresDatabase(), (db) => pgStore(db)],
];

// The pg store on the pool chatStoreFor uses: the one pool createDb hands to Prisma's adapter.
function pgStore(db: Db): ChatStore {
  const pool = postgresPoolOf(db);
  if (!pool) throw new Error("no pg pool for a PostgreSQL client");
  return createPgChatStore(pool);
}

// The prepared-statement variant must never quietly fall back to Prisma in these tests.
const refuse = () => Promise.reject(new Error("fell back to the Prisma store"));
const refusingStore: ChatStore = { loadTurn: refuse, loadConversation: refuse, saveTurn: refuse, saveTurnWithCase: refuse, escalationsInPeriod: refuse };

const SHOP = "store-a.myshopify.com";
const OTHER = "store-b.myshopify.com";
const T0 = new Date("2026-11-22T10:00:00.000Z");

function turn(overrides: Partial<TurnWrite> & { conversationId: string }): TurnWrite {
  return {
    shop: SHOP,
    isNew: true,
    now: T0,
    usagePeriod: "2026-11",
    columns: {
      state: "open",
      customerId: null,
      shopperEmail: null,
      orderName: null,
      orderVerified: false,
      unhelpfulCount: 0,
      emailAsks: 0,
      pendingEscalation: null,
      closedAt: null,
      updatedAt: T0,
    },
    llm: null,
    messages: [
      { role: "shopper", text: "Where is #1042?", createdAt: T0 },
      { role: "assistant", text: "Which email did you use?", createdAt: new Date(T0.getTime() + 1), meta: { engine: "built-in" } },
    ],
    ...overrides,
  };
}

describe.each(variants)("chat store: %s", (_name, makeDatabase, makeStore) => {
  let db: Db;
  let store: ChatStore;
  let drop = async () => {};

  beforeAll(async () => {
    const database = await makeDatabase();
    drop = database.drop;
    await migrateDeploy(database.url);
    db = createDb(database.url);
    store = makeStore(db);
    for (const domain of [SHOP, OTHER]) await db.shop.create({ data: { domain } });
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    await drop();
  });

  it("creates a conversation with its messages and counts it once in the month's usage", async () => {
    await store.saveTurn(
      turn({
        conversationId: "conv-new",
        columns: { ...turn({ conversationId: "x" }).columns, customerId: "gid://shopify/Customer/7" },
        llm: { tokensIn: 10, tokensOut: 5, latencyMs: 300 },
      }),
    );
    const row = await db.conversation.findUniqueOrThrow({ where: { id: "conv-new" }, include: { messages: { orderBy: { createdAt: "asc" } } } });
    expect(row).toMatchObject({
      shop: SHOP,
      customerId: "gid://shopify/Customer/7",
      state: "open",
      orderVerified: false,
      llmTokensIn: 10,
      llmTokensOut: 5,
      llmLatencyMs: 300,
      createdAt: T0,
      updatedAt: T0,
      closedAt: null,
    });
    expect(row.messages.map((m) => [m.role, m.text, m.createdAt.toISOString(), m.meta])).toEqual([
      ["shopper", "Where is #1042?", "2026-11-22T10:00:00.000Z", null],
      ["assistant", "Which email did you use?", "2026-11-22T10:00:00.001Z", { engine: "built-in" }],
    ]);
    expect(row.messages.every((m) => typeof m.id === "string" && m.id.length > 0)).toBe(true);
    await store.saveTurn(turn({ conversationId: "conv-new-2" }));
    const usage = await db.usageCounter.findUniqueOrThrow({ where: { shop_period: { shop: SHOP, period: "2026-11" } } });
    expect(usage).toMatchObject({ conversations: 2, escalations: 0, limited: 0 });
  });

  it("updates state, adds model usage and appends messages; loads newest first within the limit", async () => {
    const later = new Date(T0.getTime() + 60_000);
    await store.saveTurn(
      turn({
        conversationId: "conv-new",
        isNew: false,
        now: later,
        columns: {
          state: "closed",
          customerId: null,
          shopperEmail: "sarah@example.com",
          orderName: "#1042",
          orderVerified: true,
          unhelpfulCount: 1,
          emailAsks: 2,
          pendingEscalation: JSON.stringify({ reasons: ["explicit_request"] }),
          closedAt: later,
          updatedAt: later,
        },
        llm: { tokensIn: 1, tokensOut: 2, latencyMs: 3 },
        messages: [{ role: "shopper", text: "sarah@example.com", createdAt: later }],
      }),
    );
    const loaded = await store.loadConversation(SHOP, "conv-new", 2);
    expect(loaded).toMatchObject({
      id: "conv-new",
      state: "closed",
      shopperEmail: "sarah@example.com",
      orderName: "#1042",
      orderVerified: true,
      unhelpfulCount: 1,
      emailAsks: 2,
      pendingEscalation: JSON.stringify({ reasons: ["explicit_request"] }),
    });
    expect(typeof loaded!.unhelpfulCount).toBe("number");
    expect(loaded!.messages.map((m) => [m.role, m.text, m.createdAt.getTime(), m.meta])).toEqual([
      ["shopper", "sarah@example.com", later.getTime(), null],
      ["assistant", "Which email did you use?", T0.getTime() + 1, { engine: "built-in" }],
    ]);
    const row = await db.conversation.findUniqueOrThrow({ where: { id: "conv-new" } });
    expect(row).toMatchObject({ llmTokensIn: 11, llmTokensOut: 7, llmLatencyMs: 303, closedAt: later, updatedAt: later, createdAt: T0 });
    const usage = await db.usageCounter.findUniqueOrThrow({ where: { shop_period: { shop: SHOP, period: "2026-11" } } });
    expect(usage.conversations).toBe(2);
  });

  it("writes the shopper's email when it changed and keeps it when the turn says it is unchanged", async () => {
    const columns = (shopperEmail: string | null, state = "awaiting_email") => ({ ...turn({ conversationId: "x" }).columns, shopperEmail, state });
    await store.saveTurn(turn({ conversationId: "conv-email" }));
    await store.saveTurn(turn({ conversationId: "conv-email", isNew: false, columns: columns("kept-email@example.com"), shopperEmailUnchanged: false }));
    const email = async () => (await db.conversation.findUniqueOrThrow({ where: { id: "conv-email" } })).shopperEmail;
    expect(await email()).toBe("kept-email@example.com");
    await store.saveTurn(turn({ conversationId: "conv-email", isNew: false, columns: columns("kept-email@example.com", "open"), shopperEmailUnchanged: true }));
    const row = await db.conversation.findUniqueOrThrow({ where: { id: "conv-email" } });
    expect([row.shopperEmail, row.state]).toEqual(["kept-email@example.com", "open"]);
    expect(await db.conversation.count({ where: { shop: SHOP, shopperEmail: "kept-email@example.com" } })).toBe(1);
    await store.saveTurn(turn({ conversationId: "conv-email", isNew: false, columns: columns(null), shopperEmailUnchanged: false }));
    expect(await email()).toBeNull();
  });

  it("reads the month's escalation count of the shop", async () => {
    expect(await store.escalationsInPeriod(SHOP, "2026-11")).toBe(0);
    await db.usageCounter.update({ where: { shop_period: { shop: SHOP, period: "2026-11" } }, data: { escalations: 3 } });
    expect(await store.escalationsInPeriod(SHOP, "2026-11")).toBe(3);
    expect(await store.escalationsInPeriod(OTHER, "2026-11")).toBe(0);
    expect(await store.escalationsInPeriod(SHOP, "2026-10")).toBe(0);
  });

  it("writes a case turn in one transaction: turn, then case, email and counters planned from the transcript", async () => {
    const escalationsBefore = (await db.usageCounter.findUnique({ where: { shop_period: { shop: SHOP, period: "2026-11" } } }))?.escalations ?? 0;
    const seen: Array<{ transcript: TranscriptRow[]; prior: { id: string; status: string } | null }> = [];
    const plan =
      (id: string, status: string) =>
      (transcript: TranscriptRow[], prior: { id: string; status: string } | null): CasePlan | null => {
        seen.push({ transcript, prior });
        if (prior && prior.status !== "abandoned") return null;
        return {
          replacePriorId: prior?.id ?? null,
          caseRow: {
            id,
            shop: SHOP,
            conversationId: "case-conv",
            status,
            reasons: ["explicit_request"],
            reasonText: "Asked for a person",
            topic: "other",
            request: "damaged_item",
            priority: "normal",
            confidence: 0.95,
            signals: [{ reason: "explicit_request", strength: 1 }],
            route: { to: ["team@x.example"], cc: [], from: "Baton <b@x.example>" },
            shopperEmail: "ana@example.com",
            orderName: "#1042",
            orderFacts: { name: "#1042", total: "12.00" },
            customerFacts: null,
            summary: "Wants a person.",
            messageId: `<case-${id}@x.example>`,
            messagesEmailed: transcript.length,
            clientHash: `hash-${id}`,
            createdAt: T0,
          },
          outbox:
            status === "queued"
              ? outboxInsert({
                  shop: SHOP,
                  caseId: id,
                  kind: "case",
                  coversUpTo: transcript.length,
                  now: T0,
                  email: {
                    messageId: `<case-${id}@x.example>`,
                    from: "Baton <b@x.example>",
                    to: ["team@x.example"],
                    cc: [],
                    replyTo: "ana@example.com",
                    subject: "Escalation — ana@example.com",
                    text: "text",
                    html: "<p>html</p>",
                    headers: {},
                  },
                })
              : null,
          usage: { escalations: status === "queued" ? 1 : 0, limited: 0 },
          escalatedAt: status === "queued" ? T0 : null,
        };
      };
    await store.saveTurnWithCase(turn({ conversationId: "case-conv" }), plan("case-1", "abandoned"));
    expect(seen[0]!.transcript.map((m) => [m.role, m.text, m.createdAt.getTime()])).toEqual([
      ["shopper", "Where is #1042?", T0.getTime()],
      ["assistant", "Which email did you use?", T0.getTime() + 1],
    ]);
    expect(seen[0]!.prior).toBeNull();

    const later = new Date(T0.getTime() + 5_000);
    await store.saveTurnWithCase(
      turn({ conversationId: "case-conv", isNew: false, now: later, messages: [{ role: "shopper", text: "ana@example.com", createdAt: later }] }),
      plan("case-2", "queued"),
    );
    expect(seen[1]!.prior).toEqual({ id: "case-1", status: "abandoned" });
    expect(seen[1]!.transcript).toHaveLength(3);

    const cases = await db.escalationCase.findMany({ where: { conversationId: "case-conv" } });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      id: "case-2",
      status: "queued",
      reasons: ["explicit_request"],
      confidence: 0.95,
      topic: "other",
      request: "damaged_item",
      signals: [{ reason: "explicit_request", strength: 1 }],
      route: { to: ["team@x.example"], cc: [], from: "Baton <b@x.example>" },
      orderFacts: { name: "#1042", total: "12.00" },
      customerFacts: null,
      messagesEmailed: 3,
      createdAt: T0,
      messageId: "<case-case-2@x.example>",
      clientHash: "hash-case-2",
    });
    const outbox = await db.outboxEmail.findMany({ where: { caseId: "case-2" } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      kind: "case",
      status: "pending",
      attempts: 0,
      messageId: "<case-case-2@x.example>",
      toAddresses: "team@x.example",
      ccAddresses: null,
      replyTo: "ana@example.com",
      subject: "Escalation — ana@example.com",
      coversUpTo: 3,
      nextAttemptAt: T0,
      createdAt: T0,
      lockedBy: null,
    });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: "case-conv" } })).escalatedAt).toEqual(T0);
    const usage = await db.usageCounter.findUniqueOrThrow({ where: { shop_period: { shop: SHOP, period: "2026-11" } } });
    expect(usage.escalations).toBe(escalationsBefore + 1);

    // An active case is left alone: the turn is written, no second case.
    await store.saveTurnWithCase(
      turn({
        conversationId: "case-conv",
        isNew: false,
        now: later,
        messages: [{ role: "shopper", text: "hello?", createdAt: new Date(later.getTime() + 1) }],
      }),
      plan("case-3", "queued"),
    );
    expect(await db.escalationCase.count({ where: { conversationId: "case-conv" } })).toBe(1);
    expect(await db.message.count({ where: { conversationId: "case-conv" } })).toBe(4);
  });

  it("never returns another shop's conversation", async () => {
    expect(await store.loadConversation(OTHER, "conv-new", 40)).toBeNull();
    expect(await store.loadConversation(SHOP, "no-such-conversation", 40)).toBeNull();
  });

  it("sets a conversation's owner once: a later turn naming another customer does not replace it", async () => {
    const columns = turn({ conversationId: "owned" }).columns;
    await store.saveTurn(turn({ conversationId: "owned" }));
    for (const customerId of ["4001", "4002"]) {
      await store.saveTurn(turn({ conversationId: "owned", isNew: false, columns: { ...columns, customerId }, messages: [] }));
    }
    expect((await db.conversation.findUniqueOrThrow({ where: { id: "owned" } })).customerId).toBe("4001");
  });

  it.runIf(_name.startsWith("postgresql"))("keeps the first owner when a second customer's turn waits on the first one's row lock", async () => {
    const columns = turn({ conversationId: "raced" }).columns;
    await store.saveTurn(turn({ conversationId: "raced" }));
    let second: Promise<void> | undefined;
    await db.$transaction(async (tx) => {
      await tx.conversation.updateMany({ where: { id: "raced", customerId: null }, data: { customerId: "5001" } });
      // Both turns read the conversation as anonymous; the second writes while the first holds the row.
      second = store.saveTurn(turn({ conversationId: "raced", isNew: false, columns: { ...columns, customerId: "5002" }, messages: [] }));
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await second;
    expect((await db.conversation.findUniqueOrThrow({ where: { id: "raced" } })).customerId).toBe("5001");
  });

  it("writes the visit that holds the proof with the turn and reads it with the conversation", async () => {
    const usedAt = new Date(T0.getTime() + 5_000);
    await store.saveTurn(turn({ conversationId: "proved", visitProof: { visitHash: "visit-a", usedAt } }));
    expect((await store.loadTurn(SHOP, "proved", 40, "2026-11")).conversation?.visitProof).toEqual({ visitHash: "visit-a", usedAt });
    expect(await db.visitProof.findUniqueOrThrow({ where: { conversationId: "proved" } })).toEqual({ conversationId: "proved", visitHash: "visit-a", usedAt });
    // A later turn from another visit (one without a token too) moves it; a turn that sets none leaves it.
    const later = new Date(T0.getTime() + 90_000);
    await store.saveTurn(turn({ conversationId: "proved", isNew: false, messages: [], visitProof: { visitHash: null, usedAt: later } }));
    await store.saveTurn(turn({ conversationId: "proved", isNew: false, messages: [] }));
    expect((await store.loadConversation(SHOP, "proved", 40))?.visitProof).toEqual({ visitHash: null, usedAt: later });
    await store.saveTurn(turn({ conversationId: "unproved" }));
    expect((await store.loadTurn(SHOP, "unproved", 40, "2026-11")).conversation?.visitProof ?? null).toBeNull();
  });

  it.runIf(_name.startsWith("postgresql"))("shares one pg pool with Prisma: its queries check out the chat store's pool's connections", async () => {
    const pool = postgresPoolOf(db)!;
    let acquired = 0;
    const count = () => acquired++;
    pool.on("acquire", count);
    await db.shop.findFirst();
    pool.off("acquire", count);
    expect(acquired).toBeGreaterThan(0);
  });

  it("writes a turn all or nothing", async () => {
    // The conversation exists already: creating it again fails, and none of the turn is kept.
    const counted = (await db.usageCounter.findUniqueOrThrow({ where: { shop_period: { shop: SHOP, period: "2026-11" } } })).conversations;
    await expect(store.saveTurn(turn({ conversationId: "conv-new", messages: [{ role: "shopper", text: "lost", createdAt: T0 }] }))).rejects.toThrow();
    expect(await db.message.count({ where: { text: "lost" } })).toBe(0);
    const usage = await db.usageCounter.findUniqueOrThrow({ where: { shop_period: { shop: SHOP, period: "2026-11" } } });
    expect(usage.conversations).toBe(counted);
  });
});

describe("chat store on SQLite beside Prisma's own transactions", () => {
  let db: Db;
  let url: string;

  beforeAll(async () => {
    url = tempSqliteUrl();
    await migrateDeploy(url);
    db = createDb(url);
    await db.shop.create({ data: { domain: SHOP } });
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
  });

  it("uses prepared statements on the adapter's connection", async () => {
    const connection = await sqliteConnectionOf(db);
    expect(connection?.open).toBe(true);
    expect(chatStoreFor(db)).toBe(chatStoreFor(db));
  });

  it("serves through Prisma when the adapter does not expose its connection", async () => {
    const store = createSqliteChatStore(async () => null, createPrismaChatStore(db));
    await store.saveTurn(turn({ conversationId: "via-prisma" }));
    expect((await store.loadConversation(SHOP, "via-prisma", 40))?.messages).toHaveLength(2);
  });

  it("waits for an open interactive transaction instead of joining it", async () => {
    const store = chatStoreFor(db);
    let releaseTx!: () => void;
    const txOpen = new Promise<void>((resolve) => {
      void db
        .$transaction(async (tx) => {
          await tx.shop.update({ where: { domain: SHOP }, data: { name: "rolled back" } });
          resolve();
          await new Promise<void>((r) => (releaseTx = r));
          throw new Error("roll back on purpose");
        })
        .catch(() => undefined);
    });
    await txOpen;
    let saved = false;
    const saving = store.saveTurn(turn({ conversationId: "during-tx" })).then(() => (saved = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(saved).toBe(false);
    releaseTx();
    await saving;
    // Our turn committed on its own; Prisma's transaction rolled back without taking it along.
    expect(await db.conversation.count({ where: { id: "during-tx" } })).toBe(1);
    expect((await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).name).not.toBe("rolled back");
  });

  it("waits for another process's write lock without blocking the event loop", async () => {
    const store = chatStoreFor(db);
    await store.saveTurn(turn({ conversationId: "before-lock" }));
    const other = new Database(url.replace(/^file:/, ""));
    other.exec("BEGIN IMMEDIATE");
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    let saved = false;
    const saving = store.saveTurn(turn({ conversationId: "after-lock" })).then(() => (saved = true));
    await new Promise((r) => setTimeout(r, 60));
    expect(saved).toBe(false);
    // The event loop kept running between short lock waits (SQLite's own busy handler would have
    // held it for the whole 5 s busy timeout: no tick at all).
    expect(ticks).toBeGreaterThan(2);
    other.exec("COMMIT");
    other.close();
    await saving;
    clearInterval(ticker);
    expect(await db.conversation.count({ where: { id: "after-lock" } })).toBe(1);
  });
});
