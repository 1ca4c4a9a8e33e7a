import type { Db } from "~/db.server";
import { percentile, type AnalyticsRange } from "./analytics.server";

// What a merchant buys an AI assistant for, per period and against the period before: the share
// of conversations resolved without a person, hand-offs, how fast the team first answers and
// resolves a case (from the case timeline: the team's messages when the transcript has them, the
// case's resolvedAt), and how helpful shoppers found it (the widget's one-tap ratings).

export interface Outcomes {
  conversations: number;
  /** conversations that never became a case (the assistant handled them) */
  withoutPerson: number;
  withoutPersonRate: number;
  handoffs: number;
  /** median seconds from the case to the team's first message in the transcript (null: none replied in the chat) */
  firstReplySeconds: number | null;
  firstReplies: number;
  /** median seconds from the case to its resolution (null: none resolved) */
  resolutionSeconds: number | null;
  resolved: number;
  /** "Was this helpful?" taps */
  ratings: { helpful: number; total: number; rate: number | null };
}

export interface OutcomesComparison {
  current: Outcomes;
  previous: Outcomes;
  /** the previous period: as long as the current one, ending where it starts */
  previousRange: { from: string; to: string };
}

export async function loadOutcomes(db: Db, shop: string, range: AnalyticsRange): Promise<Outcomes> {
  const createdAt = { gte: range.from, lt: range.to };
  const [conversations, cases, ratings] = await Promise.all([
    db.conversation.groupBy({ by: ["shop"], where: { shop, createdAt }, _count: { _all: true } }),
    db.escalationCase.findMany({
      where: { shop, createdAt },
      select: {
        createdAt: true,
        resolvedAt: true,
        // The team's replies, when the transcript carries them (role "team"); the first one is enough.
        conversation: { select: { messages: { where: { role: "team" }, orderBy: { createdAt: "asc" }, take: 1, select: { createdAt: true } } } },
      },
    }),
    db.chatRating.groupBy({ by: ["helpful"], where: { shop, createdAt }, _count: { _all: true } }),
  ]);
  const total = conversations[0]?._count._all ?? 0;
  const secondsAfter = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 1000);
  const firstReplies = cases
    .flatMap((c) => (c.conversation.messages[0] ? [secondsAfter(c.createdAt, c.conversation.messages[0].createdAt)] : []))
    .sort((a, b) => a - b);
  const resolutions = cases.flatMap((c) => (c.resolvedAt ? [secondsAfter(c.createdAt, c.resolvedAt)] : [])).sort((a, b) => a - b);
  const helpful = ratings.find((r) => r.helpful)?._count._all ?? 0;
  const rated = ratings.reduce((n, r) => n + r._count._all, 0);
  const withoutPerson = Math.max(0, total - cases.length);
  return {
    conversations: total,
    withoutPerson,
    withoutPersonRate: total ? withoutPerson / total : 0,
    handoffs: cases.length,
    firstReplySeconds: percentile(firstReplies, 50),
    firstReplies: firstReplies.length,
    resolutionSeconds: percentile(resolutions, 50),
    resolved: resolutions.length,
    ratings: { helpful, total: rated, rate: rated ? helpful / rated : null },
  };
}

/** This period's outcomes and the previous period's, of the same length. */
export async function compareOutcomes(db: Db, shop: string, range: AnalyticsRange): Promise<OutcomesComparison> {
  const length = range.to.getTime() - range.from.getTime();
  const previous = { from: new Date(range.from.getTime() - length), to: range.from };
  const [now, before] = await Promise.all([loadOutcomes(db, shop, range), loadOutcomes(db, shop, previous)]);
  return { current: now, previous: before, previousRange: { from: previous.from.toISOString(), to: previous.to.toISOString() } };
}
