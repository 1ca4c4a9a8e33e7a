import nodemailer from "nodemailer";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSmtpServer, type SmtpServerHandle } from "./smtp-server";

let smtp: SmtpServerHandle;
beforeEach(async () => {
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await smtp.stop();
});

function transport(extra: Record<string, unknown> = {}) {
  return nodemailer.createTransport({
    host: "127.0.0.1",
    port: smtp.port,
    secure: false,
    ignoreTLS: true,
    auth: { user: "baton", pass: "secret" },
    connectionTimeout: 2_000,
    greetingTimeout: 2_000,
    ...extra,
  });
}

const mail = {
  from: '"Baton" <support@baton.example>',
  to: "team@shop.example",
  cc: "lead@shop.example",
  bcc: "audit@shop.example",
  replyTo: "sarah@example.com",
  subject: "[Baton] Where is order #1042?",
  text: "Sarah asks about her order.",
  html: "<p>Sarah asks about her order.</p>",
  messageId: "<case-1@baton.example>",
  inReplyTo: "<case-0@baton.example>",
  references: ["<case-0@baton.example>", "<older@baton.example>"],
  headers: { "X-Baton-Case": "case-1" },
};

describe("smtp-server fake", () => {
  it("receives and parses a message sent by nodemailer", async () => {
    const info = await transport().sendMail(mail);
    expect(info.rejected).toEqual([]);
    const [received] = await smtp.waitForMessages(1);
    expect(received).toMatchObject({
      subject: "[Baton] Where is order #1042?",
      from: "support@baton.example",
      to: ["team@shop.example"],
      cc: ["lead@shop.example"],
      replyTo: ["sarah@example.com"],
      messageId: "<case-1@baton.example>",
      inReplyTo: "<case-0@baton.example>",
      references: ["<case-0@baton.example>", "<older@baton.example>"],
      authUser: "baton",
      envelope: {
        mailFrom: "support@baton.example",
        rcptTo: ["team@shop.example", "lead@shop.example", "audit@shop.example"],
      },
    });
    expect(received.text?.trim()).toBe("Sarah asks about her order.");
    expect(received.html).toContain("<p>Sarah asks about her order.</p>");
    expect(received.headers["x-baton-case"]).toBe("case-1");
    expect(received.headers.bcc).toBeUndefined();
    expect(received.raw).toContain("Subject: [Baton] Where is order #1042?");
  });

  it("clear() forgets received messages", async () => {
    await transport().sendMail(mail);
    await smtp.waitForMessages(1);
    smtp.clear();
    expect(smtp.messages).toEqual([]);
  });

  it("answers 451 on MAIL FROM in reject mode, then recovers", async () => {
    await smtp.setFailure("reject");
    const error = await transport()
      .sendMail(mail)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ responseCode: 451, command: "MAIL FROM" });
    await smtp.setFailure("none");
    await transport().sendMail(mail);
    expect(smtp.messages).toHaveLength(1);
  });

  it("answers 451 after DATA in reject-data mode and stores nothing", async () => {
    await smtp.setFailure("reject-data");
    const error = await transport()
      .sendMail(mail)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ responseCode: 451 });
    expect(smtp.messages).toEqual([]);
  });

  it("goes really down (ECONNREFUSED) and comes back on the same port", async () => {
    const port = smtp.port;
    await smtp.setFailure("down");
    const error = await transport()
      .sendMail(mail)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ESOCKET" });
    expect(String((error as Error).message)).toContain("ECONNREFUSED");

    await smtp.setFailure("none");
    expect(smtp.port).toBe(port);
    await transport().sendMail(mail);
    expect(smtp.messages).toHaveLength(1);
  });

  it("cuts pooled connections when it goes down", async () => {
    const pooled = transport({ pool: true, maxConnections: 1 });
    await pooled.sendMail(mail);
    await smtp.setFailure("down");
    const error = await pooled.sendMail(mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    await smtp.setFailure("none");
    await pooled.sendMail(mail);
    expect(smtp.messages).toHaveLength(2);
    pooled.close();
  });

  it("waitForMessages times out with a clear message", async () => {
    await expect(smtp.waitForMessages(1, 50)).rejects.toThrow(/0\/1 SMTP messages received/);
  });
});
