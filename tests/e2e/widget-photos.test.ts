import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { startAppServer, type AppServer } from "../support/app-server";
import { launchChromium, type LaunchedBrowser } from "./support/chromium";
import { axe, serious } from "./support/widget-session";

// Photos in the demo, in Chromium, at desktop and phone size: the shopper attaches a photo in the
// widget (through the demo's signed App Proxy, the real app behind it), sees it in the chat and again
// after a reload, and the merchant sees it on the case page. axe finds nothing serious on the way.
const SHOTS = "test-results/photos";
let app: AppServer;
let browser: LaunchedBrowser;
let db: Db;
let photo: Buffer;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startAppServer({
    demo: true,
    env: { DEMO_INBOX_DIR: path.join(mkdtempSync(path.join(tmpdir(), "baton-inbox-")), "inbox"), SMTP_URL: undefined },
  });
  browser = await launchChromium({ viewport: { width: 1280, height: 860 } });
  db = createDb(app.databaseUrl);
  // A real photo-like JPEG (a torn seam, roughly): small enough for the demo proxy after the widget's re-encode.
  photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#c0392b" } })
    .composite([
      {
        input: await sharp({ create: { width: 600, height: 80, channels: 3, background: "#f5e6ca" } })
          .png()
          .toBuffer(),
        top: 410,
        left: 300,
      },
    ])
    .jpeg({ quality: 90 })
    .toBuffer();
});
afterAll(async () => {
  await db?.$disconnect();
  await browser?.close();
  await app?.stop();
});
beforeEach(async () => {
  const blank = await browser.context.newPage();
  await blank.goto(`${app.origin}/?widget=0`);
  await blank.evaluate(() => localStorage.clear());
  await blank.close();
});

const launcher = (page: Page) => page.locator("baton-chat").getByRole("button", { name: /chat with us/i });
const input = (page: Page) => page.getByRole("textbox", { name: "Message" });
const log = (page: Page) => page.getByRole("log");
const loaded = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);

describe.each([
  ["desktop", { width: 1280, height: 860 }],
  ["phone", { width: 390, height: 844 }],
])("a photo in the chat (%s)", (name, viewport) => {
  it("is attached, previewed, sent, shown in the chat and after a reload, and reaches the case page", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${app.origin}/?as=7001`);
    await launcher(page).click();
    await page.locator("baton-chat .h").getByRole("button", { name: "Talk to a person" }).click();
    await expect.poll(() => log(page).innerText(), { timeout: 10_000 }).toMatch(/what is it about\?/);

    // The attach button: a labelled button in the composer; the photo code loads on the first press.
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    const attach = page.locator("baton-chat").getByRole("button", { name: "Attach photos" });
    const chooser = page.waitForEvent("filechooser");
    await attach.click();
    await (await chooser).setFiles({ name: "seam.jpg", mimeType: "image/jpeg", buffer: photo });
    expect(requests).toContain("/extensions/baton-chat/assets/baton-chat-photos.js");
    const preview = page.locator("baton-chat").getByRole("img", { name: "Photo 1: seam.jpg" });
    await expect.poll(() => preview.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator("baton-chat").getByRole("button", { name: "Remove photo 1" }).isVisible()).toBe(true);
    expect(serious(await axe(page))).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/${name}-preview.png` });

    await input(page).fill("My beanie arrived damaged");
    await input(page).press("Enter");
    await expect.poll(() => log(page).innerText(), { timeout: 15_000 }).toMatch(/reach you at sarah@example\.com/);
    expect(await log(page).innerText()).toContain("📷 photo-1.jpg");
    expect(await loaded(page, "baton-chat .lg img.mi")).toBe(true);
    expect(await preview.count()).toBe(0);
    expect(serious(await axe(page))).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/${name}-sent.png` });

    // After a reload the history shows the photo again (the shopper's own, through the App Proxy).
    await page.reload();
    await expect.poll(() => log(page).innerText(), { timeout: 10_000 }).toContain("📷 photo-1.jpg");
    await expect.poll(() => loaded(page, "baton-chat .lg img.mi"), { timeout: 10_000 }).toBe(true);
    const shown = await page
      .locator("baton-chat .lg img.mi")
      .first()
      .evaluate((img) => ({ alt: img.getAttribute("alt"), src: img.getAttribute("src") }));
    expect(shown.alt).toBe("Your photo");
    expect(shown.src).toMatch(/^\/apps\/baton\/chat\/photos\?conversationId=.+&id=.+&size=thumb$/);

    // The case page: the thumbnail loads through its signed link, and opens full size.
    const stored = await db.chatPhoto.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { conversationId: true, width: true } });
    expect(stored.width).toBe(1200);
    const kase = await db.escalationCase.findUniqueOrThrow({ where: { conversationId: stored.conversationId } });
    const admin = await browser.context.newPage();
    await admin.setViewportSize(viewport);
    await admin.goto(`${app.origin}/app/cases/${kase.id}`);
    const thumb = admin.getByRole("img", { name: /Photo 1 from the shopper \(1200×900\)/ });
    await expect.poll(() => thumb.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => loaded(admin, '[data-testid="case-photo"] img'), { timeout: 10_000 }).toBe(true);
    const link = admin.getByRole("link", { name: /Photo 1 from the shopper \(1200×900\), opens full size in a new tab/ });
    const full = await admin.request.get(new URL((await link.getAttribute("href"))!, app.origin).href);
    expect(full.status()).toBe(200);
    expect(full.headers()["content-type"]).toBe("image/jpeg");
    expect(serious(await axe(admin))).toEqual([]);
    await thumb.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: `${SHOTS}/${name}-case-page.png`, fullPage: true });
    await admin.close();
    await page.close();
  });
});
