import { randomBytes } from "node:crypto";
import type { Db } from "~/db.server";
import { conversationBelongsTo } from "~/domain/conversation/conversation-owner";
import { writeMessageMeta } from "~/domain/conversation/message-meta";
import { queueFollowUp } from "~/email/outbox.server";
import type { ShopContext } from "../shop-context.server";

/** A conversation holds at most this many photos (three per message in the widget, a few messages). */
export const MAX_PHOTOS_PER_CONVERSATION = 9;

const DAY_MS = 86_400_000;

/** The transcript line of a photo: the name of the email's attachment, in no language. */
export function photoLineText(index: number): string {
  return `📷 ${photoFileName(index)}`;
}

export function photoFileName(index: number): string {
  return `photo-${index}.jpg`;
}

export type StoredPhoto = { id: string; width: number; height: number; at: string; text: string };

/** The requester's conversation in this shop (same ownership rule as the history), with its photo count. */
export async function findPhotoConversation(db: Db, shop: string, conversationId: string, customerId: string | null) {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, shop },
    select: { id: true, customerId: true, state: true, case: { select: { id: true } }, _count: { select: { photos: true } } },
  });
  if (!conversation || !conversationBelongsTo(conversation, customerId)) return null;
  return { id: conversation.id, state: conversation.state, caseId: conversation.case?.id ?? null, photoCount: conversation._count.photos };
}

/**
 * Stores a checked photo with its transcript line (a shopper message whose meta names the photo) and
 * touches the conversation (retention counts from its last activity). Once the case is with the team,
 * the photo goes to them as the chat's follow-ups do: batched into the case's next threaded email,
 * past the daily cap held for the next day's (app/chat/commit-turn.server.ts, followUpOrLater).
 */
export async function storePhoto(
  db: Db,
  input: {
    shop: ShopContext;
    conversation: { id: string; state: string; caseId: string | null; photoCount: number };
    photo: { sourceFormat: string; width: number; height: number; data: Buffer; thumb: Buffer };
    now: Date;
    followUpBatchMs: number;
  },
): Promise<{ stored: StoredPhoto; followUpQueued: boolean }> {
  const { conversation, photo, now } = input;
  const id = randomBytes(16).toString("base64url");
  const text = photoLineText(conversation.photoCount + 1);
  await db.$transaction(async (tx) => {
    const message = await tx.message.create({
      data: {
        conversationId: conversation.id,
        role: "shopper",
        text,
        createdAt: now,
        meta: writeMessageMeta({ photo: { id, width: photo.width, height: photo.height } }),
      },
    });
    await tx.chatPhoto.create({
      data: {
        id,
        shop: input.shop.domain,
        conversationId: conversation.id,
        messageId: message.id,
        sourceFormat: photo.sourceFormat,
        width: photo.width,
        height: photo.height,
        data: new Uint8Array(photo.data),
        thumb: new Uint8Array(photo.thumb),
        createdAt: now,
      },
    });
    await tx.conversation.update({ where: { id: conversation.id }, data: { updatedAt: now } });
  });
  let followUpQueued = false;
  if (conversation.state === "escalated" && conversation.caseId) {
    const base = { shop: input.shop.domain, caseId: conversation.caseId, now, batchWindowMs: input.followUpBatchMs };
    let result = await queueFollowUp(db, { ...base, maxPerDay: input.shop.abuse.followUpsPerCasePerDay });
    if (!result.queued && result.reason === "capped") result = await queueFollowUp(db, { ...base, batchWindowMs: DAY_MS });
    followUpQueued = result.queued || result.reason === "batched";
  }
  return { stored: { id, width: photo.width, height: photo.height, at: now.toISOString(), text }, followUpQueued };
}

/** One photo's bytes for the shopper who sent it (the history's images), or null. */
export async function findOwnPhoto(db: Db, shop: string, conversationId: string, customerId: string | null, photoId: string, size: "full" | "thumb") {
  const conversation = await db.conversation.findFirst({ where: { id: conversationId, shop }, select: { customerId: true } });
  if (!conversation || !conversationBelongsTo(conversation, customerId)) return null;
  const photo = await db.chatPhoto.findFirst({ where: { id: photoId, conversationId, shop }, select: { data: size === "full", thumb: size === "thumb" } });
  const bytes = photo ? (size === "full" ? photo.data : photo.thumb) : null;
  return bytes ? Buffer.from(bytes) : null;
}
