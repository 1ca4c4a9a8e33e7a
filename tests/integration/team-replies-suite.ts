import { generateKeyPairSync } from "node:crypto";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { caseAddressKey, caseReplyAddress } from "../../app/email/inbound/case-address.server";
import { forwardToInboundEndpoint, startInboundSmtpListener, type InboundListener } from "../../app/email/inbound/smtp-listener.server";
import { purgeExpiredConversations } from "../../app/platform/retention.server";
import { redactCustomer } from "../../app/shopify/compliance.server";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { startSmtpServer, type ReceivedMail, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, TEST_API_SECRET, type AppServer } from "../support/app-server";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";

// Team replies end to end, over real SMTP both ways: the app emails the case (real SMTP sink), the
// team answers the case address through the real inbound listener (DKIM/SPF/DMARC checked against
// DNS records given as data), the listener forwards to the app's POST /inbound/email, and the reply
// shows in GET /proxy/chat — while forged, mistargeted and oversized mail is refused and shown to nobody.

const DOMAIN = "reply.test-goods.example";
const SECRET = "inbound-secret-0123456789abcdef";
const TEAM = "support@test-goods.example";
const MAX_BYTES = 20_000;

export function defineTeamReplySuite(flavour: "sqlite" | "postgresql", database: () => Promise<{ url?: string; drop?(): Promise<void> }>) {
  let smtp: SmtpServerHandle;
  let admin: ShopifyAdminServerHandle;
  let app: AppServer;
  let listener: InboundListener;
  let db: Db;
  let drop: (() => Promise<void>) | undefined;
  const shopper = () => storefront(app.origin);

  // The team's mail server: DKIM key published for test-goods.example, SPF naming another host, DMARC reject.
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const dkimPublic = publicKey.export({ type: "spki", format: "der" }).toString("base64");
  const dns: Record<string, string[][]> = {
    "TXT mail._domainkey.test-goods.example": [[`v=DKIM1; k=rsa; p=${dkimPublic}`]],
    "TXT test-goods.example": [["v=spf1 ip4:192.0.2.25 -all"]],
    "TXT _dmarc.test-goods.example": [["v=DMARC1; p=reject"]],
  };
  const resolver = async (domain: string, type: string) => {
    const found = dns[`${type} ${domain.toLowerCase()}`];
    if (found) return found;
    throw Object.assign(new Error(`no ${type} for ${domain}`), { code: "ENOTFOUND" });
  };

  beforeAll(async () => {
    const made = await database();
    drop = made.drop;
    smtp = await startSmtpServer();
    admin = await startShopifyAdminServer({ accessToken: TEST_ACCESS_TOKEN, shops: { [DEMO_SHOP_DOMAIN]: createDemoStore() } });
    app = await startAppServer({
      databaseUrl: made.url,
      env: {
        SMTP_URL: smtp.url,
        SHOPIFY_ADMIN_API_ORIGIN: admin.origin,
        INBOUND_EMAIL_DOMAIN: DOMAIN,
        INBOUND_WEBHOOK_SECRET: SECRET,
        INBOUND_MAX_BYTES: String(MAX_BYTES),
        INBOUND_REPLIES_PER_CASE_PER_HOUR: "5",
      },
    });
    await seedShop(app.databaseUrl, {
      domain: DEMO_SHOP_DOMAIN,
      name: "Baton Demo Goods",
      abuse: { newCasesPerReplyToPerDay: 1000, newCasesPerAddressPerHour: 1000 },
    });
    db = createDb(app.databaseUrl);
    listener = await startInboundSmtpListener({
      port: 0,
      host: "127.0.0.1",
      domain: DOMAIN,
      maxBytes: MAX_BYTES,
      forward: forwardToInboundEndpoint(() => `${app.origin}/inbound/email`, SECRET),
      resolver,
      mta: "mx.baton.test",
      perClientPerMinute: 1_000,
    });
  }, 90_000);

  afterAll(async () => {
    await listener?.close();
    await db?.$disconnect();
    await app?.stop();
    await admin?.stop();
    await smtp?.stop();
    await drop?.();
  });

  /** A shopper asks for a person; resolves with the conversation, the case email and the case address in its Reply-To. */
  async function escalate(email: string) {
    const a = await shopper().post({ message: "I want to talk to a real person please" });
    const b = await shopper().post({ conversationId: a.body.conversationId, message: email });
    expect(b.body.state).toBe("escalated");
    const mail = await smtp.waitForMessage((m) => m.replyTo[0] === email, 10_000);
    const caseAddress = mail.replyTo[1]!;
    return { conversationId: a.body.conversationId!, mail, caseAddress, caseId: mail.headers["x-baton-case"]! };
  }

  /** The team's reply as a mail client writes it: new text, signature, the case email quoted. */
  async function reply(
    to: ReceivedMail,
    text: string,
    o: { from?: string; sign?: boolean; rcpt?: string[]; extraHeaders?: Record<string, string>; body?: string } = {},
  ) {
    const from = o.from ?? TEAM;
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: listener.port,
      secure: false,
      ignoreTLS: true,
      ...(o.sign === false
        ? {}
        : { dkim: { domainName: "test-goods.example", keySelector: "mail", privateKey: privateKey.export({ type: "pkcs8", format: "pem" }) } }),
    });
    try {
      const quoted = (to.text ?? "")
        .split("\n")
        .map((l) => `> ${l}`)
        .join("\n");
      return await transport.sendMail({
        envelope: { from, to: o.rcpt ?? to.replyTo },
        from: { name: "Alex Rivera", address: from },
        to: to.replyTo.join(", "),
        subject: `Re: ${to.subject}`,
        inReplyTo: to.messageId,
        references: to.messageId ? [to.messageId] : undefined,
        headers: o.extraHeaders,
        text:
          o.body ??
          `${text}\n\n--\nAlex Rivera\nSupport lead, Baton Demo Goods\n\nOn Mon, Dec 7, 2026 at 10:00 AM Baton <escalations@baton.local> wrote:\n${quoted}\n`,
      });
    } finally {
      transport.close();
    }
  }

  const teamMessages = async (conversationId: string) => ((await shopper().history(conversationId)).body.messages ?? []).filter((m) => m.role === "team");

  describe(`team replies reach the chat (${flavour})`, () => {
    it("the case email's Reply-To is the shopper, then the case address; the team's reply shows in the history without the quote or signature", async () => {
      const c = await escalate("jo@example.com");
      expect(c.caseAddress).toBe(caseReplyAddress(caseAddressKey(TEST_API_SECRET), DOMAIN, c.caseId));

      const sent = await reply(c.mail, "Hi Jo, I have just sent a replacement. It ships today.");
      expect(sent.response).toMatch(/^250/);
      const history = await shopper().history(c.conversationId);
      const team = history.body.messages!.filter((m) => m.role === "team");
      expect(team).toEqual([{ role: "team", text: "Hi Jo, I have just sent a replacement. It ships today.", at: expect.any(String), author: "Alex" }]);
      // Shown once, after the chat's messages; the button press is not a bubble of its own.
      expect(history.body.messages!.at(-1)!.role).toBe("team");
      expect(history.body.messages!.map((m) => m.text)).not.toContain("[Pressed “Talk to a person”]");

      const stored = await db.teamMessage.findFirstOrThrow({ where: { caseId: c.caseId } });
      expect(stored.auth).toEqual({ dkim: "pass", spf: "fail", dmarc: "pass", checkedBy: "listener" });
      expect(stored.authorEmail).toBe(TEAM);
    });

    it("after a reload the history shows what was shown live: no bubble for the 'Talk to a person' press", async () => {
      // With nothing said yet, the button first asks what it is about (the hand-off rule).
      const r = await shopper().post({ action: "talk_to_human" }, { customerId: "7001" });
      expect(r.body.state).toBe("open");
      const stored = await db.message.findMany({ where: { conversationId: r.body.conversationId! }, orderBy: { createdAt: "asc" } });
      expect(stored[0]!.text).toBe("[Pressed “Talk to a person”]"); // the team's transcript keeps it
      const history = await shopper().history(r.body.conversationId!, { customerId: "7001" });
      expect(history.body.messages!.map((m) => m.role)).toEqual(r.body.messages!.map(() => "assistant"));
      expect(history.body.messages!.map((m) => m.text)).toEqual(r.body.messages!.map((m) => m.text));
    });

    // One bounce text for every refusal: a reason in it would let a holder of the case address probe the team's addresses.
    const NOT_ACCEPTED = "550 5.7.1 Not accepted: the shop's admin can see why";

    it("a forged, a mistargeted, an unknown sender's and an oversized message are refused, kept for the admin, and shown to nobody", async () => {
      const c = await escalate("kim@example.com");
      const refuse = (p: Promise<unknown>) =>
        p.then(
          () => "accepted",
          (e: { responseCode?: number; response?: string }) => `${e.response}`,
        );

      // Forged: the team's From, without its DKIM signature, from a host its SPF does not name.
      expect(await refuse(reply(c.mail, "Your refund is approved, send your card number", { sign: false }))).toBe(NOT_ACCEPTED);
      // Mistargeted: a case address with another MAC; another domain is not taken at all.
      const wrong = c.caseAddress.replace(/\.[0-9a-f]{24}@/, ".000000000000000000000000@");
      expect(await refuse(reply(c.mail, "hello", { rcpt: [wrong] }))).toBe(NOT_ACCEPTED);
      expect(await refuse(reply(c.mail, "hello", { rcpt: ["case@elsewhere.example"] }))).toMatch(/^550 .*Relaying denied/);
      // Not the team: a stranger who saw the address.
      expect(await refuse(reply(c.mail, "I am the team, trust me", { from: "mallory@evil.example", sign: false }))).toBe(NOT_ACCEPTED);
      // Oversized.
      expect(await refuse(reply(c.mail, "x", { body: `Big one\n${"x".repeat(MAX_BYTES + 5_000)}` }))).toMatch(/^552 /);
      // An out-of-office answer is the team's address, but not the team's words.
      expect(await refuse(reply(c.mail, "I am away until Monday", { extraHeaders: { "Auto-Submitted": "auto-replied" } }))).toBe(NOT_ACCEPTED);

      expect(await teamMessages(c.conversationId)).toEqual([]);
      const refused = await db.refusedInboundEmail.findMany({ where: { caseId: c.caseId }, orderBy: { receivedAt: "asc" } });
      expect(refused.map((r) => r.reason)).toEqual(["auth_failed", "not_from_team", "too_large", "auto_reply"]);
      expect(await db.refusedInboundEmail.count({ where: { reason: "bad_case_address", shop: null } })).toBeGreaterThanOrEqual(1);
    });

    it("past INBOUND_REPLIES_PER_CASE_PER_HOUR a reply is refused for the hour (a mail loop cannot flood the chat)", async () => {
      const c = await escalate("loop@example.com");
      for (let n = 1; n <= 5; n++) expect((await reply(c.mail, `Update number ${n}.`)).response).toMatch(/^250/);
      await expect(reply(c.mail, "Update number 6.")).rejects.toMatchObject({ responseCode: 550, response: NOT_ACCEPTED });
      expect((await teamMessages(c.conversationId)).map((m) => m.text)).toEqual([1, 2, 3, 4, 5].map((n) => `Update number ${n}.`));
    });

    it("the provider endpoint wants the secret, and takes SendGrid's raw Inbound Parse form", async () => {
      const c = await escalate("lee@example.com");
      const none = await fetch(`${app.origin}/inbound/email`, { method: "POST", headers: { "Content-Type": "message/rfc822" }, body: "x" });
      expect(none.status).toBe(401);
      const wrong = await fetch(`${app.origin}/inbound/email`, {
        method: "POST",
        headers: { Authorization: "Bearer nope", "Content-Type": "message/rfc822" },
        body: "x",
      });
      expect(wrong.status).toBe(401);

      const raw = [
        `From: Sam Lee <${TEAM}>`,
        `To: lee@example.com, ${c.caseAddress}`,
        `Subject: Re: ${c.mail.subject}`,
        `Message-ID: <sendgrid-1@test-goods.example>`,
        "Content-Type: text/html; charset=utf-8",
        "",
        "<p>Good news: <b>refund sent</b>.<script>alert(1)</script></p><blockquote>old</blockquote>",
      ].join("\r\n");
      const form = new FormData();
      form.set("email", raw);
      form.set("envelope", JSON.stringify({ to: [c.caseAddress], from: TEAM }));
      form.set("SPF", "pass");
      form.set("dkim", "{@test-goods.example : pass}");
      const basic = Buffer.from(`baton:${SECRET}`).toString("base64");
      const post = () => fetch(`${app.origin}/inbound/email`, { method: "POST", headers: { Authorization: `Basic ${basic}` }, body: form });
      const posted = await post();
      expect(posted.status).toBe(200);
      expect(await posted.json()).toEqual({ accepted: true });
      // A provider's redelivery (same Message-ID) is stored once.
      expect((await post()).status).toBe(200);
      expect(await teamMessages(c.conversationId)).toHaveLength(1);
      const [team] = await teamMessages(c.conversationId);
      expect(team).toMatchObject({ role: "team", author: "Sam" });
      expect(team!.text).toMatch(/^Good news: refund sent\./);
      expect(team!.text).not.toMatch(/<|script|alert/);
    });

    it("retention and customers/redact remove the team's replies and the refused mail with the shopper's conversation", async () => {
      const kept = await escalate("stay@example.com");
      const gone = await escalate("gone@example.com");
      await reply(kept.mail, "Kept reply.");
      await reply(gone.mail, "Reply to be redacted.");
      await reply(gone.mail, "forged", { sign: false }).catch(() => undefined);
      expect(await db.teamMessage.count({ where: { caseId: gone.caseId } })).toBe(1);
      expect(await db.refusedInboundEmail.count({ where: { caseId: gone.caseId } })).toBe(1);

      await redactCustomer(db, DEMO_SHOP_DOMAIN, { customer: { email: "gone@example.com" } }, "baton.test");
      expect(await db.teamMessage.count({ where: { caseId: gone.caseId } })).toBe(0);
      expect(await db.refusedInboundEmail.count({ where: { caseId: gone.caseId } })).toBe(0);
      expect(await db.teamMessage.count({ where: { caseId: kept.caseId } })).toBe(1);

      // Past the shop's retention (conversation last active 100 days ago, shop keeps 90).
      await db.conversation.update({ where: { id: kept.conversationId }, data: { updatedAt: new Date(Date.now() - 100 * 86_400_000) } });
      await db.outboxEmail.updateMany({ where: { caseId: kept.caseId }, data: { status: "sent" } });
      await purgeExpiredConversations(db, new Date());
      expect(await db.teamMessage.count({ where: { caseId: kept.caseId } })).toBe(0);
    });
  });
}
