// The storefront and Chromium the widget e2e files share, and their page helpers: each test file
// calls useWidgetSession() once (its own storefront and browser), then drives pages with these.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { launchChromium, type LaunchedBrowser } from "./chromium";
import { startWidgetStorefront, type WidgetStorefront } from "./widget-storefront";

export const SHOTS = "test-results/widget";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export let browser: LaunchedBrowser;
export let shop: WidgetStorefront;

/** Starts the storefront and Chromium for this file; every test starts as a new visitor. */
export function useWidgetSession(): void {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    shop = await startWidgetStorefront();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });
  beforeEach(async () => {
    // The conversation is remembered in localStorage across tabs: every test starts as a new visitor.
    const blank = await browser.context.newPage();
    await blank.goto(shop.origin + "/?widget=0");
    await blank.evaluate(() => localStorage.clear());
    await blank.close();
    shop.mode = "ok";
    shop.delayMs = 0;
    shop.stream = false;
    shop.chatCalls.length = 0;
  });
}

export async function open(path = "/", viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(shop.origin + path);
  return page;
}

export const launcher = (page: Page) => page.locator("baton-chat").getByRole("button", { name: /chat with us|discuter/i });
export const dialog = (page: Page) => page.getByRole("dialog");
export const log = (page: Page) => page.getByRole("log");
export const input = (page: Page) => page.getByRole("textbox", { name: "Message" });
/** The header's person button (the empty state's quick replies have one with the same name). */
export const talk = (page: Page, name: string) => page.locator("baton-chat .h").getByRole("button", { name });

/** What has focus, looking through the shadow root. */
export function focused(page: Page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className ? "." + String(el.className).split(" ").join(".") : ""}` : "none";
  });
}

export async function axe(page: Page) {
  // The panel fades in (0.18 s): colour contrast measured mid-fade reads the text as too light. Wait for every
  // finite animation in the widget (the typing dots loop forever and are left alone).
  await page.evaluate(() =>
    Promise.all(
      (document.querySelector("baton-chat")?.shadowRoot?.getAnimations() ?? [])
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown }> }> }> };
      }
    ).axe.run(document, {
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations;
}
export const serious = (v: Awaited<ReturnType<typeof axe>>) => v.filter((x) => x.impact === "serious" || x.impact === "critical");

export async function ask(page: Page, text: string) {
  await input(page).fill(text);
  await input(page).press("Enter");
}
