import type { Socket } from "node:net";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { closeServer, listen, trackSockets, waitUntil } from "./net";

/**
 * - `none`: accept everything.
 * - `reject`: 451 (temporary failure) on MAIL FROM, so nothing is sent.
 * - `reject-data`: 451 after the whole message was transmitted (the client did all the work, then failed).
 * - `down`: the listener is really closed and open connections are cut (clients get ECONNREFUSED or a reset);
 *   any other mode brings it back on the same port.
 */
export type SmtpFailureMode = "none" | "reject" | "reject-data" | "down";

export interface ReceivedMail {
  /** Envelope, as given in MAIL FROM / RCPT TO (this is where Bcc recipients show up). */
  envelope: { mailFrom: string | null; rcptTo: string[] };
  /** The AUTH user name, if the client authenticated. */
  authUser: string | null;
  subject: string | undefined;
  /** Bare addresses as written in the headers (display names dropped; they stay in `parsed`). */
  from: string | undefined;
  to: string[];
  cc: string[];
  replyTo: string[];
  messageId: string | undefined;
  inReplyTo: string | undefined;
  references: string[];
  text: string | undefined;
  html: string | undefined;
  /** Header name (lower-case) → unfolded raw value; repeated headers are joined with "\n". */
  headers: Record<string, string>;
  raw: string;
  parsed: ParsedMail;
  /** epoch ms when the DATA was accepted */
  receivedAt: number;
}

export interface SmtpServerHandle {
  port: number;
  url: string;
  messages: ReceivedMail[];
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** The first received message that matches (other tests' late emails may arrive meanwhile). */
  waitForMessage(matches: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  clear(): void;
  setFailure(mode: SmtpFailureMode): Promise<void>;
  stop(): Promise<void>;
}

export interface SmtpServerOptions {
  /** Fixed port; default is any free port. */
  port?: number;
}

export async function startSmtpServer(opts: SmtpServerOptions = {}): Promise<SmtpServerHandle> {
  const messages: ReceivedMail[] = [];
  let mode: SmtpFailureMode = "none";
  let running: { server: SMTPServer; sockets: Set<Socket> } | null = null;
  let stopped = false;

  const temporaryFailure = (message: string) => Object.assign(new Error(message), { responseCode: 451 });

  function createServer(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        callback(null, { user: auth.username ?? "anonymous" });
      },
      // The mode is read when each command arrives, so a test can flip it mid-session.
      onMailFrom(_address, _session, callback) {
        if (mode === "reject") return callback(temporaryFailure("4.3.0 Temporary failure, try again later"));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("error", (error) => callback(error));
        stream.on("end", () => {
          if (mode === "reject-data" || mode === "reject") {
            callback(temporaryFailure("4.3.0 Temporary failure, message not accepted"));
            return;
          }
          const raw = Buffer.concat(chunks);
          const receivedAt = Date.now();
          simpleParser(raw).then(
            (parsed) => {
              messages.push({ ...toReceivedMail(parsed, raw.toString("utf8"), session), receivedAt });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
  }

  async function up(port: number): Promise<number> {
    const server = createServer();
    const sockets = trackSockets(server.server);
    // smtp-server re-emits socket errors (e.g. ECONNRESET when we cut a connection); they are expected here.
    server.on("error", () => {});
    const bound = await listen(server.server, port);
    running = { server, sockets };
    return bound;
  }

  async function down(): Promise<void> {
    if (!running) return;
    const { server, sockets } = running;
    running = null;
    await closeServer(server.server, sockets);
  }

  const port = await up(opts.port ?? 0);

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitForMessages(count, timeoutMs = 5_000) {
      await waitUntil(
        () => messages.length >= count,
        timeoutMs,
        () => `${messages.length}/${count} SMTP messages received`,
      );
      return messages.slice(0, count);
    },
    async waitForMessage(matches, timeoutMs = 5_000) {
      await waitUntil(
        () => messages.some(matches),
        timeoutMs,
        () => `no matching SMTP message among ${messages.length}`,
      );
      return messages.find(matches)!;
    },
    clear() {
      messages.length = 0;
    },
    async setFailure(next) {
      if (stopped) throw new Error("SMTP server is stopped");
      mode = next;
      if (next === "down") await down();
      else if (!running) await up(port);
    },
    async stop() {
      stopped = true;
      await down();
    },
  };
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((group) => group.value.flatMap((entry) => (entry.address ? [entry.address] : [])));
}

function rawHeaders(parsed: ParsedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const value = line
      .slice(line.indexOf(":") + 1)
      .replace(/\r?\n[ \t]+/g, " ")
      .trim();
    headers[key] = key in headers ? `${headers[key]}\n${value}` : value;
  }
  return headers;
}

function toReceivedMail(parsed: ParsedMail, raw: string, session: SMTPServerSession): Omit<ReceivedMail, "receivedAt"> {
  const references = parsed.references === undefined ? [] : ([] as string[]).concat(parsed.references);
  const user: unknown = session.user;
  return {
    envelope: {
      mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
      rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
    },
    authUser: typeof user === "string" ? user : null,
    subject: parsed.subject,
    from: addresses(parsed.from)[0],
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    replyTo: addresses(parsed.replyTo),
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references,
    text: parsed.text,
    html: parsed.html === false ? undefined : parsed.html,
    headers: rawHeaders(parsed),
    raw,
    parsed,
  };
}
