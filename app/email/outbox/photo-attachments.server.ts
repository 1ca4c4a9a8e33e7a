import type { EmailAttachment } from "~/domain/email/types";
import type { Db } from "~/db.server";
import type { OutboxRow } from "./types";

/**
 * The shopper's photos an email about a case carries (README "Photos", decision 0069: attached, not
 * linked). A photo goes with the first case email or follow-up of its case sent after it arrived: the
 * row claims every photo of the conversation no email has claimed yet, until the row has been sent
 * once; a retry or a resend of the row carries the same photos again. Names are the transcript's
 * (`photo-N.jpg`, N counted in the conversation), so "📷 photo-2.jpg" in the text names its file.
 */
export async function photoAttachments(db: Db, row: OutboxRow): Promise<EmailAttachment[]> {
  if (!row.caseId || (row.kind !== "case" && row.kind !== "followup")) return [];
  // One read for every email; a write only when the case has photos no email claimed yet (most emails have none).
  let all = await db.chatPhoto.findMany({
    where: { conversation: { case: { id: row.caseId } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, outboxId: true },
  });
  const unclaimed = all.filter((p) => p.outboxId === null).map((p) => p.id);
  if (row.sentAt === null && unclaimed.length > 0) {
    await db.chatPhoto.updateMany({ where: { id: { in: unclaimed }, outboxId: null }, data: { outboxId: row.id } });
    const owners = new Map(
      (await db.chatPhoto.findMany({ where: { id: { in: unclaimed } }, select: { id: true, outboxId: true } })).map((p) => [p.id, p.outboxId]),
    );
    all = all.map((p) => (owners.has(p.id) ? { ...p, outboxId: owners.get(p.id) ?? null } : p));
  }
  const carried = all.map((p, i) => ({ ...p, index: i + 1 })).filter((p) => p.outboxId === row.id);
  if (carried.length === 0) return [];
  const bytes = await db.chatPhoto.findMany({ where: { id: { in: carried.map((p) => p.id) } }, select: { id: true, data: true } });
  const byId = new Map(bytes.map((b) => [b.id, b.data]));
  return carried.flatMap((p) => {
    const content = byId.get(p.id);
    return content ? [{ filename: `photo-${p.index}.jpg`, contentType: "image/jpeg", content }] : [];
  });
}
