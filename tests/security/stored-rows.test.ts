import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { DEMO, loaderData, seedCase } from "../integration/admin-fixtures";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { storefront } from "../support/storefront-client";

// Low finding of issue 30: one stored row of the wrong shape (a hand edit, an old release, a bad
// migration) answered 500 for its conversation, or for the whole cases list, for as long as it
// lived. Every JSON column is read through a codec with a safe fallback per row, so the rest shows.
let smtp: SmtpServerHandle;
let app: AppServer;
let db: Db;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startAppServer({
    demo: true,
    env: { SMTP_URL: smtp.url, DEMO_INBOX_DIR: path.join(mkdtempSync(path.join(tmpdir(), "baton-inbox-")), "inbox") },
  });
  db = createDb(app.databaseUrl);
}, 90_000);

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
  await smtp?.stop();
});

const BROKEN = [
  { reasons: { not: "a list" }, signals: "nope", route: 42, orderFacts: [1, 2, 3], customerFacts: "x", priority: "??", topic: "" },
  { reasons: [null, 7], signals: [{ reason: 5 }], route: { to: "not-a-list" }, orderFacts: { name: 1042, items: "many" }, customerFacts: [] },
];

describe("stored rows of the wrong shape", () => {
  it("each broken case and message is read with safe defaults: the history, the cases list and the case page answer 200", async () => {
    const now = new Date();
    const healthy = await seedCase(db, { shop: DEMO, id: "rows-healthy", createdAt: now, orderName: "#1042", email: { status: "sent" } });
    const broken = [];
    for (const [i, data] of BROKEN.entries()) {
      const seeded = await seedCase(db, {
        shop: DEMO,
        id: `rows-broken-${i}`,
        createdAt: new Date(now.getTime() - (i + 1) * 60_000),
        email: { status: "sent" },
      });
      await db.escalationCase.update({ where: { id: seeded.caseId }, data: data as never });
      await db.message.updateMany({ where: { conversationId: seeded.conversationId, role: "assistant" }, data: { meta: i ? { parts: "card" } : [1, 2] } });
      broken.push(seeded);
    }

    const list = await loaderData(app.origin, "/app/cases", "routes/app.cases._index");
    expect(list.status).toBe(200);
    const listed = JSON.stringify(list.data);
    for (const id of ["rows-healthy", "rows-broken-0", "rows-broken-1"]) expect(listed).toContain(id);

    for (const { caseId } of [healthy, ...broken]) {
      const page = await loaderData(app.origin, `/app/cases/${caseId}`, "routes/app.cases.$id");
      expect(page.status, caseId).toBe(200);
    }

    const shopper = storefront(app.origin, { shop: DEMO });
    for (const { conversationId } of broken) {
      const history = await shopper.history(conversationId);
      expect(history.status).toBe(200);
      expect(history.body.messages?.map((m) => m.text)).toContain("I'll connect you with our support team.");
    }
  });
});
