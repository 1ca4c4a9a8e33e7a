import { timingSafeEqual } from "node:crypto";
import type { DNSResolver } from "mailauth";
import { checkPostedMailAuth, mailAuthVerdictSchema, verdictFromProvider, type MailAuthVerdict } from "./mail-auth.server";

/**
 * The provider endpoint's request (POST /inbound/email): who may post, and the mail it carries.
 * Two shapes: our SMTP listener's `message/rfc822` body (envelope and verdicts in X-Baton-* headers),
 * and SendGrid Inbound Parse with "POST the raw, full MIME message" (multipart form: `email`,
 * `envelope`, `SPF`, `dkim`).
 */

/** Whether the request carries the secret: `Authorization: Bearer <secret>`, or Basic with it as the password. */
export function hasInboundSecret(request: Request, secret: string): boolean {
  const header = request.headers.get("authorization") ?? "";
  let given = "";
  if (/^bearer /i.test(header)) given = header.slice(7).trim();
  else if (/^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    given = decoded.slice(decoded.indexOf(":") + 1);
  }
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface PostedMail {
  raw: Buffer;
  sizeBytes: number;
  rcptTo: string[];
  auth: MailAuthVerdict | null;
}

/**
 * The mail in a request body already read (null: a shape we do not take). A raw message without our
 * listener's verdicts gets its DKIM signature verified here (`resolver`: DNS lookups, tests pass data).
 */
export async function readPostedMail(request: Request, body: Buffer, options: { resolver?: DNSResolver } = {}): Promise<PostedMail | null> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("message/rfc822")) {
    const declared = Number(request.headers.get("x-baton-size"));
    const verdict = mailAuthVerdictSchema.safeParse(safeJson(request.headers.get("x-baton-mail-auth")));
    return {
      raw: body,
      sizeBytes: Number.isFinite(declared) && declared > body.length ? declared : body.length,
      rcptTo: splitList(request.headers.get("x-baton-rcpt-to")),
      auth: verdict.success ? verdict.data : await checkPostedMailAuth(body, { resolver: options.resolver }),
    };
  }
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData().catch(() => null);
    const email = form?.get("email");
    if (!form || typeof email !== "string") return null;
    const envelope = safeJson(String(form.get("envelope") ?? "")) as { to?: unknown } | null;
    const to = Array.isArray(envelope?.to) ? envelope.to.filter((t): t is string => typeof t === "string") : [];
    const raw = Buffer.from(email, "utf8");
    return { raw, sizeBytes: raw.length, rcptTo: to, auth: verdictFromProvider(str(form.get("SPF")), str(form.get("dkim"))) };
  }
  return null;
}

function str(v: FormDataEntryValue | null): string | null {
  return typeof v === "string" ? v : null;
}

function splitList(v: string | null): string[] {
  return (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 20);
}

function safeJson(v: string | null): unknown {
  if (!v) return null;
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
}
