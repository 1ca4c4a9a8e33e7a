import { describe, expect, it } from "vitest";
import { caseAddressKey, caseReplyAddress, readCaseAddress, verifyCaseAddress } from "./case-address.server";
import { isForged, verdictFromProvider } from "./mail-auth.server";
import { authorNameFor, isPublicMailboxDomain, isTeamAddress, parseTeamReplySettings, teamReplySettingsSchema } from "./team-reply-settings";

const key = caseAddressKey("app-secret");

describe("case reply addresses", () => {
  it("round-trip: the address names its case and verifies; any other MAC, case, key or domain does not", () => {
    const address = caseReplyAddress(key, "Reply.Example.com", "clx1case0001");
    expect(address).toMatch(/^case\+clx1case0001\.[0-9a-f]{24}@reply\.example\.com$/);
    const read = readCaseAddress(address.toUpperCase(), "reply.example.com")!;
    expect(read.caseId).toBe("clx1case0001");
    expect(verifyCaseAddress(key, read.caseId, read.mac)).toBe(true);
    expect(verifyCaseAddress(key, "clx1case0002", read.mac)).toBe(false);
    expect(verifyCaseAddress(caseAddressKey("other-secret"), read.caseId, read.mac)).toBe(false);
    expect(verifyCaseAddress(key, read.caseId, "0".repeat(24))).toBe(false);
    expect(readCaseAddress(address, "other.example.com")).toBeNull();
    expect(readCaseAddress("support@reply.example.com", "reply.example.com")).toBeNull();
    expect(readCaseAddress("case+x.123@reply.example.com", "reply.example.com")).toBeNull();
  });
});

describe("team senders and names", () => {
  const settings = parseTeamReplySettings({ teamDomains: ["@HelpDesk.example"], authorName: "first_name" });
  it("a listed recipient or an address at a listed domain is the team; a look-alike is not", () => {
    expect(isTeamAddress("Support@Shop.example", ["support@shop.example"], settings)).toBe(true);
    expect(isTeamAddress("agent7@helpdesk.example", [], settings)).toBe(true);
    expect(isTeamAddress("agent7@evil-helpdesk.example", [], settings)).toBe(false);
    expect(isTeamAddress("helpdesk.example@evil.example", [], settings)).toBe(false);
    expect(isTeamAddress("not-an-address", ["not-an-address"], settings)).toBe(false);
  });
  it("a public mailbox service is never a team domain: refused when saved, ignored if stored earlier", () => {
    expect(teamReplySettingsSchema.safeParse({ teamDomains: ["gmail.com"] }).success).toBe(false);
    expect(teamReplySettingsSchema.safeParse({ teamDomains: ["@GMX.de"] }).success).toBe(false);
    expect(isPublicMailboxDomain("outlook.com")).toBe(true);
    expect(isPublicMailboxDomain("helpdesk.example")).toBe(false);
    const stored = { teamDomains: ["gmail.com"], authorName: "first_name" as const };
    expect(isTeamAddress("anyone@gmail.com", [], stored)).toBe(false);
    // A recipient the merchant named by full address stays the team, whatever its provider.
    expect(isTeamAddress("owner@gmail.com", ["owner@gmail.com"], stored)).toBe(true);
  });
  it("the name shown to the shopper is what the shop allows", () => {
    expect(authorNameFor("Alex Rivera", "first_name")).toBe("Alex");
    expect(authorNameFor("Alex Rivera", "full_name")).toBe("Alex Rivera");
    expect(authorNameFor("Alex Rivera", "none")).toBeNull();
    expect(authorNameFor('"<script>" Bob', "full_name")).toBe("script Bob");
    expect(parseTeamReplySettings({ teamDomains: ["not a domain"] })).toEqual({ teamDomains: [], authorName: "first_name" });
  });
});

describe("authentication verdicts", () => {
  it("forged: DMARC fail, or SPF fail without a DKIM pass; unreachable DNS is not forged", () => {
    expect(isForged({ dkim: "none", spf: "fail", dmarc: "fail", checkedBy: "listener" })).toBe(true);
    expect(isForged({ dkim: "none", spf: "softfail", dmarc: "none", checkedBy: "listener" })).toBe(true);
    expect(isForged({ dkim: "pass", spf: "fail", dmarc: "pass", checkedBy: "listener" })).toBe(false);
    expect(isForged({ dkim: "temperror", spf: "temperror", dmarc: "temperror", checkedBy: "listener" })).toBe(false);
  });
  it("reads SendGrid's fields", () => {
    expect(verdictFromProvider("pass", "{@shop.example : pass}")).toEqual({ spf: "pass", dkim: "pass", dmarc: "none", checkedBy: "provider" });
    expect(verdictFromProvider("softfail", "none")).toMatchObject({ spf: "softfail", dkim: "none" });
    expect(verdictFromProvider(null, null)).toMatchObject({ checkedBy: "none" });
  });
});
