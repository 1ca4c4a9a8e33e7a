// Storefront chat widget in real Chromium, against a self-contained storefront (the page embeds
// renderWidgetEmbedHtml output, the built assets, and a scripted fake of the App Proxy contract).
import { describe, expect, it } from "vitest";
import { ask, axe, browser, dialog, focused, input, launcher, log, open, serious, shop, SHOTS, talk, useWidgetSession } from "./support/widget-session";

useWidgetSession();

describe("storefront chat widget", () => {
  it("before the first open: a launcher only — no network, no layout shift, no global CSS, one global", async () => {
    const baseline = await open("/?widget=0");
    const before = await baseline.evaluate(() => ({ globals: Object.keys(window), styles: document.querySelectorAll("style,link[rel=stylesheet]").length }));
    await baseline.close();

    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.evaluate(() => 0);
    await page.goto(shop.origin + "/");
    await expect.poll(() => launcher(page).isVisible()).toBe(true);
    await page.waitForTimeout(300);

    expect(requests).toEqual(["/", "/extensions/baton-chat/assets/baton-chat.js"]);
    expect(shop.chatCalls).toEqual([]);
    const after = await page.evaluate(
      () =>
        new Promise<{ globals: string[]; styles: number; shift: number; hosts: number }>((resolve) => {
          let shift = 0;
          new PerformanceObserver((l) => {
            for (const e of l.getEntries()) shift += (e as unknown as { value: number }).value;
          }).observe({ type: "layout-shift", buffered: true });
          setTimeout(
            () =>
              resolve({
                globals: Object.keys(window),
                styles: document.querySelectorAll("style,link[rel=stylesheet]").length,
                shift,
                hosts: document.querySelectorAll("baton-chat").length,
              }),
            200,
          );
        }),
    );
    expect(after.globals.filter((k) => !before.globals.includes(k))).toEqual(["BatonChat"]);
    expect(after.styles).toBe(before.styles);
    expect(after.shift).toBe(0);
    expect(after.hosts).toBe(1);

    const button = launcher(page);
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect(await button.evaluate((b) => b.tagName)).toBe("BUTTON");
    // Hostile theme CSS (hotpink !important buttons) does not reach into the shadow root.
    expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe("rgb(31, 95, 173)");
    expect(await button.evaluate((b) => getComputedStyle(b).color)).toBe("rgb(255, 255, 255)");
    expect(serious(await axe(page))).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/closed.png` });
    await page.close();
  });

  it("opens on click, loads the panel once, answers as plain text, and passes axe when open", async () => {
    const page = await open();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await launcher(page).click();
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(requests).toEqual(["/extensions/baton-chat/assets/baton-chat-panel.js"]);
    expect(await launcher(page).getAttribute("aria-expanded")).toBe("true");
    expect(await dialog(page).getAttribute("aria-labelledby")).toBe("bt");
    expect(await page.getByRole("dialog", { name: "Demo Shop" }).count()).toBe(1);
    expect(await dialog(page).innerText()).toContain("Demo Shop assistant · AI assistant");
    expect(await focused(page)).toBe("textarea#bi");
    // One greeting, the chat's own (the server answers a hello with the same words).
    expect(await log(page).innerText()).toContain("Hi! I can check your order status");
    expect(shop.chatCalls).toEqual([]); // a fresh visitor: nothing to restore

    shop.delayMs = 400;
    const hostile = `<img src=x onerror="window.__xss=1"> where is my order?`;
    await ask(page, hostile);
    await expect.poll(() => page.locator("baton-chat .ty").isVisible()).toBe(true);
    expect(await page.getByRole("status").innerText()).toContain("typing");
    await expect.poll(() => log(page).innerText()).toContain("Orders ship within 2 business days");
    expect(await page.locator("baton-chat .ty").count()).toBe(0);
    expect(await input(page).inputValue()).toBe("");
    expect(await log(page).innerText()).toContain(hostile);
    expect(await page.locator("baton-chat img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const link = page.locator("baton-chat .lg a");
    expect(await link.getAttribute("href")).toBe("https://track.example/abc");
    expect(await link.getAttribute("rel")).toContain("noopener");
    expect(shop.chatCalls[0].body).toEqual({ message: hostile, locale: "en", visit: expect.stringMatching(/^[\w-]{22}$/) });
    expect(await page.evaluate(() => localStorage.getItem("baton-chat:demo-shop.myshopify.com"))).toMatch(/^\{"c":"[\w-]+","u":"","e":\d+\}$/);
    expect(await page.evaluate(() => sessionStorage.getItem("baton-chat:demo-shop.myshopify.com:open"))).toBe("1");

    // 2,000 characters at most; the counter shows up only near the limit.
    const counter = page.locator("baton-chat .c");
    await input(page).fill("x".repeat(1799));
    expect(await counter.isVisible()).toBe(false);
    await input(page).fill("x".repeat(2500));
    expect((await input(page).inputValue()).length).toBe(2000);
    expect(await counter.innerText()).toBe("2000/2000");
    await input(page).fill("");

    const violations = await axe(page);
    expect(serious(violations)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/open-desktop.png` });
    await page.close();
  });

  it("shows a streamed reply as it arrives, then the final message once (announced once)", async () => {
    shop.stream = true;
    shop.streamGapMs = 120;
    const page = await open();
    await launcher(page).click();
    await ask(page, "When do orders ship?");
    // Part of the reply is on screen while the rest is still coming, hidden from screen readers.
    const draft = log(page).locator(".m.a[aria-hidden=true]");
    await expect.poll(() => draft.count(), { timeout: 5_000 }).toBe(1);
    const partial = await draft.innerText();
    expect(partial.length).toBeGreaterThan(0);
    expect(partial).not.toContain("track.example");
    // Then the draft is replaced by the final messages, as from POST /chat.
    await expect.poll(() => draft.count(), { timeout: 10_000 }).toBe(0);
    // Links show short (no raw URL wrapping over lines) and point at the full address.
    const link = log(page).getByRole("link", { name: "track.example/abc" });
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute("href")).toBe("https://track.example/abc");
    expect(shop.chatCalls.map((c) => c.url.split("?")[0])).toEqual(["/apps/baton/chat/stream"]);
    await page.close();
  });

  it("escalates: Talk to a person, email capture (invalid, then valid), banner with the reply-to address", async () => {
    const page = await open();
    await launcher(page).click();
    await talk(page, "Talk to a person").click();
    const email = page.getByRole("textbox", { name: /your email address/i });
    await expect.poll(() => email.isVisible()).toBe(true);
    expect(shop.chatCalls.at(-1)?.body).toEqual({ action: "talk_to_human", locale: "en", visit: expect.stringMatching(/^[\w-]{22}$/) });
    expect(await email.getAttribute("type")).toBe("email");
    expect(await log(page).innerText()).toContain("What's the best email address");
    expect(await focused(page)).toBe("input#be"); // the assistant just asked for it
    // The question stays in view above the taller email form.
    expect(await log(page).evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1)).toBe(true);

    await email.fill("sarah@example");
    await email.press("Enter");
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("baton-chat #bee").innerText()).toContain("valid email address");
    expect(await focused(page)).toBe("input#be");
    expect(shop.chatCalls).toHaveLength(1); // nothing sent
    await page.screenshot({ path: `${SHOTS}/email-invalid.png` });

    await email.fill("sarah@example.com");
    await email.press("Enter");
    const banner = page.locator("baton-chat .bn");
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await banner.innerText()).toBe(
      "Case sent to our team · replies to sarah@example.com\nOur team usually replies within a day\nStart a new conversation",
    );
    expect(shop.chatCalls.at(-1)?.body).toMatchObject({ message: "sarah@example.com" });
    expect(await email.isVisible()).toBe(false);
    expect(await focused(page)).toBe("textarea#bi");
    await ask(page, "It was a blue mug");
    await expect.poll(() => log(page).innerText()).toContain("added that to your case");
    expect(await banner.isVisible()).toBe(true);
    // The case status stands where the person button was: nothing to press twice.
    expect(await talk(page, "Talk to a person").isVisible()).toBe(false);
    expect(serious(await axe(page))).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/escalated.png` });
    await page.close();
  });

  it("keeps the conversation across reloads and navigation (history restored with GET)", async () => {
    const page = await open();
    await launcher(page).click();
    await ask(page, "Do you ship to Canada?");
    await expect.poll(() => log(page).innerText()).toContain("You asked: Do you ship to Canada?");
    await talk(page, "Talk to a person").click();
    await page.getByRole("textbox", { name: /your email address/i }).fill("kim@example.org");
    await page.getByRole("textbox", { name: /your email address/i }).press("Enter");
    await expect.poll(() => page.locator("baton-chat .bn").isVisible()).toBe(true);
    const id = shop.chatCalls.at(-1)!.body!.conversationId;

    shop.chatCalls.length = 0;
    await page.reload();
    await expect.poll(() => dialog(page).isVisible()).toBe(true); // it was open: it reopens
    await expect.poll(() => log(page).innerText()).toContain("They'll reach you at kim@example.org");
    expect(shop.chatCalls).toEqual([{ method: "GET", url: `/apps/baton/chat?conversationId=${id}` }]);
    const text = await log(page).innerText();
    expect(text.indexOf("How can we help")).toBeLessThan(text.indexOf("Do you ship to Canada?"));
    expect(await page.locator("baton-chat .bn").innerText()).toContain("kim@example.org"); // replyTo from GET
    expect(await focused(page)).not.toBe("textarea#bi"); // reopening after navigation does not steal focus

    await page.goto(shop.origin + "/pages/about");
    await expect.poll(() => log(page).innerText()).toContain("Do you ship to Canada?");
    await ask(page, "One more thing");
    await expect.poll(() => log(page).innerText()).toContain("added that to your case");
    expect(shop.chatCalls.at(-1)?.body).toEqual({ conversationId: id, message: "One more thing", locale: "en", visit: expect.stringMatching(/^[\w-]{22}$/) });

    // Closed panels stay closed, with no request, after navigation.
    await page.getByRole("button", { name: "Close chat" }).click();
    shop.chatCalls.length = 0;
    await page.goto(shop.origin + "/");
    await expect.poll(() => launcher(page).isVisible()).toBe(true);
    await page.waitForTimeout(200);
    expect(await dialog(page).count()).toBe(0);
    expect(shop.chatCalls).toEqual([]);
    await page.close();
  });

  it("works with the keyboard alone", async () => {
    const page = await open();
    for (let i = 0; i < 10 && (await focused(page)) !== "button.b"; i++) await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("button.b");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("textarea#bi");
    await page.keyboard.type("Hello there");
    await page.keyboard.press("Enter");
    await expect.poll(() => log(page).innerText()).toContain("You asked: Hello there");
    await page.keyboard.down("Shift");
    await page.keyboard.press("Enter"); // Shift+Enter: a new line, not a send
    await page.keyboard.up("Shift");
    expect(await input(page).inputValue()).toBe("\n");
    await input(page).fill("");

    // On desktop too, Tab stays in the open panel: from the last control (the privacy link in the
    // footer) it cycles to the header instead of leaving for the top of the page.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("button.s");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("a");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("button.x");
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe("a");
    await input(page).focus();
    // Before the message box, the attach button (photos, README "Photos").
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe("button.pa");

    // Back through the panel: the tracking link in the reply, the log (scrollable, focusable), then the
    // header's second row (talk to a person) before its first (close), as they read top to bottom.
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe("a");
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe("div.lg");
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe("button.t");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("input#be");
    await page.keyboard.type("ana@example.com");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("baton-chat .bn").isVisible()).toBe(true);
    expect(await focused(page)).toBe("textarea#bi");

    await page.keyboard.press("Escape");
    await expect.poll(() => dialog(page).isVisible()).toBe(false);
    expect(await focused(page)).toBe("button.b");
    expect(await launcher(page).getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("Space");
    await expect.poll(() => focused(page)).toBe("textarea#bi");
    await page.close();
  });

  it("Esc and the close button close the panel and return focus to the launcher", async () => {
    const page = await open();
    await launcher(page).click();
    await expect.poll(() => focused(page)).toBe("textarea#bi");
    await page.getByRole("button", { name: "Close chat" }).click();
    expect(await dialog(page).isVisible()).toBe(false);
    expect(await focused(page)).toBe("button.b");
    await launcher(page).click();
    await talk(page, "Talk to a person").focus();
    await page.keyboard.press("Escape");
    expect(await dialog(page).isVisible()).toBe(false);
    expect(await focused(page)).toBe("button.b");
    expect(await page.evaluate(() => sessionStorage.getItem("baton-chat:demo-shop.myshopify.com:open"))).toBe("0");
    await page.close();
  });
});
