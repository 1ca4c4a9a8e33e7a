import { describe, expect, it } from "vitest";
import { guardModelReply } from "./output-guard";
import { StreamGate } from "./stream-gate";

// All synchronous work on model output is bounded: a hostile reply of 4,000 characters shaped to
// make a pattern backtrack (a word without spaces, as Japanese is written; "a-a-a-…"; "a.a.a.…")
// must not hold the event loop. Before, the Japanese run took 3 s and "a.a.a." 0.7 s.
const SHAPES: Array<[string, string]> = [
  ["Japanese without spaces", "返金".repeat(2000)],
  ["letters and dashes", "a-".repeat(2000)],
  ["letters and dots", "a.".repeat(2000)],
  ["full-width letters", "Ｒｅｆｕｎｄ".repeat(700)],
  ["one long word", "a".repeat(4000)],
  ["claim words without punctuation", "refund store credit replacement new mug code password card number ".repeat(60)],
];
const LIMIT_MS = 250; // generous for a shared 2-core machine; the measured cost is 1–70 ms

describe("the guard's cost on hostile shapes", () => {
  it.each(SHAPES)("%s: one check within the limit", (_name, text) => {
    const started = performance.now();
    guardModelReply({ text, systemPrompt: "You are a shop assistant.", canary: "CANARY-0000", allowed: [] });
    expect(performance.now() - started).toBeLessThan(LIMIT_MS);
  });

  it("a streamed reply of many short sentences is checked once per sentence, not once per prefix", () => {
    const guard = (text: string) => guardModelReply({ text, systemPrompt: "You are a shop assistant.", canary: "CANARY-0000", allowed: [] });
    const gate = new StreamGate(guard, () => {});
    const reply = "Our mugs are made by hand in a small workshop near Porto. ".repeat(20);
    const started = performance.now();
    for (let end = 8; end <= reply.length; end += 8) gate.offer(reply.slice(0, end));
    expect(performance.now() - started).toBeLessThan(LIMIT_MS * 2);
    expect(gate.shown.length).toBeGreaterThan(1000);
  });
});
