import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { execute, Kind, print, visit, type DocumentNode, type GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { closeServer, listen, readBody, sleep, trackSockets } from "./net";
import { approveSubscription, mutationRoot } from "./shopify-admin-billing";
import { fieldResolver, queryRoot, typeResolver, type AdminContext } from "./shopify-admin-resolvers";
import { accessDenied, appScopes, type AccessGrant } from "./shopify-access-scopes";
import { createBulkOperations, type BulkOperations } from "./shopify-admin-bulk";
import { calculateQueryCost, loadAdminSchema, parseAndValidate, type ShopifyGraphqlError } from "./shopify-admin-schema";
import type { FixtureAppSubscription, FixtureStore } from "./shopify-admin-types";
import { SHOPIFY_API_VERSION } from "./shopify-signing";

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
  /** What every shop's token may read (setAccess overrides it per shop). Default: the scopes shopify.app.toml requests, all protected customer data. */
  access?: AccessGrant;
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
  /** What this shop's token may read from now on (scopes granted at install, protected customer data approval); reset() restores the default. */
  setAccess(shop: string, grant: AccessGrant): void;
  declineSubscription(shop: string, id: string): FixtureAppSubscription;
  /** Bulk query operations: make them run for a few status reads, or fail; the latest one of a shop. */
  bulk: Pick<BulkOperations, "configure" | "latest">;
  reset(): void;
  stop(): Promise<void>;
}

const OAUTH_TOKEN_PATH = /^(?:\/([a-z0-9][a-z0-9-]*\.myshopify\.com))?\/admin\/oauth\/access_token$/;
const GRAPHQL_PATH = /^(?:\/([a-z0-9][a-z0-9-]*\.myshopify\.com))?\/admin\/api\/([^/]+)\/graphql\.json$/;
const THROTTLE_DOCS = "https://shopify.dev/api/usage/rate-limits";
const MAX_QUERY_COST = 1000;
const BULK_RESULT_PATH = /^\/bulk-results\/([a-f0-9]+)\.jsonl$/;

export async function startShopifyAdminServer(opts: ShopifyAdminServerOptions): Promise<ShopifyAdminServerHandle> {
  const schema: GraphQLSchema = loadAdminSchema();
  const shops = opts.shops ?? {};
  const maximumAvailable = opts.bucket?.maximumAvailable ?? 2000;
  const restoreRate = opts.bucket?.restoreRate ?? 100;
  const now = opts.now ?? (() => new Date());
  const appHandle = opts.appHandle ?? "baton";
  const requests: RecordedAdminRequest[] = [];
  const invalidQueries: InvalidQuery[] = [];
  const synthesizedFields = new Set<string>();
  const buckets = new Map<string, { available: number; at: number }>();
  let origin = "";
  const bulk = createBulkOperations(schema, () => origin);
  let throttles = 0;
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  let drops = 0;
  let delayMs = opts.delayMs ?? 0;
  const tokens = new Map<string, ExpiringToken>();
  const refreshGrants: RefreshGrant[] = [];
  let rejectRefresh = false;
  let issued = 0;
  const defaultAccess: AccessGrant = opts.access ?? { scopes: appScopes() };
  const accessByShop = new Map<string, AccessGrant>();
  const accessFor = (shop: string) => accessByShop.get(shop) ?? defaultAccess;

  // Shopify's refresh grant for expiring offline tokens: JSON body with the app's credentials and
  // the current refresh token; the answer carries a new access token and a new refresh token (the
  // old refresh token stops working, so two concurrent refreshes cannot both succeed).
  function refreshGrant(req: IncomingMessage, res: ServerResponse, pathShop: string | undefined, raw: string): void {
    const header = req.headers["x-shopify-shop-domain"];
    const shop = pathShop ?? (typeof header === "string" ? header.toLowerCase() : null) ?? opts.defaultShop ?? null;
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      // answered below as a bad request
    }
    const grant: RefreshGrant = { shop, body, status: 0 };
    refreshGrants.push(grant);
    const answer = (status: number, payload: unknown) => {
      grant.status = status;
      send(res, status, payload);
    };
    const token = shop ? tokens.get(shop) : undefined;
    if (req.method !== "POST" || body.grant_type !== "refresh_token") return answer(400, { error: "unsupported_grant_type" });
    if ((opts.clientId && body.client_id !== opts.clientId) || (opts.clientSecret && body.client_secret !== opts.clientSecret)) {
      return answer(401, { error: "invalid_client" });
    }
    if (rejectRefresh || !shop || !token || body.refresh_token !== token.refreshToken) {
      return answer(400, { error: "invalid_grant", error_description: "The refresh token is invalid or has been revoked." });
    }
    issued += 1;
    const next: ExpiringToken = {
      accessToken: `shpat_refreshed_${issued}_${randomUUID().slice(0, 8)}`,
      refreshToken: `shprt_${issued}_${randomUUID().slice(0, 8)}`,
      expiresAt: new Date(now().getTime() + 3600_000),
    };
    tokens.set(shop, next);
    shops[shop].accessToken = next.accessToken;
    answer(200, {
      access_token: next.accessToken,
      scope: accessFor(shop).scopes.join(","),
      expires_in: 3600,
      refresh_token: next.refreshToken,
      refresh_token_expires_in: 7_776_000,
    });
  }

  function bucketFor(shop: string) {
    const bucket = buckets.get(shop) ?? { available: maximumAvailable, at: Date.now() };
    const t = Date.now();
    bucket.available = Math.min(maximumAvailable, bucket.available + ((t - bucket.at) / 1000) * restoreRate);
    bucket.at = t;
    buckets.set(shop, bucket);
    return bucket;
  }

  function identifyShop(req: IncomingMessage, pathShop: string | undefined): string | null {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
    const header = req.headers["x-shopify-shop-domain"];
    const hostNamesShop = host in shops || host.endsWith(".myshopify.com");
    const candidates = [pathShop, hostNamesShop ? host : undefined, typeof header === "string" ? header.toLowerCase() : undefined];
    const named = candidates.find((c) => c !== undefined);
    if (named !== undefined) return named;
    if (opts.defaultShop) return opts.defaultShop;
    const domains = Object.keys(shops);
    return domains.length === 1 ? domains[0] : null;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { errors: `fake crashed: ${String(error)}` });
      else res.destroy();
    });
  });
  const sockets = trackSockets(server);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const bulkFile = BULK_RESULT_PATH.exec(url.pathname);
    if (bulkFile && req.method === "GET") {
      // A signed storage URL in production: no access token, plain JSONL.
      const file = bulk.file(bulkFile[1]);
      if (file === null) return send(res, 404, { errors: "Not Found" });
      res.writeHead(200, { "Content-Type": "application/jsonl" });
      res.end(file);
      return;
    }
    const oauth = OAUTH_TOKEN_PATH.exec(url.pathname);
    if (oauth) return refreshGrant(req, res, oauth[1], raw);
    const match = GRAPHQL_PATH.exec(url.pathname);
    const shop = match ? identifyShop(req, match[1]) : null;
    const body = parseRequestBody(req, raw);
    const record: RecordedAdminRequest = {
      shop,
      method: req.method ?? "GET",
      path: url.pathname,
      headers: req.headers,
      query: body?.query ?? null,
      variables: body?.variables ?? {},
      operationName: body?.operationName ?? null,
      status: 0,
      outcome: "ok",
      response: null,
    };
    requests.push(record);
    const reply = (status: number, payload: unknown, outcome: RecordedAdminRequest["outcome"], headers: Record<string, string> = {}) => {
      Object.assign(record, { status, response: payload, outcome });
      send(res, status, payload, headers);
    };

    if (delayMs) await sleep(delayMs);
    if (drops > 0) {
      drops -= 1;
      record.outcome = "dropped";
      req.socket.destroy();
      return;
    }
    if (!match || match[2] !== SHOPIFY_API_VERSION || shop === null || !(shop in shops)) return reply(404, { errors: "Not Found" }, "not-found");
    if (req.method !== "POST") return reply(405, { errors: "Method Not Allowed" }, "bad-request");
    const store = shops[shop];
    const expiring = tokens.get(shop);
    if (req.headers["x-shopify-access-token"] !== (store.accessToken ?? opts.accessToken) || (expiring && expiring.expiresAt <= now())) {
      return reply(401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" }, "unauthorized");
    }
    if (failures.count > 0) {
      failures.count -= 1;
      const status = failures.status;
      const payload =
        status === 429
          ? { errors: "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." }
          : { errors: status === 503 ? "Service Unavailable" : "Internal Server Error" };
      return reply(status, payload, "http-error", status === 429 ? { "Retry-After": "1.0" } : {});
    }
    if (!body?.query) return reply(400, { errors: { query: "Required parameter missing or invalid" } }, "bad-request");

    const bucket = bucketFor(shop);
    const status = (available: number): ThrottleStatus => ({ maximumAvailable, currentlyAvailable: Math.floor(available), restoreRate });
    const parsed = parseAndValidate(schema, body.query);
    if ("errors" in parsed) {
      invalidQueries.push({ shop, query: body.query, variables: record.variables, errors: parsed.errors });
      const cost: QueryCost = { requestedQueryCost: 0, actualQueryCost: 0, throttleStatus: status(bucket.available) };
      return reply(200, { errors: parsed.errors, extensions: { cost } }, "invalid");
    }

    const requested = calculateQueryCost(schema, parsed.document, record.variables, record.operationName);
    if (requested > MAX_QUERY_COST) {
      const cost: QueryCost = { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: status(bucket.available) };
      return reply(200, { errors: [maxCostError(requested)], extensions: { cost } }, "max-cost");
    }
    const forced = throttles > 0;
    if (forced || requested > bucket.available) {
      if (forced) throttles -= 1;
      const available = forced ? Math.min(bucket.available, Math.max(0, requested - 10)) : bucket.available;
      const cost: QueryCost = { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: status(available) };
      const error = { message: "Throttled", extensions: { code: "THROTTLED", documentation: THROTTLE_DOCS } };
      return reply(200, { errors: [error], extensions: { cost } }, "throttled");
    }

    const { result, context, variablesRejected } = await run(parsed.document, store, shop, record);
    if (variablesRejected) {
      invalidQueries.push({ shop, query: body.query, variables: record.variables, errors: result.errors ?? [] });
      const cost: QueryCost = { requestedQueryCost: requested, actualQueryCost: 0, throttleStatus: status(bucket.available) };
      return reply(200, { errors: result.errors, extensions: { cost } }, "invalid");
    }
    bucket.available -= requested;
    const cost: QueryCost = { requestedQueryCost: requested, actualQueryCost: requested, throttleStatus: status(bucket.available) };
    const extensions = { ...(context.search.length ? { search: context.search } : {}), cost };
    reply(200, { ...result, extensions }, result.errors ? "execution-error" : "ok");
  }

  async function run(document: DocumentNode, store: FixtureStore, shop: string, record: RecordedAdminRequest) {
    const context: AdminContext = { store, domain: shop, appHandle, search: [], synthesized: synthesizedFields, now };
    const grant = accessFor(shop);
    const guardedResolver: GraphQLFieldResolver<unknown, AdminContext> = (source, args, ctx, info) => {
      const denied = accessDenied(info, grant);
      if (denied) throw denied;
      return fieldResolver(source, args, ctx, info);
    };
    const isMutation = document.definitions.some(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === "mutation" && (!record.operationName || d.name?.value === record.operationName),
    );
    const runInnerQuery = (inner: DocumentNode) =>
      Promise.resolve(
        execute({ schema, document: inner, rootValue: queryRoot, contextValue: { ...context, bulk: true }, fieldResolver: guardedResolver, typeResolver }),
      );
    const bulkRoots = {
      bulkOperationRunQuery: (args: Record<string, unknown>) => bulk.run(shop, String(args.query), runInnerQuery, now()),
      bulkOperation: (args: Record<string, unknown>) => bulk.read(shop, args.id),
      currentBulkOperation: () => {
        const latest = bulk.latest(shop);
        return latest ? bulk.read(shop, latest.id) : null;
      },
    };
    const result = await execute({
      schema,
      document,
      rootValue: isMutation ? { ...mutationRoot, bulkOperationRunQuery: bulkRoots.bulkOperationRunQuery } : { ...queryRoot, ...bulkRoots },
      contextValue: context,
      variableValues: record.variables,
      operationName: record.operationName ?? undefined,
      fieldResolver: guardedResolver,
      typeResolver,
    });
    if (isMutation && opts.autoApproveSubscriptions) {
      for (const subscription of store.subscriptions ?? []) if (subscription.status === "PENDING") approveSubscription(store, subscription.id, now());
    }
    // graphql-js answers without `data` only when the variables could not be coerced.
    const variablesRejected = !("data" in result);
    const errors = result.errors?.map((error) => toShopifyExecutionError(error, document));
    return { result: { ...("data" in result ? { data: result.data } : {}), ...(errors ? { errors } : {}) }, context, variablesRejected };
  }

  const port = await listen(server);
  origin = `http://127.0.0.1:${port}`;
  const storeOf = (shop: string) => {
    const store = shops[shop];
    if (!store) throw new Error(`unknown shop ${shop}`);
    return store;
  };

  return {
    origin,
    port,
    graphqlUrl: `${origin}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`,
    graphqlUrlFor: (shop) => `${origin}/${shop}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`,
    requests,
    invalidQueries,
    synthesizedFields,
    shops,
    assertNoInvalidQueries() {
      if (invalidQueries.length === 0) return;
      const lines = invalidQueries.map((q) => `- ${q.errors.map((e) => e.message).join("; ")}\n  in: ${q.query.replace(/\s+/g, " ").slice(0, 300)}`);
      throw new Error(`${invalidQueries.length} invalid Admin GraphQL quer${invalidQueries.length === 1 ? "y" : "ies"} sent:\n${lines.join("\n")}`);
    },
    throttleNext: (count) => void (throttles = count),
    failNext: (count, status) => void (failures = { count, status }),
    dropNext: (count) => void (drops = count),
    setDelay: (ms) => void (delayMs = ms),
    issueExpiringToken(shop, token) {
      storeOf(shop).accessToken = token.accessToken;
      tokens.set(shop, { ...token });
    },
    currentToken: (shop) => tokens.get(shop),
    refreshGrants,
    rejectRefreshes: (reject) => void (rejectRefresh = reject),
    approveSubscription: (shop, id) => approveSubscription(storeOf(shop), id, now()),
    setAccess(shop, grant) {
      storeOf(shop);
      accessByShop.set(shop, grant);
    },
    declineSubscription(shop, id) {
      const subscription = (storeOf(shop).subscriptions ?? []).find((s) => s.id === id);
      if (!subscription) throw new Error(`no subscription ${id}`);
      subscription.status = "DECLINED";
      return subscription;
    },
    bulk: { configure: bulk.configure, latest: bulk.latest },
    reset() {
      bulk.reset();
      requests.length = 0;
      invalidQueries.length = 0;
      synthesizedFields.clear();
      buckets.clear();
      throttles = 0;
      failures = { count: 0, status: 500 };
      drops = 0;
      delayMs = 0;
      refreshGrants.length = 0;
      rejectRefresh = false;
      accessByShop.clear();
    },
    stop: () => closeServer(server, sockets),
  };
}

interface GraphqlRequestBody {
  query?: string;
  variables: Record<string, unknown>;
  operationName: string | null;
}

/** Shopify accepts `application/json` ({query, variables, operationName}) and `application/graphql` (the query itself). */
function parseRequestBody(req: IncomingMessage, raw: string): GraphqlRequestBody | null {
  if ((req.headers["content-type"] ?? "").includes("application/graphql")) return { query: raw, variables: {}, operationName: null };
  try {
    const value = JSON.parse(raw) as { query?: unknown; variables?: unknown; operationName?: unknown };
    return {
      query: typeof value.query === "string" ? value.query : undefined,
      variables: typeof value.variables === "object" && value.variables !== null ? (value.variables as Record<string, unknown>) : {},
      operationName: typeof value.operationName === "string" ? value.operationName : null,
    };
  } catch {
    return null;
  }
}

function maxCostError(cost: number) {
  return {
    message:
      `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).` +
      `\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query ` +
      `is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used ` +
      `instead.\nSee https://shopify.dev/api/usage/bulk-operations/queries for usage details.\n`,
    extensions: { code: "MAX_COST_EXCEEDED", cost, maxCost: MAX_QUERY_COST, documentation: THROTTLE_DOCS },
  };
}

/** Runtime errors: graphql-js's message and path; variable errors reworded the way graphql-ruby says them. */
function toShopifyExecutionError(error: GraphQLError, document: DocumentNode): ShopifyGraphqlError {
  const variable = /^Variable "\$([^"]+)" (?:of required type "[^"]+" was not provided|got invalid value (.*?); (.*))\.?$/s.exec(error.message);
  if (variable) {
    const [, name, value, explanation] = variable;
    let declared = "?";
    visit(document, {
      VariableDefinition(node) {
        if (node.variable.name.value === name) declared = print(node.type);
      },
    });
    return {
      message: `Variable $${name} of type ${declared} was provided invalid value`,
      locations: error.locations ? [...error.locations] : undefined,
      extensions: {
        code: "INVALID_VARIABLE",
        value: value === undefined ? null : value,
        problems: [{ path: [], explanation: explanation ?? "Expected value to not be null" }],
      },
    };
  }
  return {
    message: error.message,
    locations: error.locations ? [...error.locations] : undefined,
    path: error.path ? [...error.path] : undefined,
    // Shopify's own errors (ACCESS_DENIED) carry a code; graphql-js's runtime errors have none.
    ...(error.extensions && Object.keys(error.extensions).length > 0 ? { extensions: error.extensions as ShopifyGraphqlError["extensions"] } : {}),
  };
}

function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "X-Request-Id": randomUUID(),
    "X-Shopify-API-Version": SHOPIFY_API_VERSION,
    ...headers,
  });
  res.end(JSON.stringify(payload));
}
