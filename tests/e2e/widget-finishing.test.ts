// Issue 28's last widget items in Chromium: a signed-in shopper's latest order in the empty state
// (never asked for a guest), the privacy link that never starts a line of its own, and a rating that
// is remembered after a reload. At 320, 390 and 1280 px in en, es, fr and de; axe clean; screenshots
// under test-results/widget/ (finishing-*.png).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ask, axe, dialog, log, open, shop, SHOTS, useWidgetSession } from "./support/widget-session";

useWidgetSession();

const LANGS = ["en", "es", "fr", "de"] as const;
const LATEST = { en: "Your latest order", es: "Tu último pedido", fr: "Votre dernière commande", de: "Ihre letzte Bestellung" } as const;
const PRIVACY = { en: "Privacy policy", es: "Política de privacidad", fr: "Politique de confidentialité", de: "Datenschutzerklärung" } as const;
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/finishing-${name}.png` });
const viewport = (width: number) => ({ width, height: width < 500 ? 740 : 800 });

const ORDER = {
  name: "#1042",
  placedAt: "2026-02-16T14:03:00Z",
  status: "delivered",
  statusLabel: "Delivered",
  steps: [
    { key: "ordered", label: "Ordered", done: true, at: "2026-02-16T14:03:00Z" },
    { key: "shipped", label: "Shipped", done: true, at: "2026-02-18T16:20:00Z" },
    { key: "delivered", label: "Delivered", done: true, at: "2026-02-20T18:42:00Z" },
  ],
  items: [{ title: "Merino Wool Throw · Oat", quantity: 1 }],
  total: { amount: "74.50", currencyCode: "USD" },
  tracking: { company: "USPS", number: "9400111899223847563", url: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847563" },
};

async function openPanel(page: Page) {
  await page.locator("baton-chat .b").click();
  await expect.poll(() => dialog(page).isVisible()).toBe(true);
}

/** Whether the privacy link shares its line with the notice's last word (it never starts a line). */
const linkKeepsItsWord = (page: Page) =>
  page.evaluate(() => {
    const nt = document.querySelector("baton-chat")!.shadowRoot!.querySelector<HTMLElement>(".nt")!;
    const link = nt.querySelector("a")!;
    const word = link.parentElement!.firstChild as Text;
    const range = document.createRange();
    range.setStart(word, 0);
    range.setEnd(word, Math.max(1, word.length - 1));
    const w = range.getClientRects()[0]!;
    const l = link.getClientRects()[0]!;
    return { word: word.textContent!.trim(), sameLine: Math.abs(w.top - l.top) < 2 && l.left > w.left, wrapsInside: link.getClientRects().length };
  });

describe("widget, issue 28's last items", () => {
  for (const width of [320, 390, 1280]) {
    for (const lang of LANGS) {
      it(`${lang} at ${width} px: a signed-in shopper's empty chat shows their latest order; the privacy link keeps the notice's last word`, async () => {
        shop.latestOrder = ORDER;
        const page = await open(`/?locale=${lang}&customer=sarah@example.com&days=${width === 390 ? 1 : 7}`, viewport(width));
        await openPanel(page);
        const wl = page.locator("baton-chat .wl");
        await expect.poll(() => wl.locator(".oc").count()).toBe(1);
        expect(await wl.locator(".wh").first().innerText()).toBe(LATEST[lang]);
        expect(await wl.locator(".oc").getAttribute("aria-label")).toContain("#1042");
        // The card comes before the suggestions, and the suggestions still stand.
        expect(await wl.locator("button").count()).toBe(4);
        // Asked without a conversation, with the storefront's language; the server decides who is signed in.
        expect(shop.chatCalls.filter((c) => c.method === "GET").map((c) => c.url)).toEqual([`/apps/baton/chat?locale=${lang}`]);
        const notice = await linkKeepsItsWord(page);
        expect(notice.word.length, JSON.stringify(notice)).toBeGreaterThan(0);
        expect(notice.sameLine, JSON.stringify(notice)).toBe(true);
        expect(await page.locator("baton-chat .nt a").innerText()).toBe(PRIVACY[lang]);
        expect(await axe(page)).toEqual([]);
        await shot(page, `latest-order-${lang}-${width}`);
        // The first message takes the empty state, card included, away.
        await page.locator("baton-chat #bi").fill("Where is my order #1042 please?");
        await page.locator("baton-chat #bi").press("Enter");
        await expect.poll(() => log(page).innerText()).toContain("You asked:");
        expect(await page.locator("baton-chat .wl").count()).toBe(0);
        await page.close();
        shop.latestOrder = null;
      });
    }
  }

  it("a guest's empty chat asks for no order at all; a signed-in shopper without orders sees just the suggestions", async () => {
    shop.latestOrder = ORDER;
    const guest = await open("/", viewport(390));
    await openPanel(guest);
    await expect.poll(() => guest.locator("baton-chat .wl button").count()).toBe(4);
    expect(await guest.locator("baton-chat .oc").count()).toBe(0);
    expect(shop.chatCalls.filter((c) => c.method === "GET")).toEqual([]);
    await shot(guest, "guest-empty-390");
    await guest.close();

    shop.latestOrder = null;
    const none = await open("/?customer=new@example.com", viewport(390));
    await openPanel(none);
    await expect.poll(() => shop.chatCalls.filter((c) => c.method === "GET").length).toBe(1);
    expect(await none.locator("baton-chat .wl .wh").allInnerTexts()).toEqual(["Suggested questions"]);
    expect(await none.locator("baton-chat .oc").count()).toBe(0);
    await none.close();
  });

  it.each([390, 1280])("remembers a rating after a reload at %i px: the same conversation is not asked again", async (width) => {
    const page = await open("/", viewport(width));
    await openPanel(page);
    await ask(page, "How long does shipping take to Denver?");
    const prompt = page.locator("baton-chat .hp");
    await expect.poll(() => prompt.isVisible()).toBe(true);
    await prompt.getByRole("button", { name: "Yes" }).click();
    expect(shop.ratings.at(-1)).toMatchObject({ kind: "answer", helpful: true });
    const rated = shop.ratings.length;

    await page.reload();
    await page.waitForTimeout(300);
    if (!(await dialog(page).isVisible())) await openPanel(page);
    await expect.poll(() => log(page).innerText()).toContain("You asked: How long does shipping take");
    await ask(page, "And how long do returns from Denver take?");
    await expect.poll(() => log(page).innerText()).toContain("You asked: And how long do returns");
    expect(await page.locator("baton-chat .hp").count()).toBe(0);
    expect(shop.ratings.length).toBe(rated);
    expect(await axe(page)).toEqual([]);
    await shot(page, `rating-remembered-${width}`);

    // A new conversation may be rated again.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    if (!(await dialog(page).isVisible())) await openPanel(page);
    await ask(page, "Do you ship gift cards by email?");
    await expect.poll(() => page.locator("baton-chat .hp").isVisible()).toBe(true);
    await page.close();
  });
});
