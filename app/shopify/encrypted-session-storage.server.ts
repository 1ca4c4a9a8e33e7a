import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import type { TokenCipher } from "~/platform/token-cipher.server";

/**
 * Session storage that keeps `accessToken` and `refreshToken` encrypted in the wrapped storage
 * (PrismaSessionStorage) and hands out decrypted sessions, so the library and our storefront path
 * read the same tokens. Legacy plaintext rows read as they are and are encrypted on the next store.
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
    return stored && this.map(stored, (t) => this.cipher.decrypt(t));
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    return (await this.inner.findSessionsByShop(shop)).map((s) => this.map(s, (t) => this.cipher.decrypt(t)));
  }

  private map(session: Session, transform: (token: string) => string): Session {
    const copy = new Session(session.toObject());
    if (session.accessToken) copy.accessToken = transform(session.accessToken);
    if (session.refreshToken) copy.refreshToken = transform(session.refreshToken);
    return copy;
  }
}
