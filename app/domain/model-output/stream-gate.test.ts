import { describe, expect, it } from "vitest";
import type { GuardVerdict } from "./output-guard";
import { completeSentences, partialReply, StreamGate } from "./stream-gate";

describe("partialReply", () => {
  it.each([
    ["", ""],
    ['{"re', ""],
    ['{"reply": "Hel', "Hel"],
    ['{"reply":"Line one.\\nLine \\"two\\"', 'Line one.\nLine "two"'],
    ['{"reply": "caf\\u00e9 ok", "confidence": 0.9}', "café ok"],
    ['{"reply": "cut escape \\', "cut escape "],
    ['{"reply": "cut unicode \\u00', "cut unicode "],
    ['```json\n{"reply": "fenced', "fenced"],
    ["Plain text answer", "Plain text answer"],
  ])("%j → %j", (content, expected) => {
    expect(partialReply(content)).toBe(expected);
  });
});

describe("completeSentences", () => {
  it.each([
    ["No end yet", ""],
    ["One. Two", "One."],
    ["Really? Yes! And…", "Really? Yes!"],
    ["Version 2.5 is out", ""],
    ["Line\nmore", "Line\n"],
  ])("%j → %j", (text, expected) => {
    expect(completeSentences(text)).toBe(expected);
  });
});

describe("StreamGate", () => {
  const passAll = (text: string): GuardVerdict => ({ ok: true, text: text.trim() });
  const run = (guard: (t: string) => GuardVerdict, pieces: string[], final?: string) => {
    const out: string[] = [];
    const gate = new StreamGate(guard, (t) => out.push(t));
    let so = "";
    for (const p of pieces) gate.offer((so += p));
    if (final !== undefined) gate.finish(final);
    return out;
  };

  it("releases whole sentences only, then the rest when the reply is final", () => {
    expect(run(passAll, ["Hello th", "ere. How a", "re you? Fine"], "Hello there. How are you? Fine")).toEqual(["Hello there.", " How are you?", " Fine"]);
  });

  it("stops for good at the first refused prefix (the final answer replaces what was shown)", () => {
    const noEmails = (text: string): GuardVerdict => (/@/.test(text) ? { ok: false, reason: "data_egress" } : { ok: true, text: text.trim() });
    expect(run(noEmails, ["Sure. ", "Mail ann@x.io now. ", "Bye. "], "Sure. Mail ann@x.io now. Bye.")).toEqual(["Sure."]);
  });

  it("judges the whole prefix, so a leak split across sentences is caught", () => {
    const noSecret = (text: string): GuardVerdict => (/alpha\. beta/.test(text) ? { ok: false, reason: "prompt_leak" } : { ok: true, text: text.trim() });
    expect(run(noSecret, ["alpha. ", "beta. "])).toEqual(["alpha."]);
  });
});
