import type { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";

/**
 * A short-lived read cache in front of the session storage. Every storefront message verifies the
 * App Proxy request and loads the shop's offline session; caching it for a few seconds removes a
 * database read from the hot path. Writes and deletes through this storage invalidate at once, in
 * this process and (through `announce`) the other HTTP workers of its cluster; other app instances
 * see a change within `ttlMs`.
 */
export class CachedSessionStorage implements SessionStorage {
  private readonly cache = new Map<string, { at: number; session: Session | undefined }>();

  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly announce: (key: string) => void;

  constructor(
    private readonly inner: SessionStorage,
    options: {
      ttlMs?: number;
      now?: () => number;
      /** Tells the cluster's other workers which session (or, with `shop:`, which shop's sessions) changed. */
      announce?: (key: string) => void;
    } = {},
  ) {
    this.ttlMs = options.ttlMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.announce = options.announce ?? (() => {});
  }

  /** Applies another worker's announcement to this process's cache only. */
  forgetAnnounced(key: string): void {
    if (key.startsWith("shop:")) this.dropShop(key.slice(5));
    else this.cache.delete(key);
  }

  async storeSession(session: Session): Promise<boolean> {
    this.forget(session.id);
    return this.inner.storeSession(session);
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const hit = this.cache.get(id);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.session;
    const session = await this.inner.loadSession(id);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { at: this.now(), session });
    return session;
  }

  /** Reads through to the storage (another instance may have just refreshed the token) and caches it. */
  async loadFresh(id: string): Promise<Session | undefined> {
    this.cache.delete(id);
    return this.loadSession(id);
  }

  async deleteSession(id: string): Promise<boolean> {
    this.forget(id);
    return this.inner.deleteSession(id);
  }

  async deleteSessions(ids: string[]): Promise<boolean> {
    for (const id of ids) this.forget(id);
    return this.inner.deleteSessions(ids);
  }

  findSessionsByShop(shop: string): Promise<Session[]> {
    return this.inner.findSessionsByShop(shop);
  }

  /** Drops every cached session of a shop (after rows were deleted outside this storage). */
  forgetShop(shop: string): void {
    this.dropShop(shop);
    this.announce(`shop:${shop}`);
  }

  private forget(id: string): void {
    this.cache.delete(id);
    this.announce(id);
  }

  private dropShop(shop: string): void {
    for (const [id, entry] of this.cache) {
      if (entry.session?.shop === shop || id.endsWith(`_${shop}`)) this.cache.delete(id);
    }
  }
}
