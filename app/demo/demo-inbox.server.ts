import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";

export interface InboxEmail {
  file: string;
  receivedAt: string;
  subject: string;
  from: string;
  to: string;
  cc: string;
  replyTo: string;
  messageId: string;
  inReplyTo: string;
  text: string;
  html: string | null;
}

/** Emails the demo's local SMTP server received (newest first), parsed as a mail client would. */
export async function readDemoInbox(dir: string, limit = 50): Promise<InboxEmail[]> {
  let files: string[];
  try {
    files = (await readdir(dir))
      .filter((f) => f.endsWith(".eml"))
      .sort()
      .reverse()
      .slice(0, limit);
  } catch {
    return [];
  }
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(await readFile(path.join(dir, file)));
      const addr = (a: typeof mail.to) => (Array.isArray(a) ? a.map((x) => x.text).join(", ") : (a?.text ?? ""));
      return {
        file,
        receivedAt: (mail.date ?? new Date(Number(file.split("-")[0]))).toISOString(),
        subject: mail.subject ?? "(no subject)",
        from: addr(mail.from),
        to: addr(mail.to),
        cc: addr(mail.cc),
        replyTo: addr(mail.replyTo),
        messageId: mail.messageId ?? "",
        inReplyTo: mail.inReplyTo ?? "",
        text: mail.text ?? "",
        html: typeof mail.html === "string" ? mail.html : null,
      };
    }),
  );
}

/**
 * The support team's ordinary "Reply" to an email in the demo inbox: a new message From the address
 * the email was sent to, To its Reply-To (the shopper and the case address), threaded, with the
 * original quoted below as mail clients do. Delivered over SMTP to the inbound listener for the
 * case address — the copy Baton receives (the shopper's copy has no mailbox in the demo).
 */
export async function sendDemoTeamReply(input: { dir: string; file: string; text: string; listenerPort: number; inboundDomain: string }): Promise<string[]> {
  if (!/^[\w.-]+\.eml$/.test(input.file)) throw new Error("not an inbox file");
  const original = await simpleParser(await readFile(path.join(input.dir, path.basename(input.file))));
  const list = (a: typeof original.to) => (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value);
  const team = list(original.to)[0];
  const replyTo = list(original.replyTo);
  const caseAddresses = replyTo.map((r) => r.address ?? "").filter((a) => a.toLowerCase().endsWith(`@${input.inboundDomain}`));
  if (!team?.address || caseAddresses.length === 0) return [];
  const quoted = (original.text ?? "")
    .split("\n")
    .map((l) => `> ${l}`)
    .join("\n");
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: input.listenerPort, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({
      envelope: { from: team.address, to: caseAddresses },
      from: { name: "Alex from Support", address: team.address },
      to: replyTo.map((r) => ({ name: r.name, address: r.address ?? "" })),
      subject: /^re:/i.test(original.subject ?? "") ? original.subject : `Re: ${original.subject ?? ""}`,
      inReplyTo: original.messageId,
      references: original.messageId ? [original.messageId] : undefined,
      text: `${input.text}\n\nAlex\nSupport team\n\nOn ${(original.date ?? new Date()).toUTCString()}, ${original.from?.text ?? "Baton"} wrote:\n${quoted}\n`,
    });
  } finally {
    transport.close();
  }
  return caseAddresses;
}
