import { describe, expect, it } from "vitest";
import type { HistoryMessage } from "../conversation/read-history";
import { readHistory } from "../conversation/read-history";
import type { ConversationState } from "../conversation/types";
import { holdsProof, keepStoredReplyTo, proofCarries, VISIT_PROOF_IDLE_MS, withoutCarriedProof } from "./visit-proof";

const NOW = new Date("2026-12-07T01:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const proven: ConversationState = {
  phase: "open",
  shopperEmail: "sarah@example.com",
  orderName: "#1042",
  orderVerified: true,
  unhelpfulCount: 0,
  emailAsks: 0,
  pendingEscalation: null,
};

const history: HistoryMessage[] = [
  { role: "shopper", text: "Where is my order #1042?", at: 1, meta: {} },
  { role: "assistant", text: "What email did you order with?", at: 2, meta: {} },
  { role: "shopper", text: "it's Sarah@Example.com.", at: 3, meta: {} },
  { role: "assistant", text: "Here it is: #1042 was delivered.", at: 4, meta: {} },
];

describe("proofCarries", () => {
  it("holds for the visit that made the proof within 30 minutes of its last use", () => {
    expect(proofCarries({ visitHash: "v1", usedAt: ago(5 * 60_000) }, "v1", NOW)).toBe(true);
    expect(proofCarries({ visitHash: "v1", usedAt: ago(VISIT_PROOF_IDLE_MS) }, "v1", NOW)).toBe(true);
  });

  it("does not hold for another visit, past 30 minutes, without a record, or from the future", () => {
    expect(proofCarries({ visitHash: "v1", usedAt: ago(60_000) }, "v2", NOW)).toBe(false);
    expect(proofCarries({ visitHash: "v1", usedAt: ago(VISIT_PROOF_IDLE_MS + 1) }, "v1", NOW)).toBe(false);
    expect(proofCarries(null, "v1", NOW)).toBe(false);
    expect(proofCarries({ visitHash: "v1", usedAt: new Date(NOW.getTime() + 1000) }, "v1", NOW)).toBe(false);
  });

  it("a request without a token never uses a widget visit's proof, and the other way round", () => {
    expect(proofCarries({ visitHash: "v1", usedAt: ago(1000) }, null, NOW)).toBe(false);
    expect(proofCarries({ visitHash: null, usedAt: ago(1000) }, "v1", NOW)).toBe(false);
    // A client that sends none (an API client) is one visit of its own, still within 30 minutes.
    expect(proofCarries({ visitHash: null, usedAt: ago(1000) }, null, NOW)).toBe(true);
  });
});

describe("withoutCarriedProof", () => {
  it("decides the turn with no address, no proven order and the typed addresses hidden from the history", () => {
    const scoped = withoutCarriedProof(proven, history);
    expect(scoped.state).toMatchObject({ shopperEmail: null, orderVerified: false, orderName: "#1042", phase: "open" });
    expect(holdsProof(scoped.state)).toBe(false);
    expect(readHistory(scoped.history).typedEmails).toEqual([]);
    expect(JSON.stringify(scoped.history)).not.toMatch(/sarah/i);
    // The assistant's words and the rest of the shopper's stay for the model's context.
    expect(scoped.history.map((m) => m.text)).toContain("Here it is: #1042 was delivered.");
    expect(scoped.history[0]!.text).toBe("Where is my order #1042?");
    expect(readHistory(history).typedEmails).toEqual(["sarah@example.com"]);
  });

  it("keeps the stored reply-to unless the new visitor gave an address", () => {
    expect(keepStoredReplyTo({ shopperEmail: null }, "sarah@example.com")).toEqual({ shopperEmail: "sarah@example.com" });
    expect(keepStoredReplyTo({ shopperEmail: "mike@example.com" }, "sarah@example.com")).toEqual({ shopperEmail: "mike@example.com" });
  });

  it("holdsProof: an address or a proven order", () => {
    expect(holdsProof(null)).toBe(false);
    expect(holdsProof({ shopperEmail: null, orderVerified: true })).toBe(true);
    expect(holdsProof({ shopperEmail: "a@b.co", orderVerified: false })).toBe(true);
    expect(holdsProof({ shopperEmail: null, orderVerified: false })).toBe(false);
  });
});
