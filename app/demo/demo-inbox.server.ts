import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";

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
