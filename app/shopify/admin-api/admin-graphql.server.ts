import { API_VERSION_STRING } from "./api-version";

/**
 * A small Admin GraphQL client. The library's `admin.graphql` retries only HTTP 429/503 and treats
 * Retry-After as milliseconds; a THROTTLED error on HTTP 200 is thrown unretried (docs/shopify-platform.md §f).
 * Shopper-facing lookups need bounded time, so this client owns its retries and timeout.
 */
export interface AdminGraphqlOptions {
  shop: string;
  accessToken: string;
  /** Defaults to https://<shop>; tests and local proxies point this at another origin. */
  origin?: string;
  timeoutMs?: number;
  maxAttempts?: number;
  /** Injected for tests of the backoff maths; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly kind: "throttled" | "http" | "network" | "timeout" | "graphql" | "auth",
    readonly status?: number,
  ) {
    super(message);
    this.name = "AdminApiError";
  }
}

interface GraphqlResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  extensions?: {
    cost?: {
      requestedQueryCost?: number;
      throttleStatus?: { currentlyAvailable?: number; restoreRate?: number };
    };
  };
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

type Attempt<T> = { data: T } | { retry: AdminApiError; waitMs: number };

export async function adminGraphql<T>(options: AdminGraphqlOptions, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { timeoutMs = 4000, maxAttempts = 4, sleep = defaultSleep } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError = new AdminApiError(`Admin API timed out after ${timeoutMs} ms`, "timeout");

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    const outcome = await attemptOnce<T>(options, query, variables, remaining);
    if ("data" in outcome) return outcome.data;
    lastError = outcome.retry;
    if (outcome.retry.kind === "timeout") break;
    const waitMs = Math.max(outcome.waitMs, backoffMs(attempt));
    if (attempt === maxAttempts || deadline - Date.now() <= waitMs) break;
    await sleep(waitMs);
  }
  throw lastError;
}

// One HTTP round trip. Returns data, or a retryable error with the wait the server asked for;
// throws for errors that retrying cannot fix (auth, invalid query, other 4xx).
async function attemptOnce<T>(options: AdminGraphqlOptions, query: string, variables: Record<string, unknown>, remainingMs: number): Promise<Attempt<T>> {
  const origin = options.origin ?? `https://${options.shop}`;
  let response: Response;
  try {
    response = await fetch(`${origin}/admin/api/${API_VERSION_STRING}/graphql.json`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-Shopify-Access-Token": options.accessToken,
        "X-Shopify-Shop-Domain": options.shop,
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(remainingMs),
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") {
      return { retry: new AdminApiError(`Admin API timed out after ${options.timeoutMs ?? 4000} ms`, "timeout"), waitMs: 0 };
    }
    return { retry: new AdminApiError(`Admin API unreachable: ${(error as Error).message}`, "network"), waitMs: 0 };
  }

  if (response.status === 401 || response.status === 403) {
    throw new AdminApiError(`Admin API refused the token (${response.status})`, "auth", response.status);
  }
  if (response.status === 429 || response.status >= 500) {
    // Retry-After is in seconds (RFC 9110); the library's reading of it as milliseconds is a quirk.
    const retryAfter = Number(response.headers.get("retry-after"));
    return {
      retry: new AdminApiError(`Admin API answered ${response.status}`, "http", response.status),
      waitMs: retryAfter > 0 ? retryAfter * 1000 : 0,
    };
  }
  if (!response.ok) throw new AdminApiError(`Admin API answered ${response.status}`, "http", response.status);

  const body = (await response.json()) as GraphqlResponse<T>;
  if (body.errors?.some((e) => e.extensions?.code === "THROTTLED")) {
    // Wait until the bucket has refilled enough for this query's cost (docs/shopify-platform.md §f).
    const cost = body.extensions?.cost;
    const missing = (cost?.requestedQueryCost ?? 50) - (cost?.throttleStatus?.currentlyAvailable ?? 0);
    const rate = cost?.throttleStatus?.restoreRate || 50;
    return {
      retry: new AdminApiError("Admin API throttled the request", "throttled"),
      waitMs: Math.ceil((Math.max(missing, 1) / rate) * 1000),
    };
  }
  if (body.errors?.length) {
    throw new AdminApiError(`Admin API query failed: ${body.errors.map((e) => e.message).join("; ")}`, "graphql");
  }
  if (body.data === undefined) throw new AdminApiError("Admin API returned no data", "graphql");
  return { data: body.data };
}

/** Exponential backoff with full jitter: 100 ms, 200 ms, 400 ms … capped at 2 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(2000, 100 * 2 ** (attempt - 1));
  return Math.round(base / 2 + random() * (base / 2));
}
