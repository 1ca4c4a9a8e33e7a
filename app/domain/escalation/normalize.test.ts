import { describe, expect, it } from "vitest";
import { isWithinOneEdit, normalizeText } from "./normalize";

describe("normalizeText", () => {
  it.each<[string, string]>([
    ["I DON'T want this", " i do not want this "],
    ["Ich möchte mit einem Menschen sprechen", " ich mochte mit einem menschen sprechen "],
    ["@AcmeSupport my order is sooooo late #CustomerServiceFail http://x.co/1", " my order is soo late customer service fail "],
    ["u cant be serious", " you can not be serious "],
    ["talk to a humna", " talk to a human "],
    ["f**king sh*t from an a$$hole, b*tch", " fucking shit from an asshole bitch "],
    ["assistance tospeak witth someone", " assistance to speak with someone "],
  ])("%s", (input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it("measures shouting and exclamations", () => {
    const n = normalizeText("WHERE IS MY ORDER!!!");
    expect(n.capsRatio).toBeGreaterThan(0.9);
    expect(n.exclamations).toBe(3);
  });
});

describe("isWithinOneEdit", () => {
  it.each<[string, string, boolean]>([
    ["agnet", "agent", true],
    ["humna", "human", true],
    ["persn", "person", true],
    ["agenda", "agent", false],
  ])("%s ~ %s", (a, b, expected) => expect(isWithinOneEdit(a, b)).toBe(expected));
});
