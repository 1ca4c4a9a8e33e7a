import { fork } from "node:child_process";
import { startSmtpServer } from "../../servers/smtp-server";

/**
 * The bench's SMTP server in a process of its own: in the client's process its SMTP conversation
 * would wait behind 32 shoppers' work at every step, and that wait would count as hand-off latency.
 * The child reports each accepted email (Reply-To, when DATA was accepted) over IPC.
 */
export interface AcceptedMail {
  replyTo: string[];
  receivedAt: number;
}

export interface SmtpSink {
  url: string;
  messages: AcceptedMail[];
  stop(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const child = fork(new URL(import.meta.url).pathname, ["--child"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const messages: AcceptedMail[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    child.on("message", (m: { url?: string } & Partial<AcceptedMail>) => {
      if (m.url) resolve(m.url);
      else if (m.replyTo && m.receivedAt) messages.push({ replyTo: m.replyTo, receivedAt: m.receivedAt });
    });
    child.once("exit", (code) => reject(new Error(`SMTP sink exited with ${code}`)));
  });
  return {
    url,
    messages,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

if (process.argv.includes("--child")) {
  const smtp = await startSmtpServer();
  process.send!({ url: smtp.url });
  let reported = 0;
  setInterval(() => {
    for (; reported < smtp.messages.length; reported++) {
      const m = smtp.messages[reported]!;
      process.send!({ replyTo: m.replyTo, receivedAt: m.receivedAt } satisfies AcceptedMail);
    }
  }, 10);
  process.on("SIGTERM", () => void smtp.stop().then(() => process.exit(0)));
}
