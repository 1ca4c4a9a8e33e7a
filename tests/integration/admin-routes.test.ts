import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { seedShop } from "../support/seed";
import { actionData, DEMO, loaderData, OTHER, seedCase } from "./admin-fixtures";

// The merchant admin's loaders and actions, over HTTP against the real demo process (demo mode
// signs in as baton-demo.myshopify.com without Shopify), a real SQLite file and a real SMTP server.
let smtp: SmtpServerHandle;
let app: AppServer;
let db: Db;

const at = (iso: string) => new Date(iso);

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
async function currentForm(): Promise<Map<string, string | string[]>> {
  const { data } = await loaderData(app.origin, "/app/settings", "routes/app.settings");
  const s = data.settings;
  const f = new Map<string, string | string[]>();
  f.set("routing.defaultTo", s.routing.defaultTo.join(", "));
  f.set("routing.fromName", s.routing.fromName);
  f.set("routing.ccUrgent", s.routing.ccUrgent.join(", "));
  f.set("routing.routeCount", String(s.routing.routes.length));
  s.routing.routes.forEach((r: any, i: number) => {
    f.set(`routing.routes.${i}.id`, r.id);
    f.set(`routing.routes.${i}.reason`, r.when.reason ?? "");
    f.set(`routing.routes.${i}.topic`, r.when.topic ?? "");
    f.set(`routing.routes.${i}.priority`, r.when.priority ?? "");
    f.set(`routing.routes.${i}.to`, r.to.join(", "));
    f.set(`routing.routes.${i}.cc`, r.cc.join(", "));
  });
  const t = s.triggers;
  const bool = (name: string, v: boolean) => v && f.set(name, "true");
  f.set("triggers.threshold", String(Math.round(t.threshold * 100))); // entered as a percentage
  bool("triggers.explicitRequest.enabled", t.explicitRequest.enabled);
  bool("triggers.negativeSentiment.enabled", t.negativeSentiment.enabled);
  f.set("triggers.negativeSentiment.threshold", String(Math.round(t.negativeSentiment.threshold * 100))); // entered as a percentage
  bool("triggers.negativeSentiment.risingFrustration", t.negativeSentiment.risingFrustration);
  bool("triggers.complaint.enabled", t.complaint.enabled);
  f.set("triggers.complaint.threshold", String(Math.round(t.complaint.threshold * 100))); // entered as a percentage
  bool("triggers.threat.enabled", t.threat.enabled);
  bool("triggers.keyword.enabled", t.keyword.enabled);
  f.set("triggers.keywords", t.keywords.join("\n"));
  bool("triggers.repeatedFailure.enabled", t.repeatedFailure.enabled);
  f.set("triggers.repeatedFailure.maxAssistantFailures", String(t.repeatedFailure.maxAssistantFailures));
  f.set("triggers.repeatedFailure.minModelConfidence", String(Math.round(t.repeatedFailure.minModelConfidence * 100))); // entered as a percentage
  bool("triggers.repeatedFailure.repeatedQuestion", t.repeatedFailure.repeatedQuestion);
  bool("triggers.orderState.enabled", t.orderState.enabled);
  f.set("triggers.orderState.stalledFulfillmentDays", String(t.orderState.stalledFulfillmentDays));
  bool("triggers.sensitiveTopic.enabled", t.sensitiveTopic.enabled);
  bool("triggers.authorityLimit.enabled", t.authorityLimit.enabled);
  f.set("triggers.authorityLimit.maxRefundAmount", String(t.authorityLimit.maxRefundAmount));
  bool("triggers.vip.enabled", t.vip.enabled);
  f.set("triggers.vip.tags", t.vip.tags.join(", "));
  f.set("triggers.vip.minTotalSpent", String(t.vip.minTotalSpent));
  f.set("triggers.vip.minOrderCount", String(t.vip.minOrderCount));
  f.set("triggers.vip.lowerThresholdBy", String(Math.round(t.vip.lowerThresholdBy * 100))); // entered as a percentage
  f.set("triggers.languages", t.languages);
  f.set("assistant.name", s.assistant.name);
  f.set("assistant.greeting", s.assistant.greeting);
  f.set("assistant.tone", s.assistant.tone);
  bool("assistant.llmEnabled", s.assistant.llmEnabled);
  f.set("contact.email", s.contact.email ?? "");
  f.set("contact.phone", s.contact.phone ?? "");
  f.set("contact.url", s.contact.url ?? "");
  f.set("retentionDays", String(s.retentionDays));
  f.set("abuse.newCasesPerAddressPerHour", String(s.abuse.newCasesPerAddressPerHour));
  f.set("abuse.newCasesPerReplyToPerDay", String(s.abuse.newCasesPerReplyToPerDay));
  f.set("abuse.followUpsPerCasePerDay", String(s.abuse.followUpsPerCasePerDay));
  return f;
}

const entries = (f: Map<string, string | string[]>): Array<[string, string]> =>
  [...f].flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v] as [string, string]]));

const shopRow = (domain: string) => db.shop.findUniqueOrThrow({ where: { domain } });

describe("settings", () => {
  it("loads the demo shop's own settings (routing matrix, triggers, assistant, contact)", async () => {
    const { status, data } = await loaderData(app.origin, "/app/settings", "routes/app.settings");
    expect(status).toBe(200);
    expect(data.settings.routing.defaultTo).toEqual(["support@baton-demo.example"]);
    expect(data.settings.routing.routes.map((r: any) => r.id)).toEqual(["refunds", "shipping"]);
    expect(data.settings.triggers.threshold).toBe(0.55);
    expect(JSON.stringify(data)).not.toContain("secret-team@other.example");
  });

  it("saves every document in one update and the storefront context sees it", async () => {
    const f = await currentForm();
    f.set("routing.defaultTo", "help@baton-demo.example,\nteam@baton-demo.example");
    f.set("routing.routeCount", "3");
    f.set("routing.routes.2.id", "");
    f.set("routing.routes.2.priority", "urgent");
    f.set("routing.routes.2.to", "");
    f.set("routing.routes.2.cc", "senior@baton-demo.example");
    f.set("triggers.threshold", "40");
    f.delete("triggers.threat.enabled");
    f.set("triggers.keywords", "refund\nlawyer, chargeback");
    f.set("triggers.vip.tags", "VIP, Wholesale");
    f.set("triggers.vip.minTotalSpent", "2500");
    f.set("assistant.name", "Ada");
    f.set("assistant.tone", "formal");
    f.delete("assistant.llmEnabled");
    f.set("contact.url", "https://baton-demo.example/contact");
    f.set("retentionDays", "30");
    f.set("abuse.newCasesPerAddressPerHour", "25");
    const { status, data } = await actionData(app.origin, "/app/settings", entries(f));
    expect(data).toMatchObject({ ok: true, errors: {} });
    expect(status).toBe(200);
    const row = await shopRow(DEMO);
    expect(row.routing).toMatchObject({
      defaultTo: ["help@baton-demo.example", "team@baton-demo.example"],
      routes: [{ id: "refunds" }, { id: "shipping" }, { id: "route-3", when: { priority: "urgent" }, to: [], cc: ["senior@baton-demo.example"] }],
    });
    expect(row.triggers).toMatchObject({
      threshold: 0.4,
      threat: { enabled: false },
      keywords: ["refund", "lawyer", "chargeback"],
      vip: { tags: ["VIP", "Wholesale"], minTotalSpent: 2500 },
    });
    expect(row.assistant).toMatchObject({ name: "Ada", tone: "formal", llmEnabled: false });
    expect(row.contact).toMatchObject({ email: "support@baton-demo.example", url: "https://baton-demo.example/contact" });
    expect(row.retentionDays).toBe(30);
    expect(row.abuse).toMatchObject({ newCasesPerAddressPerHour: 25, newCasesPerReplyToPerDay: 5, followUpsPerCasePerDay: 10 });
    // The other shop's row is untouched.
    expect((await shopRow(OTHER)).routing).toMatchObject({ defaultTo: ["secret-team@other.example"] });
  });

  it("rejects bad emails and out-of-range thresholds with inline field errors and saves nothing", async () => {
    const before = await shopRow(DEMO);
    const f = await currentForm();
    f.set("assistant.name", "Should not be saved");
    f.set("routing.defaultTo", "ok@baton-demo.example, not-an-email");
    f.set("routing.ccUrgent", "lead@@baton-demo.example");
    f.set("routing.routes.0.to", "billing@");
    f.set("triggers.threshold", "150");
    f.set("triggers.negativeSentiment.threshold", "-20");
    f.set("triggers.repeatedFailure.maxAssistantFailures", "0");
    f.set("triggers.orderState.stalledFulfillmentDays", "abc");
    f.set("contact.email", "nope");
    f.set("contact.url", "javascript:alert(1)");
    f.set("retentionDays", "0");
    f.set("abuse.newCasesPerAddressPerHour", "0");
    f.set("routing.routeCount", String(Number(f.get("routing.routeCount")) + 1));
    const last = Number(f.get("routing.routeCount")) - 1;
    f.set(`routing.routes.${last}.to`, "x@baton-demo.example");
    const { status, data } = await actionData(app.origin, "/app/settings", entries(f));
    expect(status).toBe(400);
    expect(data.ok).toBe(false);
    expect(data.errors).toMatchObject({
      "routing.defaultTo": '"not-an-email" is not a valid email address',
      "routing.ccUrgent": '"lead@@baton-demo.example" is not a valid email address',
      "routing.routes.0.to": '"billing@" is not a valid email address',
      "triggers.threshold": "Must be at most 100%",
      "triggers.negativeSentiment.threshold": "Must be at least 0%",
      "triggers.repeatedFailure.maxAssistantFailures": "Must be at least 1",
      "triggers.orderState.stalledFulfillmentDays": "Enter a number",
      "contact.email": '"nope" is not a valid email address',
      retentionDays: "Must be at least 1 day",
      "abuse.newCasesPerAddressPerHour": "Must be at least 1",
    });
    expect(data.errors["contact.url"]).toMatch(/URL/);
    expect(data.errors[`routing.routes.${last}.reason`]).toMatch(/at least one condition/);
    const after = await shopRow(DEMO);
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
  });
});

describe("cases", () => {
  const base = at("2025-03-10T12:00:00Z");
  let own: Awaited<ReturnType<typeof seedCase>>;
  let foreign: Awaited<ReturnType<typeof seedCase>>;

  beforeAll(async () => {
    for (let i = 0; i < 30; i++) {
      await seedCase(db, {
        shop: DEMO,
        id: `page-${String(i).padStart(2, "0")}`,
        createdAt: new Date(base.getTime() + i * 60_000),
        priority: i % 3 === 0 ? "urgent" : "normal",
        reasons: i % 2 === 0 ? ["complaint", "order_state"] : ["explicit_request"],
        shopperEmail: i === 7 ? "Sarah@Example.com" : `shopper${i}@example.com`,
        orderName: `#${2000 + i}`,
        email: { status: i % 5 === 0 ? "failed" : "sent" },
      });
    }
    own = await seedCase(db, {
      shop: DEMO,
      id: "own-failed",
      createdAt: at("2025-04-02T09:00:00Z"),
      priority: "high",
      reasons: ["threat"],
      shopperEmail: "sam@example.com",
      orderName: "#1042",
      email: { status: "failed", attempts: [{ ok: false, error: "451 try later" }, { ok: false }], to: ["support@baton-demo.example"] },
    });
    foreign = await seedCase(db, {
      shop: OTHER,
      id: "foreign-case",
      createdAt: at("2025-03-10T12:30:00Z"),
      priority: "urgent",
      reasons: ["complaint"],
      shopperEmail: "shopper3@example.com",
      orderName: "#2003",
      email: { status: "failed", to: ["secret-team@other.example"] },
    });
  });

  it("lists only the shop's own cases, newest first, 25 per page, with delivery state", async () => {
    const first = await loaderData(app.origin, "/app/cases?from=2025-03-01&to=2025-03-31", "routes/app.cases._index");
    expect(first.data.list.total).toBe(30);
    expect(first.data.list.pageCount).toBe(2);
    expect(first.data.list.rows).toHaveLength(25);
    expect(first.data.list.rows[0]).toMatchObject({ id: "page-29", delivery: { status: "sent", attempts: 1 } });
    const second = await loaderData(app.origin, "/app/cases?from=2025-03-01&to=2025-03-31&page=2", "routes/app.cases._index");
    expect(second.data.list.rows.map((r: any) => r.id)).toEqual(["page-04", "page-03", "page-02", "page-01", "page-00"]);
    const all = JSON.stringify([first.data, second.data]);
    expect(all).not.toContain("foreign-case");
    expect(all).not.toContain("secret-team");
  });

  it("filters by status, priority, reason, date range and customer email or order", async () => {
    const ids = async (query: string) =>
      (await loaderData(app.origin, `/app/cases?${query}`, "routes/app.cases._index")).data.list.rows.map((r: any) => r.id).sort();
    const range = "from=2025-03-01&to=2025-03-31";
    expect(await ids(`${range}&status=failed`)).toEqual(["page-00", "page-05", "page-10", "page-15", "page-20", "page-25"]);
    expect(await ids(`${range}&priority=urgent&status=failed`)).toEqual(["page-00", "page-15"]);
    expect((await ids(`${range}&reason=explicit_request&priority=urgent`)).length).toBe(5); // odd i, multiple of 3
    expect(await ids(`${range}&reason=complaint&status=failed&priority=urgent`)).toEqual(["page-00"]);
    expect(await ids("q=sarah@example.com")).toEqual(["page-07"]);
    expect(await ids("q=%232003")).toEqual(["page-03"]); // never the other shop's #2003
    expect(await ids("q=shopper3@example.com")).toEqual(["page-03"]);
    expect(await ids("from=2025-04-01&to=2025-04-30")).toEqual(["own-failed"]);
    expect(await ids("from=2025-03-10&to=2025-03-10&reason=threat")).toEqual([]);
  });

  it("shows a case in full: transcript, signals, order facts, the exact email and every attempt", async () => {
    const { status, data } = await loaderData(app.origin, `/app/cases/${own.caseId}`, "routes/app.cases.$id");
    expect(status).toBe(200);
    const c = data.detail;
    expect(c.transcript.map((m: any) => m.role)).toEqual(["shopper", "assistant"]);
    expect(c.signals).toEqual([{ reason: "threat", score: 0.9, evidence: "evidence for own-failed" }]);
    expect(c.orderFacts).toMatchObject({ name: "#1042" });
    expect(c.emails).toHaveLength(1);
    expect(c.emails[0]).toMatchObject({
      subject: expect.stringContaining("own-failed"),
      to: ["support@baton-demo.example"],
      messageId: own.messageId,
      status: "failed",
      text: "Text body of own-failed",
    });
    expect(c.emails[0].attemptLog.map((a: any) => [a.ok, a.error])).toEqual([
      [false, "451 try later"],
      [false, "550 5.1.1 Mailbox does not exist"],
    ]);
  });

  it("never shows another shop's case (404)", async () => {
    const res = await loaderData(app.origin, `/app/cases/${foreign.caseId}`, "routes/app.cases.$id");
    expect(res.status).toBe(404);
    expect(res.data).toBeUndefined();
    expect(JSON.stringify(res)).not.toContain("secret-team");
  });

  it("never resends another shop's email: 404 through any case URL, row untouched", async () => {
    const before = await db.outboxEmail.findUniqueOrThrow({ where: { id: foreign.outboxId! } });
    for (const caseId of [foreign.caseId, own.caseId]) {
      const res = await actionData(app.origin, `/app/cases/${caseId}`, { intent: "resend", outboxId: foreign.outboxId! });
      expect(res.status).toBe(404);
      expect(res.data).toMatchObject({ ok: false, error: "Email not found" });
    }
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: foreign.outboxId! } })).toEqual(before);
    expect(smtp.messages.some((m) => m.to.includes("secret-team@other.example"))).toBe(false);
  });

  it("marks the shop's own case resolved and open again; the list filters by it; another shop's case is 404 and untouched", async () => {
    const resolved = await actionData(app.origin, `/app/cases/${own.caseId}`, { intent: "resolve" });
    expect(resolved.status).toBe(200);
    const first = (await db.escalationCase.findUniqueOrThrow({ where: { id: own.caseId } })).resolvedAt;
    expect(first).toBeInstanceOf(Date);
    await actionData(app.origin, `/app/cases/${own.caseId}`, { intent: "resolve" }); // again: keeps the first time
    expect((await db.escalationCase.findUniqueOrThrow({ where: { id: own.caseId } })).resolvedAt).toEqual(first);
    const list = (await loaderData(app.origin, "/app/cases?state=resolved", "routes/app.cases._index")).data.list;
    expect(list.rows.map((r: { id: string }) => r.id)).toEqual([own.caseId]);
    expect((await loaderData(app.origin, "/app/cases?state=open", "routes/app.cases._index")).data.list.rows.map((r: { id: string }) => r.id)).not.toContain(
      own.caseId,
    );
    const detail = (await loaderData(app.origin, `/app/cases/${own.caseId}`, "routes/app.cases.$id")).data.detail;
    expect(detail.resolvedAt).toBe(first!.toISOString());

    const foreignRes = await actionData(app.origin, `/app/cases/${foreign.caseId}`, { intent: "resolve" });
    expect(foreignRes.status).toBe(404);
    expect((await db.escalationCase.findUniqueOrThrow({ where: { id: foreign.caseId } })).resolvedAt).toBeNull();
    expect((await actionData(app.origin, `/app/cases/${own.caseId}`, { intent: "frobnicate" })).status).toBe(400);

    await actionData(app.origin, `/app/cases/${own.caseId}`, { intent: "reopen" });
    expect((await db.escalationCase.findUniqueOrThrow({ where: { id: own.caseId } })).resolvedAt).toBeNull();
  });

  it("resends the shop's own failed email with the same Message-ID; the worker delivers it", async () => {
    smtp.clear();
    const res = await actionData(app.origin, `/app/cases/${own.caseId}`, { intent: "resend", outboxId: own.outboxId! });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ ok: true, intent: "resend" });
    const [mail] = await smtp.waitForMessages(1, 10_000);
    expect(mail!.messageId).toBe(own.messageId);
    expect(mail!.to).toEqual(["support@baton-demo.example"]);
    await expect.poll(async () => (await db.escalationCase.findUniqueOrThrow({ where: { id: own.caseId } })).status, { timeout: 5_000 }).toBe("sent");
    const { data } = await loaderData(app.origin, `/app/cases/${own.caseId}`, "routes/app.cases.$id");
    expect(data.detail.emails[0].status).toBe("sent");
    expect(data.detail.emails[0].attemptLog.map((a: any) => a.ok)).toEqual([false, false, true]);
  });
});

describe("home: checklist, test email, usage", () => {
  it("shows live setup state and this month's usage; the test email goes out through the outbox", async () => {
    const home = await loaderData(app.origin, "/app", "routes/app._index");
    const c = home.data.checklist;
    expect(c.embed.deepLink).toBe(
      "https://baton-demo.myshopify.com/admin/themes/current/editor?context=apps&template=index&activateAppId=test-api-key/baton-chat",
    );
    expect(c.embed.done).toBe(true); // conversations exist (seeded above)
    expect(c.address.done).toBe(true);
    expect(c.testEmail).toMatchObject({ done: false, status: null, sentAt: null });
    expect(c.planChosen.done).toBe(true); // the demo shop is on Growth

    smtp.clear();
    const sent = await actionData(app.origin, "/app?index", { intent: "test-email" });
    expect(sent.status).toBe(200);
    expect(sent.data).toMatchObject({ ok: true, to: ["help@baton-demo.example", "team@baton-demo.example"] });
    const [mail] = await smtp.waitForMessages(1, 10_000);
    expect(mail!.subject).toMatch(/^\[Test\] .* · #1042 · /);
    expect(mail!.to).toEqual(["help@baton-demo.example", "team@baton-demo.example"]);
    expect(mail!.headers["x-baton-kind"]).toBe("test");
    expect(mail!.text).toContain("TEST");
    expect((await shopRow(DEMO)).testEmailSentAt).toBeInstanceOf(Date);
    await expect.poll(async () => (await loaderData(app.origin, "/app", "routes/app._index")).data.checklist.testEmail.done, { timeout: 5_000 }).toBe(true);
  });

  it("refuses the test email without an escalation address", async () => {
    const saved = (await shopRow(DEMO)).routing;
    await db.shop.update({ where: { domain: DEMO }, data: { routing: { defaultTo: [], routes: [] } } });
    try {
      const res = await actionData(app.origin, "/app?index", { intent: "test-email" });
      expect(res.status).toBe(400);
      expect(res.data.error).toMatch(/escalation address/);
      expect((await loaderData(app.origin, "/app", "routes/app._index")).data.checklist.address.done).toBe(false);
    } finally {
      await db.shop.update({ where: { domain: DEMO }, data: { routing: saved as object } });
    }
  });
});
