import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport, sendComposedEmail } from "./mailer.server";
import type { ComposedEmail } from "~/domain/email/types";

// An SMTP server in a process of its own (one in this process would stand still with the event loop
// this test blocks); it prints when each message's data has been accepted.
const SERVER_SOURCE = `
const { SMTPServer } = require(process.argv[1]);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    stream.on("data", () => undefined);
    stream.on("end", () => {
      callback();
      process.stdout.write("accepted " + Date.now() + "\\n");
    });
  },
});
server.listen(0, "127.0.0.1", () => process.stdout.write("port " + server.server.address().port + "\\n"));
`;

let child: ChildProcess;
let output = "";
let url = "";

beforeAll(async () => {
  child = spawn(process.execPath, ["-e", SERVER_SOURCE, createRequire(import.meta.url).resolve("smtp-server")], { stdio: ["ignore", "pipe", "inherit"] });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  const port = await new Promise<string>((resolve) => {
    const check = () => {
      const m = /port (\d+)/.exec(output);
      if (m) resolve(m[1]!);
      else setTimeout(check, 20);
    };
    check();
  });
  url = `smtp://127.0.0.1:${port}`;
});

afterAll(() => {
  child?.kill();
});

const email = (n: number): ComposedEmail => ({
  from: "escalations@baton.example",
  to: ["support@yourstore.example"],
  cc: [],
  replyTo: "sarah@example.com",
  subject: `Case ${n}`,
  text: "Where is my order?",
  html: "<p>Where is my order?</p>",
  messageId: `<smtp-thread-${n}@baton.example>`,
  headers: {},
});

describe("the SMTP thread", () => {
  it("finishes an SMTP conversation while this event loop is blocked (a saturated HTTP loop cannot hold a hand-off back)", async () => {
    const transport = createMailTransport(url, { timeoutMs: 5_000 });
    try {
      // A warm pool connection, as under steady load: the next email needs MAIL, RCPT and DATA only.
      await sendComposedEmail(transport, email(1));
      const sending = sendComposedEmail(transport, email(2));
      const blockedUntil = Date.now() + 400;
      while (Date.now() < blockedUntil);
      const result = await sending;
      expect(result.response).toMatch(/^250/);
      // The server's line may arrive after the reply that the thread passed on.
      const accepted = () => [...output.matchAll(/accepted (\d+)/g)].map((m) => Number(m[1]));
      for (let i = 0; i < 100 && accepted().length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      expect(accepted()).toHaveLength(2);
      expect(accepted()[1]!).toBeLessThan(blockedUntil);
    } finally {
      transport.close();
    }
  });

  it("reports SMTP failures with the fields the outbox classifies them by", async () => {
    const transport = createMailTransport("smtp://127.0.0.1:1", { timeoutMs: 2_000 });
    try {
      await expect(sendComposedEmail(transport, email(3))).rejects.toMatchObject({ code: "ESOCKET" });
      await expect(transport.verify()).rejects.toMatchObject({ code: expect.stringMatching(/ESOCKET|ECONNECTION/) });
    } finally {
      transport.close();
    }
  });
});
