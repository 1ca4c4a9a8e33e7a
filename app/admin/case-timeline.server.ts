import type { Db } from "~/db.server";
import type { CaseDetail } from "./cases.server";

/** One entry of a case page's timeline: every message from every side, once, oldest first. */
export type TimelineEntry =
  | { kind: "chat"; id: string; role: "shopper" | "assistant"; text: string; at: string }
  | { kind: "team"; id: string; source: "email" | "admin"; author: string | null; authorEmail: string | null; text: string; at: string; auth: string | null }
  | { kind: "refused"; id: string; reason: string; from: string | null; subject: string | null; excerpt: string | null; at: string; auth: string | null };

/** The verdicts as one line for the admin ("DKIM pass · SPF fail · DMARC pass"). */
function authLine(auth: unknown): string | null {
  if (!auth || typeof auth !== "object") return null;
  const a = auth as Record<string, unknown>;
  if (a.checkedBy === "none") return null;
  return `DKIM ${String(a.dkim)} · SPF ${String(a.spf)} · DMARC ${String(a.dmarc)}`;
}

/**
 * The case's conversation with the team's replies (emailed or from the case page) and the inbound
 * mail that was refused (the admin sees it; the shopper never does), in time order.
 */
export async function loadCaseTimeline(db: Db, shop: string, detail: Pick<CaseDetail, "id" | "transcript">): Promise<TimelineEntry[]> {
  const [team, refused] = await Promise.all([
    db.teamMessage.findMany({ where: { caseId: detail.id, shop }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 500 }),
    db.refusedInboundEmail.findMany({ where: { caseId: detail.id, shop }, orderBy: [{ receivedAt: "asc" }, { id: "asc" }], take: 100 }),
  ]);
  const entries: TimelineEntry[] = [
    ...detail.transcript.map((m) => ({
      kind: "chat" as const,
      id: m.id,
      role: m.role === "assistant" ? ("assistant" as const) : ("shopper" as const),
      text: m.text,
      at: m.at,
    })),
    ...team.map((m) => ({
      kind: "team" as const,
      id: m.id,
      source: m.source === "admin" ? ("admin" as const) : ("email" as const),
      author: m.authorName,
      authorEmail: m.authorEmail,
      text: m.text,
      at: m.createdAt.toISOString(),
      auth: authLine(m.auth),
    })),
    ...refused.map((r) => ({
      kind: "refused" as const,
      id: r.id,
      reason: r.reason,
      from: r.fromAddress,
      subject: r.subject,
      excerpt: r.excerpt,
      at: r.receivedAt.toISOString(),
      auth: authLine(r.auth),
    })),
  ];
  // Stable: equal times keep the order above (the chat, then the team, then refused mail).
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
