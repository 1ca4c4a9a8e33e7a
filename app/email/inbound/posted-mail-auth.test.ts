import { generateKeyPairSync } from "node:crypto";
import { dkimSign } from "mailauth/lib/dkim/sign";
import { describe, expect, it } from "vitest";
import { readPostedMail } from "./inbound-request.server";
import { isForged } from "./mail-auth.server";

// A raw message posted to POST /inbound/email by a provider (no verdicts from our listener) gets its
// DKIM signature verified with mailauth: here against a key published in a stub DNS resolver.
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const published = publicKey.export({ type: "spki", format: "der" }).toString("base64");
const DNS: Record<string, string[][]> = {
  "TXT mail._domainkey.team.example": [[`v=DKIM1; k=rsa; p=${published}`]],
  "TXT _dmarc.team.example": [["v=DMARC1; p=reject"]],
};
const resolver = async (domain: string, type: string) => {
  const found = DNS[`${type} ${domain.toLowerCase()}`];
  if (found) return found;
  throw Object.assign(new Error(`no ${type} for ${domain}`), { code: "ENOTFOUND" });
};
const unreachable = async () => {
  throw Object.assign(new Error("DNS unreachable"), { code: "ECONNREFUSED" });
};

const message = (from: string, body = "Your replacement mug ships today.") =>
  [
    `From: Ana <${from}>`,
    "To: case+abc.0123456789abcdef01234567@reply.example",
    "Subject: Re: your case",
    "Message-ID: <posted-1@team.example>",
    "Date: Mon, 07 Dec 2026 01:00:00 +0000",
    "",
    body,
    "",
  ].join("\r\n");

async function signed(raw: string): Promise<Buffer> {
  const key = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  // mailauth reads the keys from `signatureData` (its .d.ts names them at the top level).
  const options = { signatureData: [{ signingDomain: "team.example", selector: "mail", privateKey: key }] };
  const result = await dkimSign(raw, options as unknown as Parameters<typeof dkimSign>[1]);
  return Buffer.from(result.signatures + raw);
}

const post = () =>
  new Request("http://app.test/inbound/email", { method: "POST", headers: { "content-type": "message/rfc822", "x-baton-rcpt-to": "case@reply.example" } });

describe("DKIM on a raw post", () => {
  it("a message signed by its domain passes DKIM and DMARC (SPF is not checked: a post carries no connecting address)", async () => {
    const raw = await signed(message("ana@team.example"));
    const mail = await readPostedMail(post(), raw, { resolver });
    expect(mail!.auth).toEqual({ dkim: "pass", spf: "none", dmarc: "pass", checkedBy: "endpoint" });
    expect(isForged(mail!.auth!)).toBe(false);
  });

  it("a body changed after signing fails DKIM; an unsigned one has none; neither is failed on DMARC without SPF", async () => {
    const raw = await signed(message("ana@team.example"));
    const tampered = Buffer.from(raw.toString().replace("ships today", "was refunded"));
    const broken = (await readPostedMail(post(), tampered, { resolver }))!.auth!;
    // mailauth words a body-hash mismatch "neutral" (RFC 6376 leaves it to the verifier); never a pass.
    expect(["fail", "neutral"]).toContain(broken.dkim);
    expect(broken).toMatchObject({ dmarc: "none", checkedBy: "endpoint" });
    const unsigned = Buffer.from(message("ana@team.example"));
    expect((await readPostedMail(post(), unsigned, { resolver }))!.auth).toMatchObject({ dkim: "none", dmarc: "none", checkedBy: "endpoint" });
  });

  it("DNS that cannot be reached is recorded honestly as temperror, never as a pass", async () => {
    const raw = await signed(message("ana@team.example"));
    const auth = (await readPostedMail(post(), raw, { resolver: unreachable }))!.auth!;
    expect(auth.dkim).toBe("temperror");
    expect(auth.dmarc).not.toBe("pass");
    expect(auth.checkedBy).toBe("endpoint");
  });

  it("our listener's own verdicts (X-Baton-Mail-Auth) are taken as sent, without a second check", async () => {
    const raw = Buffer.from(message("ana@team.example"));
    const verdict = { dkim: "pass", spf: "pass", dmarc: "pass", checkedBy: "listener" };
    const request = new Request("http://app.test/inbound/email", {
      method: "POST",
      headers: { "content-type": "message/rfc822", "x-baton-mail-auth": JSON.stringify(verdict) },
    });
    expect((await readPostedMail(request, raw, { resolver: unreachable }))!.auth).toEqual(verdict);
  });
});
