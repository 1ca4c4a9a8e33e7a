// `npx tsx tests/bench/case-search-bench.ts`: the cases list's full-text search on a big shop.
// Seeds 100,000 escalated conversations (4 messages each; 400,000 messages) plus another shop's
// noise into a temp SQLite database, builds the search index (the first search's one-time backfill,
// timed), then times `listCases` with a search — the exact function /app/cases calls — for a rare
// word, a common one, two words and a prefix. Target: p95 < 200 ms.
// BENCH_PG=postgresql://… runs the same on PostgreSQL (a scratch database it may fill).
import { performance } from "node:perf_hooks";
import { createDb, tuneSqlite } from "../../app/db.server";
import { migrateDeploy } from "../../app/platform/prisma-cli.server";
import { listCases, parseCaseFilters } from "../../app/admin/cases.server";
import { ensureCaseSearch } from "../../app/admin/case-search.server";
import { tempSqliteUrl } from "../support/app-server";

const SHOP = "bench.myshopify.com";
const OTHER = "noise.myshopify.com";
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const CHUNK = 5_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

let rngState = 7;
const rand = () => (rngState = (rngState * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const ITEMS = ["mug", "bowl", "plate", "vase", "throw", "candle", "teapot", "blanket", "napkin", "tray"];
const PROBLEMS = ["arrived broken", "never came", "is the wrong colour", "was charged twice", "is late", "smells odd"];

async function main(): Promise<void> {
  // BENCH_DB_URL=file:… reuses a database an earlier run seeded (seeding takes minutes on a busy machine).
  const reuse = process.env.BENCH_DB_URL;
  const url = reuse ?? process.env.BENCH_PG ?? tempSqliteUrl();
  await migrateDeploy(url);
  const db = createDb(url);
  if (url.startsWith("file:")) await tuneSqlite(db, url);
  const t0 = performance.now();
  const total = CASES + CASES / 10;
  for (let base = reuse ? total : 0; base < total; base += CHUNK) {
    const conversations = [];
    const messages: Array<{ id: string; conversationId: string; role: string; text: string; createdAt: Date }> = [];
    const cases = [];
    for (let i = base; i < Math.min(total, base + CHUNK); i++) {
      const shop = i < CASES ? SHOP : OTHER;
      const id = `c${i}`;
      const at = new Date(Date.UTC(2026, 8, 1) + Math.floor(rand() * 90 * 86_400_000));
      // About 1 in 200 mentions a rug (a rare word); "order" is in most.
      const item = rand() < 0.005 ? "rug" : pick(ITEMS);
      conversations.push({ id, shop, state: "escalated", createdAt: at, updatedAt: at });
      const lines = [
        `Hi, my order #${1000 + i} with the ${item} ${pick(PROBLEMS)}.`,
        "I'm sorry to hear that. Could you tell me the email on the order?",
        `sure, it's shopper${i}@example.com`,
        "Thanks! I've passed your case to our team; they'll reply by email.",
      ];
      lines.forEach((text, m) =>
        messages.push({ id: `${id}m${m}`, conversationId: id, role: m % 2 ? "assistant" : "shopper", text, createdAt: new Date(at.getTime() + m * 5000) }),
      );
      cases.push({
        id: `k${i}`,
        shop,
        conversationId: id,
        status: "sent",
        reasons: ["explicit_request"],
        reasonText: "bench",
        priority: "normal",
        confidence: 0.8,
        signals: [],
        route: {},
        summary: "bench",
        messageId: `<k${i}@bench>`,
        shopperEmail: `shopper${i}@example.com`,
        orderName: `#${1000 + i}`,
        createdAt: at,
        updatedAt: at,
      });
    }
    if (base === 0) await db.shop.createMany({ data: [{ domain: SHOP }, { domain: OTHER }] });
    await db.conversation.createMany({ data: conversations });
    await db.message.createMany({ data: messages });
    await db.escalationCase.createMany({ data: cases });
  }
  if (!reuse)
    console.log(
      `seeded ${CASES.toLocaleString("en-US")} cases (+${(CASES / 10).toLocaleString("en-US")} other shop), ` +
        `${(total * 4).toLocaleString("en-US")} messages in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  const tIndex = performance.now();
  await ensureCaseSearch(db);
  console.log(`search index built (one-time backfill of every message) in ${((performance.now() - tIndex) / 1000).toFixed(1)} s`);
  if (url.startsWith("file:")) await db.$executeRawUnsafe("ANALYZE");

  for (const q of ["rug", "arrived broken", "order", "tea"]) {
    const filters = parseCaseFilters(new URLSearchParams({ q }));
    await listCases(db, SHOP, filters);
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      found = (await listCases(db, SHOP, filters)).total;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p = (x: number) => times[Math.min(times.length - 1, Math.ceil((x / 100) * times.length) - 1)]!;
    console.log(
      `q=${JSON.stringify(q).padEnd(17)} ${String(found).padStart(6)} cases: p50 ${p(50).toFixed(1)} ms, p95 ${p(95).toFixed(1)} ms` +
        ` ${p(95) < 200 ? "(target < 200 ms: met)" : "(target < 200 ms: MISSED)"}`,
    );
  }
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
