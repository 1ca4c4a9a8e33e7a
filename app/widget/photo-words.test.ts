import { describe, expect, it } from "vitest";
import { photoButtonWords, photoWords } from "./photo-words";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("photo words", () => {
  it("exist in en, es, fr, de with the same placeholders, and other languages read English", () => {
    const en = photoWords("en");
    for (const locale of ["es", "fr-CA", "de-AT"]) {
      const words = photoWords(locale);
      expect(Object.keys(words).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as Array<keyof typeof en>) {
        expect(words[key], `${locale} ${key}`).not.toBe(en[key]);
        expect(placeholders(words[key]), `${locale} ${key}`).toEqual(placeholders(en[key]));
      }
      expect(photoButtonWords(locale).attach).not.toBe(photoButtonWords("en").attach);
    }
    expect(photoWords("ja")).toBe(en);
    expect(photoButtonWords("pt-BR")).toEqual({ attach: "Attach photos", photo: "Your photo" });
  });
});
