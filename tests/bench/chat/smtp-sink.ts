import { fork } from "node:child_process";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * The bench's SMTP server in a process of its own: in the client's process its SMTP conversation
 * would wait behind 32 shoppers' work at every step, and that wait would count as hand-off latency.
 * It accepts each message as soon as its data ends, reading only the Reply-To header: the tests'
 * server (tests/servers/smtp-server.ts) parses every message with mailparser before answering,
 * 10–30 ms of CPU a message on the loaded machine that queued the next emails' replies and counted
 * as the app's hand-off latency. The child reports each accepted email (Reply-To, when its data
 * ended) over IPC.
 */
export interface AcceptedMail {
  replyTo: string[];
  receivedAt: number;
}

export interface SmtpSink {
  url: string;
  messages: AcceptedMail[];
  /** When each SMTP session was opened (epoch ms): sessions opened during a measured run cost hand-offs a greeting. */
  sessionsOpenedAt: number[];
  stop(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const child = fork(new URL(import.meta.url).pathname, ["--child"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const messages: AcceptedMail[] = [];
  const sessionsOpenedAt: number[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    child.on("message", (m: { url?: string; sessionAt?: number } & Partial<AcceptedMail>) => {
      if (m.url) resolve(m.url);
      else if (m.sessionAt) sessionsOpenedAt.push(m.sessionAt);
      else if (m.replyTo && m.receivedAt) messages.push({ replyTo: m.replyTo, receivedAt: m.receivedAt });
    });
    child.once("exit", (code) => reject(new Error(`SMTP sink exited with ${code}`)));
  });
  return {
    url,
    messages,
    sessionsOpenedAt,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** The addresses of the (unfolded) Reply-To header of a raw message. */
export function replyToOf(raw: string): string[] {
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end < 0 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
  const line = /^reply-to:(.*)$/im.exec(head)?.[1] ?? "";
  return [...line.matchAll(/[^\s<>,"]+@[^\s<>,"]+/g)].map((m) => m[0].toLowerCase());
}

if (process.argv.includes("--child")) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      process.send!({ sessionAt: Date.now() });
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        const receivedAt = Date.now();
        callback();
        process.send!({ replyTo: replyToOf(Buffer.concat(chunks).toString("utf8")), receivedAt } satisfies AcceptedMail);
      });
    },
  });
  server.on("error", () => undefined);
  server.listen(0, "127.0.0.1", () => process.send!({ url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}` }));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
