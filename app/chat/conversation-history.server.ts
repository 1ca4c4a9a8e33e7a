import type { Db } from "~/db.server";
import { transcriptRole } from "~/domain/conversation/transcript";
import { conversationBelongsTo } from "~/domain/conversation/conversation-owner";
import { readMessageMeta } from "~/domain/conversation/message-meta";
import type { ReplyPart } from "~/domain/conversation/reply-parts";

/**
 * A conversation's transcript for the widget, only ever within the requesting shop and for the
 * shopper who had it (a signed customer's conversation is not readable by anyone else).
 */
export async function loadConversationHistory(db: Db, shop: string, conversationId: string, customerId: string | null) {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, shop },
    include: { messages: { orderBy: { createdAt: "asc" }, take: 200 } },
  });
  if (!conversation || !conversationBelongsTo(conversation, customerId)) return null;
  return {
    conversationId: conversation.id,
    state: conversation.state,
    replyTo: conversation.state === "escalated" ? conversation.shopperEmail : null,
    messages: conversation.messages.map((m) => ({
      role: transcriptRole(m.role),
      text: m.text,
      // Reply parts (order card, quick actions) are kept in the message's meta by the turn.
      ...partsOf(m.meta),
      at: m.createdAt.toISOString(),
    })),
  };
}

function partsOf(meta: unknown): { parts?: ReplyPart[] } {
  const { parts } = readMessageMeta(meta);
  return parts?.length ? { parts } : {};
}
