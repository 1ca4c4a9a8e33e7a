import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { readdir, readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { startAppServer, type AppServer } from "../support/app-server";
import { storefront } from "../support/storefront-client";
import { actionData, loaderData } from "./admin-fixtures";

// `npm run demo` end to end: it starts the inbound listener (and prints its port), the demo inbox's
// "Reply" goes through it into the shopper's chat, and the case page's reply box emails the shopper
// (From the shop's name, Reply-To the case address) and shows in the chat; the case timeline has
// every message once. Real processes, real SMTP (the demo's own inbox), a real SQLite file.
let app: AppServer;
let db: Db;
const inbox = path.join(mkdtempSync(path.join(tmpdir(), "baton-inbox-")), "inbox");

beforeAll(async () => {
  app = await startAppServer({ demo: true, env: { SMTP_URL: undefined, DEMO_INBOX_DIR: inbox, INBOUND_SMTP_PORT: undefined } });
  db = createDb(app.databaseUrl);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
});

async function inboxMails() {
  const files = (await readdir(inbox).catch(() => [])).filter((f) => f.endsWith(".eml")).sort();
  return Promise.all(files.map(async (file) => ({ file, mail: await simpleParser(await readFile(path.join(inbox, file))) })));
}

async function waitFor<T>(find: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("team replies in the demo and from the case page", () => {
  it("the demo prints the listener's port; the inbox's Reply reaches the chat; the case page's reply emails the shopper, shows in the chat, once", async () => {
    const printed = await waitFor(async () => /\[demo\] replies\s+smtp:\/\/127\.0\.0\.1:(\d+)/.exec(app.output())?.[1]);
    expect(Number(printed)).toBeGreaterThan(0);

    const shopper = storefront(app.origin);
    const a = await shopper.post({ message: "I want to talk to a real person please" });
    const b = await shopper.post({ conversationId: a.body.conversationId, message: "ana@example.com" });
    expect(b.body.state).toBe("escalated");
    const conversationId = a.body.conversationId!;

    // The case email arrives in the team's (demo) inbox with the shopper, then the case address, as Reply-To.
    const caseMail = await waitFor(async () => (await inboxMails()).find((m) => m.mail.replyTo?.text.includes("ana@example.com")));
    const replyTo = caseMail.mail.replyTo!.value.map((v) => v.address);
    expect(replyTo[0]).toBe("ana@example.com");
    expect(replyTo[1]).toMatch(/^case\+[a-z0-9]+\.[0-9a-f]{24}@reply\.baton-demo\.localhost$/);

    const sent = await actionData(app.origin, "/demo/inbox", { file: caseMail.file, text: "Hi Ana, your parcel is at the depot; it arrives tomorrow." });
    expect(sent.data).toMatchObject({ sent: true, error: null });
    const afterInbox = await shopper.history(conversationId);
    expect(afterInbox.body.messages!.filter((m) => m.role === "team")).toEqual([
      { role: "team", text: "Hi Ana, your parcel is at the depot; it arrives tomorrow.", at: expect.any(String), author: "Alex" },
    ]);

    // The case page's reply box.
    const kase = await db.escalationCase.findFirstOrThrow({ where: { conversationId } });
    const replied = await actionData(app.origin, `/app/cases/${kase.id}`, { intent: "reply", text: "Hola Ana, ya está en camino.", language: "es" });
    expect(replied.data).toMatchObject({ ok: true, intent: "reply" });
    const toShopper = await waitFor(async () => (await inboxMails()).find((m) => m.mail.to && "text" in m.mail.to && m.mail.to.text === "ana@example.com"));
    expect(toShopper.mail.from!.value[0]).toMatchObject({ name: "Baton Demo Goods" });
    expect(toShopper.mail.subject).toBe("Baton Demo Goods: respuesta de nuestro equipo");
    expect(toShopper.mail.replyTo!.value.map((v) => v.address)).toEqual([replyTo[1]]);
    expect(toShopper.mail.text).toContain("Hola Ana, ya está en camino.");

    const history = await shopper.history(conversationId);
    expect(history.body.messages!.filter((m) => m.role === "team").map((m) => m.text)).toEqual([
      "Hi Ana, your parcel is at the depot; it arrives tomorrow.",
      "Hola Ana, ya está en camino.",
    ]);

    const page = await loaderData(app.origin, `/app/cases/${kase.id}`, "routes/app.cases.$id");
    const timeline = page.data.timeline as Array<{ kind: string; text?: string }>;
    const texts = timeline.map((e) => e.text);
    expect(timeline.filter((e) => e.kind === "team")).toHaveLength(2);
    expect(new Set(texts).size).toBe(texts.length); // every message once
    expect(timeline.filter((e) => e.kind === "chat").length).toBe(page.data.detail.transcript.length);

    // The merchant lists its help desk's domain: an agent there is the team too (a bad domain is named, nothing saved).
    const bad = await actionData(app.origin, "/app/settings/team-replies", { teamDomains: "helpdesk.example, not a domain", authorName: "full_name" });
    expect(bad).toMatchObject({ status: 400, data: { ok: false, invalidDomain: "not", publicMailbox: false } });
    // A public mailbox service is never the team: anyone can get an address there.
    const open = await actionData(app.origin, "/app/settings/team-replies", { teamDomains: "helpdesk.example, GMAIL.com", authorName: "full_name" });
    expect(open).toMatchObject({ status: 400, data: { ok: false, invalidDomain: "GMAIL.com", publicMailbox: true } });
    const saved = await actionData(app.origin, "/app/settings/team-replies", { teamDomains: "HelpDesk.example", authorName: "full_name" });
    expect(saved.data).toMatchObject({ ok: true });
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: Number(printed), secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: { name: "Kai Berger", address: "kai@helpdesk.example" },
      to: replyTo[1]!,
      subject: "Re: your case",
      text: "Kai here from the help desk: all sorted.",
    });
    transport.close();
    const last = (await shopper.history(conversationId)).body.messages!.at(-1);
    expect(last).toMatchObject({ role: "team", text: "Kai here from the help desk: all sorted.", author: "Kai Berger" });

    // An empty reply or another shop's case is refused.
    expect((await actionData(app.origin, `/app/cases/${kase.id}`, { intent: "reply", text: "  ", language: "en" })).status).toBe(400);
    expect((await actionData(app.origin, `/app/cases/nope`, { intent: "reply", text: "hi", language: "en" })).status).toBe(400);
  });
});
