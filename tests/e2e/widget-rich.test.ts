// The storefront chat as a new shopper meets it, against the real demo (built app, emulated signed
// App Proxy, demo order catalogue): empty state with quick replies, the order card, quick actions
// after a miss, the hand-off with the reply time, a returning visitor's case status, and Spanish —
// each on a desktop and a phone, with axe and a screenshot under test-results/screenshots/.
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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
let visitor = 0;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startAppServer({
    demo: true,
    env: {
      DEMO_INBOX_DIR: path.join(mkdtempSync(path.join(tmpdir(), "baton-inbox-")), "inbox"),
      SMTP_URL: undefined,
      // Every test is another shopper: each tab sends its own X-Forwarded-For (newPage), which the
      // demo's proxy keeps in front of the socket address, so the per-address case caps see
      // separate visitors instead of one address opening case after case.
      TRUSTED_PROXY_HOPS: "2",
    },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});
beforeEach(async () => {
  visitor++;
  // Conversations are remembered on the device (localStorage): each test starts as a new visitor.
  const blank = await browser.context.newPage();
  await blank.goto(`${app.origin}/?as=guest`);
  await blank.evaluate(() => localStorage.clear());
  await blank.close();
});

const root = (page: Page) => page.locator("baton-chat");
const dialog = (page: Page) => page.getByRole("dialog");
const log = (page: Page) => page.getByRole("log");
const input = (page: Page) => page.getByRole("textbox", { name: /^(Message|Mensaje)$/ });
const chips = (page: Page) => log(page).locator(".qa button");

/** A tab of this test's visitor: its own address, as the new-case caps per address expect of real shoppers. */
async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${visitor}` });
  await page.setViewportSize(viewport);
  return page;
}

async function open(viewport: { width: number; height: number }, query = ""): Promise<Page> {
  const page = await newPage(viewport);
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${app.origin}/${query}`);
  await root(page).locator("button.b").click();
  await expect.poll(() => dialog(page).isVisible()).toBe(true);
  return page;
}

async function send(page: Page, text: string, expectText: RegExp) {
  await input(page).fill(text);
  await input(page).press("Enter");
  await expect.poll(() => log(page).innerText(), { timeout: 10_000 }).toMatch(expectText);
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

/** axe finds nothing (any impact), then the screenshot. */
async function check(page: Page, name: string, kind: string) {
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/widget-${name}-${kind}.png` });
}

/** Order #1042 verified by its email: the reply's text plus the card. */
async function showOrder(page: Page, ask = "Where is my order #1042?", asksEmail = /email address used on the order/, told = /delivered on Feb 20, 2026/) {
  await send(page, ask, asksEmail);
  await send(page, "sarah@example.com", told);
  await expect.poll(() => log(page).locator(".oc").count()).toBe(1);
  return log(page).locator(".oc");
}

describe.each(VIEWPORTS)("storefront chat on a %s", (kind, viewport) => {
  it("empty state: shop name, AI label, greeting, quick replies, notice with the privacy link", async () => {
    const page = await open(viewport);
    expect(await page.getByRole("dialog", { name: "Baton Demo Goods" }).count()).toBe(1);
    expect(await dialog(page).locator(".hs p").innerText()).toBe("AI assistant");
    expect(await log(page).innerText()).toContain("Hi! I can check your order status");
    expect(await chips(page).allInnerTexts()).toEqual(["Track my order", "Returns and refunds", "Shipping times", "Talk to a person"]);
    const notice = dialog(page).locator(".nt");
    expect(await notice.innerText()).toBe(
      "An AI assistant answers here, and our team may read this conversation. This device remembers the chat for 7 days. Privacy policy",
    );
    expect(await notice.getByRole("link", { name: "Privacy policy" }).getAttribute("href")).toBe("https://baton-demo.myshopify.com/policies/privacy-policy");
    expect(await root(page).locator(".c").isVisible()).toBe(false); // no "0/2000"
    // Keyboard order: header → log → input; the dialog comes before the launcher.
    const order = await root(page).evaluate((host) => [...host.shadowRoot!.querySelectorAll("#bt, .lg, #bi, button.b")].map((e) => e.id || e.className));
    expect(order).toEqual(["bt", "lg", "bi", "b"]);
    await check(page, "empty", kind);
    await page.close();
  });

  it("order card: status, progress, items, total, tracking — and a safe Track package link", async () => {
    const page = await open(viewport);
    const card = await showOrder(page);
    expect(await card.getAttribute("aria-label")).toBe("Order #1042");
    expect(await card.locator(".st").innerText()).toBe("Delivered");
    expect(await card.locator(".pg li").allInnerTexts()).toEqual(["Ordered\nFeb 16", "Shipped\nFeb 18", "Delivered\nFeb 20"]);
    expect(await card.locator(".pg li.d").count()).toBe(3);
    expect(await card.locator(".it li").allInnerTexts()).toEqual(["1 × Merino Wool Throw · Oat", "2 × Linen Cushion Cover · Sage"]);
    expect(await card.locator("p").allInnerTexts()).toEqual(["Total $74.50", "USPS · 9400111899223847563"]);
    const track = card.getByRole("link", { name: "Track package" });
    expect(await track.getAttribute("href")).toBe("https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847563");
    expect(await track.getAttribute("rel")).toBe("noopener noreferrer");
    expect(await track.getAttribute("target")).toBe("_blank");
    // Beside the card the text is one short sentence: the tracking link is the card's, not repeated as a URL.
    expect(await log(page).locator(".m a[href^='http']").count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await check(page, "order-card", kind);
    await page.close();
  });

  it("quick actions: the empty state's are sent as ordinary messages; after a miss the person comes first", async () => {
    const page = await open(viewport);
    const sent: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/apps/baton/chat")) sent.push(r.postData() ?? "");
    });
    await chips(page).filter({ hasText: "Shipping times" }).click();
    await expect.poll(() => log(page).innerText(), { timeout: 10_000 }).toContain("Orders ship within 2 business days");
    expect(JSON.parse(sent[0]!)).toEqual({ message: "Shipping times", locale: "en", visit: expect.stringMatching(/^[\w-]{22}$/) });
    expect(await chips(page).count()).toBe(0); // used: gone
    // The bubble's text, without its time stamp.
    expect(
      await log(page)
        .locator(".m.u")
        .evaluateAll((els) =>
          els.map((e) =>
            [...e.childNodes]
              .filter((n) => n.nodeName !== "TIME")
              .map((n) => n.textContent)
              .join(""),
          ),
        ),
    ).toEqual(["You: Shipping times"]);

    await send(page, "Can you recommend a good movie?", /not sure I understood/);
    await expect.poll(() => chips(page).allInnerTexts()).toEqual(["Talk to a person", "Track my order", "Returns and refunds", "Shipping times"]);
    await check(page, "quick-action", kind);
    const replies = await log(page).locator(".m.a").count();
    await chips(page).filter({ hasText: "Returns and refunds" }).click();
    // Sent as the shopper's own words; what the engine answers (the policy, or a hand-off after
    // repeated misses) is the conversation core's business.
    await expect.poll(() => log(page).locator(".m.a").count(), { timeout: 10_000 }).toBeGreaterThan(replies);
    expect(JSON.parse(sent.at(-1)!)).toMatchObject({ message: "Returns and refunds" });
    expect(await log(page).locator(".m.u").allTextContents()).toContainEqual(expect.stringMatching(/^You: Returns and refunds\d/));
    expect(await chips(page).filter({ hasText: "Track my order" }).count()).toBe(0);
    await page.close();
  });

  it("hand-off: the person button becomes the case status with the reply time, and never sends again", async () => {
    const page = await open(viewport);
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/apps/baton/chat")) posts.push(r.postData() ?? "");
    });
    await dialog(page).locator(".h").getByRole("button", { name: "Talk to a person" }).click();
    // With nothing said yet, the assistant first asks what it is about, so the team need not ask again.
    await expect.poll(() => log(page).innerText(), { timeout: 10_000 }).toMatch(/what is it about/i);
    await send(page, "My parcel never arrived", /email address/i);
    const email = page.getByRole("textbox", { name: /your email address/i });
    await expect.poll(() => email.isVisible(), { timeout: 10_000 }).toBe(true);
    await email.fill("kim@example.org");
    await email.press("Enter");
    const status = dialog(page).locator(".bn");
    await expect.poll(() => status.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await status.innerText()).toBe(
      "Case sent to our team · replies to kim@example.org\nOur team usually replies within a day\nStart a new conversation",
    );
    expect(await dialog(page).getByRole("button", { name: "Talk to a person" }).count()).toBe(0);
    expect(posts).toHaveLength(3);
    await check(page, "handoff", kind);
    await page.close();
  });

  it("returning visitor: a new tab (or a later visit) shows the conversation and its case status", async () => {
    const first = await open(viewport);
    await send(first, "I want to talk to a human", /email address/);
    const email = first.getByRole("textbox", { name: /your email address/i });
    await email.fill("lee@example.org");
    await email.press("Enter");
    await expect.poll(() => first.locator("baton-chat .bn").isVisible(), { timeout: 10_000 }).toBe(true);
    await first.close();

    const page = await newPage(viewport);
    const calls: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/apps/baton/")) calls.push(r.method());
    });
    await page.goto(`${app.origin}/`);
    await expect.poll(() => root(page).locator("button.b").isVisible()).toBe(true);
    expect(await dialog(page).count()).toBe(0); // the new tab does not pop the panel open
    expect(calls).toEqual([]); // nor call the app before the shopper opens the chat
    await root(page).locator("button.b").click();
    await expect.poll(() => log(page).innerText(), { timeout: 10_000 }).toContain("I want to talk to a human");
    expect(calls).toEqual(["GET"]);
    const status = dialog(page).locator(".bn");
    await expect.poll(() => status.innerText()).toContain("Case sent to our team · replies to lee@example.org");
    expect(await chips(page).count()).toBe(0);
    await check(page, "returning", kind);

    // Another signed-in customer on this device does not get it.
    await page.goto(`${app.origin}/?as=7001`);
    await expect.poll(() => dialog(page).isVisible()).toBe(true); // it was open in this tab: it reopens
    expect(await log(page).innerText()).not.toContain("talk to a human");
    expect(await status.isVisible()).toBe(false);
    await page.goto(`${app.origin}/?as=guest`);
    await page.close();
  });

  it("Spanish storefront: the widget, its quick replies and the order card in Spanish", async () => {
    const page = await open(viewport, "?locale=es");
    expect(await root(page).locator(".r").getAttribute("lang")).toBe("es");
    expect(await dialog(page).locator(".hs p").innerText()).toBe("Asistente de IA");
    expect(await chips(page).allInnerTexts()).toEqual(["Seguir mi pedido", "Devolución y reembolso", "Plazos de envío", "Hablar con una persona"]);
    expect(await dialog(page).locator(".nt").innerText()).toBe(
      "Te responde un asistente de IA y nuestro equipo puede leer esta conversación. Este dispositivo recuerda el chat durante 7 días. Política de privacidad",
    );
    const card = await showOrder(page, "¿Dónde está mi pedido #1042?", /correo usaste en el pedido/, /se entregó el/);
    expect(await card.getAttribute("aria-label")).toBe("Pedido #1042");
    expect(await card.locator(".st").innerText()).toBe("Entregado");
    expect(await card.locator(".pg li").allInnerTexts()).toEqual(["Pedido\n16 feb", "Enviado\n18 feb", "Entregado\n20 feb"]);
    expect(await card.locator("p").first().innerText()).toBe("Total 74,50\u00a0US$");
    expect(await card.getByRole("link", { name: "Seguir el paquete" }).count()).toBe(1);
    await card.scrollIntoViewIfNeeded();
    await check(page, "es", kind);
    await page.close();
  });

  it("German storefront: the data notice says who answers, who may read, and how long the device remembers", async () => {
    const page = await open(viewport, "?locale=de");
    expect(await root(page).locator(".r").getAttribute("lang")).toBe("de");
    expect(await dialog(page).locator(".nt").innerText()).toBe(
      "Hier antwortet ein KI-Assistent, und unser Team kann dieses Gespräch lesen. Dieses Gerät speichert den Chat 7 Tage lang. Datenschutzerklärung",
    );
    await check(page, "de-notice", kind);
    await page.close();
  });
});
