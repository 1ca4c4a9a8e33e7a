import type { Db } from "~/db.server";
import { transcriptRole } from "~/domain/conversation/transcript";
import { conversationBelongsTo } from "~/domain/conversation/conversation-owner";
import { PRESSED_BUTTON } from "~/domain/conversation/decide-turn";
import { readMessageMeta } from "~/domain/conversation/message-meta";
import { orderCardPart, type OrderCardPart, type ReplyPart } from "~/domain/conversation/reply-parts";
import type { OrderFacts } from "~/domain/orders";

/** One message of the widget's history (README "Storefront chat API", GET /proxy/chat). */
export type HistoryMessage =
  | { role: "shopper" | "assistant"; text: string; parts?: ReplyPart[]; at: string; photo?: HistoryPhoto }
  /** A reply from the shop's team (by email to the case address, or from the case page). */
  | { role: "team"; text: string; at: string; author?: string };

/** A photo the shopper attached (README "Photos"): its image is `GET /proxy/chat/photos?conversationId=…&id=…`. */
export type HistoryPhoto = { id: string; width: number; height: number };

const MAX_MESSAGES = 200;
const MAX_TEAM_MESSAGES = 100;

/**
 * A conversation's transcript for the widget, only ever within the requesting shop and for the
 * shopper who had it (a signed customer's conversation is not readable by anyone else): the chat's
 * messages and the team's replies, oldest first — what was shown live, nothing more.
 */
export async function loadConversationHistory(db: Db, shop: string, conversationId: string, customerId: string | null) {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, shop },
    include: {
      messages: { orderBy: { createdAt: "asc" }, take: MAX_MESSAGES },
      teamMessages: { where: { shop }, orderBy: { createdAt: "asc" }, take: MAX_TEAM_MESSAGES },
    },
  });
  if (!conversation || !conversationBelongsTo(conversation, customerId)) return null;
  const chat: HistoryMessage[] = conversation.messages
    // The "Talk to a person" button is recorded for the team's transcript, but the widget never shows it as a bubble.
    .filter((m) => !(transcriptRole(m.role) === "shopper" && (m.text === PRESSED_BUTTON || readMessageMeta(m.meta).pressed)))
    .map((m) => ({
      role: transcriptRole(m.role),
      text: m.text,
      // Reply parts (order card, quick actions) are kept in the message's meta by the turn.
      ...partsOf(m.meta),
      ...photoOf(m.meta),
      at: m.createdAt.toISOString(),
    }));
  const team: HistoryMessage[] = conversation.teamMessages.map((m) => ({
    role: "team",
    text: m.text,
    at: m.createdAt.toISOString(),
    ...(m.authorName ? { author: m.authorName } : {}),
  }));
  return {
    conversationId: conversation.id,
    state: conversation.state,
    replyTo: conversation.state === "escalated" ? conversation.shopperEmail : null,
    messages: mergeByTime(chat, team),
  };
}

/** Both lists are oldest first; a team reply sent in the same millisecond as a chat message goes after it. */
function mergeByTime(chat: HistoryMessage[], team: HistoryMessage[]): HistoryMessage[] {
  const out: HistoryMessage[] = [];
  let i = 0;
  let j = 0;
  while (i < chat.length || j < team.length) {
    if (j >= team.length || (i < chat.length && chat[i]!.at <= team[j]!.at)) out.push(chat[i++]!);
    else out.push(team[j++]!);
  }
  return out;
}

function partsOf(meta: unknown): { parts?: ReplyPart[] } {
  const { parts } = readMessageMeta(meta);
  return parts?.length ? { parts } : {};
}

/**
 * `GET /proxy/chat` without a conversation (README "Storefront chat API"): the signed-in shopper's latest
 * order as an order card in the request's language, for the widget's empty state. Only for the signed
 * `logged_in_customer_id` (`customerId`); a guest gets null without any lookup. `latestOrderOf` is the
 * shop's cached lookup (app/shopify/admin-api/latest-order.server.ts).
 */
export async function loadLatestOrder(
  customerId: string | null,
  locale: string | null,
  latestOrderOf: (customerId: string) => Promise<OrderFacts | null>,
): Promise<{ latestOrder: OrderCardPart["order"] | null }> {
  if (!customerId) return { latestOrder: null };
  const order = await latestOrderOf(customerId);
  return { latestOrder: order ? orderCardPart(order, locale?.slice(0, 35)).order : null };
}

function photoOf(meta: unknown): { photo?: HistoryPhoto } {
  const { photo } = readMessageMeta(meta);
  return photo ? { photo } : {};
}
