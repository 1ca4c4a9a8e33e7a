import { mkdirSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { DEMO, seedCase } from "../integration/admin-fixtures";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { launchChromium, type LaunchedBrowser } from "./support/chromium";

// The merchant admin in Chromium, in the demo (no Shopify): every page at desktop (1280×800) and
// phone (390×844) size with screenshots and an axe scan, plus the flows a merchant meets: save with
// a toast, errors with human labels, the leave confirmation for unsaved edits, a case resolved and
// its email resent, and a downgrade that asks first.
const SHOTS = "test-results/screenshots";
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let smtp: SmtpServerHandle;
let app: AppServer;
let db: Db;
let browser: LaunchedBrowser;
let page: Page;
let failed: Awaited<ReturnType<typeof seedCase>>;

const ORDER_FACTS = {
  id: "gid://shopify/Order/5001042",
  name: "#1042",
  email: "sarah@example.com",
  createdAt: "2026-02-16T14:03:00Z",
  cancelledAt: null,
  closed: false,
  financialStatus: "PAID",
  fulfillmentStatus: "FULFILLED",
  fulfillments: [
    {
      status: "SUCCESS",
      displayStatus: "DELIVERED",
      createdAt: "2026-02-18T16:20:00Z",
      inTransitAt: "2026-02-18T21:00:00Z",
      deliveredAt: "2026-02-20T18:42:00Z",
      estimatedDeliveryAt: null,
      tracking: [{ company: "USPS", number: "9400111899223847563", url: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847563" }],
    },
  ],
  items: [{ title: "Merino Wool Throw", variantTitle: "Oat", quantity: 1 }],
  total: { amount: "74.50", currencyCode: "USD" },
  customer: {
    id: "gid://shopify/Customer/7001",
    email: "sarah@example.com",
    displayName: "Sarah Johnson",
    numberOfOrders: 3,
    amountSpent: { amount: "214.50", currencyCode: "USD" },
    tags: ["newsletter"],
  },
};

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
  await db.escalationCase.update({ where: { id: failed.caseId }, data: { orderFacts: ORDER_FACTS, customerFacts: ORDER_FACTS.customer } });
  browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await app?.stop();
  await smtp?.stop();
});

const shot = (name: string) => page.screenshot({ path: `${SHOTS}/admin-${name}.png`, fullPage: true });

/** axe-core in the page; returns serious and critical violations (ids and first targets). */
async function axeSerious(): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> };
      }
    ).axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(", ")}`,
      );
  });
  return violations;
}

const PAGES = [
  { name: "home", path: "/app", ready: "Setup" },
  { name: "settings", path: "/app/settings", ready: "Escalation addresses" },
  { name: "cases", path: "/app/cases", ready: "Cases" },
  { name: "case", path: "/app/cases/e2e-failed", ready: "Why it was escalated" },
  { name: "analytics", path: "/app/analytics", ready: "Escalations by reason" },
  { name: "plans", path: "/app/plans", ready: "Plans" },
];

describe("merchant admin in Chromium (demo)", () => {
  it.each(PAGES)("$name: desktop and phone screenshots, no serious or critical axe violations", async ({ name, path: url, ready }) => {
    for (const [size, viewport] of [
      ["desktop", { width: 1280, height: 800 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`${app.origin}${url}`);
      await expect.poll(() => page.getByText(ready, { exact: true }).first().isVisible()).toBe(true);
      await shot(`${name}-${size}`);
      const violations = await axeSerious();
      if (violations.length) console.log(name, size, violations);
      expect(violations, `${name} ${size}`).toEqual([]);
      // Nothing may scroll sideways on a phone.
      if (size === "phone") expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("home: Send test email arrives at the SMTP server and the step turns done", async () => {
    await page.goto(`${app.origin}/app`);
    const step = page.locator('[data-step="Send a test email and check it arrives"]');
    await expect.poll(() => step.getAttribute("data-done")).toBe("false");
    smtp.clear();
    await page.getByRole("button", { name: "Send test email" }).click();
    const [mail] = await smtp.waitForMessages(1, 15_000);
    expect(mail!.subject).toMatch(/^\[Test\] .*#1042/);
    await expect.poll(() => step.getAttribute("data-done"), { timeout: 10_000 }).toBe("true");
  });

  it("settings: errors name fields as merchants read them and save nothing; a preset and a fix save with a toast", async () => {
    await page.goto(`${app.origin}/app/settings`);
    await page.getByLabel("Default escalation addresses").fill("support@baton-demo.example, not-an-email");
    expect(await page.getByRole("region", { name: "Unsaved changes" }).isVisible()).toBe(true);
    await page.getByRole("tab", { name: "Triggers" }).click();
    await page.getByLabel("Fulfillment stalled after").fill("0");
    await page.getByRole("tab", { name: "Assistant" }).click();
    await page.getByLabel("Assistant name").fill("Ada");
    await page.getByRole("region", { name: "Unsaved changes" }).getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText(/Nothing was saved: 2 fields need attention/).isVisible()).toBe(true);
    const summary = page.locator(".Polaris-Banner");
    expect(await summary.innerText()).toContain("Default escalation addresses");
    expect(await summary.innerText()).toContain("Fulfillment stalled after: Must be at least 1 day");
    expect(await summary.innerText()).not.toMatch(/routing\.defaultTo|stalledFulfillmentDays/);
    expect(await page.getByText("Settings not saved: 2 fields need attention").isVisible()).toBe(true); // the toast
    await shot("settings-errors");
    expect(((await db.shop.findUniqueOrThrow({ where: { domain: DEMO } })).assistant as { name?: string } | null)?.name ?? "Baton").not.toBe("Ada");

    // The summary link opens the field's tab and focuses it.
    await summary.getByRole("button", { name: "Default escalation addresses" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("field-routing-defaultTo");
    await page.getByLabel("Default escalation addresses").fill("support@baton-demo.example, team@baton-demo.example");
    await page.getByRole("tab", { name: /Triggers/ }).click();
    await page.getByLabel("Fulfillment stalled after").fill("7");
    await page.getByText("Watchful", { exact: true }).click();
    await page.getByRole("region", { name: "Unsaved changes" }).getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText("Settings saved").isVisible()).toBe(true);
    await shot("settings-saved");
    expect(await page.getByRole("region", { name: "Unsaved changes" }).count()).toBe(0);
    const row = await db.shop.findUniqueOrThrow({ where: { domain: DEMO } });
    expect(row.routing).toMatchObject({ defaultTo: ["support@baton-demo.example", "team@baton-demo.example"] });
    expect(row.triggers).toMatchObject({
      threshold: 0.4,
      negativeSentiment: { threshold: 0.4 },
      complaint: { threshold: 0.35 },
      orderState: { stalledFulfillmentDays: 7 },
    });
    expect(row.assistant).toMatchObject({ name: "Ada" });
  });

  it("settings: leaving with unsaved edits asks first; Stay keeps them, Leave page discards them", async () => {
    await page.goto(`${app.origin}/app/settings`);
    await page.getByLabel("Sender name").fill("Someone else");
    await page.getByRole("link", { name: "Cases" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Leave page with unsaved changes?" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await shot("settings-unsaved-leave");
    await dialog.getByRole("button", { name: "Stay" }).click();
    expect(page.url()).toMatch(/\/app\/settings$/);
    expect(await page.getByLabel("Sender name").inputValue()).toBe("Someone else");
    await page.getByRole("link", { name: "Cases" }).first().click();
    await page.getByRole("dialog", { name: "Leave page with unsaved changes?" }).getByRole("button", { name: "Leave page" }).click();
    await page.waitForURL(/\/app\/cases$/);
    expect((await db.shop.findUniqueOrThrow({ where: { domain: DEMO } })).routing).toMatchObject({ fromName: "Baton Demo Goods support" });
  });

  it("cases: whole rows link to the case; the case shows customer, order with Shopify links, the rendered email; resolve and resend", async () => {
    await page.goto(`${app.origin}/app/cases`);
    await expect.poll(() => page.locator("[data-case-link]").count()).toBe(7);
    expect(await page.getByText("Sarah Johnson").first().isVisible()).toBe(true);
    await page.getByLabel("Search by customer, order or anything said in the chat").fill("#1042");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=%231042/);
    await expect.poll(() => page.locator("[data-case-link]").count()).toBe(1);
    // A click anywhere on the row (here: the priority cell) opens the case.
    await page.locator(".Polaris-IndexTable__TableRow").first().getByText("High").click();
    await page.waitForURL(new RegExp(`/app/cases/${failed.caseId}$`));
    await expect.poll(() => page.getByRole("heading", { name: "Sarah Johnson" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "View order in Shopify" }).getAttribute("href")).toBe(
      "https://admin.shopify.com/store/baton-demo/orders/5001042",
    );
    expect(await page.getByRole("link", { name: "View customer in Shopify" }).getAttribute("href")).toBe(
      "https://admin.shopify.com/store/baton-demo/customers/7001",
    );
    expect(await page.getByText("$74.50").isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "9400111899223847563" }).isVisible()).toBe(true);
    expect(await page.locator("body").innerText()).not.toMatch(/gid:\/\/|currencyCode|\[\{"/);
    // The timeline shows the conversation once; the email (which repeats it) opens on request.
    expect(await page.locator("iframe[title^='Email:']").count()).toBe(0);
    await page.getByRole("button", { name: "Show the email" }).first().click();
    // The HTML part renders (sandboxed, no scripts): its text is visible inside the frame.
    const iframe = page.locator("iframe[title^='Email:']");
    expect(await iframe.getAttribute("sandbox")).not.toContain("allow-scripts");
    expect(await page.frameLocator("iframe[title^='Email:']").locator("b").innerText()).toBe("e2e-failed");
    expect((await iframe.boundingBox())!.height).toBeGreaterThan(100);
    expect(await page.title()).not.toBe("pwned"); // the email's <script> never ran
    await page.getByRole("button", { name: "Plain text" }).click();
    expect(await page.getByText("Text body of e2e-failed").isVisible()).toBe(true);

    await page.getByRole("button", { name: "Mark as resolved" }).click();
    await expect.poll(() => page.getByText("Case marked as resolved").isVisible()).toBe(true);
    expect((await db.escalationCase.findUniqueOrThrow({ where: { id: failed.caseId } })).resolvedAt).not.toBeNull();
    await expect.poll(() => page.getByRole("button", { name: "Reopen case" }).isVisible()).toBe(true);

    smtp.clear();
    await page.getByRole("button", { name: "Resend escalation email" }).click();
    const [mail] = await smtp.waitForMessages(1, 15_000);
    expect(mail!.messageId).toBe(failed.messageId);
    await expect.poll(() => page.getByText("The email is on its way to your team again").isVisible()).toBe(true);
    // The page polls while the email is on its way, then shows it delivered.
    await expect.poll(() => page.locator("[data-email-status]").getAttribute("data-email-status"), { timeout: 10_000 }).toBe("sent");
    await shot("case-resolved-resent");

    await page.goto(`${app.origin}/app/cases?state=resolved`);
    await expect.poll(() => page.locator("[data-case-link]").count()).toBe(1);
  });

  it("analytics: legible labels, red only for urgent, explained measures, shop-time dates", async () => {
    await page.goto(`${app.origin}/app/analytics`);
    await expect.poll(() => page.locator("[data-chart]").count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('[data-metric="Conversations"]').innerText()).toBe("7");
    expect(await page.locator('[data-metric="Cases resolved"]').innerText()).toBe("1 of 7");
    expect(await page.getByText(/9 in 10 within/).isVisible()).toBe(true);
    expect(await page.locator("body").innerText()).not.toMatch(/\bp90\b|UTC\)/);
    const sizes = await page.locator("[data-bar] > span:first-child").evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    const colorOf = (label: string) =>
      page.locator(`[data-chart="Escalations by priority"] [data-bar="${label}"] [aria-hidden]`).evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await colorOf("Urgent")).toBe("rgb(197, 40, 12)");
    expect(await colorOf("Normal")).not.toBe("rgb(197, 40, 12)");
  });

  it("plans: a downgrade asks for confirmation; Free keeps a small monthly allowance of escalation emails", async () => {
    await page.goto(`${app.origin}/app/plans`);
    await expect.poll(() => page.getByText("Local demo: no Shopify billing").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Downgrade to Free" }).click();
    const dialog = page.getByRole("dialog", { name: "Switch to Free?" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toContain("Your allowance drops from 500 to 25 escalation emails a month");
    await shot("plans-downgrade-confirm");
    await dialog.getByRole("button", { name: "Keep Growth" }).click();
    expect((await db.shop.findUniqueOrThrow({ where: { domain: DEMO } })).plan).toBe("growth");

    await page.getByRole("button", { name: "Downgrade to Free" }).click();
    await page.getByRole("dialog", { name: "Switch to Free?" }).getByRole("button", { name: "Switch to Free" }).click();
    await expect.poll(async () => (await db.shop.findUniqueOrThrow({ where: { domain: DEMO } })).plan).toBe("free");
    await expect.poll(() => page.getByText(/This month: \d+ of 25 escalation emails used\./).isVisible()).toBe(true);
    expect(await page.getByText("25 escalation emails a month included, free; past them shoppers see your contact details.").isVisible()).toBe(true);
    expect(await page.getByText(/Escalation emails are off/).count()).toBe(0);
    expect(await page.locator("body").innerText()).not.toMatch(/ of 0\b/);
    await shot("plans-free");

    // An upgrade needs no confirmation, and the home page recomputes the allowance from the new plan.
    await page.getByRole("button", { name: "Choose Scale" }).click();
    await expect.poll(async () => (await db.shop.findUniqueOrThrow({ where: { domain: DEMO } })).plan).toBe("scale");
    await page.goto(`${app.origin}/app`);
    await expect.poll(() => page.getByText(/Escalation emails: \d+ of 3,000/).isVisible()).toBe(true);
    expect(await page.getByText("Escalation email allowance used up").count()).toBe(0);
  });

  it("speaks the merchant's language from Shopify's locale, keeps it across pages, and falls back to English", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    // Shopify opens the embedded app with ?locale=…; later client navigations carry none.
    await page.goto(`${app.origin}/app?locale=es`);
    await expect.poll(() => page.getByRole("heading", { name: "Puesta en marcha" }).isVisible()).toBe(true);
    // Earlier tests finish the checklist, which then folds away (issue 28): open it to read its steps.
    const show = page.getByRole("button", { name: "Mostrar los pasos" });
    if (await show.isVisible()) await show.click();
    expect(await page.getByText("Activa el chat en tu tema").isVisible()).toBe(true);
    expect(await page.getByRole("navigation", { name: "Administración de Baton" }).getByRole("link", { name: "Casos" }).isVisible()).toBe(true);
    await shot("home-es");
    await page.getByRole("link", { name: "Configuración" }).first().click();
    await expect.poll(() => page.getByText("Direcciones para los casos").isVisible()).toBe(true);
    expect(await page.getByRole("tab", { name: "Disparadores" }).isVisible()).toBe(true);
    await shot("settings-es");
    await page.getByRole("link", { name: "Casos" }).first().click();
    await expect
      .poll(() =>
        page
          .getByText("Filtrar casos")
          .or(page.getByRole("button", { name: "Buscar" }))
          .first()
          .isVisible(),
      )
      .toBe(true);

    await page.goto(`${app.origin}/app/analytics?locale=de-DE`);
    await expect.poll(() => page.getByText("Übergaben nach Grund").isVisible()).toBe(true);
    // Dates in the merchant's locale (Intl), e.g. "1. Dez. 2026".
    expect(await page.locator("body").innerText()).toMatch(/\d{1,2}\. \w+\.? \d{4}/);
    await shot("analytics-de");

    await page.goto(`${app.origin}/app/plans?locale=ja`);
    await expect.poll(() => page.getByRole("heading", { name: "Plans" }).isVisible()).toBe(true);
    await page.goto(`${app.origin}/app?locale=en`);
  });
  it("widget words reach the storefront; cases preview and find transcript words; outcomes at phone width (issue 28)", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${app.origin}/app/settings`);
    await page.getByRole("tab", { name: "Assistant" }).click();
    const preview = page.getByTestId("widget-preview");
    await expect.poll(() => preview.isVisible()).toBe(true);
    await page.getByLabel("Greeting").fill("Hello from the Oak & Ash team!");
    await page.getByLabel("Suggested questions").fill("Do you ship to Canada?\nIs the throw machine-washable?");
    await page.getByLabel("Reply time").fill("We reply within 2 hours");
    // Live: the preview follows the typing, before any save.
    await expect.poll(() => preview.innerText()).toContain("Hello from the Oak & Ash team!");
    expect(await preview.innerText()).toContain("Is the throw machine-washable?");
    expect(await preview.innerText()).toContain("We reply within 2 hours");
    await shot("settings-widget-preview");
    expect(await axeSerious()).toEqual([]);
    await page.getByRole("button", { name: "Save" }).first().click();
    await expect
      .poll(async () => (await db.shop.findUniqueOrThrow({ where: { domain: DEMO } })).widget)
      .toEqual({
        quickActions: ["Do you ship to Canada?", "Is the throw machine-washable?"],
        replyTime: "We reply within 2 hours",
      });
    // The storefront (the demo plays Shopify's app-data metafield) opens with the same words: one greeting.
    await page.goto(`${app.origin}/`);
    await page.locator("baton-chat .b").click();
    const chatLog = page.locator("baton-chat").getByRole("log");
    await expect.poll(() => chatLog.innerText()).toContain("Hello from the Oak & Ash team!");
    expect(await page.locator("baton-chat .wl button").allInnerTexts()).toEqual([
      "Do you ship to Canada?",
      "Is the throw machine-washable?",
      "Talk to a person",
    ]);
    expect(await page.locator("baton-chat .wl").innerText()).toContain("We reply within 2 hours");
    await page.screenshot({ path: `${SHOTS}/admin-storefront-with-admin-words.png` });

    // Cases: every row previews what the shopper said; a word from a transcript finds its case.
    await page.goto(`${app.origin}/app/cases`);
    await expect.poll(() => page.locator("[data-case-link]").count()).toBeGreaterThan(0);
    expect(await page.locator("body").innerText()).toMatch(/“Where is my order/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect.poll(() => page.locator("body").innerText()).toMatch(/“Where is my order/);
    await shot("cases-preview-phone");
    await page.goto(`${app.origin}/app/cases?q=e2e-failed`);
    await expect.poll(() => page.locator("[data-case-link]").count()).toBe(1);
    await page.goto(`${app.origin}/app/cases?q=zeppelin`);
    await expect.poll(() => page.getByRole("link", { name: "Clear search and filters" }).isVisible()).toBe(true);

    // Analytics at phone width: presets, outcomes against the previous period, no sideways scroll.
    await page.goto(`${app.origin}/app/analytics`);
    await expect.poll(() => page.getByText("Resolved without a person").first().isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Last 30 days" }).getAttribute("aria-pressed")).toBe("true");
    await page.getByRole("button", { name: "Last 7 days" }).click();
    await page.waitForURL(/from=\d{4}-\d\d-\d\d&to=/);
    await expect.poll(() => page.getByRole("button", { name: "Last 7 days" }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeSerious()).toEqual([]);
    await shot("analytics-outcomes-phone");
    await page.goto(`${app.origin}/app/analytics?from=2020-01-01&to=2020-01-31`);
    await expect.poll(() => page.getByText("No conversations in this period").isVisible()).toBe(true);
    await shot("analytics-empty-phone");
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
