// `npm run bench:catalogue`: catalogue answer latency (CatalogueSource.searchProducts, the call a
// chat turn makes) for a shop with 10 and one with 50,000 products, cold and warm.
//   cold: a new cache — the answer includes loading every product from the fake Admin server over
//         HTTP (schema-validated GraphQL: up to two pages of 15, then one bulk query operation whose
//         JSONL file is streamed; status polled every 50 ms here) and building the index;
//   warm: the catalogue is cached; the answer is a search over the in-memory index.
// The fake's rate-limit bucket is opened wide so the numbers are our own work; the real Admin
// API's standard bucket (100 points/s restore) adds the throttle time printed at the end.
import { performance } from "node:perf_hooks";
import { createCatalogueCache } from "../../app/shopify/admin-api/admin-catalogue.server";
import type { ProductQuery } from "../../app/domain/catalogue";
import { syntheticProducts } from "../fixtures/shopify-products";
import { startShopifyAdminServer } from "../servers/shopify-admin-server";
import type { FixtureStore } from "../servers/shopify-admin-types";

const SIZES = [10, Number(process.env.BENCH_PRODUCTS ?? 50_000)];
const COLD_RUNS = { small: Number(process.env.BENCH_COLD_RUNS_SMALL ?? 30), large: Number(process.env.BENCH_COLD_RUNS_LARGE ?? 3) };
const WARM_QUERIES = Number(process.env.BENCH_WARM_QUERIES ?? 5_000);
const TOKEN = "shpat_bench";
const PAGE_COST = 812;
const BULK_RUN_COST = 10;
const STANDARD_BUCKET = 2_000;
const STANDARD_RESTORE_RATE = 100;

// What shoppers ask, as the core hands it over (words, bounds), in the four languages.
const QUERIES: ProductQuery[] = [
  { words: ["merino", "throw"], limit: 5 },
  { words: ["charcoal"], limit: 5 },
  { words: ["gift", "ideas"], maxPrice: 30, limit: 5 },
  { words: ["wool", "rug", "5x8"], limit: 5 },
  { words: ["mugs", "dishwasher"], limit: 5 },
  { words: ["manta", "lana", "gris"], limit: 5 },
  { words: ["tapis", "laine"], limit: 5 },
  { words: ["handtuch", "baumwolle"], limit: 5 },
  { words: ["stonew"], limit: 5 },
  { words: ["sofa"], limit: 5 },
  { words: ["linen", "cushion", "sage"], minPrice: 10, maxPrice: 100, limit: 5 },
  { words: ["walnut", "board"], limit: 5 },
];

function store(shop: string, count: number): FixtureStore {
  return {
    shop: { id: "gid://shopify/Shop/1", name: shop, email: `owner@${shop}`, contactEmail: `help@${shop}`, myshopifyDomain: shop, currencyCode: "USD" },
    policies: [],
    orders: [],
    customers: [],
    products: syntheticProducts(shop, count),
  };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value: number) => `${value < 10 ? value.toFixed(3) : value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const shops = Object.fromEntries(SIZES.map((n) => [`bench-${n}.myshopify.com`, store(`bench-${n}.myshopify.com`, n)]));
  const admin = await startShopifyAdminServer({ accessToken: TOKEN, shops, bucket: { maximumAvailable: 1e12, restoreRate: 1e12 } });
  const rows: string[] = [];
  try {
    for (const count of SIZES) {
      const shop = `bench-${count}.myshopify.com`;
      const runs = count <= 1000 ? COLD_RUNS.small : COLD_RUNS.large;
      const cold: number[] = [];
      let cache = createCatalogueCache();
      for (let run = 0; run < runs; run++) {
        cache = createCatalogueCache({ coldWaitMs: 3_600_000, bulkPollMs: 50, bulkMaxPollMs: 50 });
        const source = cache.sourceFor({ shop, accessToken: TOKEN, origin: admin.origin });
        const started = performance.now();
        await source.searchProducts(QUERIES[run % QUERIES.length]);
        cold.push(performance.now() - started);
      }
      const source = cache.sourceFor({ shop, accessToken: TOKEN, origin: admin.origin });
      const warm: number[] = [];
      let found = 0;
      for (let i = 0; i < WARM_QUERIES; i++) {
        const started = performance.now();
        const answer = await source.searchProducts(QUERIES[i % QUERIES.length]);
        warm.push(performance.now() - started);
        found += answer.length;
      }
      admin.assertNoInvalidQueries();
      const pages = Math.ceil(count / 15);
      const how = pages > 2 ? "2 pages + 1 bulk operation" : `${pages} page${pages === 1 ? "" : "s"}`;
      rows.push(
        `${String(count).padStart(6)} products | cold p50 ${ms(percentile(cold, 50)).padStart(10)}  ` +
          `p99 ${ms(percentile(cold, 99)).padStart(10)}  (${runs} runs, ${how} each)` +
          ` | warm p50 ${ms(percentile(warm, 50)).padStart(9)}  p99 ${ms(percentile(warm, 99)).padStart(9)}  ` +
          `(${WARM_QUERIES} queries, ${(found / WARM_QUERIES).toFixed(1)} products per answer)`,
      );
      const spent = Math.min(pages, 2) * PAGE_COST + (pages > 2 ? BULK_RUN_COST : 0);
      const pagedThrottle = Math.max(0, pages * PAGE_COST - STANDARD_BUCKET) / STANDARD_RESTORE_RATE;
      rows.push(
        `${" ".repeat(15)}| rate-limit bucket spent: ${spent} points (paging it all: ${pages * PAGE_COST}, ≈ ${pagedThrottle.toFixed(0)} s of ` +
          `throttling on the standard ${STANDARD_BUCKET}-point, ${STANDARD_RESTORE_RATE}/s bucket); Shopify's own bulk run time is not modelled`,
      );
      console.log(rows.at(-2));
      console.log(rows.at(-1));
    }
  } finally {
    await admin.stop();
  }
  console.log("\ncatalogue answer latency (searchProducts), fake Admin API over HTTP on 127.0.0.1:");
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
