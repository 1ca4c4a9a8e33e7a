import type { Db } from "~/db.server";

/** A conversation's transcript for the widget, only ever within the requesting shop. */
export async function loadConversationHistory(db: Db, shop: string, conversationId: string) {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, shop },
    include: { messages: { orderBy: { createdAt: "asc" }, take: 200 } },
  });
  if (!conversation) return null;
  return {
    conversationId: conversation.id,
    state: conversation.state,
    replyTo: conversation.state === "escalated" ? conversation.shopperEmail : null,
    messages: conversation.messages.map((m) => ({
      role: m.role === "assistant" ? "assistant" : "shopper",
      text: m.text,
      at: m.createdAt.toISOString(),
    })),
  };
}
