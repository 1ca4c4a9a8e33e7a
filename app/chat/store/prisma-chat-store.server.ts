import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import type { CasePlan, ChatStore, FollowUpWrite, StoredConversation, TurnRead, TurnWrite } from "./chat-store";

type Client = Db | Prisma.TransactionClient;

/** The chat store through the Prisma client: the PostgreSQL path (network round trips dominate there). */
export function createPrismaChatStore(db: Db): ChatStore {
  const loadConversation = async (shop: string, conversationId: string, historyLimit: number): Promise<StoredConversation | null> => {
    // Sent together: one round trip's wait (the case is only read when the conversation is the shop's).
    const [row, caseRef] = await Promise.all([
      db.conversation.findFirst({
        where: { id: conversationId, shop },
        include: { messages: { orderBy: { createdAt: "desc" }, take: historyLimit }, visitProof: { select: { visitHash: true, usedAt: true } } },
      }),
      db.escalationCase.findFirst({ where: { conversationId, shop }, select: { id: true, status: true } }),
    ]);
    return row ? { ...row, caseRef } : null;
  };
  return {
    async loadTurn(shop, conversationId, historyLimit, usagePeriod): Promise<TurnRead> {
      // Both reads go out at once: one round trip's wait on PostgreSQL.
      const [conversation, usage] = await Promise.all([
        conversationId ? loadConversation(shop, conversationId, historyLimit) : null,
        db.usageCounter.findUnique({ where: { shop_period: { shop, period: usagePeriod } }, select: { escalations: true } }),
      ]);
      return { conversation, escalationsThisPeriod: usage?.escalations ?? 0 };
    },

    loadConversation,

    async saveTurn(w) {
      if (!w.followUp) {
        await db.$transaction(turnWrites(db, w));
        return;
      }
      const followUp = w.followUp;
      await db.$transaction(
        async (tx) => {
          for (const write of turnWrites(tx, w)) await write;
          await writeFollowUp(tx, w, followUp);
        },
        { maxWait: 15_000, timeout: 15_000 },
      );
    },

    async saveTurnWithCase(w, plan) {
      await db.$transaction(
        async (tx) => {
          for (const write of turnWrites(tx, w)) await write;
          const transcript = await tx.message.findMany({
            where: { conversationId: w.conversationId },
            orderBy: { createdAt: "asc" },
            select: { role: true, text: true, createdAt: true },
          });
          const prior = await tx.escalationCase.findUnique({ where: { conversationId: w.conversationId }, select: { id: true, status: true } });
          const planned = plan(transcript, prior);
          if (planned) await writeCase(tx, w, planned);
          // A burst of case turns (a flood that the abuse caps turn into limited_abuse cases) queues
          // for the pool's connections; Prisma's default 2 s wait answered them with a 500.
        },
        { maxWait: 15_000, timeout: 15_000 },
      );
    },

    async escalationsInPeriod(shop, period) {
      const row = await db.usageCounter.findUnique({ where: { shop_period: { shop, period } }, select: { escalations: true } });
      return row?.escalations ?? 0;
    },
  };
}

/** The turn's writes: the conversation row, its new messages, and (new conversations) the usage count. */
function turnWrites(client: Client, w: TurnWrite) {
  const llm = w.llm;
  return [
    w.isNew
      ? client.conversation.create({
          data: {
            id: w.conversationId,
            shop: w.shop,
            createdAt: w.now,
            ...w.columns,
            llmTokensIn: llm?.tokensIn ?? 0,
            llmTokensOut: llm?.tokensOut ?? 0,
            llmLatencyMs: llm?.latencyMs ?? 0,
            llmFallbacks: llm?.fallbacks ?? 0,
          },
        })
      : client.conversation.update({
          where: { id: w.conversationId },
          data: {
            ...updatableColumns(w),
            ...(llm
              ? {
                  llmTokensIn: { increment: llm.tokensIn },
                  llmTokensOut: { increment: llm.tokensOut },
                  llmLatencyMs: { increment: llm.latencyMs },
                  llmFallbacks: { increment: llm.fallbacks ?? 0 },
                }
              : {}),
          },
        }),
    ...(!w.isNew && w.columns.customerId ? [adoptOnce(client, w.conversationId, w.columns.customerId)] : []),
    client.message.createMany({ data: w.messages.map((m) => ({ ...m, conversationId: w.conversationId })) }),
    ...(w.isNew ? [usage(client, w.shop, w.usagePeriod, { conversations: 1 })] : []),
    ...(w.visitProof
      ? [
          client.visitProof.upsert({
            where: { conversationId: w.conversationId },
            create: { conversationId: w.conversationId, ...w.visitProof },
            update: w.visitProof,
          }),
        ]
      : []),
  ];
}

// The owner is never among the updated columns: it is set once, by `adoptOnce`.
function updatableColumns(w: TurnWrite) {
  const { customerId: _owner, ...rest } = w.columns;
  return rest;
}

/**
 * The conversation's owner is set once (an anonymous chat adopted at sign-in), never replaced: a
 * conditional update, so of two customers continuing one anonymous conversation at once only the
 * first sets it (PostgreSQL re-checks `customerId IS NULL` after the other's row lock is released;
 * a read-then-write would let the second replace the first).
 */
function adoptOnce(client: Client, conversationId: string, customerId: string) {
  return client.conversation.updateMany({ where: { id: conversationId, customerId: null }, data: { customerId } });
}

/** The case's follow-up, read and queued inside the turn's transaction. */
async function writeFollowUp(tx: Prisma.TransactionClient, w: TurnWrite, followUp: FollowUpWrite): Promise<void> {
  const pending = await tx.outboxEmail.findFirst({
    where: { caseId: followUp.caseId, shop: w.shop, kind: "followup", status: "pending" },
    select: { id: true },
  });
  const kase = pending ? null : await tx.escalationCase.findFirst({ where: { id: followUp.caseId, shop: w.shop } });
  const since = new Date(w.now.getTime() - 24 * 3_600_000);
  const recentCount = kase ? await tx.outboxEmail.count({ where: { caseId: kase.id, kind: "followup", createdAt: { gte: since } } }) : 0;
  const plan = followUp.plan({ kase, pendingId: pending?.id ?? null, recentCount });
  if (plan.queued) await tx.outboxEmail.create({ data: plan.insert });
}

async function writeCase(tx: Prisma.TransactionClient, w: TurnWrite, plan: CasePlan): Promise<void> {
  const c = plan.caseRow;
  if (plan.replacePriorId) await tx.escalationCase.delete({ where: { id: plan.replacePriorId } });
  await tx.escalationCase.create({
    data: {
      ...c,
      reasons: c.reasons as Prisma.InputJsonValue,
      signals: c.signals as Prisma.InputJsonValue,
      route: c.route as Prisma.InputJsonValue,
      orderFacts: (c.orderFacts ?? undefined) as Prisma.InputJsonValue | undefined,
      customerFacts: (c.customerFacts ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
  if (plan.escalatedAt) await tx.conversation.update({ where: { id: w.conversationId }, data: { escalatedAt: plan.escalatedAt } });
  if (plan.outbox) await tx.outboxEmail.create({ data: plan.outbox });
  if (plan.usage.escalations || plan.usage.limited) await usage(tx, w.shop, w.usagePeriod, plan.usage);
}

function usage(client: Client, shop: string, period: string, by: { conversations?: number; escalations?: number; limited?: number }) {
  return client.usageCounter.upsert({
    where: { shop_period: { shop, period } },
    create: { shop, period, conversations: by.conversations ?? 0, escalations: by.escalations ?? 0, limited: by.limited ?? 0 },
    update: {
      conversations: { increment: by.conversations ?? 0 },
      escalations: { increment: by.escalations ?? 0 },
      limited: { increment: by.limited ?? 0 },
    },
  });
}
