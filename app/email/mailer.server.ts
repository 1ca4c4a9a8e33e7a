import type Mail from "nodemailer/lib/mailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type { ComposedEmail } from "~/domain/email/types";
import { configuredCaseReplyAddresses, type CaseReplyAddressFn } from "./inbound/inbound-config.server";
import { logger } from "~/platform/logger.server";
import type { SessionPoolOptions, SmtpThreadStatus } from "./smtp-session-pool.server";
import { startSmtpThread, type SmtpThread } from "./smtp-thread.server";

/** The SMTP transport of this process: a pool of ready SMTP sessions on its own thread (smtp-thread.server.ts, decision 0084). */
export type MailTransport = SmtpThread;

/** What sending needs from a transport (a real one, or a test double). */
export interface MailSender {
  sendMail(mail: Mail.Options): Promise<{ accepted?: unknown[]; rejected?: unknown[]; response?: string; messageId?: string }>;
  /** Opens a session (connect, EHLO, AUTH) and closes it; rejects when the server cannot be reached. */
  verify?(): Promise<unknown>;
  /** The reply address of a case (inbound mail on): added to the Reply-To of every email about a case. */
  caseReplyAddress?: CaseReplyAddressFn | null;
}

export interface MailTransportOptions {
  /** Connection, greeting and socket-inactivity timeouts (ms). Default 10 s. */
  timeoutMs?: number;
  /** Parallel SMTP connections. Default 4 (the outbox worker's deliveries beyond them wait in the pool's queue). */
  maxConnections?: number;
  /** Sessions kept open ahead of need (opened at start, kept alive while idle). Default: `maxConnections`. */
  warmConnections?: number;
  /** Messages a session carries before it is replaced. Default `SMTP_MESSAGES_PER_CONNECTION`. */
  messagesPerConnection?: number;
  /** Where outages of the SMTP server are reported (once each). Default: the app's logger. */
  log?: { warn(fields: object, message: string): void; info(fields: object, message: string): void };
  /** Case reply addresses (README "Team replies"). Default: from INBOUND_EMAIL_DOMAIN and the app secret, when set. */
  caseReplyAddress?: CaseReplyAddressFn | null;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * Messages a pooled SMTP connection carries before it is replaced. Each new connection costs a TCP (and
 * TLS) handshake, the server's greeting, EHLO and AUTH before the first byte of mail — a 100 ms greeting
 * delay on bench:chat's server (smtp-server's early-talker check), far more on a remote relay — and
 * with nodemailer's default of 100, one hand-off in a hundred paid it under load: the whole p99 of the
 * SMTP conversation (decision 0082). Since decision 0084 the replacement is opened in the background
 * while the other sessions carry the mail; a server that ends sessions sooner gets them reopened too.
 */
export const SMTP_MESSAGES_PER_CONNECTION = 1_000;

/**
 * nodemailer options for an `smtp://` or `smtps://` URL (credentials URL-decoded).
 * - `smtps://` → implicit TLS (port 465 by default).
 * - `smtp://` to a loopback host → plain text (`ignoreTLS`): a local relay or the test server.
 * - `smtp://` anywhere else → opportunistic STARTTLS (upgrade whenever the server offers it).
 */
export function smtpOptionsFromUrl(smtpUrl: string, options: MailTransportOptions = {}): SMTPPool.Options {
  const url = new URL(smtpUrl);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got ${url.protocol})`);
  const secure = url.protocol === "smtps:";
  const host = url.hostname;
  const timeout = options.timeoutMs ?? 10_000;
  const user = decodeURIComponent(url.username);
  return {
    pool: true,
    maxConnections: options.maxConnections ?? 4,
    maxMessages: options.messagesPerConnection ?? SMTP_MESSAGES_PER_CONNECTION,
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ignoreTLS: !secure && LOOPBACK.has(host.toLowerCase()),
    auth: user ? { user, pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // Composed emails never reference files or URLs to inline; refuse them outright.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** Longest wait between two attempts to reopen sessions while the server fails them. */
export const SMTP_REOPEN_CAP_MS = 60_000;

/**
 * The SMTP thread's pool for an `smtp://` or `smtps://` URL (decision 0084). An idle session sends RSET
 * at half the socket timeout: our own timeout never closes it, and neither does a server's idle timeout
 * (RFC 5321 §4.5.3.2.7 asks for at least 5 minutes; smtp-server's default is 1). After a failed open or a
 * session that ended before proving itself, reopening waits 1 s, doubling up to a minute.
 */
export function sessionPoolOptions(smtpUrl: string, options: MailTransportOptions = {}): SessionPoolOptions {
  const smtp = smtpOptionsFromUrl(smtpUrl, options);
  const { auth, maxConnections = 4, maxMessages = SMTP_MESSAGES_PER_CONNECTION } = smtp;
  return {
    smtp: { ...smtp, auth: undefined },
    auth: auth && "pass" in auth && auth.user ? { user: auth.user, pass: String(auth.pass) } : undefined,
    maxConnections,
    warmConnections: Math.min(options.warmConnections ?? maxConnections, maxConnections),
    maxMessages,
    keepAliveMs: Math.floor((smtp.socketTimeout ?? 10_000) / 2),
    reopenBaseMs: 1_000,
    reopenCapMs: SMTP_REOPEN_CAP_MS,
  };
}

/** Logs an outage of the SMTP server when it starts and when it ends, not at every attempt in between. */
function reportStatus(log: NonNullable<MailTransportOptions["log"]>): (status: SmtpThreadStatus) => void {
  return (status) => {
    if (status.state === "down") log.warn({ err: status.error }, "SMTP server unreachable: reconnecting in the background; emails wait in the outbox");
    else log.info({ attempts: status.attempts, downMs: status.downMs }, "SMTP server reachable again");
  };
}

/**
 * The SMTP transport for SMTP_URL: a pool of ready sessions on the SMTP thread, opened now (the runtime
 * start-up creates it). Call `close()` on shutdown. The URL is checked here, in the caller's thread.
 */
export function createMailTransport(smtpUrl: string, options: MailTransportOptions = {}): MailTransport & Pick<MailSender, "caseReplyAddress"> {
  const log = options.log ?? logger.child({ capability: "email", component: "smtp" });
  const transport: MailTransport & Pick<MailSender, "caseReplyAddress"> = startSmtpThread(sessionPoolOptions(smtpUrl, options), reportStatus(log));
  transport.caseReplyAddress = options.caseReplyAddress === undefined ? configuredCaseReplyAddresses() : options.caseReplyAddress;
  return transport;
}

/**
 * Reply-To of an email: the composed one (the shopper on a case email), then the case's reply
 * address, so the team's ordinary "Reply" reaches the shopper as before and a copy reaches Baton.
 */
export function replyToWithCase(email: ComposedEmail, caseReplyAddress: CaseReplyAddressFn | null | undefined): string | string[] | undefined {
  const caseId = email.headers["X-Baton-Case"];
  const caseAddress = caseId && caseReplyAddress ? caseReplyAddress(caseId) : null;
  const list = [email.replyTo, caseAddress].filter((a): a is string => Boolean(a));
  return list.length === 0 ? undefined : list.length === 1 ? list[0] : list;
}

export interface SendResult {
  accepted: string[];
  rejected: string[];
  response: string;
  messageId: string;
}

function addressOf(entry: unknown): string {
  if (typeof entry === "string") return entry;
  if (entry && typeof entry === "object" && "address" in entry) return String((entry as { address: unknown }).address);
  return String(entry);
}

/**
 * Sends a composed email. Our Message-ID, In-Reply-To and References are passed through, so the
 * Message-ID on the wire is the stable one stored with the case (a retry re-sends the same id,
 * and mail clients thread follow-ups under the case).
 */
export async function sendComposedEmail(transport: MailSender, email: ComposedEmail): Promise<SendResult> {
  const info = await transport.sendMail({
    from: email.from,
    to: email.to,
    cc: email.cc.length ? email.cc : undefined,
    replyTo: replyToWithCase(email, transport.caseReplyAddress),
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: email.messageId,
    inReplyTo: email.inReplyTo,
    references: email.references?.length ? email.references : undefined,
    headers: email.headers,
    attachments: email.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) })),
    // Quoted-printable keeps the text part readable in raw form and safe for 8-bit-hostile relays.
    textEncoding: "quoted-printable",
  });
  return {
    accepted: (info.accepted ?? []).map(addressOf),
    rejected: (info.rejected ?? []).map(addressOf),
    response: info.response ?? "",
    messageId: info.messageId ?? email.messageId,
  };
}

/**
 * Whom a temporary failure concerns, which decides what may end its wait (outbox/recovery.server.ts):
 * - `connection`: no SMTP session (refused, reset, timed out, DNS): the server is unreachable; a
 *   successful probe (connect + EHLO) or any delivery ends the wait.
 * - `server`: the server answered but refused every mail (421, or a 4xx to the greeting, EHLO or
 *   MAIL FROM, before any recipient is named): only a delivery that succeeds ends the wait.
 * - `message`: this email or its recipients (4xx to RCPT TO or DATA, e.g. greylisting, a full
 *   mailbox), or something unknown: it keeps its own backoff.
 */
export type FailureScope = "connection" | "server" | "message";

export interface SmtpFailure {
  /** true when retrying cannot help (5xx reply, or a message that can never be built). */
  permanent: boolean;
  scope: FailureScope;
  responseCode?: number;
  /** Stored as the row's `lastError`: `CODE [COMMAND]: reply or reason` (see `failureScopeOfStored`). */
  message: string;
}

/** nodemailer's codes (and raw socket errnos) for a session that never got going or broke off. */
const CONNECTION_CODES = new Set([
  "ECONNECTION",
  "ESOCKET",
  "ETIMEDOUT",
  "EDNS",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
/** Commands whose 4xx reply refuses every mail alike (no recipient named yet). */
const SERVER_WIDE_COMMANDS = new Set(["CONN", "EHLO", "HELO", "LHLO", "MAIL FROM"]);

function scopeOf(code: string | undefined, command: string | undefined, responseCode: number | undefined): FailureScope {
  if (code !== undefined && CONNECTION_CODES.has(code)) return "connection";
  if (responseCode === 421) return "server";
  if (responseCode !== undefined && responseCode >= 400 && responseCode < 500 && command !== undefined && SERVER_WIDE_COMMANDS.has(command)) return "server";
  return "message";
}

/**
 * Classifies a send error. 5xx replies are permanent (RFC 5321 §4.2.1), except authentication
 * failures: those mean our credentials are wrong, which an operator fixes — the email itself is
 * fine, so it keeps retrying until the give-up time. Network errors and 4xx are temporary.
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (error ?? {}) as { responseCode?: unknown; code?: unknown; command?: unknown; message?: unknown; response?: unknown };
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const code = typeof e.code === "string" ? e.code : undefined;
  const command = typeof e.command === "string" && /^[A-Z][A-Z ]{0,15}$/.test(e.command) ? e.command : undefined;
  const said = typeof e.response === "string" && e.response ? e.response : typeof e.message === "string" ? e.message : String(error);
  // The reply code leads the text, so the stored message keeps what `failureScopeOfStored` reads.
  const text = responseCode !== undefined && !said.startsWith(String(responseCode)) ? `${responseCode} ${said}` : said;
  const label = code ? `${code}${command ? ` [${command}]` : ""}: ` : "";
  const message = `${label}${text}`.slice(0, 1000);
  const scope = scopeOf(code, command, responseCode);
  if (code === "EAUTH" || code === "ENOAUTH") return { permanent: false, scope, responseCode, message };
  if (responseCode !== undefined && responseCode >= 500 && responseCode < 600) return { permanent: true, scope, responseCode, message };
  // An envelope without any recipient or a message nodemailer cannot build never gets better.
  if (responseCode === undefined && (code === "EENVELOPE" || code === "EMESSAGE")) return { permanent: true, scope, message };
  return { permanent: false, scope, responseCode, message };
}

/** The scope of a failure stored by `classifySmtpError` as a row's `lastError` (null: none recorded). */
export function failureScopeOfStored(lastError: string | null): FailureScope | null {
  if (lastError === null) return null;
  const m = /^([A-Z_]+)(?: \[([A-Z ]+)\])?: (?:(\d{3})[ -])?/.exec(lastError);
  if (!m) return "message";
  return scopeOf(m[1], m[2], m[3] === undefined ? undefined : Number(m[3]));
}
