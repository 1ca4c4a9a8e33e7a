import { findEmailTokens } from "../email/address";
import type { HistoryMessage } from "../conversation/read-history";
import type { ConversationState } from "../conversation/types";

/**
 * A shared device (a family computer, a shop's counter tablet) keeps an anonymous conversation for
 * the next visitor: the widget remembers it so a returning shopper sees her case. What it must not
 * hand over is the earlier visitor's proof — an order proven by its email, an address she typed —
 * or the next visitor would see her order card by asking for "my order". A proof therefore counts
 * only for the visit that made it (the widget's per-tab token, compared as a keyed hash) and only
 * within 30 minutes of its last use; otherwise the turn is decided as if none had been given.
 */
export const VISIT_PROOF_IDLE_MS = 30 * 60_000;

/** Which visit last used the conversation's proof, and when (null: none recorded). */
export interface VisitProofRecord {
  visitHash: string | null;
  usedAt: Date;
}

/** Whether the conversation's proof may serve this request: same visit (or both without a token), used within 30 minutes. */
export function proofCarries(record: VisitProofRecord | null, visitHash: string | null, now: Date): boolean {
  if (!record || record.visitHash !== visitHash) return false;
  const idle = now.getTime() - record.usedAt.getTime();
  return idle >= 0 && idle <= VISIT_PROOF_IDLE_MS;
}

/** Whether a state holds anything that proves an identity (an address, a proven order) worth tying to the visit. */
export function holdsProof(state: Pick<ConversationState, "shopperEmail" | "orderVerified"> | null): boolean {
  return Boolean(state && (state.shopperEmail || state.orderVerified));
}

const HIDDEN_ADDRESS = "[address given in an earlier visit]";

/**
 * The turn's view of a conversation whose proof does not carry: no address, no proven order, and the
 * addresses typed earlier hidden from the history (the model's order tool accepts typed addresses as
 * proofs). Only the turn's input changes; the stored messages stay as they are.
 */
export function withoutCarriedProof<S extends ConversationState>(state: S, history: readonly HistoryMessage[]): { state: S; history: HistoryMessage[] } {
  return {
    state: { ...state, shopperEmail: null, orderVerified: false },
    history: history.map((m) => (m.role === "shopper" ? { ...m, text: hideAddresses(m.text) } : m)),
  };
}

function hideAddresses(text: string): string {
  let out = text;
  for (const token of findEmailTokens(text)) out = out.split(token).join(HIDDEN_ADDRESS);
  return out;
}

/**
 * The state to store after a turn decided without the earlier proof: the conversation keeps the
 * reply-to address it had (its open case still answers to it) unless this visitor gave a new one.
 */
export function keepStoredReplyTo<S extends Pick<ConversationState, "shopperEmail">>(decided: S, storedEmail: string | null): S {
  return decided.shopperEmail ? decided : { ...decided, shopperEmail: storedEmail };
}
