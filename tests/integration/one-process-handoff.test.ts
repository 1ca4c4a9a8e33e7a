import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { seedShop } from "../support/seed";
import { storefront } from "../support/storefront-client";

// One process (WEB_CONCURRENCY=0), the tests' default layout: the turn's kick claims the email at once and the
// SMTP thread sends it (decision 0082) — the poll period here is a minute.
const SHOP = "one-process-goods.myshopify.com";
let smtp: SmtpServerHandle;
let app: AppServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startAppServer({ env: { WEB_CONCURRENCY: "0", SMTP_URL: smtp.url, OUTBOX_POLL_MS: "60000" } });
  await seedShop(app.databaseUrl, { domain: SHOP });
}, 90_000);

afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

describe("one process (WEB_CONCURRENCY=0)", () => {
  it("hands an escalation to the outbox and the SMTP thread at once", async () => {
    const shopper = storefront(app.origin, { shop: SHOP });
    const first = await shopper.post({ message: "I want to talk to a real person" });
    expect(first.body.state).toBe("awaiting_email");
    const second = await shopper.post({ conversationId: first.body.conversationId, message: "lea@example.com" });
    expect(second.body.state).toBe("escalated");
    const started = Date.now();
    const mail = await smtp.waitForMessage((m) => m.replyTo?.includes("lea@example.com") === true, 5_000);
    expect(mail.subject).toContain("lea@example.com");
    // Only the kick explains a delivery well inside the minute-long poll period.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("stops on SIGTERM, SMTP thread included", async () => {
    await app.stop();
    expect(app.output()).not.toMatch(/SMTP thread/);
  });
});
