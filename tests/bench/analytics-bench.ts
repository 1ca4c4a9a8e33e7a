// `npm run bench:analytics`: the analytics loader's server time on a big shop. Seeds 100,000
// conversations over 90 days (≈3 messages each, 12% escalated with case email, attempts and
// some failures) plus another shop's noise into a temp SQLite database with bulk createMany, then
// times `loadAnalytics` — the exact function the /app/analytics route calls — for a 30-day and a
// 90-day range. Target: p95 < 500 ms.
import { performance } from "node:perf_hooks";
import { createDb, tuneSqlite } from "../../app/db.server";
import { migrateDeploy } from "../../app/platform/prisma-cli.server";
import { loadAnalytics } from "../../app/admin/analytics.server";
import { tempSqliteUrl } from "../support/app-server";

const SHOP = "bench.myshopify.com";
const OTHER = "noise.myshopify.com";
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const ESCALATION_RATE = 0.12;
const DAYS = 90;
const CHUNK = 5_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const REASONS = [
  "explicit_request",
  "negative_sentiment",
  "complaint",
  "threat",
  "keyword",
  "repeated_failure",
  "order_state",
  "sensitive_topic",
  "authority_limit",
  "vip",
];
const PRIORITIES = ["low", "normal", "normal", "normal", "high", "urgent"];

// Deterministic pseudo-random numbers so runs are comparable.
let rngState = 42;
const rand = () => (rngState = (rngState * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

async function chunked<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

async function main(): Promise<void> {
  // BENCH_DB_URL=file:… reuses a database an earlier run seeded (its path is printed).
  const reuse = process.env.BENCH_DB_URL;
  const url = reuse ?? tempSqliteUrl();
  await migrateDeploy(url);
  const db = createDb(url);
  await tuneSqlite(db, url);
  const now = new Date(Date.UTC(2026, 10, 30));
  if (!reuse) await seedDatabase(db, now, url);
  await measure(db, now);
  await db.$disconnect();
}

async function seedDatabase(db: ReturnType<typeof createDb>, now: Date, url: string): Promise<void> {
  const start = now.getTime() - DAYS * 86_400_000;
  await db.shop.createMany({
    data: [
      { domain: SHOP, plan: "growth" },
      { domain: OTHER, plan: "scale" },
    ],
  });

  const t0 = performance.now();
  let messages = 0;
  let cases = 0;
  const total = CONVERSATIONS + Math.floor(CONVERSATIONS / 10);
  for (let base = 0; base < total; base += CHUNK) {
    const conversations = [];
    const msgs = [];
    const caseRows = [];
    const outbox = [];
    const attempts = [];
    for (let i = base; i < Math.min(total, base + CHUNK); i++) {
      const shop = i < CONVERSATIONS ? SHOP : OTHER;
      const id = `c${i}`;
      const createdAt = new Date(start + Math.floor(rand() * DAYS * 86_400_000));
      const escalated = rand() < ESCALATION_RATE;
      const escalatedAt = escalated ? new Date(createdAt.getTime() + Math.floor(20_000 + rand() * 600_000)) : null;
      conversations.push({ id, shop, state: escalated ? "escalated" : "open", createdAt, updatedAt: createdAt, escalatedAt });
      const n = 2 + Math.floor(rand() * 3);
      for (let m = 0; m < n; m++) {
        msgs.push({
          id: `${id}m${m}`,
          conversationId: id,
          role: m % 2 ? "assistant" : "shopper",
          text: "Where is my order?",
          createdAt: new Date(createdAt.getTime() + m * 5_000),
        });
      }
      messages += n;
      if (!escalated) continue;
      cases++;
      const caseId = `k${i}`;
      const r = rand();
      const status = r < 0.9 ? "sent" : r < 0.95 ? "failed" : r < 0.98 ? "abandoned" : "limited";
      const reasons = [pick(REASONS), ...(rand() < 0.4 ? [pick(REASONS)] : [])];
      caseRows.push({
        id: caseId,
        shop,
        conversationId: id,
        status,
        reasons,
        reasonText: "bench",
        topic: "shipping",
        priority: pick(PRIORITIES),
        confidence: 0.8,
        signals: [],
        route: { to: ["s@x.test"], cc: [], from: "x@y.test" },
        summary: "bench",
        messageId: `<case-${caseId}@bench>`,
        createdAt: escalatedAt!,
        updatedAt: escalatedAt!,
      });
      if (status === "abandoned" || status === "limited") continue;
      const outboxId = `o${i}`;
      outbox.push({
        id: outboxId,
        shop,
        caseId,
        kind: "case",
        status,
        messageId: `<case-${caseId}@bench>`,
        fromAddress: "x@y.test",
        toAddresses: "s@x.test",
        subject: "Escalation",
        textBody: "t",
        htmlBody: "<p>t</p>",
        attempts: status === "failed" ? 3 : 1,
        createdAt: escalatedAt!,
        nextAttemptAt: escalatedAt!,
      });
      const tries = status === "failed" ? 3 : rand() < 0.05 ? 2 : 1;
      for (let a = 0; a < tries; a++) {
        const ok = status === "sent" && a === tries - 1;
        attempts.push({ id: `${outboxId}a${a}`, outboxId, at: new Date(escalatedAt!.getTime() + a * 5_000), ok, durationMs: 40 });
      }
    }
    await db.conversation.createMany({ data: conversations });
    await chunked(msgs, (c) => db.message.createMany({ data: c }));
    if (caseRows.length) await db.escalationCase.createMany({ data: caseRows });
    if (outbox.length) await db.outboxEmail.createMany({ data: outbox });
    if (attempts.length) await db.deliveryAttempt.createMany({ data: attempts });
  }
  await db.usageCounter.createMany({
    data: ["2026-08", "2026-09", "2026-10", "2026-11"].map((period) => ({ shop: SHOP, period, conversations: 30_000, escalations: 400, limited: 3 })),
  });
  await db.$executeRawUnsafe("ANALYZE");
  console.log(
    `seeded ${CONVERSATIONS.toLocaleString("en-US")} conversations (+${(total - CONVERSATIONS).toLocaleString("en-US")} other shop), ` +
      `${messages.toLocaleString("en-US")} messages, ${cases.toLocaleString("en-US")} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s (${url})`,
  );
}

async function measure(db: ReturnType<typeof createDb>, now: Date): Promise<void> {
  for (const days of [30, 90]) {
    const range = { from: new Date(now.getTime() - days * 86_400_000), to: now };
    await loadAnalytics(db, SHOP, range); // warm-up (statement cache, page cache)
    const times: number[] = [];
    let report: Awaited<ReturnType<typeof loadAnalytics>> | null = null;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      report = await loadAnalytics(db, SHOP, range);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.ceil((q / 100) * times.length) - 1)]!;
    console.log(
      `loadAnalytics ${days}-day range (${report!.series.points.length} ${report!.series.bucket} buckets): ` +
        `p50 ${p(50).toFixed(1)} ms, p95 ${p(95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms over ${RUNS} runs ` +
        `— ${report!.conversations.toLocaleString("en-US")} conversations, ${report!.escalations.toLocaleString("en-US")} escalations, ` +
        `median time to escalate ${report!.timeToEscalate.medianSeconds?.toFixed(0)} s ${p(95) < 500 ? "(target < 500 ms: met)" : "(target < 500 ms: MISSED)"}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
