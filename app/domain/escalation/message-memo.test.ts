import { beforeEach, describe, expect, it } from "vitest";
import { detectEscalation } from "./detect-escalation";
import { clearMessageMemo, MEMO_CAPACITY, memoSize, readMessage } from "./message-memo";
import { defaultEscalationSettings, type EscalationSettings } from "./settings";
import { ANGRY_SENTENCES, COMPLAINT_TWEETS, HUMAN_REQUESTS, NOT_ANGRY_SENTENCES, ROUTINE_ASSISTANT_QUERIES } from "./synthetic-checks.fixtures";
import type { DetectorMessage } from "./types";

// The memo must be invisible: a turn judged with earlier messages read from it decides exactly as one that reads
// every message afresh (reasons, scores, evidence, signals, priority, topic).

const TEXTS = [...ROUTINE_ASSISTANT_QUERIES, ...COMPLAINT_TWEETS, ...HUMAN_REQUESTS, ...ANGRY_SENTENCES, ...NOT_ANGRY_SENTENCES];

/** 4-message conversations (shopper, assistant, shopper, …) drawn from the fixtures in a fixed pattern. */
function conversations(): DetectorMessage[][] {
  const out: DetectorMessage[][] = [];
  for (let i = 0; i < TEXTS.length; i++) {
    const pick = (k: number) => TEXTS[(i * 7 + k * 13) % TEXTS.length];
    out.push([
      { role: "shopper", text: pick(0) },
      { role: "assistant", text: "Sorry, I could not find that." },
      { role: "shopper", text: pick(1) },
      { role: "shopper", text: pick(2) },
      { role: "shopper", text: TEXTS[i] },
    ]);
  }
  return out;
}

const SHOPS: EscalationSettings[] = [defaultEscalationSettings, { ...defaultEscalationSettings, languages: ["en"] }];

describe("message memo", () => {
  beforeEach(() => clearMessageMemo());

  it("every turn decides as with each message read afresh, for each prefix of each conversation and two language sets", () => {
    for (const settings of SHOPS)
      for (const messages of conversations())
        for (let end = 1; end <= messages.length; end++) {
          const turn = { messages: messages.slice(0, end) };
          const fresh = detectEscalation(turn, {}, settings, { memo: false });
          expect(detectEscalation(turn, {}, settings)).toEqual(fresh);
          // a second time, every message now from the memo
          expect(detectEscalation(turn, {}, settings)).toEqual(fresh);
        }
  });

  it("rising frustration over turns reads the history from the memo with the same result", () => {
    const messages: DetectorMessage[] = [
      { role: "shopper", text: "where is my order" },
      { role: "shopper", text: "it still has not shipped?" },
      { role: "shopper", text: "this is getting really annoying" },
      { role: "shopper", text: "seriously, nobody can tell me anything??" },
    ];
    const fresh = detectEscalation({ messages }, {}, defaultEscalationSettings, { memo: false });
    for (let end = 1; end <= messages.length; end++) detectEscalation({ messages: messages.slice(0, end) }, {}, defaultEscalationSettings);
    expect(detectEscalation({ messages }, {}, defaultEscalationSettings)).toEqual(fresh);
  });

  it("is bounded: the least recently used text is dropped first", () => {
    const kept = readMessage("kept");
    const zero = readMessage("text 0");
    for (let i = 1; i <= MEMO_CAPACITY; i++) {
      readMessage(`text ${i}`);
      if (i % 100 === 0) readMessage("kept");
    }
    expect(memoSize()).toBe(MEMO_CAPACITY);
    expect(memoSize()).toBe(MEMO_CAPACITY);
    expect(readMessage("kept")).toBe(kept);
    // "text 0" was the least recently used: dropped, so read afresh
    expect(readMessage("text 0")).not.toBe(zero);
    expect(readMessage("text 0")).toEqual(zero);
  });

  it("keeps no very long text", () => {
    readMessage("x".repeat(5000));
    expect(memoSize()).toBe(0);
  });
});
