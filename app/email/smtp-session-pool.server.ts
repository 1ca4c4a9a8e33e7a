import type { MessagePort } from "node:worker_threads";

/**
 * What the SMTP thread's pool of ready sessions is told (plain data: copied to the thread).
 * Decision 0084: sessions are opened before an email needs one and kept open while idle.
 */
export interface SessionPoolOptions {
  /** SMTPConnection options (host, port, secure, ignoreTLS, connection/greeting/socket timeouts). */
  smtp: Record<string, unknown>;
  auth?: { user: string; pass: string };
  /** Sessions at most (deliveries beyond them wait for the first free one). */
  maxConnections: number;
  /** Sessions kept open while idle, opened when the thread starts and reopened in the background. */
  warmConnections: number;
  /** Messages a session carries before it is replaced (in the background). */
  maxMessages: number;
  /** An idle session sends RSET this often: below our socket timeout and any server's idle timeout. */
  keepAliveMs: number;
  /** The first and the longest wait before reopening after a failed or short-lived session. */
  reopenBaseMs: number;
  reopenCapMs: number;
}

export interface SmtpThreadData {
  /** Resolved paths of `nodemailer` and `nodemailer/lib/smtp-connection`. */
  nodemailer: string;
  smtpConnection: string;
  pool: SessionPoolOptions;
}

/** What the thread reports about the server between requests (logged once per outage by the caller). */
export type SmtpThreadStatus =
  { type: "status"; state: "down"; error: Record<string, unknown> } | { type: "status"; state: "up"; attempts: number; downMs: number };

/**
 * The SMTP thread's program. It runs from its source text in an eval'd thread (smtp-thread.server.ts),
 * so it must stay self-contained: nothing from outside but its arguments, and type-only imports.
 *
 * nodemailer's pool connected on an email's arrival and closed idle connections after the socket timeout, so
 * the first emails of a run or after a quiet spell paid TCP, TLS, greeting, EHLO and AUTH. This pool keeps
 * `warmConnections` sessions (nodemailer's SMTPConnection) open ahead of need; nodemailer's Mailer, with the
 * pool as its transport plugin, still builds every message and its SMTP errors pass on unchanged (decision 0084).
 */
export function runSmtpThread(threads: { parentPort: MessagePort | null; workerData: SmtpThreadData }, load: (id: string) => unknown): void {
  type Callback = (error: Error | null, info?: Record<string, unknown>) => void;
  interface Connection {
    connect(callback: (error?: Error) => void): void;
    login(auth: { user: string; pass: string }, callback: (error?: Error | null) => void): void;
    send(envelope: unknown, message: unknown, callback: (error: (Error & Record<string, unknown>) | null, info?: Record<string, unknown>) => void): void;
    reset(callback: (error?: Error | null) => void): void;
    quit(): void;
    close(): void;
    on(event: "error", listener: (error: Error) => void): void;
    once(event: "end", listener: () => void): void;
    allowsAuth: boolean;
    destroyed: boolean;
  }
  interface MailEntry {
    mail: {
      data: { dsn?: unknown };
      message: { getEnvelope(): { from: unknown; to: unknown; dsn?: unknown }; messageId(): string; createReadStream(): { readableDidRead: boolean } };
    };
    callback: Callback;
    /** Times requeued after a session that had gone stale (nothing of the message sent); at most one per session. */
    retries: number;
    /** Waited through a session that the server closed before it was ready (retried once, as nodemailer's pool does). */
    reopened: boolean;
  }
  interface Session {
    connection: Connection;
    state: "connecting" | "idle" | "busy" | "closed";
    /** Proved itself: delivered a message or answered a keep-alive. */
    healthy: boolean;
    /** Ended by us (pool closed, message limit reached): no failure, no backoff. */
    retiring: boolean;
    messages: number;
    /** When its opening started, in the order of starts and failures (`events`). */
    startedAt: number;
    entry: MailEntry | null;
    timer: ReturnType<typeof setTimeout> | undefined;
  }

  const port = threads.parentPort!;
  const data = threads.workerData;
  const options = data.pool;
  const nodemailer = load(data.nodemailer) as {
    createTransport(transport: unknown, defaults: unknown): { sendMail(mail: unknown): Promise<Record<string, unknown>> };
  };
  const SMTPConnection = load(data.smtpConnection) as new (options: Record<string, unknown>) => Connection;
  const FIELDS = ["name", "message", "code", "command", "responseCode", "response", "errno", "syscall"];

  const sessions = new Set<Session>();
  const queue: MailEntry[] = [];
  let closed = false;
  /** Failed opens and sessions that ended before proving themselves, since the last healthy one. */
  let failures = 0;
  /** Starts and failures in order: a session proves the server healthy again only if it started after the last failure. */
  let events = 0;
  let lastFailureAt = 0;
  let fillTimer: ReturnType<typeof setTimeout> | undefined;
  let outage: { since: number; attempts: number } | null = null;

  const fieldsOf = (error: unknown): Record<string, unknown> => {
    const fields: Record<string, unknown> = {};
    const source = (error ?? {}) as Record<string, unknown>;
    for (const key of FIELDS) if (source[key] !== undefined) fields[key] = source[key];
    return fields;
  };
  const connectionError = (message: string): Error => Object.assign(new Error(message), { code: "ECONNECTION", command: "CONN" });
  // nodemailer's own rule (errors.isTransientError): the session broke, not the message.
  const isTransient = (error: Record<string, unknown>): boolean =>
    error.responseCode === 421 || error.code === "ECONNECTION" || error.code === "ESOCKET" || error.code === "ETIMEDOUT";
  const count = (state: Session["state"]): number => [...sessions].filter((s) => s.state === state).length;

  /** Opens a session: connect, greeting, EHLO (STARTTLS when offered), AUTH when configured and offered. */
  function open(done?: (error: Error | null) => void): void {
    const connection = new SMTPConnection(options.smtp);
    const session: Session = {
      connection,
      state: "connecting",
      healthy: false,
      retiring: false,
      messages: 0,
      startedAt: ++events,
      entry: null,
      timer: undefined,
    };
    sessions.add(session);
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (error) {
        // Before close(): its "end" must find the session already lost, with this error.
        lost(session, error);
        connection.close();
      } else if (session.state === "connecting") opened(session);
      done?.(error);
    };
    // After the session is up, an error is always followed by "end", which `lost` handles.
    connection.on("error", (error) => settle(error));
    connection.once("end", () => {
      if (!settled) settle(connectionError("Connection closed before the session was ready"));
      else lost(session, null);
    });
    connection.connect((error) => {
      if (error) return settle(error);
      if (options.auth && connection.allowsAuth) connection.login(options.auth, (loginError) => settle(loginError ?? null));
      else settle(null);
    });
  }

  function opened(session: Session): void {
    if (closed) {
      retire(session);
      return;
    }
    if (outage) {
      port.postMessage({ type: "status", state: "up", attempts: outage.attempts, downMs: Date.now() - outage.since } satisfies SmtpThreadStatus);
      outage = null;
    }
    idle(session);
    dispatch();
    fill();
  }

  function idle(session: Session): void {
    session.state = "idle";
    clearTimeout(session.timer);
    session.timer = setTimeout(() => keepAlive(session), options.keepAliveMs);
  }

  function keepAlive(session: Session): void {
    if (session.state !== "idle") return;
    session.state = "busy";
    // A dead session never answers; its "end" (socket timeout at the latest) reaches `lost`.
    session.connection.reset((error) => {
      if (session.state !== "busy") return;
      if (error) return session.connection.close();
      proved(session);
      if (closed) return retire(session);
      idle(session);
      dispatch();
    });
  }

  /**
   * A session's first delivery or keep-alive ends a run of failures if it started after the last of them:
   * sessions open all along say nothing about the ones that failed beside them (a server that allows
   * fewer sessions than the pool's size would otherwise be asked again at every keep-alive).
   */
  function proved(session: Session): void {
    if (session.healthy) return;
    session.healthy = true;
    if (failures > 0 && session.startedAt > lastFailureAt) {
      failures = 0;
      fill();
    }
  }

  function retire(session: Session): void {
    session.retiring = true;
    clearTimeout(session.timer);
    if (session.state === "connecting") session.connection.close();
    else session.connection.quit();
  }

  /** A session ended (error is set when it never opened). */
  function lost(session: Session, error: Error | null): void {
    if (session.state === "closed") return;
    const wasOpening = session.state === "connecting";
    session.state = "closed";
    clearTimeout(session.timer);
    sessions.delete(session);
    const entry = session.entry;
    if (entry) {
      // SMTPConnection ends the session before it fails the send in flight; that callback decides.
      setImmediate(() => {
        if (session.entry !== entry) return;
        session.entry = null;
        entry.callback(connectionError("Connection closed during the delivery"));
      });
    }
    if (closed) return;
    // A session we retired (message limit, probe beyond the pool) is replaced without counting as a failure.
    if (session.retiring) {
      dispatch();
      fill();
      return;
    }
    // A healthy session that ended (a restart, a lifetime limit) is no failure; one that never proved itself is.
    if (!session.healthy) {
      failures++;
      lastFailureAt = ++events;
    }
    // A failed open while no session is open is an outage (one failing beside open ones is not). No open
    // session can take the waiting emails: they fail with this error now, as with nodemailer's pool
    // (sessions still connecting would most likely fail alike; the outbox retries on its schedule).
    if (wasOpening && count("idle") + count("busy") === 0) {
      if (!outage) {
        outage = { since: Date.now(), attempts: 0 };
        port.postMessage({ type: "status", state: "down", error: fieldsOf(error) } satisfies SmtpThreadStatus);
      }
      outage.attempts++;
      // A server that closed the connection before its greeting (a restart, a balancer) gets one more try
      // for each waiting email; a refused or timed-out connection fails them at once.
      const closedEarly = (error as { code?: unknown } | null)?.code === "ECONNECTION";
      for (const waiting of queue.splice(0)) {
        if (closedEarly && !waiting.reopened) {
          waiting.reopened = true;
          queue.push(waiting);
        } else waiting.callback(error ?? connectionError("Connection failed"));
      }
    }
    dispatch();
    fill();
  }

  /** Keeps `warmConnections` open: all at once while the server is healthy, else one at a time after a backoff. */
  function fill(afterBackoff = false): void {
    if (closed) return;
    const missing = options.warmConnections - sessions.size;
    if (missing <= 0) return;
    const healthy = failures === 0 && (count("idle") > 0 || count("busy") > 0);
    if (!healthy && count("connecting") > 0) return;
    if (failures > 0 && !afterBackoff) {
      if (fillTimer) return;
      const backoff = Math.min(options.reopenBaseMs * 2 ** (failures - 1), options.reopenCapMs);
      // Jitter keeps instances that lost one server at once from reconnecting in step.
      fillTimer = setTimeout(
        () => {
          fillTimer = undefined;
          fill(true);
        },
        backoff * (0.8 + 0.4 * Math.random()),
      );
      return;
    }
    clearTimeout(fillTimer);
    fillTimer = undefined;
    for (let i = 0; i < (healthy ? missing : 1); i++) open();
  }

  /**
   * Hands waiting emails to idle sessions and opens sessions for the rest at once (the outbox's retry
   * schedule bounds these attempts), except after a failure while a session is busy: then they wait
   * for it, so a failing server is not asked again in a loop while one delivery is still under way.
   */
  function dispatch(): void {
    if (closed) return;
    for (const session of sessions) {
      if (queue.length === 0) return;
      if (session.state === "idle") deliver(session, queue.shift()!);
    }
    if (queue.length === 0 || (failures > 0 && count("busy") > 0)) return;
    const wanted = Math.min(queue.length - count("connecting"), options.maxConnections - sessions.size);
    for (let i = 0; i < wanted; i++) open();
  }

  function deliver(session: Session, entry: MailEntry): void {
    session.state = "busy";
    session.entry = entry;
    clearTimeout(session.timer);
    const { mail } = entry;
    const envelope = mail.message.getEnvelope();
    if (mail.data.dsn) envelope.dsn = mail.data.dsn;
    const messageId = mail.message.messageId();
    const stream = mail.message.createReadStream();
    session.connection.send(envelope, stream, (error, info) => {
      if (session.entry !== entry) return;
      session.entry = null;
      session.messages++;
      if (error) {
        // A session that went stale while idle (the server ended it, or all of them at once): not a byte of
        // the message was sent, so another may carry it. Each stale session is closed, so this ends.
        if (entry.retries < options.maxConnections && !stream.readableDidRead && isTransient(error)) {
          entry.retries++;
          queue.unshift(entry);
          session.connection.close();
          dispatch();
          return;
        }
        entry.callback(error);
        if ((error.code === "EENVELOPE" || error.code === "EMESSAGE") && error.responseCode !== 421 && !session.connection.destroyed) {
          // The server refused this message; the session itself is fine.
          session.connection.reset((resetError) => {
            if (session.state !== "busy") return;
            if (resetError || closed) return resetError ? session.connection.close() : retire(session);
            idle(session);
            dispatch();
          });
        } else session.connection.close();
        return;
      }
      proved(session);
      entry.callback(null, { ...info, envelope: { from: envelope.from, to: envelope.to }, messageId });
      if (closed || session.messages >= options.maxMessages) return retire(session);
      idle(session);
      dispatch();
    });
  }

  function verify(): Promise<true> {
    return new Promise((resolve, reject) => {
      open((error) => {
        if (error) return reject(error);
        // The probe's session joins the pool while it is short of sessions (after an outage, usually).
        const extra = [...sessions].find((s) => s.state === "idle" && sessions.size > options.warmConnections);
        if (extra) retire(extra);
        resolve(true);
      });
    });
  }

  const mailer = nodemailer.createTransport(
    {
      name: "baton-smtp-sessions",
      version: "1",
      send(mail: MailEntry["mail"], callback: Callback) {
        if (closed) return callback(connectionError("the SMTP transport is closed"));
        queue.push({ mail, callback, retries: 0, reopened: false });
        dispatch();
      },
    },
    // Composed emails never reference files or URLs to inline; refuse them outright.
    { disableFileAccess: true, disableUrlAccess: true },
  );

  port.on("message", async (request: { type: "send" | "verify" | "close"; id: number; mail?: { attachments?: { content?: unknown }[] } }) => {
    if (request.type === "close") {
      closed = true;
      clearTimeout(fillTimer);
      for (const waiting of queue.splice(0)) waiting.callback(connectionError("the SMTP transport is closed"));
      for (const session of sessions) if (session.state !== "busy") retire(session);
      port.close();
      return;
    }
    try {
      if (request.type === "verify") {
        await verify();
        port.postMessage({ id: request.id, ok: true });
        return;
      }
      const mail = request.mail!;
      // Buffers cross as Uint8Arrays.
      for (const a of mail.attachments ?? []) {
        if (a.content instanceof Uint8Array) a.content = Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength);
      }
      const info = await mailer.sendMail(mail);
      const { accepted, rejected, response, messageId } = info;
      port.postMessage({ id: request.id, ok: true, info: { accepted, rejected, response, messageId } });
    } catch (error) {
      port.postMessage({ id: request.id, ok: false, error: fieldsOf(error) });
    }
  });

  fill();
}
