import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The per-case reply address: `case+<caseId>.<mac>@<INBOUND_EMAIL_DOMAIN>`. The MAC (HMAC-SHA256,
 * 96 bits, hex) is keyed by a key derived from the app secret and covers the case id, so an address
 * cannot be guessed or pointed at another case. It is bound to the shop through its case: a case id
 * names one shop's case, and everything an accepted reply touches is that case's shop's.
 * Lower-case only: some relays lower-case local parts.
 */

const LOCAL = /^case\+([a-z0-9_-]{4,64})\.([0-9a-f]{24})$/;

/** The key for case addresses, derived from the app secret (the secret itself never signs mail). */
export function caseAddressKey(appSecret: string): Buffer {
  return createHmac("sha256", appSecret).update("baton inbound case address v1").digest();
}

function macOf(key: Buffer, caseId: string): string {
  return createHmac("sha256", key).update(`case\n${caseId}`).digest("hex").slice(0, 24);
}

/** The reply address of a case. */
export function caseReplyAddress(key: Buffer, domain: string, caseId: string): string {
  return `case+${caseId}.${macOf(key, caseId)}@${domain.toLowerCase()}`;
}

/** A recipient that looks like a case address on our domain: its case id and MAC (not yet verified). */
export function readCaseAddress(address: string, domain: string): { caseId: string; mac: string } | null {
  const at = address.lastIndexOf("@");
  if (at < 1) return null;
  if (address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return null;
  const m = LOCAL.exec(address.slice(0, at).toLowerCase());
  return m ? { caseId: m[1]!, mac: m[2]! } : null;
}

/** Whether the MAC read from an address is the case's (constant time). */
export function verifyCaseAddress(key: Buffer, caseId: string, mac: string): boolean {
  const expected = Buffer.from(macOf(key, caseId));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
