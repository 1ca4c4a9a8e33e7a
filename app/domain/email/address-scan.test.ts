import { describe, expect, it } from "vitest";
import { blankEmailsInProse, blankEmailTokens, findEmailsInProse, findEmailTokens } from "./address";
import { scanProse, scanTyped } from "./address-scan";

// The patterns the one-pass scan replaced, kept here as the reference it must agree with.
const IN_PROSE = String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}`;
const TOKEN = String.raw`[^\s<>()[\]{},;:"']+@[^\s<>()[\]{},;:"']+`;
const reference = {
  prose: (t: string) => [...t.matchAll(new RegExp(IN_PROSE, "gu"))].map((m) => m[0]),
  blankProse: (t: string) => t.replace(new RegExp(IN_PROSE, "gu"), " "),
  tokens: (t: string) => [...t.matchAll(new RegExp(TOKEN, "g"))].map((m) => m[0].replace(/[.!?]+$/, "")),
  blankTokens: (t: string) => t.replace(new RegExp(TOKEN, "g"), " "),
};

// A small seeded generator, so a failure names its input and every run checks the same texts.
function texts(count: number, seed: number): string[] {
  const alphabet = ["a", "b", "Z", "1", "9", ".", ".", "-", "_", "%", "+", "@", "@", " ", ",", "'", "<", "返", "é", "𝐀", "\u3000", "!"];
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31), x);
  return Array.from({ length: count }, () => Array.from({ length: 1 + (next() % 40) }, () => alphabet[next() % alphabet.length]).join(""));
}

describe("the one-pass address scan", () => {
  it("finds exactly what the former patterns found, on 20,000 random texts of letters, digits, dots, '@' and separators", () => {
    for (const t of [...texts(20_000, 7), "mail ana@tienda.es, noon@2pm. a@b.com1 x@y.z.co.uk@q.de 𝐀𝐁@𝐂𝐃.𝐄𝐅"]) {
      expect(findEmailsInProse(t), t).toEqual(reference.prose(t));
      expect(blankEmailsInProse(t), t).toBe(reference.blankProse(t));
      expect(findEmailTokens(t), t).toEqual(reference.tokens(t));
      expect(blankEmailTokens(t), t).toBe(reference.blankTokens(t));
    }
  });

  // Hostile shapes: no spaces, many '@', long dot runs, a script without spaces. The work is counted
  // in characters read, not timed, so the bound cannot flake on a busy machine.
  const SHAPES: Array<[string, string]> = [
    ["one long word", "a".repeat(20_000)],
    ["Japanese without spaces", "返金".repeat(10_000)],
    ["many '@'", "a@".repeat(10_000)],
    ["'@' then a long dot run", "a@" + "a.".repeat(10_000)],
    ["dot runs between '@'", "a.1@".repeat(5_000)],
    ["a long local part before one '@'", "b.".repeat(10_000) + "@x"],
    ["domains without a top level", "x@1.2.3.4.5.".repeat(2_000)],
  ];
  it.each(SHAPES)("%s: at most four reads per character", (_name, text) => {
    const chars = [...text].length;
    expect(scanProse(text).steps).toBeLessThanOrEqual(4 * chars + 1);
    expect(scanTyped(text).steps).toBeLessThanOrEqual(text.length + 1);
  });
});
