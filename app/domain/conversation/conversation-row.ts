import { z } from "zod";
import { readShopperRequest } from "../escalation";
import type { ConversationState, Phase, PendingEscalation } from "./types";

/**
 * The conversation state ⇄ its row's columns: one reader and one writer. `pendingEscalation` is
 * JSON text (docs/toolchain.md: a Json column cannot be cleared the same way on both databases).
 */
export interface ConversationStateColumns {
  state: string;
  shopperEmail: string | null;
  orderName: string | null;
  orderVerified: boolean;
  unhelpfulCount: number;
  emailAsks: number;
  pendingEscalation: string | null;
}

const PHASES: readonly Phase[] = ["open", "awaiting_email", "escalated", "closed"];

const pendingEscalationSchema = z.object({
  escalate: z.boolean(),
  reasons: z.array(z.string()),
  reasonText: z.string(),
  priority: z.enum(["low", "normal", "high", "urgent"]),
  confidence: z.number(),
  signals: z.array(z.looseObject({ reason: z.string(), score: z.number(), evidence: z.string() })),
  topic: z.string(),
  request: z.unknown().optional().transform(readShopperRequest),
  askedWhat: z.boolean().optional(),
  afterProof: z.boolean().optional(),
});

export function readConversationState(row: ConversationStateColumns): ConversationState {
  return {
    phase: PHASES.find((p) => p === row.state) ?? "open",
    shopperEmail: row.shopperEmail,
    orderName: row.orderName,
    orderVerified: row.orderVerified,
    unhelpfulCount: row.unhelpfulCount,
    emailAsks: row.emailAsks,
    pendingEscalation: readPendingEscalation(row.pendingEscalation),
  };
}

export function writeConversationState(s: ConversationState): ConversationStateColumns {
  return {
    state: s.phase,
    shopperEmail: s.shopperEmail,
    orderName: s.orderName,
    orderVerified: s.orderVerified,
    unhelpfulCount: s.unhelpfulCount,
    emailAsks: s.emailAsks,
    pendingEscalation: s.pendingEscalation ? JSON.stringify(s.pendingEscalation) : null,
  };
}

// A damaged or older cell reads as "nothing pending": the shopper can still ask again.
function readPendingEscalation(text: string | null): PendingEscalation | null {
  if (!text) return null;
  try {
    const parsed = pendingEscalationSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as PendingEscalation) : null;
  } catch {
    return null;
  }
}
