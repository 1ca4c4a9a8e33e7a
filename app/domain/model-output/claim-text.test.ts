import { describe, expect, it } from "vitest";
import { claimText } from "./claim-text";

describe("claimText: the form the claim checks read", () => {
  it.each([
    ["full-width letters", "Ｒｅｆｕｎｄ： ａｐｐｒｏｖｅｄ", "Refund: approved"],
    ["Cyrillic look-alikes", "r\u0435fund appr\u043eved", "refund approved"],
    ["a check mark reads as done", "Refund ✅", "Refund done "],
    ["other emoji are dropped", "Refund 💸 approved ✨", "Refund approved "],
    ["markdown emphasis and code", "**Refund** __approved__ `now`", " Refund approved now "],
    ["a heading or quote marker", "## Refund\n> approved", " Refund\n approved"],
    ["spaced letters", "R e f u n d  a p p r o v e d", "Refund approved"],
    ["dotted letters", "r.e.f.u.n.d", "refund"],
    ["a soft hyphen and zero-width space", "ap\u00adpro\u200bved", "approved"],
  ])("%s", (_name, input, output) => expect(claimText(input)).toBe(output));

  it("leaves ordinary words, abbreviations and hyphenated words alone", () => {
    expect(claimText("Your T-shirt ships via U.S. mail, e.g. USPS.")).toBe("Your T-shirt ships via U.S. mail, e.g. USPS.");
  });
});
