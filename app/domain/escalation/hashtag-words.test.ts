import { describe, expect, it } from "vitest";
import { splitHashtag } from "./hashtag-words";
import { normalizeText } from "./normalize";

// Issue 26, seventh pass: a one-case hashtag is split into its likeliest words by word frequency.
describe("splitHashtag", () => {
  it.each([
    ["neveragain", "never again"],
    ["worstairline", "worst airline"],
    ["customerservicefail", "customer service fail"],
    ["nothappy", "not happy"],
    ["lostluggage", "lost luggage"],
    ["thanksfornothing", "thanks for nothing"],
  ])("%s → %s", (tag, words) => {
    expect(splitHashtag(tag)).toBe(words);
  });

  it("keeps a known word whole, and a tag with a piece outside the vocabulary as it was", () => {
    expect(splitHashtag("blessed")).toBe("blessed");
    expect(splitHashtag("disappointed")).toBe("disappointed");
    expect(splitHashtag("jetblue")).toBe("jetblue");
    expect(splitHashtag("xqzvbnmwrt")).toBe("xqzvbnmwrt");
    expect(splitHashtag("smh")).toBe("smh");
    expect(splitHashtag("flight123")).toBe("flight123");
  });

  it("is bounded: very long tags are left alone", () => {
    const long = "never".repeat(10);
    expect(splitHashtag(long)).toBe(long);
  });
});

describe("hashtags in normalized text", () => {
  it("splits one-case tags and CamelCase tags alike, and leaves the rest of the text as it was", () => {
    expect(normalizeText("@airline #neveragain").text).toBe(" never again ");
    expect(normalizeText("@airline #NEVERAGAIN").text).toBe(" never again ");
    expect(normalizeText("@airline #NeverAgain").text).toBe(" never again ");
    expect(normalizeText("late again #fail #tbt").text).toBe(" late again fail tbt ");
  });

  it("keeps the tag's case, so an all-caps tag still counts as shouting", () => {
    expect(normalizeText("THIS IS LATE AGAIN #NEVERAGAIN").capsRatio).toBe(1);
    expect(normalizeText("THIS IS LATE AGAIN #FAIL").capsRatio).toBe(1);
    // "late again Never again fail": 1 capital among 23 letters
    expect(normalizeText("late again #Neveragain #fail").capsRatio).toBeCloseTo(1 / 23, 5);
  });

  it("lets the rules read what the tag says", async () => {
    const { detectEscalation } = await import("./detect-escalation");
    const { defaultEscalationSettings } = await import("./settings");
    const escalates = (text: string) => detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings, { model: null }).escalate;
    expect(escalates("@airline #neveragain")).toBe(true);
    expect(escalates("@airline #neveragain".replace("#neveragain", "#bestflightever"))).toBe(false);
  });
});
