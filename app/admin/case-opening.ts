import { readMessageMeta } from "~/domain/conversation/message-meta";
import { blankEmailTokens, findEmailTokens } from "~/domain/email/address";

// Which of the shopper's messages a case row quotes: the one that opened the case.

/** Shopper messages read per row to find the one that opened the case (newest first). */
export const OPENING_SCAN = 40;
/** A turn's lines are stamped 1 ms apart from the turn's clock, which also dates its case. */
export const SAME_TURN_MS = 1_000;

export interface ShopperLine {
  text: string;
  createdAt: Date;
  meta: unknown;
}

/**
 * The message that opened the case: the newest shopper message, up to the case's turn, on which the
 * detector found a signal and that the shopper typed (not a button press, not the email address given
 * afterwards). Older cases without signals on their messages fall back to the shopper's first words.
 */
export function openingMessage(lines: ShopperLine[], caseCreatedAt: Date): string | undefined {
  const typed = lines.filter((l) => !readMessageMeta(l.meta).pressed && !isContactReply(l.text));
  const upTo = typed.filter((l) => l.createdAt.getTime() <= caseCreatedAt.getTime() + SAME_TURN_MS).sort((a, b) => +b.createdAt - +a.createdAt);
  const signalled = upTo.find((l) => (readMessageMeta(l.meta).signals?.length ?? 0) > 0);
  return (signalled ?? upTo.at(-1) ?? typed[0])?.text;
}

/** Words around an address that still make a message a mere contact reply ("my email is …", "it's …, thanks"). */
const CONTACT_REPLY_WORDS = 4;

/**
 * A reply that only gives an address. The turn that completes a hand-off carries the case's signals
 * (the case opens on it), so without this the cases list would quote "sarah@example.com".
 */
function isContactReply(text: string): boolean {
  if (findEmailTokens(text).length === 0) return false;
  const rest = blankEmailTokens(text).match(/\p{L}+/gu) ?? [];
  return rest.length <= CONTACT_REPLY_WORDS;
}
