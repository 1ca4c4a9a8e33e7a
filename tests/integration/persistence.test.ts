import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { migrateDeploy } from "../../app/platform/prisma-cli.server";
import { createPostgresDatabase } from "../support/postgres";
import { tempSqliteUrl } from "../support/app-server";

// The same migrations and session storage on the default (SQLite) and production (PostgreSQL) paths.
const providers: Array<[string, () => Promise<{ url: string; drop(): Promise<void> }>]> = [
  ["sqlite", async () => ({ url: tempSqliteUrl(), drop: async () => undefined })],
  ["postgresql", () => createPostgresDatabase()],
];

describe.each(providers)("persistence on %s", (_name, makeDatabase) => {
  let db: Db;
  let drop = async () => {};

  afterAll(async () => {
    await db?.$disconnect();
    await drop();
  });

  it("applies every migration with `migrate deploy`, twice (idempotent)", async () => {
    const database = await makeDatabase();
    drop = database.drop;
    await migrateDeploy(database.url);
    await migrateDeploy(database.url);
    db = createDb(database.url);
    const applied = await db.$queryRawUnsafe<Array<{ migration_name: string }>>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL',
    );
    expect(applied.length).toBeGreaterThan(0);
  }, 60_000);

  it("stores, finds and deletes Shopify sessions with PrismaSessionStorage", async () => {
    const storage = new PrismaSessionStorage(db);
    const session = new Session({ id: "offline_a.myshopify.com", shop: "a.myshopify.com", state: "s", isOnline: false });
    session.accessToken = "shpat_test";
    session.scope = "read_orders,read_customers,write_app_proxy";
    expect(await storage.storeSession(session)).toBe(true);
    const loaded = await storage.loadSession(session.id);
    expect(loaded?.accessToken).toBe("shpat_test");
    expect(loaded?.scope).toBe(session.scope);
    expect((await storage.findSessionsByShop("a.myshopify.com")).map((s) => s.id)).toEqual([session.id]);
    expect(await storage.deleteSession(session.id)).toBe(true);
    expect(await storage.loadSession(session.id)).toBeUndefined();
  });

  it("keeps shops apart and cascades a shop's rows on delete", async () => {
    for (const domain of ["a.myshopify.com", "b.myshopify.com"]) {
      await db.shop.create({ data: { domain } });
      await db.conversation.create({
        data: { id: `c-${domain}`, shop: domain, messages: { create: [{ role: "shopper", text: "hi" }] } },
      });
    }
    await db.shop.delete({ where: { domain: "a.myshopify.com" } });
    expect(await db.conversation.findMany({ select: { id: true } })).toEqual([{ id: "c-b.myshopify.com" }]);
    expect(await db.message.count()).toBe(1);
  });
});
