import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTokenCipher, parseEncryptionKey } from "./token-cipher.server";

const KEY_A = randomBytes(32);
const KEY_B = randomBytes(32);

describe("token cipher (AES-256-GCM)", () => {
  it("round-trips and never stores the plaintext", () => {
    const cipher = createTokenCipher(KEY_A);
    const stored = cipher.encrypt("shpat_secret_token");
    expect(stored).toMatch(/^enc:v1:[0-9a-f]{8}:[\w-]+:[\w-]+:[\w-]+$/);
    expect(stored).not.toContain("shpat_secret_token");
    expect(cipher.decrypt(stored)).toBe("shpat_secret_token");
    // A fresh IV per value: equal tokens do not give equal rows.
    expect(cipher.encrypt("shpat_secret_token")).not.toBe(stored);
  });

  it("reads legacy plaintext rows as they are", () => {
    expect(createTokenCipher(KEY_A).decrypt("shpat_plain")).toBe("shpat_plain");
  });

  it("decrypts with the previous key during a rotation, and encrypts with the new one", () => {
    const old = createTokenCipher(KEY_A).encrypt("t1");
    const rotated = createTokenCipher(KEY_B, [KEY_A]);
    expect(rotated.decrypt(old)).toBe("t1");
    expect(createTokenCipher(KEY_B).decrypt(rotated.encrypt("t2"))).toBe("t2");
    expect(() => createTokenCipher(KEY_B).decrypt(old)).toThrow(/unknown key/);
  });

  it("rejects a tampered value", () => {
    const cipher = createTokenCipher(KEY_A);
    const stored = cipher.encrypt("shpat_secret_token");
    const parts = stored.split(":");
    const data = Buffer.from(parts[5], "base64url");
    data[0] ^= 1;
    parts[5] = data.toString("base64url");
    expect(() => cipher.decrypt(parts.join(":"))).toThrow();
  });

  it.each([
    ["ab".repeat(32), 32],
    [KEY_A.toString("base64"), 32],
    [KEY_A.toString("base64url"), 32],
    ["ab".repeat(16), null],
    ["not a key!", null],
  ])("parses %s", (value, length) => {
    expect(parseEncryptionKey(value)?.length ?? null).toBe(length);
  });
});
