import { describe, expect, it } from "vitest";
import { findEmail, fmt, isValidEmail, shortUrl, splitLinks } from "./text";

describe("fmt", () => {
  it("fills known placeholders and leaves the rest", () => {
    expect(fmt("Reply to {email} in {s}s {x}", { email: "a@b.co", s: 3 })).toBe("Reply to a@b.co in 3s {x}");
  });
});

describe("isValidEmail", () => {
  it.each(["sarah@example.com", "a.b+tag@mail.example.co.uk", "x@y.io"])("accepts %s", (e) => expect(isValidEmail(e)).toBe(true));
  it.each(["", "sarah", "sarah@", "@example.com", "sarah@example", "sa rah@example.com", "a@b.c", "a@@b.com", "a@b..com", `${"a".repeat(250)}@b.com`])(
    "rejects %j",
    (e) => expect(isValidEmail(e)).toBe(false),
  );
});

describe("findEmail", () => {
  it("finds the last address in a sentence", () => {
    expect(findEmail("I've forwarded your case. They'll reach you at sarah@example.com.")).toBe("sarah@example.com");
    expect(findEmail("from shop@x.com to (me@y.org)")).toBe("me@y.org");
    expect(findEmail("no address here")).toBeUndefined();
  });
});

describe("splitLinks", () => {
  it("keeps text as text and trims punctuation off links", () => {
    expect(splitLinks("Track it at https://t.example/abc?x=1. Thanks")).toEqual([
      { text: "Track it at " },
      { text: "https://t.example/abc?x=1", href: "https://t.example/abc?x=1" },
      { text: ". Thanks" },
    ]);
    expect(splitLinks("<b>no links</b>")).toEqual([{ text: "<b>no links</b>" }]);
    expect(splitLinks("javascript:alert(1) (http://a.b)")).toEqual([
      { text: "javascript:alert(1) (" },
      { text: "http://a.b", href: "http://a.b" },
      { text: ")" },
    ]);
  });
});

describe("shortUrl", () => {
  it.each([
    ["https://track.example/abc", "track.example/abc"],
    ["https://www.ups.com/", "ups.com"],
    ["https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847563", "tools.usps.com/go/TrackConfirm…"],
  ])("%s → %s", (url, shown) => expect(shortUrl(url)).toBe(shown));
});

describe("splitLinks: contact details", () => {
  it("makes the store's email and phone tappable, and leaves order, tracking and date numbers as text", () => {
    expect(splitLinks("Write to help@shop.example or call +1 (555) 010-0199.")).toEqual([
      { text: "Write to " },
      { text: "help@shop.example", href: "mailto:help@shop.example" },
      { text: " or call " },
      { text: "+1 (555) 010-0199", href: "tel:+15550100199" },
      { text: "." },
    ]);
    expect(splitLinks("Call (030) 1234 5678 today")[1]).toEqual({ text: "(030) 1234 5678", href: "tel:03012345678" });
    for (const plain of ["Order #1042 shipped", "USPS 9400111899223847563", "UPS 1Z999AA10123456784", "Delivered 2026-02-20.", "Total $6,240.50"])
      expect(splitLinks(plain)).toEqual([{ text: plain }]);
  });
});
