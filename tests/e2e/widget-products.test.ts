// Product cards in the storefront widget, on a desktop and a phone, with axe and a screenshot under
// test-results/screenshots/: one product with its choices, and a short list of gift ideas.
//
// Everything is the real demo's: the page, the widget, the App Proxy, the chat turn and the demo
// catalogue the composition root wires for the demo shop (shopCatalogueFor).
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { launchChromium, type LaunchedBrowser } from "./support/chromium";

const SHOTS = "test-results/screenshots";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const VIEWPORTS = [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const;
let app: AppServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startAppServer({ demo: true, env: { SMTP_URL: undefined } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function open(viewport: { width: number; height: number }, query = "?as=guest"): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${app.origin}/${query}`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator("baton-chat").locator("button.b").click();
  await expect.poll(() => page.getByRole("dialog").isVisible()).toBe(true);
  return page;
}

async function send(page: Page, text: string, expectText: RegExp) {
  const input = page.getByRole("textbox", { name: /^(Message|Mensaje|Nachricht)$/ });
  await input.fill(text);
  await input.press("Enter");
  await expect.poll(() => page.getByRole("log").innerText(), { timeout: 10_000 }).toMatch(expectText);
}

async function axeViolations(page: Page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }
    ).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
  });
}

describe.each(VIEWPORTS)("product cards on a %s", (kind, viewport) => {
  it("one product: photo, title linking to its page, price, availability and each colour's", async () => {
    const page = await open(viewport);
    await send(page, "Do you have the merino throw in charcoal?", /Charcoal: sold out/);
    const card = page.getByRole("log").locator(".pc");
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getAttribute("aria-label")).toBe("Merino Wool Throw");
    const link = card.getByRole("link", { name: "Merino Wool Throw" });
    expect(await link.getAttribute("href")).toBe("https://baton-demo.myshopify.com/products/merino-wool-throw");
    expect(await card.innerText()).toMatch(/\$49\.00[\s\S]*Available[\s\S]*Oat · In stock[\s\S]*Sage · 3 left[\s\S]*Charcoal · Sold out/);
    // The card stays inside the message column (no sideways scrolling on a phone).
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/widget-product-card-${kind}.png` });
    await page.close();
  });

  it("several products: a short list of cards (German gift ideas under 30 €)", async () => {
    const page = await open(viewport, "?locale=de");
    await send(page, "Geschenkideen unter 30 €?", /Ein paar Geschenkideen bis 30,00\s\$/);
    const list = page.getByRole("log").locator("ul.pl");
    await expect.poll(() => list.locator("li .pc").count()).toBe(4);
    expect(await list.locator("li .pc").first().innerText()).toMatch(/Linen Cushion Cover[\s\S]*12,75\s\$[\s\S]*Auf Lager|Verfügbar/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/widget-product-list-${kind}.png` });
    await page.close();
  });
});
