import { authenticate, type DNSResolver } from "mailauth";
import { z } from "zod";

/** DKIM / SPF / DMARC verdicts of one inbound email, as recorded with it (RFC 8601 result words). */
export const mailAuthVerdictSchema = z.object({
  dkim: z.string().max(20),
  spf: z.string().max(20),
  dmarc: z.string().max(20),
  /**
   * Who checked: our SMTP listener, the provider that posted the mail, our HTTP endpoint (DKIM and the
   * DMARC it can pass on a raw post: SPF needs the connecting address, which a post does not carry), or nobody.
   */
  checkedBy: z.enum(["listener", "provider", "endpoint", "none"]),
});
export type MailAuthVerdict = z.output<typeof mailAuthVerdictSchema>;

export const UNCHECKED: MailAuthVerdict = Object.freeze({ dkim: "none", spf: "none", dmarc: "none", checkedBy: "none" });

/**
 * Whether the verdicts prove the sender forged: DMARC failed, or SPF failed without a passing DKIM
 * signature. Where DNS could not be reached (temperror) or the domain publishes nothing (none), the
 * mail is not refused for it — the verdict is recorded and shown to the admin instead.
 */
export function isForged(v: MailAuthVerdict): boolean {
  if (v.dmarc === "fail") return true;
  return (v.spf === "fail" || v.spf === "softfail") && v.dkim !== "pass";
}

export interface CheckMailAuthInput {
  raw: Buffer;
  /** The connecting client's IP, its HELO name and the envelope sender (MAIL FROM). */
  ip: string;
  helo: string;
  mailFrom: string;
  /** Our host name, written into the result comments. */
  mta: string;
  /** DNS lookups (tests pass records as data; default: the system resolver). */
  resolver?: DNSResolver;
  timeoutMs?: number;
}

/** Runs DKIM, SPF and DMARC with mailauth. A check that cannot finish in time reads as temperror. */
export async function checkMailAuth(input: CheckMailAuthInput): Promise<MailAuthVerdict> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), input.timeoutMs ?? 5_000).unref());
  const run = authenticate(input.raw, {
    ip: input.ip,
    helo: input.helo,
    sender: input.mailFrom,
    mta: input.mta,
    resolver: input.resolver,
    disableArc: true,
    disableBimi: true,
  }).catch(() => null);
  const result = await Promise.race([run, timeout]);
  if (!result) return { dkim: "temperror", spf: "temperror", dmarc: "temperror", checkedBy: "listener" };
  const dkimResults = (result.dkim?.results ?? []).map((r) => r.status?.result ?? "none");
  const dkim = dkimResults.includes("pass") ? "pass" : (dkimResults[0] ?? "none");
  const spf = (result.spf && typeof result.spf === "object" ? result.spf.status?.result : undefined) ?? "none";
  const dmarc = (result.dmarc && typeof result.dmarc === "object" ? result.dmarc.status?.result : undefined) ?? "none";
  return { dkim: String(dkim), spf: String(spf), dmarc: String(dmarc), checkedBy: "listener" };
}

/**
 * DKIM for a raw message posted to POST /inbound/email without our listener's verdicts: the
 * signature is verified against the signer's published key (DNS), and DMARC passes when an aligned
 * signature does. SPF is not checked (no connecting address), so DMARC is never failed on it: a
 * missing pass reads as none. DNS that cannot be reached or a check that cannot finish in time reads
 * as temperror, as the listener records it.
 */
export async function checkPostedMailAuth(raw: Buffer, options: { resolver?: DNSResolver; timeoutMs?: number; mta?: string } = {}): Promise<MailAuthVerdict> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), options.timeoutMs ?? 5_000).unref());
  const run = authenticate(raw, { mta: options.mta, resolver: options.resolver, disableArc: true, disableBimi: true }).catch(() => null);
  const result = await Promise.race([run, timeout]);
  if (!result) return { dkim: "temperror", spf: "none", dmarc: "temperror", checkedBy: "endpoint" };
  const dkimResults = (result.dkim?.results ?? []).map((r) => String(r.status?.result ?? "none"));
  const dkim = dkimResults.includes("pass") ? "pass" : (dkimResults[0] ?? "none");
  const dmarcResult = result.dmarc && typeof result.dmarc === "object" ? String(result.dmarc.status?.result ?? "none") : "none";
  const dmarc = dmarcResult === "pass" || dmarcResult === "temperror" ? dmarcResult : "none";
  return { dkim, spf: "none", dmarc, checkedBy: "endpoint" };
}

/**
 * Verdicts a provider reported with the mail it posts: SendGrid's Inbound Parse `SPF` ("pass") and
 * `dkim` ("{@example.com : pass}") fields. DMARC is not reported there, so it reads as none.
 */
export function verdictFromProvider(spf: string | null, dkim: string | null): MailAuthVerdict {
  const word = (v: string | null) => (v ?? "").toLowerCase().match(/\b(pass|fail|softfail|neutral|none|temperror|permerror)\b/)?.[1] ?? "none";
  const dkims = [...(dkim ?? "").toLowerCase().matchAll(/:\s*(pass|fail|none|temperror|permerror)/g)].map((m) => m[1]!);
  return { spf: word(spf), dkim: dkims.includes("pass") ? "pass" : (dkims[0] ?? "none"), dmarc: "none", checkedBy: spf || dkim ? "provider" : "none" };
}
