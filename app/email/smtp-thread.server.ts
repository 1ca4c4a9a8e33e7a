import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type Mail from "nodemailer/lib/mailer";
import { runSmtpThread, type SessionPoolOptions, type SmtpThreadData, type SmtpThreadStatus } from "./smtp-session-pool.server";

/**
 * The SMTP conversation on a thread of its own (decision 0082). An email's claim and record are
 * prepared statements (microseconds, outbox/outbox-statements.server.ts), so what waited on a busy
 * event loop was the SMTP conversation: greeting, MAIL, RCPT, DATA, each reply handled only when the
 * loop came round to it — behind 32 shoppers' turns in one-process mode (bench:chat p99 150–250 ms).
 * Here the SMTP sessions run in a small thread (nodemailer and a pool of ready sessions, a few MB, not
 * the app: smtp-session-pool.server.ts, decision 0084): the loop hands it the message in the same turn
 * that claimed it and hears back once the server has accepted it.
 */
export interface SmtpThread {
  sendMail(mail: Mail.Options): Promise<SentInfo>;
  /** Opens a session (connect, EHLO, AUTH), kept when the pool is short of one; rejects when the server cannot be reached. */
  verify(): Promise<true>;
  /** Closes the pool's sessions and ends the thread. */
  close(): void;
}

export interface SentInfo {
  accepted: unknown[];
  rejected: unknown[];
  response: string;
  messageId: string;
}

// The thread runs `runSmtpThread` from its source text: no loader, no app code. Errors cross as their SMTP
// fields (classifySmtpError reads code, command, responseCode, response), Buffers as Uint8Arrays. A
// compiler that keeps function names (esbuild's keepNames, as tsx runs) wraps them in its module-level
// `__name` helper, which the text leaves behind: the thread defines its own.
const THREAD_SOURCE = `var __name = (target) => target;
(${runSmtpThread.toString()})(require("node:worker_threads"), require);`;

type Reply = { id: number; ok: true; info?: SentInfo } | { id: number; ok: false; error: Record<string, unknown> } | SmtpThreadStatus;

/** Starts the thread with its pool's options (plain data: they are copied to it); `onStatus` hears of outages. */
export function startSmtpThread(pool: SessionPoolOptions, onStatus: (status: SmtpThreadStatus) => void = () => undefined): SmtpThread {
  const { resolve: resolvePath } = createRequire(import.meta.url);
  const workerData: SmtpThreadData = { nodemailer: resolvePath("nodemailer"), smtpConnection: resolvePath("nodemailer/lib/smtp-connection"), pool };
  const pending = new Map<number, { resolve(info: SentInfo | true): void; reject(error: Error): void }>();
  let nextId = 0;
  let thread: Worker | null = null;
  let closed = false;

  // Started at once, and again on the next send after an unexpected end (its in-flight sends fail as connection errors and are retried).
  const running = (): Worker => {
    if (thread) return thread;
    const started = new Worker(THREAD_SOURCE, { eval: true, workerData });
    started.unref();
    started.on("message", (reply: Reply) => {
      if ("type" in reply) return onStatus(reply);
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (reply.ok) waiting.resolve(reply.info ?? true);
      else waiting.reject(Object.assign(new Error(String(reply.error.message ?? "SMTP send failed")), reply.error));
    });
    const ended = (reason: string) => {
      if (thread === started) thread = null;
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(Object.assign(new Error(`the SMTP thread ended: ${reason}`), { code: "ESOCKET" }));
      }
    };
    started.on("error", (error) => ended(error.message));
    started.on("exit", (code) => ended(`exit code ${code}`));
    thread = started;
    return started;
  };

  // Ready before the first email needs it (a thread takes tens of milliseconds to start).
  running();

  const request = <T extends SentInfo | true>(message: { type: "send"; mail: Mail.Options } | { type: "verify" }): Promise<T> => {
    if (closed) return Promise.reject(Object.assign(new Error("the SMTP transport is closed"), { code: "ECONNECTION" }));
    const target = running();
    const id = ++nextId;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (info: SentInfo | true) => void, reject });
      // Keep the process alive while a send is under way (an idle thread never does).
      target.ref();
      target.postMessage({ ...message, id });
    });
  };

  return {
    sendMail: (mail) => request<SentInfo>({ type: "send", mail }),
    verify: () => request<true>({ type: "verify" }),
    close() {
      if (closed) return;
      closed = true;
      thread?.postMessage({ type: "close" });
    },
  };
}
