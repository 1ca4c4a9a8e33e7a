import type { Db } from "~/db.server";
import type { ChatStore, StoredConversation, TurnWrite } from "./chat-store";

/** The chat store through the Prisma client: the PostgreSQL path (network round trips dominate there). */
export function createPrismaChatStore(db: Db): ChatStore {
  return {
    async loadConversation(shop, conversationId, historyLimit): Promise<StoredConversation | null> {
      const row = await db.conversation.findFirst({
        where: { id: conversationId, shop },
        include: { messages: { orderBy: { createdAt: "desc" }, take: historyLimit } },
      });
      return row;
    },

    async saveTurn(w: TurnWrite): Promise<void> {
      const llm = w.llm;
      await db.$transaction([
        w.isNew
          ? db.conversation.create({
              data: {
                id: w.conversationId, shop: w.shop, customerId: w.customerId, createdAt: w.now, ...w.columns,
                llmTokensIn: llm?.tokensIn ?? 0, llmTokensOut: llm?.tokensOut ?? 0, llmLatencyMs: llm?.latencyMs ?? 0,
              },
            })
          : db.conversation.update({
              where: { id: w.conversationId },
              data: llm
                ? { ...w.columns, llmTokensIn: { increment: llm.tokensIn }, llmTokensOut: { increment: llm.tokensOut }, llmLatencyMs: { increment: llm.latencyMs } }
                : w.columns,
            }),
        db.message.createMany({ data: w.messages.map((m) => ({ ...m, conversationId: w.conversationId })) }),
        ...(w.isNew
          ? [db.usageCounter.upsert({
              where: { shop_period: { shop: w.shop, period: w.usagePeriod } },
              create: { shop: w.shop, period: w.usagePeriod, conversations: 1 },
              update: { conversations: { increment: 1 } },
            })]
          : []),
      ]);
    },

    async escalationsInPeriod(shop, period) {
      const row = await db.usageCounter.findUnique({ where: { shop_period: { shop, period } }, select: { escalations: true } });
      return row?.escalations ?? 0;
    },
  };
}
