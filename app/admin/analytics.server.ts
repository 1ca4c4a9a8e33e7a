import type { Prisma } from "@prisma/client";
import { ESCALATION_REASONS, PRIORITIES } from "~/domain/escalation";
import { findPlan, usagePeriod } from "~/domain/plans";
import type { Db } from "~/db.server";
import { dayInZone, startOfDayInZone } from "./format";

// Merchant analytics over a date range, computed in the database with Prisma aggregates (count,
// groupBy) that run the same on SQLite and PostgreSQL — no provider-specific SQL. Two figures need
// row data: reason counts (reasons are a JSON array, which neither provider can group through
// Prisma) and time-to-escalate percentiles (no percentile aggregate in Prisma); both read only
// narrow columns of escalated rows in the range.

export interface AnalyticsRange {
  /** inclusive */
  from: Date;
  /** exclusive */
  to: Date;
}

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface SeriesPoint {
  /** bucket start, yyyy-mm-dd in the shop's time zone (the page formats it in the merchant's locale) */
  start: string;
  conversations: number;
  escalations: number;
}

export interface AnalyticsReport {
  range: { from: string; to: string };
  conversations: number;
  escalations: number;
  /** escalations / conversations (0 when there were no conversations) */
  escalationRate: number;
  /**
   * Conversations that never became a case AND got at least one helpful answer: a chat whose every
   * assistant turn was marked unhelpful (`Message.meta.unhelpful`) was not answered, just abandoned.
   */
  answeredWithoutEscalation: number;
  answeredWithoutEscalationRate: number;
  /** conversations without a case whose assistant could never help */
  unanswered: number;
  /** cases of the range the team marked resolved (EscalationCase.resolvedAt) */
  resolvedCases: number;
  openCases: number;
  /** language-model usage of the range's conversations */
  model: { conversations: number; tokensIn: number; tokensOut: number; latencyMs: number; fallbacks: number };
  byReason: CountRow[];
  byPriority: CountRow[];
  byStatus: CountRow[];
  /** seconds from the conversation's start to its escalation */
  /** seconds from the conversation's start to its escalation (p90: 9 in 10 escalated within) */
  timeToEscalate: { count: number; medianSeconds: number | null; p90Seconds: number | null };
  delivery: { failedEmails: number; failedAttempts: number };
  usage: Array<{ period: string; escalations: number; limited: number; allowance: number }>;
  series: { bucket: "day" | "week" | "month"; points: SeriesPoint[] };
}

const DAY = 86_400_000;
/** Assistant turns read to count model fallbacks (a bound on a page load, not on correctness of tokens). */
const MODEL_SCAN_LIMIT = 20_000;
/** Longest range analytics accepts (about two years). */
export const MAX_RANGE_DAYS = 731;

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Chart buckets over local days of the shop's time zone: days up to two weeks, weeks up to half a
 * year, months beyond — at most ~26 buckets, because each costs one count query.
 */
export function bucketsFor(range: AnalyticsRange & { fromDay?: string; toDay?: string; timeZone?: string }): {
  bucket: "day" | "week" | "month";
  starts: Date[];
  days: string[];
} {
  const timeZone = range.timeZone ?? "UTC";
  const fromDay = range.fromDay ?? dayInZone(range.from, timeZone);
  const dayCount = Math.max(1, Math.round((range.to.getTime() - range.from.getTime()) / DAY));
  const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY));
  const days: string[] = [];
  if (dayCount <= 14) {
    for (let i = 0; i < dayCount; i++) days.push(addDays(fromDay, i));
    return { bucket: "day", days, starts: days.map((d) => startOfDayInZone(d, timeZone)) };
  }
  if (dayCount <= 182) {
    for (let i = 0; i < dayCount; i += 7) days.push(addDays(fromDay, i));
    return { bucket: "week", days, starts: days.map((d) => startOfDayInZone(d, timeZone)) };
  }
  days.push(fromDay);
  let [y, m] = fromDay.split("-").map(Number) as [number, number];
  for (;;) {
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    const first = `${y}-${String(m).padStart(2, "0")}-01`;
    const start = startOfDayInZone(first, timeZone);
    if (start >= range.to) break;
    days.push(first);
  }
  return { bucket: "month", days, starts: days.map((d) => startOfDayInZone(d, timeZone)) };
}

function periodsBetween(from: Date, toExclusive: Date): string[] {
  const out: string[] = [];
  let d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (d < toExclusive) {
    out.push(usagePeriod(d));
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  return out;
}

const PRIORITY_LABEL: Record<string, string> = { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" };
const STATUS_LABEL: Record<string, string> = {
  queued: "Queued",
  sent: "Sent",
  failed: "Delivery failed",
  abandoned: "Abandoned (no email given)",
  limited: "Over plan allowance",
  limited_abuse: "Limited for abuse",
};

/** Every figure of the analytics page for one shop and range. Reads only this shop's rows. */
export async function loadAnalytics(
  db: Db,
  shop: string,
  range: AnalyticsRange & { fromDay?: string; toDay?: string; timeZone?: string },
): Promise<AnalyticsReport> {
  const createdAt = { gte: range.from, lt: range.to };
  const { bucket, starts, days } = bucketsFor(range);
  // Usage counters are per UTC month; the months shown are those of the range's local days.
  const periods =
    range.fromDay && range.toDay
      ? periodsBetween(new Date(`${range.fromDay}T00:00:00Z`), new Date(Date.parse(`${range.toDay}T00:00:00Z`) + DAY))
      : periodsBetween(range.from, range.to);

  // Counts use groupBy on `shop` (one group): Prisma turns count() into COUNT(*) over a subquery
  // that selects `id`, which defeats SQLite's covering (shop, createdAt) index; groupBy does not.
  const countConversations = async (where: Prisma.ConversationWhereInput) =>
    (await db.conversation.groupBy({ by: ["shop"], where, _count: { _all: true } }))[0]?._count._all ?? 0;
  const countCases = async (where: Prisma.EscalationCaseWhereInput) =>
    (await db.escalationCase.groupBy({ by: ["shop"], where, _count: { _all: true } }))[0]?._count._all ?? 0;
  const countEmails = async (where: Prisma.OutboxEmailWhereInput) =>
    (await db.outboxEmail.groupBy({ by: ["shop"], where, _count: { _all: true } }))[0]?._count._all ?? 0;

  // The SQLite adapter runs one statement at a time, so fewer statements is what makes this fast.
  const [
    conversations,
    escalatedConversations,
    statusPriority,
    caseRows,
    escalated,
    failedEmails,
    failedAttempts,
    usageRows,
    shopRow,
    unhelpfulTurns,
    resolvedCases,
    modelSums,
    modelTurns,
  ] = await Promise.all([
    countConversations({ shop, createdAt }),
    countCases({ shop, conversation: { createdAt } }),
    db.escalationCase.groupBy({ by: ["status", "priority"], where: { shop, createdAt }, _count: { _all: true } }),
    db.escalationCase.findMany({ where: { shop, createdAt }, select: { reasons: true, createdAt: true } }),
    db.conversation.findMany({ where: { shop, createdAt, escalatedAt: { not: null } }, select: { createdAt: true, escalatedAt: true } }),
    countEmails({ shop, createdAt, status: "failed" }),
    db.deliveryAttempt.count({ where: { ok: false, at: createdAt, outbox: { shop } } }),
    db.usageCounter.findMany({ where: { shop, period: { in: periods } } }),
    db.shop.findUnique({ where: { domain: shop }, select: { plan: true } }),
    // Only conversations without a case that had an unhelpful turn can be "never answered"; their
    // assistant turns are few, so reading their meta beats a JSON filter that differs per provider.
    db.message.findMany({
      where: { role: "assistant", conversation: { shop, createdAt, case: null, unhelpfulCount: { gt: 0 } } },
      select: { conversationId: true, meta: true },
    }),
    countCases({ shop, createdAt, resolvedAt: { not: null } }),
    db.conversation.aggregate({
      where: { shop, createdAt, llmTokensIn: { gt: 0 } },
      _sum: { llmTokensIn: true, llmTokensOut: true, llmLatencyMs: true },
      _count: { _all: true },
    }),
    db.message.findMany({
      where: { role: "assistant", conversation: { shop, createdAt, llmTokensIn: { gt: 0 } } },
      select: { meta: true },
      take: MODEL_SCAN_LIMIT,
    }),
  ]);
  const helpful = new Map<string, boolean>();
  for (const m of unhelpfulTurns) {
    const unhelpful = typeof m.meta === "object" && m.meta !== null && (m.meta as { unhelpful?: unknown }).unhelpful === true;
    helpful.set(m.conversationId, (helpful.get(m.conversationId) ?? false) || !unhelpful);
  }
  const unanswered = [...helpful.values()].filter((h) => !h).length;
  const fallbacks = modelTurns.filter(
    (m) => typeof m.meta === "object" && m.meta !== null && typeof (m.meta as { llmFallback?: unknown }).llmFallback === "string",
  ).length;

  // Series: one index-range count per bucket for conversations; escalations are bucketed from the
  // case rows read above.
  const bucketOf = (t: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]!.getTime() <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const escalationsPerBucket = new Array<number>(starts.length).fill(0);
  for (const c of caseRows) escalationsPerBucket[bucketOf(c.createdAt.getTime())]! += 1;
  const points = await Promise.all(
    starts.map(async (start, i) => {
      const end = starts[i + 1] ?? range.to;
      const c = await countConversations({ shop, createdAt: { gte: start, lt: end } });
      return { start: days[i]!, conversations: c, escalations: escalationsPerBucket[i]! };
    }),
  );

  const withoutCase = Math.max(0, conversations - escalatedConversations);
  const byStatus = Object.values(
    statusPriority.reduce<Record<string, { status: string; _count: { _all: number } }>>((acc, r) => {
      (acc[r.status] ??= { status: r.status, _count: { _all: 0 } })._count._all += r._count._all;
      return acc;
    }, {}),
  );
  const byPriority = Object.values(
    statusPriority.reduce<Record<string, { priority: string; _count: { _all: number } }>>((acc, r) => {
      (acc[r.priority] ??= { priority: r.priority, _count: { _all: 0 } })._count._all += r._count._all;
      return acc;
    }, {}),
  );
  const reasonRows = caseRows;
  const escalations = byStatus.reduce((n, r) => n + r._count._all, 0);
  const reasonCounts = new Map<string, number>();
  for (const row of reasonRows) {
    if (!Array.isArray(row.reasons)) continue;
    for (const code of new Set(row.reasons.filter((r): r is string => typeof r === "string"))) reasonCounts.set(code, (reasonCounts.get(code) ?? 0) + 1);
  }
  const durations = escalated.map((c) => Math.max(0, (c.escalatedAt!.getTime() - c.createdAt.getTime()) / 1000)).sort((a, b) => a - b);
  const allowance = findPlan(shopRow?.plan).escalationsPerMonth;
  const usageByPeriod = new Map(usageRows.map((u) => [u.period, u]));

  return {
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    conversations,
    escalations,
    escalationRate: conversations ? escalations / conversations : 0,
    answeredWithoutEscalation: Math.max(0, withoutCase - unanswered),
    answeredWithoutEscalationRate: conversations ? Math.max(0, withoutCase - unanswered) / conversations : 0,
    unanswered,
    resolvedCases,
    openCases: Math.max(0, escalations - resolvedCases),
    model: {
      conversations: modelSums._count._all,
      tokensIn: modelSums._sum.llmTokensIn ?? 0,
      tokensOut: modelSums._sum.llmTokensOut ?? 0,
      latencyMs: modelSums._sum.llmLatencyMs ?? 0,
      fallbacks,
    },
    byReason: ESCALATION_REASONS.map((r) => ({ key: r.code, label: r.label, count: reasonCounts.get(r.code) ?? 0 })),
    byPriority: PRIORITIES.map((p) => ({ key: p, label: PRIORITY_LABEL[p] ?? p, count: byPriority.find((r) => r.priority === p)?._count._all ?? 0 })),
    byStatus: Object.keys(STATUS_LABEL).map((s) => ({ key: s, label: STATUS_LABEL[s]!, count: byStatus.find((r) => r.status === s)?._count._all ?? 0 })),
    timeToEscalate: { count: durations.length, medianSeconds: percentile(durations, 50), p90Seconds: percentile(durations, 90) },
    delivery: { failedEmails, failedAttempts },
    usage: periods.map((period) => ({
      period,
      escalations: usageByPeriod.get(period)?.escalations ?? 0,
      limited: usageByPeriod.get(period)?.limited ?? 0,
      allowance,
    })),
    series: { bucket, points },
  };
}

/**
 * The range from the page's query string (yyyy-mm-dd, inclusive end day, in the shop's time zone).
 * Defaults to the last 30 days; swapped when reversed; capped at MAX_RANGE_DAYS.
 */
export function parseAnalyticsRange(
  params: URLSearchParams,
  now: Date,
  timeZone = "UTC",
): AnalyticsRange & { fromDay: string; toDay: string; timeZone: string } {
  const valid = (s: string | null) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) ? s : null);
  const shift = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY));
  const today = dayInZone(now, timeZone);
  let toDay = valid(params.get("to")) ?? today;
  let fromDay = valid(params.get("from")) ?? shift(toDay, -29);
  if (fromDay > toDay) [fromDay, toDay] = [toDay, fromDay];
  if (Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`) >= MAX_RANGE_DAYS * DAY) fromDay = shift(toDay, -(MAX_RANGE_DAYS - 1));
  return { from: startOfDayInZone(fromDay, timeZone), to: startOfDayInZone(shift(toDay, 1), timeZone), fromDay, toDay, timeZone };
}
