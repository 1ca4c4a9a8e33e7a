import { describe, expect, it } from "vitest";
import { readHistory, type HistoryMessage } from "./read-history";

describe("readHistory", () => {
  it("keeps a photo's line in the transcript but gives the detector no words from it", () => {
    const history: HistoryMessage[] = [
      { role: "shopper", text: "📷 photo-1.jpg", at: 1, meta: { photo: { id: "p1", width: 10, height: 10 } } },
      { role: "shopper", text: "My beanie arrived damaged", at: 2, meta: {} },
    ];
    const reading = readHistory(history);
    expect(reading.lines.map((l) => l.text)).toEqual(["📷 photo-1.jpg", "My beanie arrived damaged"]);
    expect(reading.detectorMessages.map((m) => m.text)).toEqual(["My beanie arrived damaged"]);
  });
});
