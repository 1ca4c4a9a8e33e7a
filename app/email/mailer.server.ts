import nodemailer, { type Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type { ComposedEmail } from "~/domain/email/types";

/** The SMTP transport of this process (pooled). */
export type MailTransport = Transporter<SMTPPool.SentMessageInfo>;

/** What sending needs from a transport (a real one, or a test double). */
export interface MailSender {
  sendMail(mail: Mail.Options): Promise<{ accepted?: unknown[]; rejected?: unknown[]; response?: string; messageId?: string }>;
}

export interface MailTransportOptions {
  /** Connection, greeting and socket-inactivity timeouts (ms). Default 10 s. */
  timeoutMs?: number;
  /** Parallel SMTP connections. Default 4 (the outbox worker's concurrency). */
  maxConnections?: number;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

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
    maxMessages: 100,
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

/** A pooled nodemailer transport for SMTP_URL (passed in by the runtime start-up). Call `close()` on shutdown. */
export function createMailTransport(smtpUrl: string, options: MailTransportOptions = {}): MailTransport {
  return nodemailer.createTransport(smtpOptionsFromUrl(smtpUrl, options));
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
    replyTo: email.replyTo || undefined,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: email.messageId,
    inReplyTo: email.inReplyTo,
    references: email.references?.length ? email.references : undefined,
    headers: email.headers,
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

export interface SmtpFailure {
  /** true when retrying cannot help (5xx reply, or a message that can never be built). */
  permanent: boolean;
  responseCode?: number;
  message: string;
}

/**
 * Classifies a send error. 5xx replies are permanent (RFC 5321 §4.2.1), except authentication
 * failures: those mean our credentials are wrong, which an operator fixes — the email itself is
 * fine, so it keeps retrying until the give-up time. Network errors and 4xx are temporary.
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (error ?? {}) as { responseCode?: unknown; code?: unknown; message?: unknown; response?: unknown };
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const code = typeof e.code === "string" ? e.code : undefined;
  const text = typeof e.response === "string" && e.response ? e.response : typeof e.message === "string" ? e.message : String(error);
  const message = `${code ? `${code}: ` : ""}${text}`.slice(0, 1000);
  if (code === "EAUTH" || code === "ENOAUTH") return { permanent: false, responseCode, message };
  if (responseCode !== undefined && responseCode >= 500 && responseCode < 600) return { permanent: true, responseCode, message };
  // An envelope without any recipient or a message nodemailer cannot build never gets better.
  if (responseCode === undefined && (code === "EENVELOPE" || code === "EMESSAGE")) return { permanent: true, message };
  return { permanent: false, responseCode, message };
}
