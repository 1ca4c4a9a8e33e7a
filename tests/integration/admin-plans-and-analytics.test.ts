import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { seedShop } from "../support/seed";
import { actionData, DEMO, loaderData, OTHER, seedCase, seedPlainConversation } from "./admin-fixtures";

// The merchant admin's plans and analytics pages, over HTTP against the real demo process (as in
// admin-routes.test.ts: demo sign-in, a real SQLite file and a real SMTP server).
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
  await seedShop(app.databaseUrl, { domain: OTHER, name: "Other Store", plan: "scale", routing: { defaultTo: ["secret-team@other.example"], routes: [] } });
});

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
  await smtp?.stop();
});

/** A complete, valid settings form (what the page submits), built from the loader's settings. */
const shopRow = (domain: string) => db.shop.findUniqueOrThrow({ where: { domain } });

describe("plans (demo: no Shopify billing)", () => {
  it("switches Shop.plan directly, says so, and rejects unknown plans", async () => {
    const before = await loaderData(app.origin, "/app/plans", "routes/app.plans");
    expect(before.data).toMatchObject({ demo: true, current: "growth" });
    const res = await actionData(app.origin, "/app/plans", { plan: "scale" });
    expect(res.data).toEqual({ ok: true, plan: "scale", demo: true });
    expect((await shopRow(DEMO)).plan).toBe("scale");
    expect((await shopRow(OTHER)).plan).toBe("scale");
    await actionData(app.origin, "/app/plans", { plan: "free" });
    expect((await shopRow(DEMO)).plan).toBe("free");
    expect((await shopRow(OTHER)).plan).toBe("scale"); // untouched
    expect((await loaderData(app.origin, "/app", "routes/app._index")).data.checklist.planChosen.done).toBe(false);
    const bad = await actionData(app.origin, "/app/plans", { plan: "enterprise" });
    expect(bad.status).toBe(400);
    await actionData(app.origin, "/app/plans", { plan: "growth" });
  });

  it("flags over-limit only when the current plan's allowance is used up; Free includes 25 a month", async () => {
    const period = new Date().toISOString().slice(0, 7);
    await db.usageCounter.upsert({
      where: { shop_period: { shop: DEMO, period } },
      create: { shop: DEMO, period, conversations: 10, escalations: 3, limited: 0 },
      update: { escalations: 3, limited: 0 },
    });
    expect((await loaderData(app.origin, "/app/plans", "routes/app.plans")).data.usage).toMatchObject({ escalations: 3, allowance: 500, overLimit: false });
    // Cases withheld earlier this month (on Free or a smaller plan) do not use up Growth's allowance.
    await db.usageCounter.update({ where: { shop_period: { shop: DEMO, period } }, data: { limited: 2 } });
    expect((await loaderData(app.origin, "/app/plans", "routes/app.plans")).data.usage).toMatchObject({ overLimit: false, emailsOff: false, limited: 2 });
    await db.shop.update({ where: { domain: DEMO }, data: { plan: "free" } });
    expect((await loaderData(app.origin, "/app", "routes/app._index")).data.checklist.usage).toMatchObject({
      overLimit: false,
      emailsOff: false,
      allowance: 25,
    });
    await db.usageCounter.update({ where: { shop_period: { shop: DEMO, period } }, data: { escalations: 25 } });
    expect((await loaderData(app.origin, "/app", "routes/app._index")).data.checklist.usage).toMatchObject({
      overLimit: true,
      emailsOff: false,
      allowance: 25,
    });
    await db.shop.update({ where: { domain: DEMO }, data: { plan: "growth" } });
    await db.usageCounter.update({ where: { shop_period: { shop: DEMO, period } }, data: { limited: 0, escalations: 500 } });
    expect((await loaderData(app.origin, "/app", "routes/app._index")).data.checklist.usage).toMatchObject({ overLimit: true, escalations: 500 });
    await db.usageCounter.update({ where: { shop_period: { shop: DEMO, period } }, data: { escalations: 3 } });
  });
});

describe("analytics", () => {
  // A closed world in January 2024 with known answers; the other shop gets noise in the same days.
  beforeAll(async () => {
    const jan = (d: number, h = 10) => new Date(Date.UTC(2024, 0, d, h));
    // 10 conversations: 4 escalated, 6 not.
    const cases: Array<[string, number, number, string, string[], "sent" | "failed" | null, string]> = [
      // id, day, seconds to escalate, priority, reasons, email, status
      ["an-1", 2, 30, "normal", ["explicit_request"], "sent", "sent"],
      ["an-2", 2, 60, "high", ["complaint", "order_state"], "sent", "sent"],
      ["an-3", 5, 120, "urgent", ["threat", "complaint"], "failed", "failed"],
      ["an-4", 9, 600, "normal", ["explicit_request"], null, "abandoned"],
    ];
    for (const [id, d, sec, priority, reasons, email, status] of cases) {
      await seedCase(db, {
        shop: DEMO,
        id,
        createdAt: jan(d),
        escalateAfterSec: sec,
        priority,
        reasons,
        status,
        email: email ? { status: email, attempts: email === "failed" ? [{ ok: false }, { ok: false }, { ok: false }] : [{ ok: true }] } : null,
      });
    }
    for (let i = 0; i < 6; i++) await seedPlainConversation(db, DEMO, `an-plain-${i}`, jan(3 + i));
    for (let i = 0; i < 5; i++) {
      await seedCase(db, { shop: OTHER, id: `an-other-${i}`, createdAt: jan(4), priority: "urgent", reasons: ["vip"], email: { status: "failed" } });
      await seedPlainConversation(db, OTHER, `an-other-plain-${i}`, jan(4));
    }
    await db.usageCounter.create({ data: { shop: DEMO, period: "2024-01", conversations: 10, escalations: 3, limited: 1 } });
    await db.usageCounter.create({ data: { shop: OTHER, period: "2024-01", conversations: 99, escalations: 99, limited: 9 } });
  });

  it("computes every figure for the range from the shop's own rows", async () => {
    const { status, data } = await loaderData(app.origin, "/app/analytics?from=2024-01-01&to=2024-01-31", "routes/app.analytics");
    expect(status).toBe(200);
    const r = data.report;
    expect(r.conversations).toBe(10);
    expect(r.escalations).toBe(4);
    expect(r.escalationRate).toBeCloseTo(0.4);
    expect(r.answeredWithoutEscalation).toBe(6);
    expect(r.answeredWithoutEscalationRate).toBeCloseTo(0.6);
    expect(r.resolvedCases).toBe(0);
    const counts = (rows: any[]) => Object.fromEntries(rows.filter((x) => x.count > 0).map((x) => [x.key, x.count]));
    expect(counts(r.byReason)).toEqual({ explicit_request: 2, complaint: 2, order_state: 1, threat: 1 });
    expect(counts(r.byPriority)).toEqual({ normal: 2, high: 1, urgent: 1 });
    expect(counts(r.byStatus)).toEqual({ sent: 2, failed: 1, abandoned: 1 });
    // durations 30, 60, 120, 600 s → nearest-rank median = 60 s, p90 = 600 s
    expect(r.timeToEscalate).toEqual({ count: 4, medianSeconds: 60, p90Seconds: 600 });
    expect(r.delivery).toEqual({ failedEmails: 1, failedAttempts: 3 });
    expect(r.usage).toEqual([{ period: "2024-01", escalations: 3, limited: 1, allowance: 500 }]);
    expect(r.series.bucket).toBe("week");
    expect(r.series.points.map((p: any) => p.start)).toEqual(["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"]);
    expect(r.series.points.reduce((n: number, p: any) => n + p.conversations, 0)).toBe(10);
    expect(r.series.points[0]).toMatchObject({ conversations: 8, escalations: 3 });
    const week = (await loaderData(app.origin, "/app/analytics?from=2024-01-01&to=2024-01-07", "routes/app.analytics")).data.report;
    expect(week.series.bucket).toBe("day");
    expect(week.series.points).toHaveLength(7);
    expect(week.series.points[1]).toMatchObject({ start: "2024-01-02", conversations: 2, escalations: 2 });
  });

  it("narrows to the chosen range and buckets long ranges by month", async () => {
    const narrow = (await loaderData(app.origin, "/app/analytics?from=2024-01-05&to=2024-01-08", "routes/app.analytics")).data.report;
    expect(narrow.conversations).toBe(5); // an-3 (Jan 5) + plain Jan 5..8
    expect(narrow.escalations).toBe(1);
    const year = (await loaderData(app.origin, "/app/analytics?from=2024-01-01&to=2024-12-31", "routes/app.analytics")).data.report;
    expect(year.series.bucket).toBe("month");
    expect(year.series.points).toHaveLength(12);
    expect(year.series.points[0]).toMatchObject({ start: "2024-01-01", conversations: 10, escalations: 4 });
  });
});
