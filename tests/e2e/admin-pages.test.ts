import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { DEMO, seedCase } from "../integration/admin-fixtures";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { launchChromium, type LaunchedBrowser } from "./support/chromium";

// The merchant admin in Chromium, in the demo (no Shopify): every page opens, a setting is changed
// and rejected/saved, the test email reaches the SMTP test server, a case is opened and resent.
const SHOTS = "test-results/admin";
let smtp: SmtpServerHandle;
let app: AppServer;
let db: Db;
let browser: LaunchedBrowser;
let page: Page;
let failed: Awaited<ReturnType<typeof seedCase>>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  smtp = await startSmtpServer();
  app = await startAppServer({
    demo: true,
    env: { SMTP_URL: smtp.url, DEMO_INBOX_DIR: path.join(mkdtempSync(path.join(tmpdir(), "baton-inbox-")), "inbox") },
  });
  db = createDb(app.databaseUrl);
  const now = Date.now();
  for (let i = 0; i < 6; i++) {
    await seedCase(db, {
      shop: DEMO,
      id: `e2e-${i}`,
      createdAt: new Date(now - (i + 1) * 3_600_000),
      priority: i === 0 ? "urgent" : "normal",
      reasons: i % 2 ? ["explicit_request"] : ["complaint", "order_state"],
      shopperEmail: `shopper${i}@example.com`,
      orderName: `#${3000 + i}`,
      email: { status: "sent", to: ["support@baton-demo.example"] },
    });
  }
  failed = await seedCase(db, {
    shop: DEMO,
    id: "e2e-failed",
    createdAt: new Date(now - 600_000),
    priority: "high",
    reasons: ["threat"],
    shopperEmail: "sarah@example.com",
    orderName: "#1042",
    email: { status: "failed", attempts: [{ ok: false, error: "451 4.3.0 try again later" }, { ok: false }], to: ["support@baton-demo.example"] },
  });
  browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await app?.stop();
  await smtp?.stop();
});

const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

describe("merchant admin in Chromium (demo)", () => {
  it("home shows the live checklist; Send test email arrives at the SMTP server and the step turns done", async () => {
    await page.goto(`${app.origin}/app`);
    await expect.poll(() => page.getByRole("heading", { name: "Setup" }).isVisible()).toBe(true);
    const step = page.locator('[data-step="Send a test email and check it arrives"]');
    expect(await step.getAttribute("data-done")).toBe("false");
    expect(await page.getByRole("link", { name: "Open theme editor" }).getAttribute("href")).toContain("activateAppId=test-api-key/baton-chat");
    await shot("home-before-test-email");
    smtp.clear();
    await page.getByRole("button", { name: "Send test email" }).click();
    const [mail] = await smtp.waitForMessages(1, 15_000);
    expect(mail!.subject).toBe("[Test] Escalation — Order #1042 — sarah@example.com");
    expect(mail!.to).toEqual(["support@baton-demo.example"]);
    await expect.poll(() => step.getAttribute("data-done"), { timeout: 10_000 }).toBe("true");
    await shot("home-test-email-done");
  });

  it("settings: a bad address and an out-of-range threshold show inline errors and save nothing; a fix saves", async () => {
    await page.getByRole("link", { name: "Settings" }).first().click();
    await page.waitForURL(/\/app\/settings$/);
    const address = page.getByLabel("Default escalation addresses");
    await address.fill("support@baton-demo.example, not-an-email");
    await page.getByLabel("Overall escalation threshold").fill("1.5");
    await page.getByLabel("Assistant name").fill("Ada");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.getByText('"not-an-email" is not a valid email address').first().isVisible()).toBe(true);
    expect(await page.getByText("Must be at most 1").first().isVisible()).toBe(true);
    expect(await page.getByText(/Nothing was saved/).isVisible()).toBe(true);
    await shot("settings-errors");
    expect(((await db.shop.findUniqueOrThrow({ where: { domain: DEMO } })).assistant as { name?: string } | null)?.name ?? "Baton").not.toBe("Ada");

    await address.fill("support@baton-demo.example, team@baton-demo.example");
    await page.getByLabel("Overall escalation threshold").fill("0.45");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.getByText("Settings saved").isVisible()).toBe(true);
    const row = await db.shop.findUniqueOrThrow({ where: { domain: DEMO } });
    expect(row.routing).toMatchObject({ defaultTo: ["support@baton-demo.example", "team@baton-demo.example"] });
    expect(row.triggers).toMatchObject({ threshold: 0.45 });
    expect(row.assistant).toMatchObject({ name: "Ada" });
    await shot("settings-saved");
  });

  it("cases: filters the list, opens a failed case (email in a sandboxed iframe, attempts) and resends it", async () => {
    await page.getByRole("link", { name: "Cases" }).first().click();
    await page.waitForURL(/\/app\/cases$/);
    await expect.poll(() => page.locator("[data-case-link]").count()).toBe(7);
    await shot("cases-list");
    await page.getByLabel("Customer email or order").fill("#1042");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/q=%231042/);
    await expect.poll(() => page.locator("[data-case-link]").count()).toBe(1);
    await page.locator(`[data-case-link="${failed.caseId}"]`).click();
    await page.waitForURL(new RegExp(`/app/cases/${failed.caseId}$`));
    await expect.poll(() => page.getByRole("heading", { name: "Transcript" }).isVisible()).toBe(true);
    expect(await page.getByText("evidence for e2e-failed").isVisible()).toBe(true);
    expect(await page.getByText("451 4.3.0 try again later").isVisible()).toBe(true);
    const iframe = page.locator("iframe[sandbox]");
    expect(await iframe.getAttribute("sandbox")).toBe("");
    expect(await page.frameLocator("iframe[sandbox]").locator("b").innerText()).toBe("e2e-failed");
    expect(await page.title()).not.toBe("pwned"); // the email's <script> never ran
    await shot("case-failed");

    smtp.clear();
    await page.getByRole("button", { name: "Resend" }).click();
    const [mail] = await smtp.waitForMessages(1, 15_000);
    expect(mail!.messageId).toBe(failed.messageId);
    await expect.poll(() => page.getByText("accepted").count(), { timeout: 10_000 }).toBe(1);
    await shot("case-resent");
  });

  it("analytics draws charts with table fallbacks; plans switch directly in the demo", async () => {
    await page.getByRole("link", { name: "Analytics" }).first().click();
    await page.waitForURL(/\/app\/analytics$/);
    await expect.poll(() => page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('[data-metric="Conversations"]').innerText()).toBe("7");
    await page.getByText("Show as table").nth(2).click();
    expect(await page.getByRole("cell", { name: "Priority customer" }).isVisible()).toBe(true);
    await shot("analytics");

    await page.getByRole("link", { name: "Plans" }).first().click();
    await page.waitForURL(/\/app\/plans$/);
    await expect.poll(() => page.getByText("Local demo: no Shopify billing").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Choose Scale" }).click();
    await expect.poll(() => page.getByText(/now on the Scale plan/).isVisible()).toBe(true);
    expect((await db.shop.findUniqueOrThrow({ where: { domain: DEMO } })).plan).toBe("scale");
    await shot("plans");
  });
});
