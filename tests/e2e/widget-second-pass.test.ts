// The widget's second pass in Chromium: the header in every language at 320, 390 and 1280 px, the
// empty state, message times, tappable contact details, one-tap ratings, the team's replies and the
// launcher's markers, "Start a new conversation" after a hand-off. axe clean; screenshots under
// test-results/widget/ (second-pass-*.png).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ask, axe, dialog, launcher, log, open, shop, SHOTS, talk, useWidgetSession } from "./support/widget-session";

useWidgetSession();

const TALK = { en: "Talk to a person", es: "Hablar con una persona", fr: "Parler à une personne", de: "Mit einem Menschen sprechen" } as const;
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/second-pass-${name}.png` });

/** How many lines an element's text takes (its height over its line height). */
const lines = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector("baton-chat")!.shadowRoot!.querySelector<HTMLElement>(sel)!;
    const cs = getComputedStyle(el);
    const box =
      el.getBoundingClientRect().height -
      parseFloat(cs.paddingTop) -
      parseFloat(cs.paddingBottom) -
      parseFloat(cs.borderTopWidth) -
      parseFloat(cs.borderBottomWidth);
    return Math.round(box / parseFloat(cs.lineHeight));
  }, selector);

async function openPanel(page: Page) {
  await page.locator("baton-chat .b").click();
  await expect.poll(() => dialog(page).isVisible()).toBe(true);
}

describe("widget, second pass", () => {
  for (const width of [320, 390, 1280]) {
    for (const lang of ["en", "es", "fr", "de"] as const) {
      it(`${lang} at ${width} px: the header holds its labels on one line each; the empty state suggests and says when the team replies`, async () => {
        const page = await open(`/?locale=${lang}&shop=Maison%20Lumi%C3%A8re%20C%C3%A9ramique`, { width, height: width < 500 ? 740 : 800 });
        await openPanel(page);
        expect(await lines(page, ".h h2")).toBe(1);
        expect(await lines(page, ".hs .t")).toBe(1);
        expect(await talk(page, TALK[lang]).isVisible()).toBe(true);
        const wl = page.locator("baton-chat .wl");
        expect(await wl.locator("button").count()).toBe(4); // three suggested questions and the person
        expect(await wl.innerText()).toMatch(/24|day|día|Tages/);
        expect(await axe(page)).toEqual([]);
        await shot(page, `empty-${lang}-${width}`);
        await page.close();
      });
    }
  }

  it("shows the admin's suggested questions, stamps messages with a time and makes contact details tappable", async () => {
    const page = await open("/?qa=Do%20you%20ship%20to%20Canada%3F|Gift%20wrapping");
    await openPanel(page);
    expect(await page.locator("baton-chat .wl button").allInnerTexts()).toEqual(["Do you ship to Canada?", "Gift wrapping", "Talk to a person"]);
    await page.locator("baton-chat .wl button", { hasText: "Gift wrapping" }).click();
    await expect.poll(() => log(page).innerText()).toContain("You asked: Gift wrapping");
    expect(await page.locator("baton-chat .wl").count()).toBe(0);
    const times = await page.locator("baton-chat .m time").allInnerTexts();
    expect(times.length).toBeGreaterThanOrEqual(3);
    for (const t of times) expect(t).toMatch(/^\d{1,2}:\d\d/);
    // The fallback contact offer: the phone number is a tel: link.
    await talk(page, "Talk to a person").click();
    await page.locator("baton-chat #be").fill("not an email");
    await page.locator("baton-chat .e .lk").click();
    await ask(page, "no thanks, never mind");
    await expect.poll(() => page.locator("baton-chat a[href^='tel:']").count()).toBe(1);
    expect(await page.locator("baton-chat a[href^='tel:']").getAttribute("href")).toBe("tel:5550100");
    await shot(page, "times-and-contact");
    await page.close();
  });

  it("asks once whether an answer helped, and sends one tap", async () => {
    const page = await open();
    await openPanel(page);
    await ask(page, "How long does shipping take to Denver?");
    const prompt = page.locator("baton-chat .hp");
    await expect.poll(() => prompt.isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await shot(page, "rating-asked");
    await prompt.getByRole("button", { name: "Yes" }).click();
    await expect.poll(() => prompt.innerText()).toBe("Thanks for telling us.");
    expect(shop.ratings.at(-1)).toEqual({ conversationId: [...shop.conversations.keys()].at(-1), kind: "answer", helpful: true });
    await ask(page, "And what about returns from Denver?");
    await expect.poll(() => log(page).innerText()).toContain("You asked: And what about returns");
    expect(await page.locator("baton-chat .hp button").count()).toBe(0); // answered: not asked again
    await page.close();
  });

  it("after a hand-off: the launcher marks the open case, a team reply shows with its author and is marked until seen; rating; start over", async () => {
    const page = await open("/", { width: 390, height: 740 });
    await openPanel(page);
    await talk(page, "Talk to a person").click();
    await page.locator("baton-chat #be").fill("sarah@example.com");
    await page.locator("baton-chat #be").press("Enter");
    await expect.poll(() => page.locator("baton-chat .bn").isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    // Closed: the launcher says a case is open.
    await expect.poll(() => launcher(page).getAttribute("aria-label")).toBe("Chat with us, your case is with our team");
    expect(await page.locator("baton-chat .dt").isVisible()).toBe(true);

    // The team answers (the colleague's history items); a returning shopper's launcher notices it.
    const conv = [...shop.conversations.values()].at(-1)!;
    conv.messages.push({
      role: "team",
      text: "Hi Sarah, a new mug is on its way. Write to help@demo-shop.example if anything else.",
      at: new Date().toISOString(),
      author: "Maya",
    });
    await page.goto(shop.origin + "/pages/about");
    await expect.poll(() => launcher(page).getAttribute("aria-label"), { timeout: 8000 }).toBe("Chat with us, new reply from our team");
    await shot(page, "launcher-new-reply");
    await openPanel(page);
    const reply = page.locator("baton-chat .m.k");
    await expect.poll(() => reply.innerText()).toContain("Maya");
    expect(await reply.locator("a[href='mailto:help@demo-shop.example']").count()).toBe(1);
    // Seen: the "new reply" marker gives way to the open case's (the launcher is hidden under the phone's panel).
    expect(await page.locator("baton-chat .b").getAttribute("aria-label")).toBe("Chat with us, your case is with our team");
    await expect.poll(() => page.locator("baton-chat .hp").isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await shot(page, "team-reply-phone");
    await page.locator("baton-chat .hp").getByRole("button", { name: "No" }).click();
    expect(shop.ratings.at(-1)).toEqual({ conversationId: conv.id, kind: "handoff", helpful: false });

    // Start over: the stored conversation is forgotten, the empty state is back, the marker goes.
    await page.locator("baton-chat .bn").getByRole("button", { name: "Start a new conversation" }).click();
    await expect.poll(() => page.locator("baton-chat .wl").isVisible()).toBe(true);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => !k.endsWith(":checked")))).toEqual([]);
    await page.keyboard.press("Escape");
    expect(await launcher(page).getAttribute("aria-label")).toBeNull();
    await page.close();
  });
});
