import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest (the shops' Admin API tokens). A value is stored as
 * `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts); the key id (first 8 hex characters of
 * SHA-256 of the key) picks the key, so rows written under `ENCRYPTION_KEY_PREVIOUS` still read
 * during a rotation (each row is re-encrypted under the new key on its next write). Anything without the
 * prefix is a legacy plaintext value and is returned as is,
 * so existing rows keep working until their next write encrypts them.
 */
export interface TokenCipher {
  encrypt(plaintext: string): string;
  /** Throws `UnknownKeyError` for a value written under a key this process does not have. */
  decrypt(stored: string): string;
  /** The id of the key a stored value was encrypted with (null: legacy plaintext). */
  keyIdOf(stored: string): string | null;
  /** The ids of the keys this process decrypts with, the current one first. */
  keyIds: string[];
}

/** A stored value encrypted under a key that is neither ENCRYPTION_KEY nor ENCRYPTION_KEY_PREVIOUS. */
export class UnknownKeyError extends Error {
  override name = "UnknownKeyError";
  constructor(readonly keyId: string) {
    super(`stored token was encrypted with an unknown key (${keyId}); set ENCRYPTION_KEY or ENCRYPTION_KEY_PREVIOUS to it`);
  }
}

const PREFIX = "enc:v1:";

/** Parses a 32-byte key given as 64 hex characters or base64 / base64url. */
export function parseEncryptionKey(value: string): Buffer | null {
  const v = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, "hex");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) return null;
  const key = Buffer.from(v.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return key.length === 32 ? key : null;
}

const keyId = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 8);

export function createTokenCipher(current: Buffer, previous: Buffer[] = []): TokenCipher {
  const currentId = keyId(current);
  const keys = new Map<string, Buffer>([[currentId, current], ...previous.map((k) => [keyId(k), k] as [string, Buffer])]);
  return {
    keyIds: [...keys.keys()],
    keyIdOf(stored) {
      return stored.startsWith(PREFIX) ? (stored.slice(PREFIX.length).split(":")[0] ?? "") : null;
    },
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current, iv);
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return PREFIX + [currentId, iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(":");
    },
    decrypt(stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [id, iv, tag, data] = stored.slice(PREFIX.length).split(":");
      const key = keys.get(id ?? "");
      if (!key || iv === undefined || tag === undefined || data === undefined) throw new UnknownKeyError(id ?? "");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}
