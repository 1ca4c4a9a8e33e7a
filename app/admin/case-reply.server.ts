import { randomBytes } from "node:crypto";
import type { Db } from "~/db.server";
import type { Language } from "~/domain/conversation/language";
import { outboxInsert, type OutboxKind } from "~/email/outbox.server";
import { composeTeamReplyEmail } from "./case-reply-email";

/** The longest reply from the case page (the chat shows the same limit for emailed replies). */
export const MAX_ADMIN_REPLY_CHARS = 4_000;
/** Replies per case per hour from the case page (a stuck button or a script cannot flood a shopper). */
const PER_CASE_PER_HOUR = 20;

export type AdminReplyResult =
  { ok: true; teamMessageId: string } | { ok: false; reason: "not_found" | "no_shopper_email" | "empty" | "too_long" | "rate_limited" };

export interface AdminReplyInput {
  shop: string;
  caseId: string;
  text: string;
  language: Language;
  /** MAIL_FROM: the sending address (the display name becomes the shop's). */
  mailFrom: string;
  /** The case's reply address when inbound mail is on (the shopper's answer reaches the chat's case). */
  caseReplyAddress: string | null;
  now: Date;
}

/**
 * The team answers from the case page: the reply is shown in the shopper's chat (a TeamMessage) and
 * emailed to the shopper (From the shop's name, Reply-To the case address) — both in one
 * transaction, the email through the outbox like every other.
 */
export async function sendAdminReply(db: Db, input: AdminReplyInput): Promise<AdminReplyResult> {
  const text = input.text.replace(/\r\n?/g, "\n").trim();
  if (!text) return { ok: false, reason: "empty" };
  if (text.length > MAX_ADMIN_REPLY_CHARS) return { ok: false, reason: "too_long" };
  const kase = await db.escalationCase.findFirst({
    where: { id: input.caseId, shop: input.shop },
    select: { id: true, conversationId: true, shopperEmail: true, messageId: true, route: true, shopRef: { select: { name: true, domain: true } } },
  });
  if (!kase) return { ok: false, reason: "not_found" };
  if (!kase.shopperEmail) return { ok: false, reason: "no_shopper_email" };
  const recent = await db.teamMessage.count({
    where: { caseId: kase.id, source: "admin", createdAt: { gt: new Date(input.now.getTime() - 60 * 60_000) } },
  });
  if (recent >= PER_CASE_PER_HOUR) return { ok: false, reason: "rate_limited" };

  const composed = composeTeamReplyEmail({ shopName: kase.shopRef.name ?? kase.shopRef.domain, mailFrom: input.mailFrom, text, language: input.language });
  const domain = /@([^>\s]+)>?$/.exec(kase.messageId)?.[1] ?? "baton.local";
  const messageId = `<reply-${kase.id}-${randomBytes(6).toString("hex")}@${domain}>`;
  const teamAddress = firstTeamAddress(kase.route);
  const insert = outboxInsert({
    shop: input.shop,
    caseId: kase.id,
    // A kind of its own, so the admin and the outbox never take it for the team's case email or a follow-up.
    kind: "team_reply" as OutboxKind,
    email: {
      from: composed.from,
      to: [kase.shopperEmail],
      cc: [],
      // The mail transport adds the case address to a case's Reply-To itself; without inbound mail, the team's address.
      replyTo: input.caseReplyAddress ? "" : (teamAddress ?? ""),
      subject: composed.subject,
      text: composed.text,
      html: composed.html,
      messageId,
      headers: {},
    },
    now: input.now,
  });
  const [message] = await db.$transaction([
    db.teamMessage.create({
      data: { shop: input.shop, caseId: kase.id, conversationId: kase.conversationId, source: "admin", text, messageId, createdAt: input.now },
      select: { id: true },
    }),
    db.outboxEmail.create({ data: insert }),
  ]);
  return { ok: true, teamMessageId: message.id };
}

function firstTeamAddress(route: unknown): string | null {
  const to = route && typeof route === "object" ? (route as { to?: unknown }).to : null;
  return Array.isArray(to) && typeof to[0] === "string" ? to[0] : null;
}
