import { randomUUID } from "node:crypto";

/**
 * A UUIDv7 (RFC 9562: 48-bit Unix milliseconds, version 7, the variant, 74 random bits) for message
 * rows. Messages are only ever appended, and a time-ordered key lands each insert at the right edge
 * of the primary key's index, on a page the previous turn already touched, where a random UUIDv4
 * dirties a random page of an index that outgrows SQLite's page cache (Prisma's own default for
 * Message.id, cuid(), is time-ordered too). The random bits are a v4's from `randomUUID`, which
 * draws from a cached entropy pool: `randomBytes(16)` per id was a getrandom call each, 1.8 % of
 * the HTTP worker's CPU profile. Written here rather than taken from the `uuid` package: six lines.
 */
export function timeOrderedId(now = Date.now()): string {
  // v4 text: xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx; its variant nibble (V) stays, the rest after "4" too.
  const random = randomUUID();
  const time = now.toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
