import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { storefront } from "../support/storefront-client";

// The demo process answers from the demo catalogue, which only the composition root
// (app/shopify.server.ts) wires in; no Admin API origin is configured, so an answer proves it.
// #1045 (cancelled and refunded) reads the same in the reply text and the order card.
let smtp: SmtpServerHandle;
let app: AppServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startAppServer({
    demo: true,
    env: { SMTP_URL: smtp.url, DEMO_INBOX_DIR: path.join(mkdtempSync(path.join(tmpdir(), "baton-inbox-")), "inbox") },
  });
});
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

type Card = { type: string; order: { name: string; status: string; statusLabel: string; steps: unknown[] } };

describe("demo orders through the composition root", () => {
  it.each([
    ["en", /cancelled on .+ and refunded \(\$120\.00\)/, "Cancelled and refunded"],
    ["es", /se canceló el .+ y se reembolsó/, "Cancelado y reembolsado"],
    ["fr", /a été annulée le .+ et remboursée/, "Annulée et remboursée"],
    ["de", /wurde am .+ storniert und erstattet/, "Storniert und erstattet"],
  ])("#1045 in %s: the text and the card both say cancelled and refunded", async (locale, text, label) => {
    const shopper = storefront(app.origin);
    const first = await shopper.post({ message: "What happened to order #1045?", locale });
    const second = await shopper.post({ conversationId: first.body.conversationId, message: "tom@example.com", locale });
    const last = second.body.messages!.at(-1)! as { text: string; parts?: Card[] };
    expect(last.text).toMatch(text);
    expect(last.parts?.[0]).toMatchObject({ type: "order", order: { name: "#1045", status: "cancelled", statusLabel: label, steps: [] } });
  });
});
