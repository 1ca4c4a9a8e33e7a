import type { Prisma } from "@prisma/client";
import type { Db } from "~/db.server";
import type { CasePlan, ChatStore, StoredConversation, TurnWrite } from "./chat-store";

type Client = Db | Prisma.TransactionClient;

/** The chat store through the Prisma client: the PostgreSQL path (network round trips dominate there). */
export function createPrismaChatStore(db: Db): ChatStore {
  return {
    async loadConversation(shop, conversationId, historyLimit): Promise<StoredConversation | null> {
      return db.conversation.findFirst({
        where: { id: conversationId, shop },
        include: { messages: { orderBy: { createdAt: "desc" }, take: historyLimit } },
      });
    },

    async saveTurn(w) {
      await db.$transaction(turnWrites(db, w));
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
    client.message.createMany({ data: w.messages.map((m) => ({ ...m, conversationId: w.conversationId })) }),
    ...(w.isNew ? [usage(client, w.shop, w.usagePeriod, { conversations: 1 })] : []),
  ];
}

// The conversation's owner is set once (an anonymous chat adopted at sign-in), never replaced.
function updatableColumns(w: TurnWrite) {
  const { customerId, ...rest } = w.columns;
  return customerId ? { ...rest, customerId } : rest;
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
