import EmailReplyParser from "email-reply-parser";

/** The longest team reply shown in the chat (the rest stays in the team's mailbox). */
export const MAX_REPLY_CHARS = 4_000;

// Quote headers email-reply-parser does not know: Outlook's block and the "Original Message" line.
const OUTLOOK_HEADER = /^\s*(?:-{2,}\s*Original Message\s*-{2,}|_{10,}|From:\s.+\n\s*(?:Sent|Date|Envoyé|Gesendet|Enviado):\s)/im;

// A closing line in the languages the shops write in ("Best,", "Un saludo", "Cordialement", "Viele Grüße").
const SIGN_OFF_WORDS = [
  ...["best", "best regards", "kind regards", "regards", "thanks", "thank you", "many thanks", "cheers", "all the best"],
  ...["saludos", "un saludo", "gracias", "atentamente", "cordialement", "bien à vous", "merci", "bonne journée"],
  ...["viele grüße", "liebe grüße", "beste grüße", "mit freundlichen grüßen", "grüße", "lg", "vg"],
];
const SIGN_OFF = new RegExp(`^(${SIGN_OFF_WORDS.join("|")})\\b[\\s,.!]*\\S{0,40}$`, "i");

/**
 * Drops a signature written without the "-- " delimiter: a short last paragraph that opens with a
 * sign-off or the sender's own name (twice at most: "Best," then a name-and-title block).
 */
function dropTrailingSignature(text: string, senderName: string | null): string {
  const first = (senderName ?? "").trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  let paragraphs = text.split(/\n{2,}/);
  for (let n = 0; n < 2 && paragraphs.length > 1; n++) {
    const last = paragraphs.at(-1)!.split("\n");
    const short = last.length <= 4 && last.every((l) => l.trim().length <= 60);
    const opener = last[0]!.trim();
    const isSignature = short && (SIGN_OFF.test(opener) || (first.length > 1 && opener.toLowerCase().startsWith(first)));
    if (!isSignature) break;
    paragraphs = paragraphs.slice(0, -1);
  }
  return paragraphs.join("\n\n");
}

/**
 * What the team wrote, without the quoted history (the case email below a reply) or the signature:
 * the new text only, plain (mailparser already turned an HTML-only reply into text), single-spaced
 * and capped. Empty when nothing new was written. `senderName` (the From display name) helps find
 * a signature that has no delimiter.
 */
export function replyTextOf(text: string, senderName: string | null = null): string {
  const normalized = text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\u00a0/g, " ");
  const outlook = OUTLOOK_HEADER.exec(normalized);
  const head = outlook ? normalized.slice(0, outlook.index) : normalized;
  const visible = new EmailReplyParser().parseReply(head);
  const tidy = visible
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const cleaned = dropTrailingSignature(tidy, senderName).trim();
  return cleaned.length > MAX_REPLY_CHARS ? `${cleaned.slice(0, MAX_REPLY_CHARS - 1).trimEnd()}…` : cleaned;
}
