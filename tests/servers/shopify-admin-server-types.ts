import type { IncomingHttpHeaders } from "node:http";
import type { ShopifyGraphqlError } from "./shopify-admin-schema";
import type { FixtureAppSubscription, FixtureStore } from "./shopify-admin-types";

// The fake Admin API server's options, handle and what it records (see shopify-admin-server.ts).

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export interface RecordedAdminRequest {
  shop: string | null;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  query: string | null;
  variables: Record<string, unknown>;
  operationName: string | null;
  status: number;
  /** What the server decided to do with it. */
  outcome: "ok" | "invalid" | "execution-error" | "throttled" | "max-cost" | "unauthorized" | "http-error" | "dropped" | "not-found" | "bad-request";
  response: unknown;
}

export interface InvalidQuery {
  shop: string | null;
  query: string;
  variables: Record<string, unknown>;
  errors: ShopifyGraphqlError[];
}

export interface ShopifyAdminServerOptions {
  /** Expected `X-Shopify-Access-Token` (a shop's own `accessToken` wins). */
  accessToken: string;
  /** Shop domain → fixture data. Default: none (every request 404s). */
  shops?: Record<string, FixtureStore>;
  /** Shop used when neither the Host nor `X-Shopify-Shop-Domain` names one; default: the only shop, if just one. */
  defaultShop?: string;
  /** Leaky bucket per shop; Shopify's Standard plan is 2000 / 100 per second. */
  bucket?: { maximumAvailable?: number; restoreRate?: number };
  /** App handle used in confirmation URLs. */
  appHandle?: string;
  /** Approve new subscriptions at once, as if the merchant clicked Approve. */
  autoApproveSubscriptions?: boolean;
  /** Delay every response by this many ms (also settable later with setDelay). */
  delayMs?: number;
  now?: () => Date;
  /** App credentials the refresh grant must carry (POST /admin/oauth/access_token). */
  clientId?: string;
  clientSecret?: string;
}

/** An expiring offline token as Shopify issues it with `expiringOfflineAccessTokens`. */
export interface ExpiringToken {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
}

export interface RefreshGrant {
  shop: string | null;
  body: Record<string, unknown>;
  status: number;
}

export interface ShopifyAdminServerHandle {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** `${origin}/admin/api/2026-07/graphql.json` */
  graphqlUrl: string;
  /** `${origin}/<shop>/admin/api/2026-07/graphql.json` — for clients that cannot set a Host header. */
  graphqlUrlFor(shop: string): string;
  requests: RecordedAdminRequest[];
  invalidQueries: InvalidQuery[];
  /** Throws, listing them, if any query failed schema validation. */
  assertNoInvalidQueries(): void;
  /** "Type.field" pairs a query asked for that no fixture provided (answered with placeholders). */
  synthesizedFields: Set<string>;
  shops: Record<string, FixtureStore>;
  throttleNext(count: number): void;
  failNext(count: number, status: 429 | 500 | 502 | 503 | 504 | number): void;
  dropNext(count: number): void;
  /** Delay every response by this many ms (0 to stop). */
  setDelay(ms: number): void;
  /** Makes the shop's token expire at `expiresAt`; the refresh grant then swaps it (rotating the refresh token). */
  issueExpiringToken(shop: string, token: ExpiringToken): void;
  /** The shop's current expiring token, if any. */
  currentToken(shop: string): ExpiringToken | undefined;
  /** Every refresh grant received, in order. */
  refreshGrants: RefreshGrant[];
  /** Refuse refresh grants (400 invalid_grant), as Shopify does for a revoked refresh token. */
  rejectRefreshes(reject: boolean): void;
  approveSubscription(shop: string, id: string): FixtureAppSubscription;
  declineSubscription(shop: string, id: string): FixtureAppSubscription;
  reset(): void;
  stop(): Promise<void>;
}
