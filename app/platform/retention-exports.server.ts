import type { Db } from "~/db.server";

// Stored data-request exports follow retention like the transcripts they copy: an export (on the
// DataRequest row, and in its email's outbox row) is removed once the shop's period has passed since
// the request, or as soon as a conversation it copied has been deleted. The row itself stays, as
// the record that the request was answered.

const BATCH = 200;

/** Strips expired exports of one shop; returns how many were removed. */
export async function expireStoredExports(db: Db, shop: string, cutoff: Date): Promise<number> {
  let removed = 0;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.dataRequest.findMany({
      where: { shop, topic: "CUSTOMERS_DATA_REQUEST", ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, receivedAt: true, payload: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) break;
    cursor = rows.at(-1)!.id;
    const holding = rows.filter((r) => exportOf(r.payload) !== null);
    const copied = [...new Set(holding.flatMap((r) => exportOf(r.payload)!))];
    const alive = new Set(
      copied.length ? (await db.conversation.findMany({ where: { shop, id: { in: copied } }, select: { id: true } })).map((c) => c.id) : [],
    );
    for (const row of holding) {
      if (row.receivedAt >= cutoff && exportOf(row.payload)!.every((id) => alive.has(id))) continue;
      await db.$transaction([
        db.dataRequest.update({ where: { id: row.id }, data: { payload: { exportExpired: true } } }),
        db.outboxEmail.deleteMany({
          where: { shop, kind: "data_request", status: { notIn: ["pending", "sending"] }, messageId: { startsWith: `<data-request-${row.id}@` } },
        }),
      ]);
      removed++;
    }
    if (rows.length < BATCH) break;
  }
  return removed;
}

/** The conversation ids a stored export copied (mentions included), or null when the row holds no export. */
function exportOf(payload: unknown): string[] | null {
  const exported = isRecord(payload) && isRecord(payload.export) ? payload.export : null;
  if (!exported) return null;
  const ids = (list: unknown, key: string) => (Array.isArray(list) ? list.map((c) => (isRecord(c) ? String(c[key]) : "")).filter(Boolean) : []);
  return [...ids(exported.conversations, "id"), ...ids(exported.mentions, "conversationId")];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
