import { z } from "zod";
import type { Db } from "~/db.server";
import { conversationBelongsTo } from "~/domain/conversation/conversation-owner";

// The widget's one-tap "Was this helpful?" (POST /proxy/chat/rating), read back by Analytics as
// satisfaction. One rating per conversation and moment: a second tap replaces the first.

export const ratingBody = z.object({
  conversationId: z.string().min(1).max(200),
  /** answer: after the assistant answered; handoff: after the case went to the team and a person replied */
  kind: z.enum(["answer", "handoff"]),
  helpful: z.boolean(),
});
export type RatingInput = z.infer<typeof ratingBody>;

/**
 * Stores the rating when the conversation is this shop's and the requester's (the same ownership
 * rule as the history); a hand-off is rated only once there is a case. Returns false otherwise,
 * which the route answers as an unknown conversation.
 */
export async function recordRating(db: Db, shop: string, customerId: string | null, input: RatingInput): Promise<boolean> {
  const conversation = await db.conversation.findFirst({
    where: { id: input.conversationId, shop },
    select: { id: true, customerId: true, case: { select: { id: true } } },
  });
  if (!conversation || !conversationBelongsTo(conversation, customerId)) return false;
  if (input.kind === "handoff" && !conversation.case) return false;
  await db.chatRating.upsert({
    where: { conversationId_kind: { conversationId: conversation.id, kind: input.kind } },
    create: { shop, conversationId: conversation.id, kind: input.kind, helpful: input.helpful },
    update: { helpful: input.helpful },
  });
  return true;
}
