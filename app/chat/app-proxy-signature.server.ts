import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from "node:crypto";

// Shopify's App Proxy signing and its verification. Shopify signs in production; the local demo
// plays Shopify's part with the signer; the tests check both against Shopify's published vectors.

type ProxyParams = URLSearchParams | Record<string, string | string[]>;

/**
 * App Proxy signature, exactly as Shopify computes it: drop `signature`, join repeated keys' values
 * with ",", build `key=value` strings, sort them, concatenate with no separator, HMAC-SHA256 hex.
 */
export function signAppProxyParams(params: ProxyParams, secret: string): string {
  // Each key's values joined as they come, without intermediate arrays (this runs on every storefront request).
  const joined = new Map<string, string>();
  const add = (value: string, key: string) => {
    if (key === "signature") return;
    const prior = joined.get(key);
    joined.set(key, prior === undefined ? value : `${prior},${value}`);
  };
  if (params instanceof URLSearchParams) params.forEach(add);
  else for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : [value]) add(v, key);
  const pairs: string[] = [];
  for (const [key, values] of joined) pairs.push(`${key}=${values}`);
  return createHmac("sha256", secretKey(secret)).update(pairs.sort().join(""), "utf8").digest("hex");
}

// The app secret as a key object, made once: a string key is converted into a new key on every HMAC (each storefront request).
let lastKey: { secret: string; key: KeyObject } | undefined;
export function secretKey(secret: string): KeyObject {
  if (lastKey?.secret !== secret) lastKey = { secret, key: createSecretKey(secret, "utf8") };
  return lastKey.key;
}

export interface AppProxyRequestParts {
  /** e.g. "shop-name.myshopify.com" */
  shop: string;
  /** Omitted or null → the shopper is not logged in; Shopify still sends the key, empty. */
  loggedInCustomerId?: string | null;
  /** What the shopper's browser used, e.g. "/apps/baton" (Shopify sends it URL-decoded in the signature). */
  pathPrefix?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** The shopper's own query params, which Shopify forwards and signs as well. */
  extra?: Record<string, string | string[]>;
}

/**
 * The URL Shopify's proxy requests from the app: `${baseUrl}${path}?<shopper params>&shop=…&logged_in_customer_id=…
 * &path_prefix=…&timestamp=…&signature=…`.
 */
export function buildSignedProxyUrl(baseUrl: string, path: string, parts: AppProxyRequestParts, secret: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(parts.extra ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  params.set("shop", parts.shop);
  params.set("logged_in_customer_id", parts.loggedInCustomerId ?? "");
  params.set("path_prefix", parts.pathPrefix ?? "/apps/baton");
  params.set("timestamp", String(parts.timestamp ?? Math.floor(Date.now() / 1000)));
  params.set("signature", signAppProxyParams(params, secret));
  const url = new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  url.search = params.toString();
  return url.toString();
}

/** Shopify rejects App Proxy requests whose timestamp is more than 90 s off (as the library does). */
export const APP_PROXY_MAX_SKEW_SECONDS = 90;

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/;

export type AppProxyVerdict =
  { ok: true; shop: string; loggedInCustomerId: string | null } | { ok: false; reason: "missing" | "bad_shop" | "bad_signature" | "stale" | "duplicate_param" };

/** Parameters Shopify sets once; a repeated one is signed as "a,b" but would be read as "a". */
const SINGLE_VALUED = ["shop", "logged_in_customer_id", "timestamp", "signature", "path_prefix"];

/**
 * Verifies a forwarded App Proxy request's query: signature (constant-time), timestamp within
 * ±90 s, and a well-formed myshopify.com shop. Only a verified `logged_in_customer_id` is returned.
 */
export function verifyAppProxyQuery(params: URLSearchParams, secret: string, nowSeconds: number): AppProxyVerdict {
  const signature = params.get("signature");
  const shop = params.get("shop");
  const timestamp = Number(params.get("timestamp"));
  if (!signature || !shop || !params.has("timestamp")) return { ok: false, reason: "missing" };
  if (SINGLE_VALUED.some((key) => params.getAll(key).length > 1)) return { ok: false, reason: "duplicate_param" };
  if (!SHOP_DOMAIN.test(shop)) return { ok: false, reason: "bad_shop" };
  const expected = Buffer.from(signAppProxyParams(params, secret), "utf8");
  const given = Buffer.from(signature, "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad_signature" };
  if (!Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > APP_PROXY_MAX_SKEW_SECONDS) {
    return { ok: false, reason: "stale" };
  }
  const customer = params.get("logged_in_customer_id")?.trim() || null;
  return { ok: true, shop, loggedInCustomerId: customer && /^\d{1,20}$/.test(customer) ? customer : null };
}
