import EmailReplyParser from "email-reply-parser";

/** The longest team reply shown in the chat (the rest stays in the team's mailbox). */
export const MAX_REPLY_CHARS = 4_000;

// Quote headers email-reply-parser does not know: Outlook's block and the "Original Message" line.
const OUTLOOK_HEADER = /^\s*(?:-{2,}\s*Original Message\s*-{2,}|_{10,}|From:\s.+\n\s*(?:Sent|Date|Envoyé|Gesendet|Enviado):\s)/im;

/**
 * What the team wrote, without the quoted history (the case email below a reply) or the signature:
 * the new text only, plain (mailparser already turned an HTML-only reply into text), single-spaced
 * and capped. Empty when nothing new was written.
 */
export function replyTextOf(text: string): string {
  const normalized = text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\u00a0/g, " ");
  const outlook = OUTLOOK_HEADER.exec(normalized);
  const head = outlook ? normalized.slice(0, outlook.index) : normalized;
  const visible = new EmailReplyParser().parseReply(head);
  const cleaned = visible
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return cleaned.length > MAX_REPLY_CHARS ? `${cleaned.slice(0, MAX_REPLY_CHARS - 1).trimEnd()}…` : cleaned;
}
