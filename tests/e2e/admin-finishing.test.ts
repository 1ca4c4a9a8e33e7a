import { mkdirSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { DEMO } from "../integration/admin-fixtures";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { launchChromium, type LaunchedBrowser } from "./support/chromium";

// Issue 28's last admin items in Chromium (demo, no Shopify), at desktop (1280) and phone (390, and
// 320 where width matters): the setup checklist folds when done and leads with a primary action; the
// usage card is titled by month; settings titles keep an inset on a phone; the languages list says
// which languages the chat speaks; the demo save bar's Save is the prominent button; the cases
// search hint is never cut; cases are named by the shopper's request and quote the message that
// opened them. No serious or critical axe violation; screenshots under test-results/screenshots/.
const SHOTS = "test-results/screenshots";
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SMALL = { width: 320, height: 700 };
let smtp: SmtpServerHandle;
let app: AppServer;
let db: Db;
let browser: LaunchedBrowser;
let page: Page;

const shot = (name: string) => page.screenshot({ path: `${SHOTS}/finishing-${name}.png`, fullPage: true });

async function axeSerious(): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> };
      }
    ).axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

async function visit(url: string, viewport: { width: number; height: number }, ready: () => Promise<boolean>) {
  await page.setViewportSize(viewport);
  await page.goto(`${app.origin}${url}`);
  await expect.poll(ready).toBe(true);
}

const T0 = Date.now() - 3_600_000;
const at = (s: number) => new Date(T0 + s * 1000);
const SIGNALLED = { signals: [{ reason: "order_state", score: 0.9, evidence: "never received" }], reasons: ["order_state"] };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  smtp = await startSmtpServer();
  app = await startAppServer({
    demo: true,
    env: { SMTP_URL: smtp.url, DEMO_INBOX_DIR: path.join(mkdtempSync(path.join(tmpdir(), "baton-inbox-")), "inbox") },
  });
  db = createDb(app.databaseUrl);
  // A case as the chat core leaves it: a hello, the message that opened the case (with the detector's
  // signals), the email address given afterwards; the core named the request.
  const conversationId = "conv-parcel";
  await db.conversation.create({
    data: { id: conversationId, shop: DEMO, state: "escalated", shopperEmail: "sarah@example.com", createdAt: at(0), escalatedAt: at(40) },
  });
  await db.message.createMany({
    data: [
      { conversationId, role: "shopper", text: "Hi, where is order #1042?", createdAt: at(0) },
      { conversationId, role: "assistant", text: "Order #1042 was delivered on Feb 20.", createdAt: at(1) },
      { conversationId, role: "shopper", text: "It says delivered but I never received it", createdAt: at(20), meta: SIGNALLED },
      { conversationId, role: "assistant", text: "What's the best email address to reach you?", createdAt: at(21) },
      { conversationId, role: "shopper", text: "sarah@example.com", createdAt: at(40) },
      { conversationId, role: "assistant", text: "I've forwarded your case to our support team.", createdAt: at(41) },
    ],
  });
  await db.escalationCase.create({
    data: {
      id: "case-parcel",
      shop: DEMO,
      conversationId,
      status: "sent",
      reasons: ["order_state", "complaint"],
      reasonText: "Has not received order #1042",
      topic: "order",
      request: "missing_parcel",
      priority: "high",
      confidence: 0.9,
      signals: [],
      route: { to: ["support@baton-demo.example"], cc: [], from: '"Shop" <escalations@baton.test>' },
      shopperEmail: "sarah@example.com",
      orderName: "#1042",
      summary: "The shopper says order #1042 shows delivered but never arrived.",
      messageId: "<case-parcel@baton.test>",
      createdAt: at(40),
    },
  });
  browser = await launchChromium({ viewport: DESKTOP });
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
  await app?.stop();
  await smtp?.stop();
});

const setupSteps = () => page.locator("#setup-steps");
const testStep = () => page.locator('[data-step="Send a test email and check it arrives"]');
const isPrimary = (loc: ReturnType<Page["locator"]>) => loc.evaluate((el) => /variantPrimary/.test(el.className));

describe("admin, issue 28's last items", () => {
  it("home: the next step's action is the primary button; the usage card is titled by month; a finished checklist folds and reopens", async () => {
    const month = (locale: string) => {
      const name = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date());
      return name[0]!.toLocaleUpperCase(locale) + name.slice(1);
    };
    for (const viewport of [DESKTOP, PHONE]) {
      await visit("/app?locale=en", viewport, () => page.getByRole("heading", { name: "Setup" }).isVisible());
      // The conversation exists, the address and a paid plan are set: the test email is next, and it is the one primary button.
      expect(await testStep().getAttribute("data-done")).toBe("false");
      expect(await isPrimary(testStep().getByRole("button", { name: "Send test email" }))).toBe(true);
      expect(await page.locator("#setup-steps .Polaris-Button--variantPrimary").count()).toBe(1);
      expect(await page.getByRole("link", { name: "See plans" }).isVisible()).toBe(true); // a done step keeps a plain link
      expect(await page.getByRole("heading", { name: month("en-US") }).isVisible()).toBe(true);
      expect(await page.locator("body").innerText()).not.toMatch(/This month \(\d{4}-\d\d\)/);
      expect(await axeSerious()).toEqual([]);
      await shot(`home-next-step-${viewport.width}`);
    }

    // The test email arrives: every step is done.
    await db.outboxEmail.create({
      data: {
        shop: DEMO,
        kind: "test",
        status: "sent",
        messageId: "<test-finishing@baton.test>",
        fromAddress: "escalations@baton.test",
        toAddresses: "support@baton-demo.example",
        subject: "[Test]",
        textBody: "test",
        htmlBody: "<p>test</p>",
        sentAt: new Date(),
      },
    });
    for (const viewport of [DESKTOP, PHONE]) {
      await visit("/app?locale=en", viewport, () => page.getByText("Setup complete", { exact: true }).isVisible());
      expect(await setupSteps().isVisible()).toBe(false);
      const toggle = page.getByRole("button", { name: "Show setup steps" });
      expect(await toggle.getAttribute("aria-expanded")).toBe("false");
      expect(await axeSerious()).toEqual([]);
      await shot(`home-setup-complete-${viewport.width}`);
      await toggle.click();
      await expect.poll(() => setupSteps().isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: "Hide setup steps" }).getAttribute("aria-expanded")).toBe("true");
      expect(await page.locator("#setup-steps .Polaris-Button--variantPrimary").count()).toBe(0);
      await shot(`home-setup-reopened-${viewport.width}`);
    }

    // In the merchant's language.
    await visit("/app?locale=es", DESKTOP, () => page.getByText("Configuración completa", { exact: true }).isVisible());
    expect(await page.getByRole("heading", { name: month("es-ES") }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Mostrar los pasos" }).isVisible()).toBe(true);
    await shot("home-setup-complete-es");
    await visit("/app?locale=de", PHONE, () => page.getByText("Einrichtung abgeschlossen", { exact: true }).isVisible());
    expect(await page.getByRole("heading", { name: month("de-DE") }).isVisible()).toBe(true);
    await shot("home-setup-complete-de-390");
    await visit("/app?locale=en", DESKTOP, () => page.getByText("Setup complete", { exact: true }).isVisible());
  });

  it("settings: section titles keep an inset on a phone; the languages say which ones the chat speaks; Save is the save bar's prominent button", async () => {
    for (const viewport of [DESKTOP, PHONE, SMALL]) {
      await visit("/app/settings", viewport, () => page.getByText("Escalation addresses", { exact: true }).first().isVisible());
      for (const tab of ["Escalations", "Triggers", "Assistant", "Advanced"]) {
        await page.getByRole("tab", { name: tab }).click();
        const lefts = await page
          .locator("[role=tabpanel]:not([hidden]) .Polaris-Layout__Annotation h2")
          .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
        expect(lefts.length, tab).toBeGreaterThan(0);
        // Phones: the same 16 px inset as the cards' content; desktop: the page's own margin.
        expect(Math.min(...lefts), `${tab} at ${viewport.width}`).toBeGreaterThanOrEqual(16);
        if (viewport !== DESKTOP) await shot(`settings-${tab.toLowerCase()}-${viewport.width}`);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

      await page.getByRole("tab", { name: "Triggers" }).click();
      const spoken = await page.locator('input[aria-describedby~="languages-spoken"]').evaluateAll((els) => els.map((e) => e.closest("label")!.textContent));
      const recognized = await page
        .locator('input[aria-describedby~="languages-recognized"]')
        .evaluateAll((els) => els.map((e) => e.closest("label")!.textContent));
      expect(spoken).toEqual(["English", "Spanish", "French", "German"]);
      expect(recognized).toEqual(["Italian", "Portuguese", "Dutch"]);
      expect(await page.locator("#languages-spoken").innerText()).toBe("The chat, its buttons and the case emails speak these languages.");
      expect(await page.locator("#languages-recognized").innerText()).toMatch(/^Also recognized: .* stay in English for them\.$/);
      await page.locator("#languages-spoken").scrollIntoViewIfNeeded();
      expect(await axeSerious()).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/finishing-settings-languages-${viewport.width}.png` });

      // The demo's contextual save bar: Save light and prominent on the dark bar, Discard quiet; Discard undoes.
      await page.getByLabel("Fulfillment stalled after").fill("9");
      const bar = page.getByRole("region", { name: "Unsaved changes" });
      await expect.poll(() => bar.isVisible()).toBe(true);
      const look = (name: string) =>
        bar.getByRole("button", { name, exact: true }).evaluate((el) => {
          const cs = getComputedStyle(el);
          return { bg: cs.backgroundColor, color: cs.color, left: el.getBoundingClientRect().left };
        });
      const save = await look("Save");
      const discard = await look("Discard");
      expect(save.bg).toBe("rgb(255, 255, 255)");
      expect(discard.bg).not.toBe("rgb(255, 255, 255)");
      expect(discard.color).toBe("rgb(255, 255, 255)");
      expect(save.left).toBeGreaterThan(discard.left); // Save last, as in Shopify's bar
      expect(await axeSerious()).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/finishing-save-bar-${viewport.width}.png` });
      await bar.getByRole("button", { name: "Discard" }).click();
      await expect.poll(() => bar.count()).toBe(0);
    }
  });

  it("cases: the search hint is never cut on a phone, in any language", async () => {
    for (const locale of ["en", "es", "fr", "de"]) {
      for (const viewport of [DESKTOP, PHONE, SMALL]) {
        await visit(`/app/cases?locale=${locale}`, viewport, () => page.locator("[data-case-link]").first().isVisible());
        const input = page.locator('input[name="q"]');
        await expect.poll(() => input.getAttribute("placeholder")).toBeTruthy();
        // The placeholder's text width (the input's own font) fits the input's content box.
        const fit = await input.evaluate((el: HTMLInputElement) => {
          const cs = getComputedStyle(el);
          const ctx = document.createElement("canvas").getContext("2d")!;
          ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
          const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
          return { text: ctx.measureText(el.placeholder).width, room };
        });
        expect(fit.text, `${locale} at ${viewport.width}: ${JSON.stringify(fit)}`).toBeLessThanOrEqual(fit.room);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        if (locale === "en" || viewport.width === 320) await shot(`cases-search-${locale}-${viewport.width}`);
      }
    }
    await page.goto(`${app.origin}/app?locale=en`);
  });

  it("cases: a case is named by the shopper's request and quotes the message that opened it, in the list and on its page", async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      await visit("/app/cases?locale=en", viewport, () => page.locator('[data-case-link="case-parcel"]').isVisible());
      const row = page.locator(".Polaris-IndexTable__TableRow", { has: page.locator('[data-case-link="case-parcel"]') });
      const text = await row.innerText();
      expect(text).toContain("Parcel not received");
      expect(text).toContain("“It says delivered but I never received it”");
      expect(text).not.toContain("Hi, where is order");
      expect(text).not.toMatch(/Order problem \(not received/);
      if (viewport === DESKTOP) {
        expect(await page.getByRole("columnheader", { name: "Request" }).isVisible()).toBe(true);
        // The triggers that fired stay at hand in the tooltip.
        expect(await row.locator('[data-problem="missing_parcel"]').getAttribute("title")).toMatch(/^Order problem/);
      }
      expect(await axeSerious()).toEqual([]);
      await shot(`cases-request-${viewport.width}`);
      await row.locator('[data-case-link="case-parcel"]').click();
      await page.waitForURL(/\/app\/cases\/case-parcel$/);
      await expect.poll(() => page.getByText(/^Parcel not received · Order #1042 · Escalated /).isVisible()).toBe(true);
      expect(await axeSerious()).toEqual([]);
      await shot(`case-request-header-${viewport.width}`);
    }
    for (const [locale, label] of [
      ["es", "Paquete no recibido"],
      ["fr", "Colis non reçu"],
      ["de", "Paket nicht erhalten"],
    ] as const) {
      await visit(`/app/cases?locale=${locale}`, PHONE, () => page.locator('[data-case-link="case-parcel"]').isVisible());
      expect(await page.locator("body").innerText()).toContain(label);
      await shot(`cases-request-${locale}-390`);
    }
    await page.setViewportSize(DESKTOP);
    await page.goto(`${app.origin}/app?locale=en`);
  });
});
