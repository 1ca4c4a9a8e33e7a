import { describe, expect, it } from "vitest";
import { contrastRatio, DEFAULT_ACCENT, normalizeAccent, parseHex, readableTextOn } from "./color";

describe("parseHex", () => {
  it.each([
    ["#fff", [255, 255, 255]],
    ["#1F5FAD", [31, 95, 173]],
    [" #000000 ", [0, 0, 0]],
  ])("parses %s", (input, rgb) => expect(parseHex(input)).toEqual(rgb));

  it.each(["red", "rgba(0,0,0,0)", "#12345", "#ffff", "", "#fff;}:host{display:none"])("rejects %j", (input) => expect(parseHex(input)).toBeNull());
});

describe("normalizeAccent", () => {
  it.each([
    ["#ABC", "#aabbcc"],
    ["#1f5fad", "#1f5fad"],
    ["blue", DEFAULT_ACCENT],
    [undefined, DEFAULT_ACCENT],
    [42, DEFAULT_ACCENT],
  ])("%j → %s", (input, out) => expect(normalizeAccent(input)).toBe(out));
});

describe("readableTextOn", () => {
  it("matches the WCAG reference ratios", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it.each([
    ["#ffffff", "#111111"],
    ["#ffeb3b", "#111111"],
    ["#000000", "#ffffff"],
    ["#1f5fad", "#ffffff"],
    ["#777777", "#000000"], // mid-grey: #111 would give 4.4:1
    ["#ff0000", "#111111"],
  ])("on %s uses %s", (accent, text) => expect(readableTextOn(accent)).toBe(text));

  it("reaches AA (4.5:1) on every grey and on a sweep of hues", () => {
    const colours: string[] = [];
    for (let v = 0; v < 256; v += 5) colours.push("#" + v.toString(16).padStart(2, "0").repeat(3));
    for (let i = 0; i < 4096; i += 37) colours.push("#" + i.toString(16).padStart(3, "0"));
    for (const c of colours) expect(contrastRatio(c, readableTextOn(normalizeAccent(c)))).toBeGreaterThanOrEqual(4.5);
  });
});
