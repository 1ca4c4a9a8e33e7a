// The form of model text the claim and secret checks read. A hostile or steered model can dress a
// claim up so that a word pattern no longer sees it: full-width letters, Cyrillic look-alikes,
// markdown emphasis, emoji between the words, "r e f u n d", "r.e.f.u.n.d", a check mark for
// "approved". This copy is only read, never shown: the shopper sees the sanitised reply.

// Cyrillic and Greek letters that look like Latin ones ("rеfund" with a Cyrillic е).
const LOOK_ALIKES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  α: "a",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join("")}]`, "giu");

// A check mark says "done" in any language.
const CHECK_MARKS = /[\u2705\u2714\u2611\u2713\u{1F197}]\uFE0F?/gu;
// Other pictographs, their variation selectors, keycaps and skin tones carry no words.
const PICTOGRAPHS = /[\p{Extended_Pictographic}\uFE0E\uFE0F\u20E3\u{1F3FB}-\u{1F3FF}]/gu;
// Markdown emphasis, code, quotes, headings and table bars.
const MARKDOWN = /[*_~`|]+|^\s*(?:#{1,6}|>+)\s*/gmu;
// Three or more single letters joined by one space, dot or dash: "r e f u n d", "r.e.f.u.n.d".
const SPACED_LETTERS = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-·]\p{L}(?![\p{L}\p{N}])){2,}/gu;

/** Model text as the checks read it: NFKC, no invisible characters, look-alikes mapped, emoji and markdown gone, spaced words joined. */
export function claimText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c.toLowerCase()] ?? c)
    .replace(CHECK_MARKS, " done ")
    .replace(PICTOGRAPHS, " ")
    .replace(MARKDOWN, " ")
    .replace(SPACED_LETTERS, (run) => run.replace(/[ .\-·]/g, ""))
    .replace(/[ \t]+/g, " ");
}
