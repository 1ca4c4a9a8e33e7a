import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ProductFacts } from "~/domain/catalogue";
import { AdminApiError, adminGraphql, type AdminGraphqlOptions } from "./admin-graphql.server";
import { mapAdminProduct } from "./map-admin-product";
import { BULK_OPERATION_STATUS_QUERY, PRODUCT_VARIANTS_PER_PRODUCT, PRODUCTS_BULK_RUN_MUTATION, productsBulkQuery } from "./queries";
import type { AdminProductNode, AdminProductVariantNode } from "./types";

// A large catalogue through one bulk query operation instead of thousands of pages: Shopify runs it
// in the background (minutes for 50,000 products, not the hours the standard bucket allows pages)
// and it does not spend the rate-limit bucket the shopper's order lookups need
// (docs/decisions/0067-large-catalogues-through-bulk-operations.md).

export interface BulkLoadOptions {
  withStock: boolean;
  withTranslations: boolean;
  max: number;
  /** First wait between status reads; it doubles up to `maxPollMs` (defaults 1 s and 10 s). */
  pollMs?: number;
  maxPollMs?: number;
  /** Give up after this long (default 30 minutes); the old index keeps answering meanwhile. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

interface RunResult {
  bulkOperationRunQuery: { bulkOperation: { id: string; status: string } | null; userErrors: Array<{ message: string; code: string | null }> };
}
interface StatusResult {
  bulkOperation: { id: string; status: string; errorCode: string | null; objectCount: string; url: string | null } | null;
}

/** Thrown when the shop has not granted a field the query asked for (the caller retries without it). */
export class BulkAccessDenied extends Error {}

const DONE = new Set(["COMPLETED", "FAILED", "CANCELED", "EXPIRED"]);
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function loadAllBulk(admin: AdminGraphqlOptions, options: BulkLoadOptions): Promise<ProductFacts[]> {
  const sleep = options.sleep ?? admin.sleep ?? defaultSleep;
  // Background work: no shopper waits on these calls, so they get more time than a turn's 4 s.
  const background: AdminGraphqlOptions = { ...admin, timeoutMs: Math.max(admin.timeoutMs ?? 0, 30_000) };
  const query = productsBulkQuery(options);
  const run = await adminGraphql<RunResult>(background, PRODUCTS_BULK_RUN_MUTATION, { query });
  const { bulkOperation, userErrors } = run.bulkOperationRunQuery;
  if (!bulkOperation) throw new AdminApiError(`bulk query refused: ${userErrors.map((e) => e.message).join("; ")}`, "graphql");

  const deadline = Date.now() + (options.maxWaitMs ?? 30 * 60_000);
  let wait = options.pollMs ?? 1_000;
  for (;;) {
    const op = await readStatus(background, bulkOperation.id);
    if (op === "unknown") {
      // A status read that timed out or met a 5xx says nothing about the operation: ask again later.
    } else if (!op) {
      throw new AdminApiError(`bulk operation ${bulkOperation.id} not found`, "graphql");
    } else if (op.status === "COMPLETED") {
      return op.url ? readProducts(op.url, options.max) : [];
    } else if (op.errorCode === "ACCESS_DENIED") {
      throw new BulkAccessDenied(`bulk operation ${op.id}: access denied`);
    } else if (DONE.has(op.status)) {
      throw new AdminApiError(`bulk operation ${op.id} ended ${op.status} (${op.errorCode ?? "no code"})`, "graphql");
    }
    if (Date.now() + wait > deadline) throw new AdminApiError(`bulk operation ${bulkOperation.id} not done at the deadline`, "timeout");
    await sleep(wait);
    wait = Math.min(wait * 2, options.maxPollMs ?? 10_000);
  }
}

async function readStatus(admin: AdminGraphqlOptions, id: string): Promise<StatusResult["bulkOperation"] | "unknown"> {
  try {
    return (await adminGraphql<StatusResult>(admin, BULK_OPERATION_STATUS_QUERY, { id })).bulkOperation;
  } catch (error) {
    if (error instanceof AdminApiError && ["timeout", "network", "http", "throttled"].includes(error.kind) && error.status !== 404) return "unknown";
    throw error;
  }
}

type Line = Record<string, unknown> & { __parentId?: string };

/**
 * Streams the JSONL result (a 50,000-product file is tens of megabytes) into product nodes. Lines
 * come parents first; a variant names its product in `__parentId`.
 */
async function readProducts(url: string, max: number): Promise<ProductFacts[]> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10 * 60_000) });
  if (!response.ok || !response.body) throw new AdminApiError(`bulk result download answered ${response.status}`, "http", response.status);
  const products = new Map<string, AdminProductNode>();
  const lines = createInterface({ input: Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), crlfDelay: Infinity });
  for await (const text of lines) {
    if (!text.trim()) continue;
    const line = JSON.parse(text) as Line;
    if (line.__parentId) {
      const parent = products.get(line.__parentId);
      if (parent && parent.variants.nodes.length < PRODUCT_VARIANTS_PER_PRODUCT) parent.variants.nodes.push(line as unknown as AdminProductVariantNode);
    } else if (products.size < max) {
      products.set(String(line.id), { ...(line as unknown as AdminProductNode), variants: { nodes: [] } });
    }
  }
  const facts: ProductFacts[] = [];
  // Only what the storefront shows (as the paged loader): no Online Store URL, never described.
  for (const node of products.values()) if (node.onlineStoreUrl) facts.push(mapAdminProduct(node));
  return facts;
}
