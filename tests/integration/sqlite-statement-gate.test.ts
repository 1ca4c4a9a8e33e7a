import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, tuneSqlite, type Db } from "../../app/db.server";
import { migrateDeploy } from "../../app/platform/prisma-cli.server";
import { tempSqliteUrl } from "../support/app-server";

// Issue 29, decision 0076's leftover: a Prisma transaction that waits for another process's write lock
// keeps the connection inside BEGIN across timer turns. A statement outside it, issued meanwhile on the
// same connection, must neither run inside it (and be rolled back with it) nor let it run inside its own wait.
const SHOP = "gate-a.myshopify.com";
const OTHER = "gate-b.myshopify.com";

describe("Prisma statements on SQLite while a transaction waits for the write lock", () => {
  let db: Db;
  let url: string;

  beforeAll(async () => {
    url = tempSqliteUrl();
    await migrateDeploy(url);
    db = createDb(url);
    await tuneSqlite(db, url);
    for (const domain of [SHOP, OTHER]) await db.shop.create({ data: { domain } });
  }, 60_000);

  // One plain statement (Prisma runs some model writes in a transaction of their own, which the adapter's mutex orders anyway).
  const nameOther = (name: string) => db.$executeRaw`UPDATE "Shop" SET "name" = ${name} WHERE "domain" = ${OTHER}`;

  afterAll(async () => {
    await db?.$disconnect();
  });

  it("an unrelated statement waits for the transaction and survives its rollback", async () => {
    // Another connection (as another process would) holds the write lock.
    const other = new Database(url.replace(/^file:/, ""));
    other.exec("BEGIN IMMEDIATE");
    // The transaction's first write waits for the lock; once it has it, the transaction fails and rolls back.
    const failed = db
      .$transaction(async (tx) => {
        await tx.shop.update({ where: { domain: SHOP }, data: { name: "rolled back" } });
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error("roll back on purpose");
      })
      .catch(() => "failed");
    await new Promise((resolve) => setTimeout(resolve, 40));
    const unrelated = nameOther("kept");
    await new Promise((resolve) => setTimeout(resolve, 60));
    other.exec("COMMIT");
    await Promise.all([failed, unrelated]);
    other.close();
    expect(await failed).toBe("failed");
    expect((await db.shop.findUniqueOrThrow({ where: { domain: OTHER } })).name).toBe("kept");
    expect((await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).name).not.toBe("rolled back");
  });

  it("a statement waiting for the lock outside a transaction does not run inside one begun meanwhile", async () => {
    const other = new Database(url.replace(/^file:/, ""));
    other.exec("BEGIN IMMEDIATE");
    const waiting = nameOther("written alone");
    await new Promise((resolve) => setTimeout(resolve, 40));
    const failing = db
      .$transaction([db.shop.update({ where: { domain: SHOP }, data: { name: "rolled back" } }), db.shop.create({ data: { domain: SHOP } })])
      .then(
        () => false,
        () => true,
      );
    await new Promise((resolve) => setTimeout(resolve, 60));
    other.exec("COMMIT");
    other.close();
    await waiting;
    expect(await failing).toBe(true);
    expect((await db.shop.findUniqueOrThrow({ where: { domain: OTHER } })).name).toBe("written alone");
  });
});
