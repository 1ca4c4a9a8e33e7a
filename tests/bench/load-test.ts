import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { createDb } from "../../app/db.server";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer } from "../servers/shopify-admin-server";
import { startSmtpServer } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { createPostgresDatabase } from "../support/postgres";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { checkExactlyOnce, runShopperTraffic, summarize } from "./traffic";

// Horizontal scale: two app instances on one PostgreSQL, sustained shopper traffic with
// escalations mixed in; then proof that every escalation was emailed exactly once (counted by
// Reply-To on the SMTP test server). Exit code 1 on any error, loss or duplicate.
//   npm run bench:load -- --seconds 60 --concurrency 16 --escalation-rate 0.1
const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    concurrency: { type: "string", default: "16" },
    "escalation-rate": { type: "string", default: "0.1" },
    instances: { type: "string", default: "2" },
  },
});
const seconds = Number(args.seconds);
const concurrency = Number(args.concurrency);
const escalationRate = Number(args["escalation-rate"]);
const instanceCount = Number(args.instances);

async function main(): Promise<number> {
  execFileSync("bash", ["tests/support/ensure-postgres.sh"], { stdio: "inherit" });
  const database = await createPostgresDatabase("baton_load");
  const smtp = await startSmtpServer();
  const admin = await startShopifyAdminServer({ accessToken: TEST_ACCESS_TOKEN, shops: { [DEMO_SHOP_DOMAIN]: createDemoStore() } });
  const apps: AppServer[] = [];
  try {
    const env = {
      SMTP_URL: smtp.url,
      SHOPIFY_ADMIN_API_ORIGIN: admin.origin,
      // Shop-wide and per-IP limits sized for a load test from one machine (the limits themselves
      // are shared through PostgreSQL; a 429 would count as an error here).
      RATE_LIMIT_IP_PER_MINUTE: "100000",
      RATE_LIMIT_SHOP_PER_MINUTE: "1000000",
    };
    // One after the other: the first applies the migrations.
    for (let i = 0; i < instanceCount; i++) apps.push(await startAppServer({ databaseUrl: database.url, env }));
    await seedShop(database.url, { domain: DEMO_SHOP_DOMAIN, name: "Baton Demo Goods" });
    console.log(`[load] ${apps.length} instances on ${new URL(database.url).pathname.slice(1)}: ${apps.map((a) => a.origin).join(", ")}`);
    console.log(`[load] ${seconds} s, ${concurrency} concurrent shoppers, escalation rate ${escalationRate}`);

    let lastReport = Date.now();
    const stats = await runShopperTraffic({
      origins: apps.map((a) => a.origin),
      seconds,
      concurrency,
      escalationRate,
      onTick: (s) => {
        if (Date.now() - lastReport < 10_000) return;
        lastReport = Date.now();
        console.log(`[load] … ${s.requests} requests, ${s.errors} errors, ${s.escalated.length} escalations, ${smtp.messages.length} emails`);
      },
    });
    console.log(`[load] ${summarize(stats)}`);

    // Drain: every escalation must arrive, then nothing more may arrive.
    const drainStart = Date.now();
    while (Date.now() - drainStart < 60_000 && checkExactlyOnce(stats.escalated, smtp.messages).missing.length > 0) {
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 2_000));
    const check = checkExactlyOnce(stats.escalated, smtp.messages);

    const db = createDb(database.url);
    const [cases, notSent, outbox, attempts] = await Promise.all([
      db.escalationCase.count(),
      db.escalationCase.count({ where: { status: { not: "sent" } } }),
      db.outboxEmail.count({ where: { kind: "case", status: "sent" } }),
      db.deliveryAttempt.count({ where: { ok: true } }),
    ]);
    await db.$disconnect();

    console.log(
      `[load] escalations ${stats.escalated.length}, case emails received ${check.caseEmails} (drained in ${Date.now() - drainStart - 2_000} ms); ` +
        `missing ${check.missing.length}, duplicated ${check.duplicated.length}, same-id re-deliveries ` +
        `${check.resent}, unexpected ${check.unexpected.length}; ` +
        `db: ${cases} cases (${notSent} not sent), ${outbox} sent case rows, ${attempts} successful attempts`,
    );
    if (stats.errorSamples.length) console.log(`[load] error samples:\n  ${stats.errorSamples.join("\n  ")}`);
    if (check.missing.length) console.log(`[load] missing: ${check.missing.slice(0, 10).join(", ")}`);
    if (check.duplicated.length) console.log(`[load] duplicated: ${check.duplicated.slice(0, 10).join(", ")}`);

    const ok =
      stats.errors === 0 &&
      check.missing.length === 0 &&
      check.duplicated.length === 0 &&
      check.unexpected.length === 0 &&
      stats.escalated.length > 0 &&
      notSent === 0;
    console.log(ok ? "[load] PASS: every escalation emailed exactly once" : "[load] FAIL");
    return ok ? 0 : 1;
  } finally {
    await Promise.all(apps.map((a) => a.stop()));
    await admin.stop();
    await smtp.stop();
    await database.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
