import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { logger } from "~/platform/logger.server";
import { UnknownKeyError, type TokenCipher } from "~/platform/token-cipher.server";

const log = logger.child({ capability: "shopify" });

/**
 * Session storage that keeps `accessToken` and `refreshToken` encrypted in the wrapped storage
 * (PrismaSessionStorage) and hands out decrypted sessions, so the library and our storefront path
 * read the same tokens. Legacy plaintext rows read as they are and are encrypted on the next store.
 *
 * A session whose token was encrypted under a key this process does not have (a wrong or lost
 * ENCRYPTION_KEY) reads as no session: the library then re-authenticates the merchant (a new token,
 * stored under the current key) and the storefront chats without order lookups meanwhile — instead
 * of every admin and storefront request failing on the same row.
 */
export class EncryptedSessionStorage implements SessionStorage {
  constructor(
    private readonly inner: SessionStorage,
    private readonly cipher: TokenCipher,
  ) {}

  storeSession(session: Session): Promise<boolean> {
    return this.inner.storeSession(this.map(session, (t) => this.cipher.encrypt(t)));
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const stored = await this.inner.loadSession(id);
    return stored && this.readable(stored);
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    return (await this.inner.findSessionsByShop(shop)).map((s) => this.readable(s)).filter((s): s is Session => s !== undefined);
  }

  /** The decrypted session, or undefined when its tokens were encrypted under an unknown key. */
  private readable(stored: Session): Session | undefined {
    try {
      return this.map(stored, (t) => this.cipher.decrypt(t));
    } catch (error) {
      if (!(error instanceof UnknownKeyError)) throw error;
      log.error({ shop: stored.shop, session: stored.id, keyId: error.keyId }, "stored token is under an unknown ENCRYPTION_KEY; treated as no session");
      return undefined;
    }
  }

  private map(session: Session, transform: (token: string) => string): Session {
    const copy = new Session(session.toObject());
    if (session.accessToken) copy.accessToken = transform(session.accessToken);
    if (session.refreshToken) copy.refreshToken = transform(session.refreshToken);
    return copy;
  }
}
