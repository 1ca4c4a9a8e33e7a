import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import type { Db } from "~/db.server";
import { parseRoutingSettings } from "~/domain/routing";
import { parseStoredRoute } from "../load-case-email.server";
import { readCaseAddress, verifyCaseAddress } from "./case-address.server";
import { isForged, UNCHECKED, type MailAuthVerdict } from "./mail-auth.server";
import { replyTextOf } from "./reply-text";
import { authorNameFor, isTeamAddress, parseTeamReplySettings } from "./team-reply-settings";

/** Why an inbound email was not shown to the shopper (stored with it for the admin). */
export type RefusalReason =
  "not_case_address" | "bad_case_address" | "unknown_case" | "not_from_team" | "auth_failed" | "auto_reply" | "too_large" | "rate_limited" | "empty";

export type InboundOutcome = { accepted: true; teamMessageId: string; duplicate: boolean } | { accepted: false; reason: RefusalReason; stored: boolean };

export interface InboundMail {
  /** The message as received (only its first bytes when it was too large). */
  raw: Buffer;
  /** Its real size in bytes. */
  sizeBytes: number;
  /** SMTP envelope recipients (RCPT TO); empty when the provider sent none (the To/Cc headers are read). */
  rcptTo: string[];
  auth: MailAuthVerdict | null;
}

export interface InboundOptions {
  /** Case address key (`caseAddressKey(appSecret)`) and domain (INBOUND_EMAIL_DOMAIN). */
  key: Buffer;
  domain: string;
  /** Largest accepted message (bytes). */
  maxBytes: number;
  /** Team replies shown per case per hour; more are refused (a mail loop, a misfiring rule). */
  perCasePerHour: number;
  /** Refused emails stored per hour in all (past it they are only logged: a flood fills no disk). */
  refusedPerHour: number;
  now: Date;
}

const HOUR_MS = 60 * 60_000;
/** Refused mail that named no shop is kept this long (a shop's own goes with its retention or its case). */
const UNCLAIMED_REFUSED_DAYS = 30;

/**
 * Decides one inbound email and stores it: a reply from the team to a valid case address becomes a
 * TeamMessage the shopper sees in the chat; anything else is a RefusedInboundEmail for the admin
 * (never shown to a shopper). The rules, in order: size, a case address on our domain whose MAC
 * verifies for the case's shop, a sender among the team's addresses, no forged authentication, not
 * an auto-reply, within the per-case rate, some new text once the quote and signature are cut.
 */
export async function acceptInboundEmail(db: Db, mail: InboundMail, options: InboundOptions): Promise<InboundOutcome> {
  const parsed = await simpleParser(mail.raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true }).catch(() => null);
  const headerRecipients = parsed ? [...addressesOf(parsed.to), ...addressesOf(parsed.cc)] : [];
  const recipients = mail.rcptTo.length ? mail.rcptTo : headerRecipients;
  const from = parsed ? (addressesOf(parsed.from)[0] ?? null) : null;
  const fromName = parsed?.from?.value[0]?.name ?? null;
  const auth = mail.auth ?? UNCHECKED;
  const base = { fromAddress: from, subject: parsed?.subject?.slice(0, 300) ?? null, sizeBytes: mail.sizeBytes, auth };
  const refuse = (reason: RefusalReason, target: { shop: string | null; caseId: string | null; toAddress: string | null }) =>
    storeRefusal(db, { ...base, ...target, reason, excerpt: (parsed?.text ?? "").slice(0, 500) || null }, options);

  const named = recipients.map((r) => ({ address: r, read: readCaseAddress(r, options.domain) })).find((r) => r.read);
  if (!named?.read) {
    const reason = mail.sizeBytes > options.maxBytes ? "too_large" : "not_case_address";
    return refuse(reason, { shop: null, caseId: null, toAddress: recipients[0] ?? null });
  }
  const { caseId, mac } = named.read;
  // The MAC first: a guessed address learns nothing about which case ids exist.
  if (!verifyCaseAddress(options.key, caseId, mac)) return refuse("bad_case_address", { shop: null, caseId: null, toAddress: named.address });
  const kase = await db.escalationCase.findUnique({
    where: { id: caseId },
    select: { id: true, shop: true, conversationId: true, route: true, shopRef: { select: { routing: true, teamReplies: true } } },
  });
  if (!kase) return refuse("unknown_case", { shop: null, caseId: null, toAddress: named.address });
  const target = { shop: kase.shop, caseId: kase.id, toAddress: named.address };
  if (mail.sizeBytes > options.maxBytes || !parsed) return refuse("too_large", target);

  const settings = parseTeamReplySettings(kase.shopRef.teamReplies);
  const route = parseStoredRoute(kase.route);
  const routing = parseRoutingSettings(kase.shopRef.routing);
  const team = [...route.to, ...route.cc, ...routing.defaultTo, ...routing.ccUrgent, ...routing.routes.flatMap((r) => [...r.to, ...r.cc])];
  if (!from || !isTeamAddress(from, team, settings)) return refuse("not_from_team", target);
  if (isForged(auth)) return refuse("auth_failed", target);
  if (isAutoReply(parsed)) return refuse("auto_reply", target);
  const recent = await db.teamMessage.count({ where: { caseId: kase.id, source: "email", createdAt: { gt: new Date(options.now.getTime() - HOUR_MS) } } });
  if (recent >= options.perCasePerHour) return refuse("rate_limited", target);
  const text = replyTextOf(parsed.text ?? "", fromName);
  if (!text) return refuse("empty", target);

  const messageId = parsed.messageId?.slice(0, 300) ?? null;
  if (messageId) {
    const seen = await db.teamMessage.findFirst({ where: { caseId: kase.id, messageId }, select: { id: true } });
    if (seen) return { accepted: true, teamMessageId: seen.id, duplicate: true };
  }
  const row = await db.teamMessage.create({
    data: {
      shop: kase.shop,
      caseId: kase.id,
      conversationId: kase.conversationId,
      source: "email",
      authorName: authorNameFor(fromName, settings.authorName),
      authorEmail: from,
      text,
      messageId,
      auth,
      createdAt: options.now,
    },
    select: { id: true },
  });
  return { accepted: true, teamMessageId: row.id, duplicate: false };
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.flatMap((v) => (v.address ? [v.address.toLowerCase()] : [])));
}

/** Out-of-office and other machine answers (RFC 3834 Auto-Submitted, the common vendor headers). */
function isAutoReply(mail: ParsedMail): boolean {
  const h = mail.headers;
  const value = (k: string) => String(h.get(k) ?? "").toLowerCase();
  if (value("auto-submitted") && value("auto-submitted") !== "no") return true;
  if (h.has("x-autoreply") || h.has("x-autorespond")) return true;
  return ["auto_reply", "bulk", "junk", "list"].includes(value("precedence"));
}

async function storeRefusal(
  db: Db,
  row: {
    shop: string | null;
    caseId: string | null;
    reason: RefusalReason;
    fromAddress: string | null;
    toAddress: string | null;
    subject: string | null;
    sizeBytes: number;
    auth: MailAuthVerdict;
    excerpt: string | null;
  },
  options: InboundOptions,
): Promise<InboundOutcome> {
  const since = new Date(options.now.getTime() - HOUR_MS);
  const recent = await db.refusedInboundEmail.count({ where: { receivedAt: { gt: since } } });
  if (recent >= options.refusedPerHour) return { accepted: false, reason: row.reason, stored: false };
  await db.refusedInboundEmail.create({
    data: { ...row, toAddress: row.toAddress?.slice(0, 320) ?? null, fromAddress: row.fromAddress?.slice(0, 320) ?? null, receivedAt: options.now },
  });
  // Mail that named no shop belongs to nobody's retention: it expires here.
  const expired = new Date(options.now.getTime() - UNCLAIMED_REFUSED_DAYS * 24 * HOUR_MS);
  await db.refusedInboundEmail.deleteMany({ where: { shop: null, receivedAt: { lt: expired } } });
  return { accepted: false, reason: row.reason, stored: true };
}
