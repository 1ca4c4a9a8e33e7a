import { createHmac } from "node:crypto";
import { secretKey } from "./app-proxy-signature.server";
import type { TurnDecision } from "~/domain/conversation/decide-turn";
import { holdsProof, keepStoredReplyTo, proofCarries, withoutCarriedProof } from "~/domain/privacy/visit-proof";
import type { ChatDeps } from "./chat-deps";
import type { GatheredTurn } from "./gather-turn.server";
import type { VisitProofRow } from "./store/chat-store";

// The shell of app/domain/privacy/visit-proof.ts: which visit holds a conversation's proof (the
// VisitProof row, keyed hash of the widget's per-tab token), read with the conversation by the turn's
// one store read and written with the turn's messages (app/chat/store): no query of its own.

/** The widget's visit token as stored: HMAC-SHA256 with the app secret, so the table alone links no browser. */
export function visitHashOf(appSecret: string, token: string | undefined): string | null {
  return token ? createHmac("sha256", secretKey(appSecret)).update(`visit:${token}`).digest("base64url") : null;
}

/** A gathered turn seen from this visit: when the earlier proof does not carry, the core decides without it. */
export type VisitTurn = GatheredTurn & { visit: { hash: string | null; carried: boolean; recordedAt?: Date } };

// A proof in steady use is written again at most once a minute (the 30-minute window slides).
const REFRESH_MS = 60_000;

export function forThisVisit(turn: GatheredTurn, visitHash: string | null): VisitTurn {
  const state = turn.input.state;
  // Nothing proven yet (or a new conversation): nothing to hand over.
  if (!turn.stored || !state || !holdsProof(state)) return { ...turn, visit: { hash: visitHash, carried: true } };
  const record = turn.stored.visitProof ?? null;
  if (proofCarries(record, visitHash, new Date(turn.input.now))) return { ...turn, visit: { hash: visitHash, carried: true, recordedAt: record!.usedAt } };
  const scoped = withoutCarriedProof(state, turn.input.history);
  return { ...turn, input: { ...turn.input, ...scoped }, visit: { hash: visitHash, carried: false } };
}

/** What to store: a turn decided without the earlier proof keeps the conversation's reply-to unless this visitor gave one. */
export function decisionToStore(turn: VisitTurn, decision: TurnDecision): TurnDecision {
  if (turn.visit.carried) return decision;
  return { ...decision, state: keepStoredReplyTo(decision.state, turn.stored?.shopperEmail ?? null) };
}

/**
 * The proof the turn ended with (as decided, before any reply-to was kept) belongs to this visit, from
 * now: the VisitProof row the turn's write upserts, or undefined when nothing is to be written.
 */
export function visitProofToWrite(turn: VisitTurn, decided: TurnDecision): VisitProofRow | undefined {
  if (!holdsProof(decided.state)) return undefined;
  const now = new Date(turn.input.now);
  if (turn.visit.recordedAt && now.getTime() - turn.visit.recordedAt.getTime() < REFRESH_MS) return undefined;
  return { visitHash: turn.visit.hash, usedAt: now };
}

/** A turn that writes no messages (nothing to say) still moves the proof to this visit, on its own. */
export async function recordVisitProofAlone(deps: Pick<ChatDeps, "db" | "log">, conversationId: string, row: VisitProofRow): Promise<void> {
  try {
    await deps.db.visitProof.upsert({ where: { conversationId }, create: { conversationId, ...row }, update: row });
  } catch (error) {
    // The turn is answered; an unrecorded proof only means this visitor is asked again.
    deps.log.warn({ err: (error as Error).message }, "visit proof not recorded");
  }
}
