import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer, type SmtpServerHandle } from "../../tests/servers/smtp-server";
import { composeEscalationEmail, composeFollowUpEmail } from "~/domain/email/compose-escalation-email";
import { seedView } from "~/domain/email/fixtures";
import { caseAddressKey, caseReplyAddress } from "./inbound/case-address.server";
import { classifySmtpError, createMailTransport, failureScopeOfStored, sendComposedEmail, smtpOptionsFromUrl } from "./mailer.server";

describe("smtpOptionsFromUrl", () => {
  it.each([
    { url: "smtp://127.0.0.1:2525", expected: { host: "127.0.0.1", port: 2525, secure: false, ignoreTLS: true, auth: undefined } },
    { url: "smtp://localhost:25", expected: { host: "localhost", port: 25, secure: false, ignoreTLS: true } },
    { url: "smtp://[::1]:25", expected: { port: 25, secure: false, ignoreTLS: true } },
    {
      url: "smtp://user%40x.com:p%40ss%3Aw@mail.example.com:587",
      expected: { host: "mail.example.com", port: 587, secure: false, ignoreTLS: false, auth: { user: "user@x.com", pass: "p@ss:w" } },
    },
    { url: "smtp://mail.example.com", expected: { port: 587, secure: false, ignoreTLS: false } },
    { url: "smtps://mail.example.com", expected: { port: 465, secure: true, ignoreTLS: false } },
    { url: "smtps://127.0.0.1:4650", expected: { port: 4650, secure: true, ignoreTLS: false } },
  ])("$url", ({ url, expected }) => {
    const o = smtpOptionsFromUrl(url);
    expect(o).toMatchObject({ pool: true, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 10_000, ...expected });
  });

  it("rejects other schemes", () => {
    expect(() => smtpOptionsFromUrl("http://mail.example.com")).toThrow(/smtp:\/\/ or smtps:\/\//);
  });
});

describe("classifySmtpError", () => {
  it.each([
    { name: "550 mailbox unavailable", error: { responseCode: 550, code: "EENVELOPE", response: "550 5.1.1 No such user" }, permanent: true, scope: "message" },
    { name: "554 transaction failed", error: { responseCode: 554, code: "EMESSAGE" }, permanent: true, scope: "message" },
    { name: "451 try later", error: { responseCode: 451, code: "EMESSAGE" }, permanent: false, scope: "message" },
    { name: "451 to MAIL FROM", error: { responseCode: 451, code: "EENVELOPE", command: "MAIL FROM" }, permanent: false, scope: "server" },
    { name: "450 greylisted at RCPT TO", error: { responseCode: 450, code: "EENVELOPE", command: "RCPT TO" }, permanent: false, scope: "message" },
    { name: "421 service not available", error: { responseCode: 421, code: "EPROTOCOL" }, permanent: false, scope: "server" },
    { name: "535 auth failed (operator fixes credentials)", error: { responseCode: 535, code: "EAUTH" }, permanent: false, scope: "message" },
    { name: "connection refused", error: { code: "ESOCKET", message: "connect ECONNREFUSED 127.0.0.1:25" }, permanent: false, scope: "connection" },
    {
      name: "connection cut",
      error: { code: "ECONNECTION", command: "CONN", message: "Connection closed unexpectedly" },
      permanent: false,
      scope: "connection",
    },
    { name: "timeout", error: { code: "ETIMEDOUT" }, permanent: false, scope: "connection" },
    { name: "no recipients", error: { code: "EENVELOPE", message: "No recipients defined" }, permanent: true, scope: "message" },
    { name: "an unknown error", error: { message: "boom" }, permanent: false, scope: "message" },
  ])("$name → permanent=$permanent, scope=$scope", ({ error, permanent, scope }) => {
    const failure = classifySmtpError(Object.assign(new Error(String(error.response ?? error.code)), error));
    expect(failure.permanent).toBe(permanent);
    expect(failure.scope).toBe(scope);
    // The scope survives being stored as the row's lastError (the recovery reads it back from there).
    expect(failureScopeOfStored(failure.message)).toBe(scope);
  });

  it("names the command a reply answered", () => {
    const error = Object.assign(new Error("Mail command failed"), {
      code: "EENVELOPE",
      command: "MAIL FROM",
      responseCode: 451,
      response: "451 4.3.0 Try later",
    });
    expect(classifySmtpError(error).message).toBe("EENVELOPE [MAIL FROM]: 451 4.3.0 Try later");
    expect(failureScopeOfStored(null)).toBeNull();
    expect(failureScopeOfStored("Gave up after 3 attempts: ECONNECTION [CONN]: refused")).toBe("message");
  });
});

describe("sendComposedEmail over real SMTP", () => {
  let smtp: SmtpServerHandle;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.stop();
  });

  it("puts our stable Message-ID, thread headers and Baton headers on the wire", async () => {
    const transport = createMailTransport(smtp.url, { timeoutMs: 2_000 });
    try {
      const view = seedView({ priority: "urgent", cc: ["lead@yourstore.example"] });
      const caseEmail = composeEscalationEmail(view);
      const result = await sendComposedEmail(transport, caseEmail);
      expect(result.messageId).toBe("<case-case_1042@baton.example>");
      expect(result.accepted).toEqual(["support@yourstore.example", "lead@yourstore.example"]);
      expect(result.rejected).toEqual([]);
      expect(result.response).toMatch(/^250/);

      const followUp = composeFollowUpEmail(view, [{ role: "shopper", text: "Any news?", at: "2026-02-21T15:00:00Z" }], "<followup-1@baton.example>");
      await sendComposedEmail(transport, followUp);

      const [first, second] = await smtp.waitForMessages(2);
      expect(first).toMatchObject({
        messageId: "<case-case_1042@baton.example>",
        subject: "[URGENT] Delivery problem · #1042 · Sarah Johnson",
        from: "escalations@baton.example",
        to: ["support@yourstore.example"],
        cc: ["lead@yourstore.example"],
        replyTo: ["sarah@example.com"],
      });
      expect(first!.headers["x-baton-case"]).toBe("case_1042");
      // Inbound mail is off here (no INBOUND_EMAIL_DOMAIN): the shopper alone, as before.
      expect(first!.headers["x-priority"]).toBe("1");
      expect(first!.headers.importance).toBe("high");
      expect(first!.headers["auto-submitted"]).toBe("auto-generated");
      expect(first!.text).toContain("CUSTOMER EMAIL: sarah@example.com");
      expect(first!.html).toContain("9400111899223847563</a>");

      expect(second).toMatchObject({
        messageId: "<followup-1@baton.example>",
        inReplyTo: "<case-case_1042@baton.example>",
        references: ["<case-case_1042@baton.example>"],
        subject: "Re: [URGENT] Delivery problem · #1042 · Sarah Johnson",
      });
    } finally {
      transport.close();
    }
  });

  it("with inbound mail on, Reply-To is the shopper first, then the case's reply address (case emails and follow-ups only)", async () => {
    smtp.clear();
    const key = caseAddressKey("test-secret");
    const transport = createMailTransport(smtp.url, { timeoutMs: 2_000, caseReplyAddress: (id) => caseReplyAddress(key, "reply.baton.example", id) });
    try {
      const view = seedView();
      await sendComposedEmail(transport, composeEscalationEmail(view));
      await sendComposedEmail(transport, { ...composeEscalationEmail(view), headers: {}, messageId: "<test-1@baton.example>", replyTo: "" });
      const [caseMail, other] = await smtp.waitForMessages(2);
      const address = caseReplyAddress(key, "reply.baton.example", "case_1042");
      expect(address).toMatch(/^case\+case_1042\.[0-9a-f]{24}@reply\.baton\.example$/);
      expect(caseMail!.replyTo).toEqual(["sarah@example.com", address]);
      expect(other!.replyTo).toEqual([]);
    } finally {
      transport.close();
    }
  });

  it("a CR/LF injection attempt in shopper data adds no header and no recipient", async () => {
    smtp.clear();
    const transport = createMailTransport(smtp.url, { timeoutMs: 2_000 });
    try {
      const email = composeEscalationEmail(
        seedView({
          shopperEmail: "sarah@example.com\r\nBcc: victim@evil.example",
          caseId: "c1\r\nX-Evil: 1",
          order: { ...seedView().order!, name: "#1042\r\nBcc: victim@evil.example" },
        }),
      );
      await sendComposedEmail(transport, email);
      const [m] = await smtp.waitForMessages(1);
      expect(m!.envelope.rcptTo).toEqual(["support@yourstore.example"]);
      expect(m!.headers.bcc).toBeUndefined();
      expect(m!.headers["x-evil"]).toBeUndefined();
      expect(m!.replyTo).toEqual([]);
      expect(m!.subject).toBe("Delivery problem · #1042 Bcc: victim@evil.example · Sarah Johnson");
    } finally {
      transport.close();
    }
  });
});
