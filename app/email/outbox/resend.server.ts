import type { Db } from "~/db.server";
import { OutboxRow } from "./types";
import { release } from "./deliver.server";

// Puts a failed or sent row back in the queue (admin Resend).
export type ResendResult = { ok: true; row: OutboxRow } | { ok: false; reason: "not_found" | "in_progress" };

/**
 * The admin's Resend button: re-queues one of the shop's own failed (or sent) rows for now, with
 * the SAME Message-ID (recipients' clients thread and de-duplicate on it). Attempts restart so the
 * row gets fresh tries before it can be given up again; the attempt log keeps the history.
 */
export async function resendOutboxEmail(db: Db, input: { shop: string; outboxId: string; now: Date }): Promise<ResendResult> {
  return db.$transaction(async (tx) => {
    const row = await tx.outboxEmail.findFirst({ where: { id: input.outboxId, shop: input.shop } });
    if (!row) return { ok: false as const, reason: "not_found" as const };
    const { count } = await tx.outboxEmail.updateMany({
      where: { id: row.id, shop: input.shop, status: { in: ["failed", "sent"] } },
      data: { status: "pending", nextAttemptAt: input.now, failedAt: null, attempts: 0, ...release },
    });
    if (count !== 1) return { ok: false as const, reason: "in_progress" as const };
    if (row.caseId && row.kind === "case") await tx.escalationCase.updateMany({ where: { id: row.caseId }, data: { status: "queued" } });
    const updated = await tx.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    return { ok: true as const, row: updated };
  });
}
