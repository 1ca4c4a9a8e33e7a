import { hostname } from "node:os";
import type { DNSResolver } from "mailauth";
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from "smtp-server";
import { checkMailAuth, type MailAuthVerdict } from "./mail-auth.server";
import type { PostedMail } from "./inbound-request.server";

/** What the listener does with a received message: hand it to the acceptance rules (over HTTP). */
export type ForwardInbound = (mail: PostedMail) => Promise<{ accepted: boolean; reason?: string }>;

export interface InboundListenerOptions {
  /** 0: any free port. */
  port: number;
  host?: string;
  /** Only recipients at this domain are taken (never a relay). */
  domain: string;
  /** Largest message passed on whole; a larger one is refused (its first bytes are kept for the record). */
  maxBytes: number;
  forward: ForwardInbound;
  /** Messages per client address per minute; past it the client is told to try later (421). */
  perClientPerMinute?: number;
  resolver?: DNSResolver;
  /** Our host name in the authentication results (default: the machine's). */
  mta?: string;
  onError?: (error: unknown) => void;
  /** A certificate for STARTTLS (senders upgrade opportunistically); without one STARTTLS is not offered. */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export interface InboundListener {
  port: number;
  close(): Promise<void>;
}

/** SMTP's own ceiling (advertised as SIZE): past it the sender is refused before the data is read. */
const HARD_LIMIT_FACTOR = 10;
/** Of a message over `maxBytes`, this much is kept: its headers name the sender, case and subject. */
const KEPT_OF_OVERSIZE = 64 * 1024;
const MAX_RECIPIENTS = 10;

/**
 * Baton's inbound SMTP listener (smtp-server): takes mail for INBOUND_EMAIL_DOMAIN, checks DKIM, SPF
 * and DMARC (mailauth; the verdict travels with the message), and forwards every message to the
 * acceptance rules. The sender learns the outcome: 250 shown in the chat, 550/552 refused (kept for
 * the admin), 451 when the app cannot be reached (the sender's server retries).
 */
export async function startInboundSmtpListener(options: InboundListenerOptions): Promise<InboundListener> {
  const perMinute = options.perClientPerMinute ?? 30;
  const seen = new Map<string, number[]>();
  const hardLimit = options.maxBytes * HARD_LIMIT_FACTOR;
  const server = new SMTPServer({
    name: options.mta ?? hostname(),
    banner: "Baton inbound",
    size: hardLimit,
    authOptional: true,
    disabledCommands: ["AUTH"],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : { hideSTARTTLS: true }),
    onConnect(session, callback) {
      const now = Date.now();
      const recent = (seen.get(session.remoteAddress) ?? []).filter((t) => now - t < 60_000);
      recent.push(now);
      seen.set(session.remoteAddress, recent);
      if (seen.size > 10_000) seen.clear();
      if (recent.length > perMinute) return callback(smtpError(421, "4.7.0 Too many messages, try again later"));
      callback();
    },
    onMailFrom(address, _session, callback) {
      const args = address.args ? (address.args as Record<string, string>) : {};
      const declared = Number(args.SIZE ?? 0);
      if (declared > hardLimit) return callback(smtpError(552, "5.3.4 Message too big"));
      callback();
    },
    onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback) {
      const domain = address.address.slice(address.address.lastIndexOf("@") + 1).toLowerCase();
      if (domain !== options.domain.toLowerCase()) return callback(smtpError(550, "5.7.1 Relaying denied"));
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) return callback(smtpError(452, "4.5.3 Too many recipients"));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      let kept = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        const room = (size > options.maxBytes ? KEPT_OF_OVERSIZE : options.maxBytes) - kept;
        if (room > 0) {
          const part = chunk.subarray(0, room);
          chunks.push(part);
          kept += part.length;
        }
      });
      stream.on("end", () => {
        const whole = size <= options.maxBytes;
        const raw = Buffer.concat(chunks).subarray(0, whole ? undefined : KEPT_OF_OVERSIZE);
        void handle(raw, size, whole, session).then(
          (reply) => callback(reply),
          (error: unknown) => {
            options.onError?.(error);
            callback(smtpError(451, "4.3.0 Temporary failure, try again later"));
          },
        );
      });
    },
  });

  async function handle(raw: Buffer, size: number, whole: boolean, session: SMTPServerSession): Promise<Error | undefined> {
    const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
    const auth: MailAuthVerdict | null = whole
      ? await checkMailAuth({
          raw,
          ip: session.remoteAddress,
          helo: session.hostNameAppearsAs ?? "",
          mailFrom,
          mta: options.mta ?? hostname(),
          resolver: options.resolver,
        })
      : null;
    const outcome = await options.forward({ raw, sizeBytes: size, rcptTo: session.envelope.rcptTo.map((r) => r.address), auth });
    if (outcome.accepted) return undefined;
    if (outcome.reason === "too_large") return smtpError(552, "5.3.4 Message too big for a reply");
    // One answer for every refusal: naming the reason ("not the team's sender") would let anyone holding a
    // case address probe which addresses are the team's. The admin sees the reason with the kept mail.
    return smtpError(550, "5.7.1 Not accepted: the shop's admin can see why");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  server.on("error", (error) => options.onError?.(error));
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : options.port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** Forwards to POST /inbound/email with the secret (the listener and the app may be different processes). */
export function forwardToInboundEndpoint(endpoint: () => string, secret: string): ForwardInbound {
  return async (mail) => {
    const response = await fetch(endpoint(), {
      method: "POST",
      headers: {
        Authorization: `Bearer ${secret}`,
        "Content-Type": "message/rfc822",
        "X-Baton-Rcpt-To": mail.rcptTo.join(","),
        "X-Baton-Size": String(mail.sizeBytes),
        ...(mail.auth ? { "X-Baton-Mail-Auth": JSON.stringify(mail.auth) } : {}),
      },
      body: new Uint8Array(mail.raw),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new Error(`inbound endpoint answered ${response.status}`);
    return (await response.json()) as { accepted: boolean; reason?: string };
  };
}
