import { randomBytes } from "node:crypto";

/**
 * A UUIDv7 (RFC 9562: 48-bit Unix milliseconds, version, 74 random bits) for message rows. Messages
 * are only ever appended, and a time-ordered key lands each insert at the right edge of the primary
 * key's index, on a page the previous turn already touched, where a random UUIDv4 dirties a random
 * page of an index that outgrows SQLite's page cache (Prisma's own default for Message.id, cuid(),
 * is time-ordered too). Written here rather than taken from the `uuid` package: ten lines.
 */
export function timeOrderedId(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
