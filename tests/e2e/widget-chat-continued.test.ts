// Storefront chat widget in real Chromium, continued: errors and retries, double loading, phones,
// theme settings, restarts, a forgotten conversation and reduced motion (see widget-chat.test.ts).
import { describe, expect, it } from "vitest";
import { ask, axe, browser, dialog, focused, input, launcher, log, open, serious, shop, SHOTS, talk, useWidgetSession } from "./support/widget-session";

useWidgetSession();

describe("storefront chat widget, continued", () => {
  it("shows offline and server errors, keeps the unsent text, and retries", async () => {
    const page = await open();
    await launcher(page).click();
    shop.mode = "drop";
    await ask(page, "Is the teapot back in stock?");
    const alert = page.getByRole("alert").filter({ hasText: /./ }).first();
    await expect.poll(() => alert.innerText()).toContain("Couldn’t reach the chat");
    expect(await input(page).inputValue()).toBe("Is the teapot back in stock?");
    expect(await log(page).innerText()).not.toContain("Is the teapot");
    await page.screenshot({ path: `${SHOTS}/error-offline.png` });

    shop.mode = "down";
    await page.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => alert.innerText()).toContain("Something went wrong");
    expect(await input(page).inputValue()).toBe("Is the teapot back in stock?");

    shop.mode = "rate";
    await page.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => alert.innerText()).toContain("Try again in 2 seconds");
    expect(await page.getByRole("button", { name: "Retry" }).isDisabled()).toBe(true);

    shop.mode = "ok";
    await expect.poll(() => page.getByRole("button", { name: "Retry" }).isEnabled(), { timeout: 5000 }).toBe(true);
    await page.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => log(page).innerText()).toContain("You asked: Is the teapot back in stock?");
    expect(await input(page).inputValue()).toBe("");
    expect(await page.locator("baton-chat .er").isVisible()).toBe(false);
    expect((await log(page).innerText()).split("Is the teapot back in stock?").length).toBe(3); // the shopper's bubble + the echo, once each
    await page.close();
  });

  it("is safe when the script runs twice and re-attaches when a theme swaps <body>", async () => {
    const page = await open("/?twice=1");
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await expect.poll(() => launcher(page).isVisible()).toBe(true);
    expect(await page.locator("baton-chat").count()).toBe(1);
    await launcher(page).click();
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(requests.filter((p) => p.endsWith("baton-chat-panel.js"))).toHaveLength(1);
    await page.close();

    const swap = await open("/swap");
    await launcher(swap).click();
    await ask(swap, "Before the swap");
    await expect.poll(() => log(swap).innerText()).toContain("You asked: Before the swap");
    await swap.evaluate(() => (window as unknown as { swapBody(): void }).swapBody());
    await expect.poll(() => swap.getByRole("heading", { name: "Swapped page" }).isVisible()).toBe(true);
    await expect.poll(() => swap.locator("baton-chat").count()).toBe(1);
    expect(await dialog(swap).isVisible()).toBe(true);
    expect(await log(swap).innerText()).toContain("Before the swap");
    // A second swap (the observer follows the new body).
    await swap.evaluate(() => document.body.replaceChildren(Object.assign(document.createElement("p"), { textContent: "emptied" })));
    await expect.poll(() => swap.locator("baton-chat").count()).toBe(1);
    await swap.close();
  });

  it("goes full screen and modal on phones, with a focus trap", async () => {
    const page = await open("/", { width: 390, height: 780 });
    await launcher(page).click();
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    await expect.poll(async () => (await dialog(page).boundingBox())?.y).toBe(0); // after the slide-in
    const box = (await dialog(page).boundingBox())!;
    expect([box.x, box.width, Math.round(box.height)]).toEqual([0, 390, 780]);
    expect(await dialog(page).getAttribute("aria-modal")).toBe("true");
    expect(await launcher(page).isVisible()).toBe(false);
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      seen.add(await focused(page));
    }
    // header (talk, close) → log → quick replies → attach photos → input → send → privacy link, and round again
    expect([...seen].sort()).toEqual(["a", "button", "button.pa", "button.s", "button.t", "button.x", "div.lg", "textarea#bi"]);
    expect(serious(await axe(page))).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/open-mobile.png` });
    await page.keyboard.press("Escape");
    expect(await launcher(page).isVisible()).toBe(true);
    expect(await focused(page)).toBe("button.b");
    await page.close();
  });

  it("follows the theme settings: position left, locale, readable text on a light accent", async () => {
    const page = await open("/?locale=fr&position=left&accent=%23ffeb3b&name=");
    const button = page.locator("baton-chat").getByRole("button", { name: "Discuter avec nous" });
    await expect.poll(() => button.isVisible()).toBe(true);
    const box = (await button.boundingBox())!;
    expect(box.x).toBeLessThan(40);
    expect(await button.evaluate((b) => getComputedStyle(b).color)).toBe("rgb(17, 17, 17)");
    await button.click();
    await expect.poll(() => page.getByRole("dialog", { name: "Demo Shop" }).isVisible()).toBe(true);
    expect(await dialog(page).innerText()).toContain("Assistant IA");
    expect(await talk(page, "Parler à une personne").isVisible()).toBe(true);
    expect(await page.locator("baton-chat .r").getAttribute("lang")).toBe("fr");
    expect(serious(await axe(page))).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/open-fr-left.png` });
    await page.close();
  });

  it("lets a closed conversation be restarted, and prefills a logged-in customer's email", async () => {
    const page = await open("/?customer=lee%40example.com");
    await launcher(page).click();
    await ask(page, "bye");
    const restart = page.getByRole("button", { name: "Start a new conversation" });
    await expect.poll(() => restart.isVisible()).toBe(true);
    expect(await input(page).isVisible()).toBe(false);
    expect(await focused(page)).toBe("button.nw");
    await restart.click();
    expect(await focused(page)).toBe("textarea#bi");
    expect(await log(page).innerText()).not.toContain("bye");
    await ask(page, "hello again");
    await expect.poll(() => log(page).innerText()).toContain("You asked: hello again");
    expect(shop.chatCalls.at(-1)?.body).toEqual({ message: "hello again", locale: "en", visit: expect.stringMatching(/^[\w-]{22}$/) }); // a new conversation
    await talk(page, "Talk to a person").click();
    await expect.poll(() => page.getByRole("textbox", { name: /your email address/i }).inputValue()).toBe("lee@example.com");
    await page.close();
  });

  it("starts afresh when the server no longer knows the conversation", async () => {
    const page = await open();
    await launcher(page).click();
    await ask(page, "First question");
    await expect.poll(() => log(page).innerText()).toContain("You asked: First question");
    shop.conversations.clear(); // e.g. retention purged it

    await ask(page, "Second question");
    const alert = page.getByRole("alert").filter({ hasText: /./ }).first();
    await expect.poll(() => alert.innerText()).toContain("expired");
    expect(await input(page).inputValue()).toBe("Second question");
    await page.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => log(page).innerText()).toContain("You asked: Second question");
    expect(shop.chatCalls.at(-1)?.body).toEqual({ message: "Second question", locale: "en", visit: expect.stringMatching(/^[\w-]{22}$/) }); // no stale id

    shop.conversations.clear();
    shop.chatCalls.length = 0;
    await page.reload(); // GET → 404: the greeting, no error, the stale id forgotten
    await expect.poll(() => shop.chatCalls.length).toBe(1);
    await expect.poll(() => page.evaluate(() => localStorage.getItem("baton-chat:demo-shop.myshopify.com"))).toBeNull();
    expect(await log(page).innerText()).toContain("Hi! I can check your order status");
    expect(await log(page).innerText()).not.toContain("Second question");
    expect(await page.locator("baton-chat .er").isVisible()).toBe(false);
    await page.close();
  });

  it("sends a message typed while the history is still loading after it, instead of dropping it", async () => {
    const page = await open();
    await launcher(page).click();
    await ask(page, "First question");
    await expect.poll(() => log(page).innerText()).toContain("You asked: First question");
    // A slow history read on the next page: the shopper types and presses Enter before it arrives.
    await page.route("**/apps/baton/chat?*", async (route) => {
      if (route.request().method() === "GET") await new Promise((r) => setTimeout(r, 1_500));
      await route.continue();
    });
    await page.reload(); // the chat was open: it opens again and starts reading the history
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    await ask(page, "Second question");
    await expect.poll(() => log(page).innerText(), { timeout: 10_000 }).toContain("You asked: Second question");
    const text = await log(page).innerText();
    expect(text.indexOf("You asked: First question")).toBeLessThan(text.indexOf("Second question")); // the history first, then the new turn
    expect(text.split("Second question").length).toBe(3); // the shopper's bubble + the echo, once each
    expect(await input(page).inputValue()).toBe("");
    await page.close();
  });

  it("respects prefers-reduced-motion", async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(shop.origin + "/");
    await launcher(page).click();
    // The panel is loaded on first open; wait for it before reading its styles.
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    const anim = await page.evaluate(() => {
      const root = document.querySelector("baton-chat")!.shadowRoot!;
      return [getComputedStyle(root.querySelector(".p")!).animationName, getComputedStyle(root.querySelector(".b")!).transitionDuration];
    });
    expect(anim).toEqual(["none", "0s"]);
    await page.close();
  });
});
