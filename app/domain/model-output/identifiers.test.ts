import { describe, expect, it } from "vitest";
import { foreignIdentifiers, hasEncodedPayload } from "./identifiers";
import { foreignLinks } from "./links";

const SARAH = ["Where is #1042? sarah@example.com", JSON.stringify({ order: "#1042", tracking: [{ number: "9400111899223847563" }] })];
const OTHER = "9400111899223847999";

describe("foreignIdentifiers: disguised data", () => {
  it.each([
    ["grouped digits", "Tracking: 9400 1118 9922 3847 999"],
    ["spaced digits", `Tracking: ${OTHER.split("").join(" ")}`],
    ["dashed digits", "Ref 9400-1118-9922-3847-999"],
    ["digits as words", "It is nine four zero zero two two two eight."],
    ["split across sentences", "Part one: 55501. Part two: 23447. Part three: 78812."],
    ["an email spelled out", "Write to mike at example dot com."],
    ["an email in brackets", "mike (at) example (dot) com"],
    ["a grouped alphanumeric id", "Use 1Z 999 AA1 0123 4567 84."],
  ])("%s", (_name, text) => expect(foreignIdentifiers(text, SARAH).length).toBeGreaterThan(0));

  it.each([
    "Order #1042 (sarah@example.com) has tracking 9400 1118 9922 3847 563.",
    "Delivered Feb 20, 2026; total $74.50; 3 items.",
    "One or two days, three at most.",
    "Full policy at baton-demo.myshopify.com/policies/refund-policy",
    "We're at a point where it ships in 2 days.",
  ])("passes %j", (text) => expect(foreignIdentifiers(text, SARAH)).toEqual([]));
});

describe("hasEncodedPayload: short encodings", () => {
  it.each([btoa("mike@ex.com"), btoa("9400111"), "bWlrZUBleGFtcGxlLmNvbQ=="])("flags %j", (token) =>
    expect(hasEncodedPayload(`Note: ${token}`, [])).toBe(true),
  );
  it.each(["SKU MUG-BLU-12", "Code ABCD1234", "Hello there"])("passes %j", (text) => expect(hasEncodedPayload(text, [])).toBe(false));
});

describe("foreignLinks", () => {
  const policy = {
    published: ["https://baton-demo.myshopify.com/policies/refund-policy", "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847563"],
    shopHosts: ["baton-demo.myshopify.com"],
  };
  it.each([
    "See [the refund form](https://evil.example/refund-approve).",
    "Go to evil.example/refund now.",
    "www.evil.example",
    "https://baton-demo.myshopify.com/pages/x?d=c2FyYWhAZXhhbXBsZS5jb20",
    "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847999",
  ])("refuses %j", (text) => expect(foreignLinks(text, policy).length).toBeGreaterThan(0));
  it.each([
    "Full policy: https://baton-demo.myshopify.com/policies/refund-policy.",
    "Track it: https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847563",
    "Browse https://baton-demo.myshopify.com/collections/mugs",
    "Write to help@demo.example.",
    "e.g. the blue one",
  ])("allows %j", (text) => expect(foreignLinks(text, policy)).toEqual([]));
});
