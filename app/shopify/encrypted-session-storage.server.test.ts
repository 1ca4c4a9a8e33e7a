import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { describe, expect, it } from "vitest";
import { createTokenCipher } from "~/platform/token-cipher.server";
import { EncryptedSessionStorage } from "./encrypted-session-storage.server";

/** The wrapped storage as PrismaSessionStorage behaves: rows kept as given. */
function rowsStorage(): SessionStorage & { rows: Map<string, Session> } {
  const rows = new Map<string, Session>();
  return {
    rows,
    storeSession: async (s) => Boolean(rows.set(s.id, new Session(s.toObject()))),
    loadSession: async (id) => rows.get(id),
    deleteSession: async (id) => rows.delete(id),
    deleteSessions: async (ids) => ids.every((id) => rows.delete(id)),
    findSessionsByShop: async (shop) => [...rows.values()].filter((s) => s.shop === shop),
  };
}

const key = (fill: number) => Buffer.alloc(32, fill);
const session = (shop: string) => new Session({ id: `offline_${shop}`, shop, state: "x", isOnline: false, accessToken: "shpat_secret" });

describe("EncryptedSessionStorage", () => {
  it("stores tokens encrypted and reads them back, also during a key rotation", async () => {
    const inner = rowsStorage();
    await new EncryptedSessionStorage(inner, createTokenCipher(key(1))).storeSession(session("a.myshopify.com"));
    expect(inner.rows.get("offline_a.myshopify.com")!.accessToken).toMatch(/^enc:v1:/);
    const rotated = new EncryptedSessionStorage(inner, createTokenCipher(key(2), [key(1)]));
    expect((await rotated.loadSession("offline_a.myshopify.com"))!.accessToken).toBe("shpat_secret");
  });

  it("reads a session under an unknown key as no session (the merchant re-authenticates), never as an error", async () => {
    const inner = rowsStorage();
    await new EncryptedSessionStorage(inner, createTokenCipher(key(1))).storeSession(session("a.myshopify.com"));
    const wrongKey = new EncryptedSessionStorage(inner, createTokenCipher(key(2)));
    expect(await wrongKey.loadSession("offline_a.myshopify.com")).toBeUndefined();
    expect(await wrongKey.findSessionsByShop("a.myshopify.com")).toEqual([]);
    // Re-authenticating stores a new token under the current key, readable again.
    await wrongKey.storeSession(session("a.myshopify.com"));
    expect((await wrongKey.loadSession("offline_a.myshopify.com"))!.accessToken).toBe("shpat_secret");
  });
});
