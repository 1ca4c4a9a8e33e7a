import { describe, expect, it } from "vitest";
import { normalizeText } from "../normalize";
import { modelTokens } from "./emoji-words";

describe("emoji for the model", () => {
  it("become the word of their tone, after the text's own tokens", () => {
    expect(modelTokens(normalizeText("flight delayed again 😡🙄"))).toEqual(["flight", "delayed", "again", "angry", "annoyed"]);
  });

  it("leave a message without tone emoji as it was (same array)", () => {
    const n = normalizeText("where is my order 📦");
    expect(modelTokens(n)).toBe(n.tokens);
    const plain = normalizeText("where is my order");
    expect(modelTokens(plain)).toBe(plain.tokens);
  });
});
