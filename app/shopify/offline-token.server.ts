import { Session } from "@shopify/shopify-api";
import type { Db } from "~/db.server";
import type { CachedSessionStorage } from "./session-cache.server";

/**
 * The shop's offline Admin API token for work outside the embedded admin (storefront turns,
 * webhooks), refreshed when it expires. With `expiringOfflineAccessTokens` Shopify issues offline
 * tokens that expire (about an hour) plus a refresh token; the library refreshes only inside
 * `authenticate.*` / `unauthenticated.*`, which our hot path does not use.
 *
 * Same rules as shopify-app-remix 4.2.1 (`ensureOfflineTokenIsNotExpired`): refresh when the token
 * expires within 5 minutes and a refresh token exists, by POSTing
 * `{client_id, client_secret, refresh_token, grant_type: "refresh_token"}` as JSON to
 * `https://{shop}/admin/oauth/access_token`, and store the session built from the answer exactly as
 * shopify-api 13.1.0's `createSession` builds it. Shopify rotates the refresh token on every refresh,
 * so only one instance may refresh a shop at a time: a lease on `Shop.tokenRefreshLockedUntil`
 * (a conditional UPDATE, atomic on SQLite and PostgreSQL); the others wait for its new token.
 */
export const REFRESH_WITHIN_MS = 5 * 60 * 1000;
const LEASE_MS = 15_000;
const WAIT_FOR_OTHER_MS = 4_000;
const POLL_MS = 100;
const RETRY_REJECTED_AFTER_MS = 60_000;

export interface OfflineTokenDeps {
  db: Db;
  sessions: CachedSessionStorage;
  apiKey: string;
  apiSecret: string;
  /** Defaults to https://<shop> (SHOPIFY_ADMIN_API_ORIGIN in tests). */
  origin?: string;
  now?: () => number;
}

export class TokenRefreshError extends Error {
  constructor(
    message: string,
    /** Shopify refused the refresh token: only the merchant opening Baton again fixes it. */
    readonly rejected: boolean,
  ) {
    super(message);
    this.name = "TokenRefreshError";
  }
}

const needsRefresh = (session: Session, now: number) => Boolean(session.expires && session.expires.getTime() - REFRESH_WITHIN_MS < now);

/**
 * Returns a usable access token for the shop's offline session, or undefined when the app is not
 * installed. Throws `TokenRefreshError` when the token is expired and cannot be renewed.
 */
export async function offlineAccessToken(deps: OfflineTokenDeps, shop: string): Promise<string | undefined> {
  const now = deps.now ?? Date.now;
  const id = `offline_${shop}`;
  const session = await deps.sessions.loadSession(id);
  if (!session) return undefined;
  if (!needsRefresh(session, now())) return session.accessToken;
  if (!session.refreshToken) {
    // A non-expiring token that says it expires, or a refresh token that never came: nothing to renew.
    if (session.expires!.getTime() > now()) return session.accessToken;
    await recordIssue(deps, shop, "token_expired");
    throw new TokenRefreshError("the offline token expired and no refresh token is stored", true);
  }
  return (await refreshOnce(deps, shop, id)).accessToken;
}

async function refreshOnce(deps: OfflineTokenDeps, shop: string, id: string): Promise<Session> {
  const now = deps.now ?? Date.now;
  const claimed = await deps.db.shop.updateMany({
    where: {
      domain: shop,
      AND: [
        { OR: [{ tokenRefreshLockedUntil: null }, { tokenRefreshLockedUntil: { lt: new Date(now()) } }] },
        // After a rejection, do not ask Shopify again on every storefront message. (Spelled out
        // with explicit nulls: SQL's NOT over a NULL column would exclude the row.)
        {
          OR: [
            { adminAccessIssue: null },
            { adminAccessIssue: { not: "refresh_rejected" } },
            { adminAccessIssueAt: null },
            { adminAccessIssueAt: { lt: new Date(now() - RETRY_REJECTED_AFTER_MS) } },
          ],
        },
      ],
    },
    data: { tokenRefreshLockedUntil: new Date(now() + LEASE_MS) },
  });
  if (claimed.count === 0) return waitForOtherInstance(deps, shop, id);
  try {
    // Another instance may have refreshed between our read and our claim: use its token.
    const current = await deps.sessions.loadFresh(id);
    if (!current) throw new TokenRefreshError("the offline session was deleted", false);
    if (!needsRefresh(current, now())) return current;
    if (!current.refreshToken) throw new TokenRefreshError("no refresh token is stored", true);
    const fresh = await requestRefresh(deps, shop, current.refreshToken);
    await deps.sessions.storeSession(fresh);
    await deps.db.shop.updateMany({ where: { domain: shop }, data: { adminAccessIssue: null, adminAccessIssueAt: null } });
    return fresh;
  } catch (error) {
    if (error instanceof TokenRefreshError && error.rejected) await recordIssue(deps, shop, "refresh_rejected");
    throw error;
  } finally {
    await deps.db.shop.updateMany({ where: { domain: shop }, data: { tokenRefreshLockedUntil: null } });
  }
}

async function waitForOtherInstance(deps: OfflineTokenDeps, shop: string, id: string): Promise<Session> {
  const now = deps.now ?? Date.now;
  const row = await deps.db.shop.findUnique({ where: { domain: shop }, select: { adminAccessIssue: true, adminAccessIssueAt: true } });
  if (!row) throw new TokenRefreshError("the shop is not installed", false);
  if (row.adminAccessIssue === "refresh_rejected" && now() - (row.adminAccessIssueAt?.getTime() ?? 0) < RETRY_REJECTED_AFTER_MS) {
    throw new TokenRefreshError("Shopify rejected this shop's refresh token a moment ago", true);
  }
  const until = Date.now() + WAIT_FOR_OTHER_MS;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    const session = await deps.sessions.loadFresh(id);
    if (session && !needsRefresh(session, now())) return session;
  }
  throw new TokenRefreshError("another instance is still refreshing the token", false);
}

interface AccessTokenResponse {
  access_token?: string;
  scope?: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  error?: string;
  error_description?: string;
}

async function requestRefresh(deps: OfflineTokenDeps, shop: string, refreshToken: string): Promise<Session> {
  const origin = deps.origin ?? `https://${shop}`;
  let response: Response;
  try {
    response = await fetch(`${origin}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-Shopify-Shop-Domain": shop },
      body: JSON.stringify({ client_id: deps.apiKey, client_secret: deps.apiSecret, refresh_token: refreshToken, grant_type: "refresh_token" }),
      signal: AbortSignal.timeout(4_000),
    });
  } catch (error) {
    throw new TokenRefreshError(`token refresh failed: ${(error as Error).message}`, false);
  }
  const body = (await response.json().catch(() => ({}))) as AccessTokenResponse;
  // 4xx: Shopify refused this refresh token (revoked, expired, rotated away); 5xx: try again later.
  if (!response.ok || !body.access_token) {
    throw new TokenRefreshError(`token refresh answered ${response.status} ${body.error ?? ""}`.trim(), response.status >= 400 && response.status < 500);
  }
  const at = (seconds: number) => new Date((deps.now ?? Date.now)() + seconds * 1000);
  return new Session({
    id: `offline_${shop}`,
    shop,
    state: "",
    isOnline: false,
    accessToken: body.access_token,
    scope: body.scope,
    ...(body.expires_in ? { expires: at(body.expires_in) } : {}),
    ...(body.refresh_token && body.refresh_token_expires_in
      ? { refreshToken: body.refresh_token, refreshTokenExpires: at(body.refresh_token_expires_in) }
      : {}),
  });
}

async function recordIssue(deps: OfflineTokenDeps, shop: string, issue: "refresh_rejected" | "token_expired"): Promise<void> {
  await deps.db.shop.updateMany({ where: { domain: shop }, data: { adminAccessIssue: issue, adminAccessIssueAt: new Date((deps.now ?? Date.now)()) } });
}
