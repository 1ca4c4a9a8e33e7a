/**
 * `npm run bench:chat` — Baton's storefront chat turn beside the machine's floor, in one run.
 *
 * The floor (chat/floor-server.ts) is a bare node:http server that verifies the App Proxy HMAC and
 * appends and reads a conversation in SQLite. Baton is the demo (built-in engine, demo shop) on
 * SQLite and PostgreSQL, with WEB_CONCURRENCY=0 (one process), 1 (one HTTP worker beside the
 * primary), the default (unset: one worker a core as memory allows, decision 0086; 2 on a 2-core
 * machine) and 2. The same client (N signed shoppers, closed loop, every Nth conversation
 * escalating) drives each; the floor runs first and last and its mean is the reference.
 * Per mode: throughput, CPU per request (all app processes, beside the floor's: the ratio other work on a shared
 * host hardly moves), client latency, errors, hand-off latency (the client seeing "escalated" →
 * SMTP accepted, every email accounted for), memory per 1,000 open conversations, RSS per process.
 *
 *   npm run bench:chat -- --shoppers 32 --seconds 15 --databases sqlite,postgresql --workers 0,1,default,2
 *   --soak 600         after the first mode's run, keep its load for 600 s and print RSS per process over time
 *   --cpu-prof DIR     write a CPU profile per app process (node --cpu-prof) and print each one's top functions
 *   --heap-snapshot    with --soak: a heap snapshot of the HTTP process after the soak, summarized by constructor
 *   --trace-gc         V8's GC trace in the app's processes: pauses per process during the measured run (count, total, max, p99)
 *   --node-flag=--single-threaded-gc          a node or V8 flag before the app's script (repeatable; cluster workers inherit it)
 *   --node-options=--max-old-space-size=128   NODE_OPTIONS for the app (the launcher's worker heap bounds yield to it)
 *   --app-env MALLOC_ARENA_MAX=2               more environment for the app (repeatable)
 * Exit code 1 on any error or undelivered email.
 */
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPostgresDatabase } from "../support/postgres";
import { startDemoApp, startFloor, tempDir, type AppUnderTest } from "./chat/app-under-test";
import { printTopFunctions } from "./chat/cpu-profile-top";
import { describeGcPauses, gcPauses } from "./chat/gc-pauses";
import { printHeapSummary } from "./chat/heap-summary";
import { appCpuSeconds, appProcesses, cpuSeconds, httpProcesses } from "./chat/process-memory";
import { startSmtpSink, type SmtpSink } from "./chat/smtp-sink";
import { percentile, runShoppers, type ShopperStats } from "./chat/shoppers";

const { values: args } = parseArgs({
  options: {
    shoppers: { type: "string", default: "32" },
    seconds: { type: "string", default: "15" },
    "escalate-every": { type: "string", default: "8" },
    databases: { type: "string", default: "sqlite,postgresql" },
    workers: { type: "string", default: "0,1,default,2" },
    conversations: { type: "string", default: "3000" },
    soak: { type: "string", default: "0" },
    "cpu-prof": { type: "string" },
    "heap-snapshot": { type: "boolean", default: false },
    "trace-gc": { type: "boolean", default: false },
    "node-flag": { type: "string", multiple: true },
    "node-options": { type: "string" },
    "app-env": { type: "string", multiple: true },
  },
});
const SHOPPERS = Number(args.shoppers);
const SECONDS = Number(args.seconds);
const ESCALATE_EVERY = Number(args["escalate-every"]);
const OPEN_CONVERSATIONS = Number(args.conversations);
const SOAK_SECONDS = Number(args.soak);
const SHOP = "baton-demo.myshopify.com";
const f = (x: number, digits = 1) => (Number.isNaN(x) ? "n/a" : x.toFixed(digits));

interface ModeResult {
  label: string;
  stats: ShopperStats;
  /** CPU ms of all app processes per request during the measured run. */
  cpuMsPerRequest: number;
  /** The same per process ("primary 0.61, worker 1.52"). */
  cpuByProcess: string;
  handoffMs: number[];
  /** Where a hand-off's time goes, from the outbox's own rows (the turn's time → the claim; the SMTP conversation). */
  handoffPhases: string;
  handoffsMissing: number;
  memoryPerThousandMb: number;
  rss: string;
}

const smtp = await startSmtpSink();
const results: ModeResult[] = [];
let failed = false;

interface FloorRun {
  stats: ShopperStats;
  cpuMsPerRequest: number;
}
const floorRuns: FloorRun[] = [await runFloor()];
for (const database of args.databases.split(",")) {
  for (const workers of args.workers.split(",")) {
    results.push(await runMode(database as "sqlite" | "postgresql", workers, results.length === 0 ? SOAK_SECONDS : 0));
    printMode(results.at(-1)!);
  }
}
floorRuns.push(await runFloor());
await smtp.stop();

const floorRate = floorRuns.reduce((a, r) => a + r.stats.requests / r.stats.seconds, 0) / floorRuns.length;
const floorCpu = floorRuns.reduce((a, r) => a + r.cpuMsPerRequest, 0) / floorRuns.length;
console.log(`\nbench:chat — ${SHOPPERS} concurrent shoppers, ${SECONDS} s per run, built-in engine, every ${ESCALATE_EVERY}th conversation escalates`);
console.log(
  `floor (node:http + HMAC + SQLite append/read): ${floorRuns.map((r) => f(r.stats.requests / r.stats.seconds, 0)).join(" / ")} req/s (first / last), ` +
    `p99 ${floorRuns.map((r) => f(percentile(r.stats.latenciesMs, 99))).join(" / ")} ms, ` +
    `${floorRuns.map((r) => f(r.cpuMsPerRequest, 3)).join(" / ")} CPU ms a request; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
);
console.log(
  "÷ floor: throughput over the floor's mean; by CPU: the floor's CPU per request over the app's (all its processes), " +
    "which other work on the host hardly moves",
);
console.log(
  "| mode | req/s | ÷ floor | CPU ms a request | ÷ floor by CPU | errors | p50 ms | p99 ms | server p99 ms | " +
    "hand-off p50 / p99 ms (emailed) | MB per 1,000 open conversations | RSS MB after |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const rate = r.stats.requests / r.stats.seconds;
  console.log(
    `| ${r.label} | ${f(rate, 0)} | ${f(rate / floorRate, 3)} | ${f(r.cpuMsPerRequest, 3)} | ${f(floorCpu / r.cpuMsPerRequest, 3)} | ${r.stats.errors} | ` +
      `${f(percentile(r.stats.latenciesMs, 50))} | ${f(percentile(r.stats.latenciesMs, 99))} | ` +
      `${f(percentile(r.stats.serverMs, 99))} | ${f(percentile(r.handoffMs, 50))} / ${f(percentile(r.handoffMs, 99))} ` +
      `(${r.handoffMs.length}/${r.stats.handoffs.length}) | ${f(r.memoryPerThousandMb)} | ${r.rss} |`,
  );
}
process.exitCode = failed ? 1 : 0;

async function runFloor(): Promise<FloorRun> {
  const floor = await startFloor();
  try {
    await runShoppers({ origin: floor.origin, shop: SHOP, shoppers: SHOPPERS, seconds: 2, escalateEvery: 0, runId: "floor-warm" });
    const cpuBefore = cpuSeconds(floor.pid);
    const stats = await runShoppers({ origin: floor.origin, shop: SHOP, shoppers: SHOPPERS, seconds: SECONDS, escalateEvery: 0, runId: "floor" });
    const cpuMsPerRequest = ((cpuSeconds(floor.pid) - cpuBefore) * 1000) / stats.requests;
    console.log(
      `floor: ${f(stats.requests / stats.seconds, 0)} req/s, p99 ${f(percentile(stats.latenciesMs, 99))} ms, errors ${stats.errors}, ` +
        `${f(cpuMsPerRequest, 3)} CPU ms a request`,
    );
    return { stats, cpuMsPerRequest };
  } finally {
    await floor.stop();
  }
}

async function runMode(database: "sqlite" | "postgresql", workers: string, soakSeconds: number): Promise<ModeResult> {
  const label = `${database === "sqlite" ? "SQLite" : "PostgreSQL"} WEB_CONCURRENCY=${workers}`;
  let databaseUrl = `file:${path.join(tempDir("baton-bench-"), "bench.db")}`;
  let drop = async () => undefined as unknown;
  if (database === "postgresql") {
    execFileSync("bash", ["tests/support/ensure-postgres.sh"], { stdio: "inherit" });
    const created = await createPostgresDatabase("baton_bench");
    databaseUrl = created.url;
    drop = created.drop;
  }
  const profileDir = args["cpu-prof"] ? path.resolve(args["cpu-prof"], label.replace(/\W+/g, "-")) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const snapshotDir = tempDir("baton-heap-");
  const nodeArgs = [
    ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
    ...(args["heap-snapshot"] ? ["--heapsnapshot-signal=SIGUSR2"] : []),
    ...(args["trace-gc"] ? ["--trace-gc"] : []),
    ...(args["node-flag"] ?? []),
  ];
  const app = await startDemoApp(
    databaseUrl,
    {
      SMTP_URL: smtp.url,
      DEMO_INBOX_DIR: undefined,
      RATE_LIMIT_SHOP_PER_MINUTE: "10000000",
      RATE_LIMIT_IP_PER_MINUTE: "10000000",
      RATE_LIMIT_CONVERSATION_PER_MINUTE: "10000000",
      WEB_CONCURRENCY: workers === "default" ? undefined : workers,
      NODE_OPTIONS: args["node-options"],
      ...Object.fromEntries((args["app-env"] ?? []).map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)])),
    },
    nodeArgs,
  );
  const run = (runId: string, seconds: number, extra: { openConversations?: number; escalateEvery?: number } = {}) =>
    runShoppers({ origin: app.origin, shop: SHOP, shoppers: SHOPPERS, seconds, escalateEvery: extra.escalateEvery ?? ESCALATE_EVERY, runId, ...extra });
  try {
    await run(`${label}-warm`, 3, { escalateEvery: 0 });
    const before = sumRss(httpProcesses(app.pid));
    await run(`${label}-open`, 0, { openConversations: OPEN_CONVERSATIONS, escalateEvery: 0 });
    const memoryPerThousandMb = ((sumRss(httpProcesses(app.pid)) - before) / OPEN_CONVERSATIONS) * 1000;
    const cpuBefore = appCpuSeconds(app.pid);
    const processCpuBefore = appProcesses(app.pid).map((p) => ({ ...p, cpu: cpuSeconds(p.pid) }));
    const traceFrom = app.output().length;
    const measuredFrom = Date.now();
    const stats = await run(`${label}-${Date.now()}`, SECONDS);
    if (args["trace-gc"]) {
      const roles = new Map(appProcesses(app.pid).map((p) => [p.pid, p.role]));
      const trace = app.output().slice(traceFrom);
      for (const line of describeGcPauses(gcPauses(trace), (pid) => roles.get(pid) ?? "process", stats.seconds)) console.log(`GC, ${label}: ${line}`);
      const file = path.join(tempDir("baton-gc-"), "trace-gc.txt");
      writeFileSync(file, trace);
      console.log(`GC, ${label}: the trace is in ${file}`);
    }
    const cpuMsPerRequest = ((appCpuSeconds(app.pid) - cpuBefore) * 1000) / stats.requests;
    const cpuByProcess = processCpuBefore.map((p) => `${p.role} ${f(((cpuSeconds(p.pid) - p.cpu) * 1000) / stats.requests, 2)}`).join(", ");
    const handoff = await handoffLatencies(smtp, stats);
    const phases =
      (await handoffPhases(databaseUrl, new Date(Date.now() - stats.seconds * 1000 - 20_000))) +
      `, over 100 ms ${handoff.ms.filter((ms) => ms > 100).length}, SMTP sessions opened ${smtp.sessionsOpenedAt.filter((at) => at >= measuredFrom).length}`;
    if (stats.errors > 0) console.log(`  ${label}: error samples ${JSON.stringify(stats.errorSamples)}`);
    if (stats.errors > 0 || handoff.missing > 0) failed = true;
    const result: ModeResult = {
      label,
      stats,
      cpuMsPerRequest,
      cpuByProcess,
      handoffMs: handoff.ms,
      handoffPhases: phases,
      handoffsMissing: handoff.missing,
      memoryPerThousandMb,
      rss: rssLine(app),
    };
    if (soakSeconds > 0) await soak(app, label, soakSeconds, run, snapshotDir);
    return result;
  } finally {
    await app.stop();
    await drop();
    if (profileDir) printTopFunctions(profileDir, label);
  }
}

async function soak(app: AppUnderTest, label: string, seconds: number, run: (id: string, s: number) => Promise<ShopperStats>, snapshotDir: string) {
  const step = Math.max(10, Math.round(seconds / 10));
  console.log(`soak ${label}: ${seconds} s; RSS MB per process every ${step} s`);
  let turns = 0;
  let errors = 0;
  for (let elapsed = 0; elapsed < seconds; elapsed += step) {
    const stats = await run(`${label}-soak-${elapsed}`, Math.min(step, seconds - elapsed));
    turns += stats.requests;
    errors += stats.errors;
    console.log(`  ${String(elapsed + step).padStart(5)} s  ${f(stats.requests / stats.seconds, 0)} req/s  ${rssLine(app)}`);
  }
  console.log(`soak ${label}: ${turns} turns, ${errors} errors; after: ${rssLine(app)}`);
  if (errors > 0) failed = true;
  if (args["heap-snapshot"]) {
    const [http] = httpProcesses(app.pid);
    if (!http) return;
    const before = new Set(readdirSync(process.cwd()).filter((n) => n.endsWith(".heapsnapshot")));
    process.kill(http.pid, "SIGUSR2");
    const file = await waitForSnapshot(before);
    if (file) printHeapSummary(file, snapshotDir);
  }
}

async function waitForSnapshot(before: Set<string>): Promise<string | null> {
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const fresh = readdirSync(process.cwd()).find((n) => n.endsWith(".heapsnapshot") && !before.has(n));
    if (!fresh) continue;
    // Written when its size stops changing.
    const size = statSync(fresh).size;
    await new Promise((r) => setTimeout(r, 1500));
    if (existsSync(fresh) && statSync(fresh).size === size && size > 0) return path.resolve(fresh);
  }
  return null;
}

/** Trigger → SMTP accepted per escalation, matched by the case email's Reply-To (waits up to 15 s for stragglers). */
async function handoffLatencies(server: SmtpSink, stats: ShopperStats): Promise<{ ms: number[]; missing: number }> {
  const wanted = new Set(stats.handoffs.map((h) => h.email));
  const accepted = () => {
    const found = new Map<string, number>();
    for (const m of server.messages) for (const r of m.replyTo) if (wanted.has(r) && !found.has(r)) found.set(r, m.receivedAt);
    return found;
  };
  const until = Date.now() + 15_000;
  while (accepted().size < wanted.size && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  const found = accepted();
  const ms = stats.handoffs.filter((h) => found.has(h.email)).map((h) => found.get(h.email)! - h.at);
  return { ms, missing: wanted.size - found.size };
}

/**
 * The case emails' own timestamps: the turn's clock (OutboxEmail.createdAt, taken before the turn's
 * decision) → the worker's claim (DeliveryAttempt.at), and the SMTP conversation (durationMs); p50 / p99.
 */
async function handoffPhases(databaseUrl: string, since: Date): Promise<string> {
  const sql = `SELECT o."createdAt" AS "createdAt", a."at" AS "at", a."durationMs" AS "durationMs" FROM "OutboxEmail" o
    JOIN "DeliveryAttempt" a ON a."outboxId" = o."id" WHERE o."kind" = 'case' AND a."ok" = ${databaseUrl.startsWith("file:") ? "1" : "true"}`;
  let rows: Array<{ createdAt: string | Date; at: string | Date; durationMs: number }>;
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length), { readonly: true });
    rows = db.prepare(sql).all() as typeof rows;
    db.close();
  } else {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    // Both columns are TIMESTAMP(3) without a zone, parsed alike: their difference is exact.
    rows = (await client.query<(typeof rows)[number]>(sql)).rows;
    await client.end();
  }
  const time = (v: string | Date) => (v instanceof Date ? v.getTime() : Date.parse(v));
  const recent = rows.filter((r) => time(r.createdAt) >= since.getTime());
  const queued = recent.map((r) => time(r.at) - time(r.createdAt));
  const smtp = recent.map((r) => r.durationMs);
  const p = (xs: number[]) => `${f(percentile(xs, 50), 0)} / ${f(percentile(xs, 99), 0)}`;
  return `turn → claimed ${p(queued)} ms, SMTP ${p(smtp)} ms`;
}

function sumRss(processes: Array<{ rssMb: number }>): number {
  return processes.reduce((a, p) => a + p.rssMb, 0);
}

function rssLine(app: AppUnderTest): string {
  return appProcesses(app.pid)
    .map((p) => `${p.role} ${f(p.rssMb, 0)}`)
    .join(", ");
}

function printMode(r: ModeResult): void {
  const rate = r.stats.requests / r.stats.seconds;
  console.log(
    `${r.label}: ${f(rate, 0)} req/s, p50 ${f(percentile(r.stats.latenciesMs, 50))} ms, p99 ${f(percentile(r.stats.latenciesMs, 99))} ms, ` +
      `${f(r.cpuMsPerRequest, 3)} CPU ms a request (${r.cpuByProcess}), errors ${r.stats.errors}, ` +
      `hand-off p99 ${f(percentile(r.handoffMs, 99))} ms (${r.handoffMs.length}/${r.stats.handoffs.length} emailed; ${r.handoffPhases}), ` +
      `${f(r.memoryPerThousandMb)} MB per 1,000 open conversations, RSS ${r.rss}`,
  );
}
