import { describe, expect, it } from "vitest";
import { blankEmailsInProse, blankEmailTokens, findEmailsInProse, findEmailTokens, isBareEmail, isValidEmail, normalizeEmail, sameEmail } from "./address";

describe("email addresses", () => {
  it("finds what a shopper typed, mistakes included, without the sentence's full stop", () => {
    expect(findEmailTokens("It's Sarah@Example.com. Or sarah@gmail")).toEqual(["Sarah@Example.com", "sarah@gmail"]);
    expect(blankEmailTokens("mail hate.mail@x.com now")).toBe("mail   now");
    expect(findEmailTokens("no address here")).toEqual([]);
  });

  it("finds addresses in prose only with a real top-level domain", () => {
    expect(findEmailsInProse("Write to ana@tienda.es or noon@2pm.")).toEqual(["ana@tienda.es"]);
    expect(blankEmailsInProse("see help@shop.example today")).toBe("see   today");
  });

  it("a bare, header-safe address", () => {
    expect(isBareEmail("name@example.com")).toBe(true);
    for (const bad of ["name@example.com  x", '"a"@b.com', "a@b", "<a@b.com>"]) expect(isBareEmail(bad), bad).toBe(false);
  });

  it.each([
    ["sarah@example.com", true],
    ["a.b+tag@mail.example.co.uk", true],
    ["sarah@", false],
    ["sarah@localhost", false],
    [`${"x".repeat(65)}@example.com`, false],
    ["a@b.com\nBcc: x@y.com", false],
  ])("validates %s → %s", (value, ok) => {
    expect(isValidEmail(value)).toBe(ok);
  });

  it("one equality: case and surrounding spaces do not matter, a missing address never matches", () => {
    expect(sameEmail(" Sarah@Example.COM ", "sarah@example.com")).toBe(true);
    expect(sameEmail("sarah@example.com", "sara@example.com")).toBe(false);
    expect(sameEmail(null, null)).toBe(false);
    expect(sameEmail("", "")).toBe(false);
    expect(normalizeEmail("  A@B.com ")).toBe("a@b.com");
  });
});
