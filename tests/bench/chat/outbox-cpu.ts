/**
 * `npx tsx tests/bench/chat/outbox-cpu.ts [--emails 200] [--databases sqlite,postgresql]` — CPU ms an email of the
 * outbox's delivery path (claim → case facts → compose → SMTP → record), the way the app runs it (the driver's
 * prepared statements, decision 0082) beside the Prisma path it replaced, in one run on one database. The Prisma path
 * is what `claimDueEmails`/`deliverClaimed` do for a client `createDb` did not make: here the same client behind a
 * Proxy. The SMTP server is the bench's sink in its own process, so its CPU is not counted; nodemailer's is.
 * Run it under the bench lock: `flock /work/bench.lock npx tsx tests/bench/chat/outbox-cpu.ts`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { composeEscalationEmail } from "../../../app/domain/email/compose-escalation-email";
import { SEED_ORDER, SEED_TRANSCRIPT } from "../../../app/domain/email/fixtures";
import { createDb, type Db } from "../../../app/db.server";
import { loadCaseView } from "../../../app/email/load-case-email.server";
import { createMailTransport } from "../../../app/email/mailer.server";
import { claimDueEmails, deliverClaimed, enqueueEmail } from "../../../app/email/outbox.server";
import { migrateDeploy } from "../../../app/platform/prisma-cli.server";
import { createPostgresDatabase } from "../../support/postgres";
import { startSmtpSink } from "./smtp-sink";

const { values: args } = parseArgs({ options: { emails: { type: "string", default: "200" }, databases: { type: "string", default: "sqlite,postgresql" } } });
const EMAILS = Number(args.emails);
const SHOP = "outbox-bench.myshopify.com";
const adminCaseUrl = (shop: string, caseId: string) => `https://admin.example/${shop}/cases/${caseId}`;
let seq = 0;

const smtp = await startSmtpSink();
const transport = createMailTransport(smtp.url);
const lines: string[] = [];
try {
  for (const database of args.databases.split(",")) {
    let url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "baton-outbox-cpu-")), "outbox.db")}`;
    let drop = async () => undefined as unknown;
    if (database === "postgresql") {
      execFileSync("bash", ["tests/support/ensure-postgres.sh"], { stdio: "inherit" });
      ({ url, drop } = await createPostgresDatabase("baton_outbox_cpu"));
    }
    await migrateDeploy(url);
    const db = createDb(url);
    try {
      await db.shop.create({ data: { domain: SHOP, name: "Outbox Bench" } });
      const template = await seedTemplate(db);
      // Warm both paths (statement caches, Prisma's query compiler), then measure each on fresh rows.
      for (const [label, client] of [
        ["warm", db],
        ["warm", viaPrisma(db)],
      ] as const)
        await deliverAll(client, await enqueue(db, template, 20), label);
      for (const [label, client] of [
        ["Prisma", viaPrisma(db)],
        ["prepared statements", db],
      ] as const) {
        const ids = await enqueue(db, template, EMAILS);
        const cpu = process.cpuUsage();
        const started = performance.now();
        await deliverAll(client, ids, label);
        const used = process.cpuUsage(cpu);
        const wall = performance.now() - started;
        const sent = await db.outboxEmail.count({ where: { id: { in: ids }, status: "sent" } });
        const cpuMs = (used.user + used.system) / 1000 / ids.length;
        lines.push(`| ${database} | ${label} | ${sent}/${ids.length} | ${cpuMs.toFixed(2)} | ${(wall / ids.length).toFixed(2)} |`);
      }
    } finally {
      await db.$disconnect();
      await drop();
    }
  }
} finally {
  transport.close();
  await smtp.stop();
}
console.log(
  `\noutbox delivery path, ${EMAILS} case emails each, one at a time; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log("| database | path | sent | CPU ms an email | wall ms an email |\n|---|---|---|---|---|");
for (const line of lines) console.log(line);

/** The same client under another identity: the outbox finds no prepared statements for it and goes through Prisma. */
function viaPrisma(db: Db): Db {
  return new Proxy(db, {});
}

/** One case with its conversation; every row enqueued below is a case email of it (the case's side is written the same way). */
async function seedTemplate(db: Db) {
  const conversationId = "conv-bench";
  await db.conversation.create({ data: { id: conversationId, shop: SHOP, state: "escalated", shopperEmail: "sarah@example.com" } });
  for (const [i, line] of SEED_TRANSCRIPT.entries())
    await db.message.create({ data: { conversationId, role: line.role, text: line.text, createdAt: new Date(Date.parse(line.at) + i) } });
  const c = await db.escalationCase.create({
    data: {
      id: "case-bench",
      shop: SHOP,
      conversationId,
      reasons: ["order_state"],
      reasonText: "Customer reporting non-delivery",
      priority: "high",
      confidence: 0.9,
      signals: [],
      route: { to: ["support@outbox-bench.example"], cc: [], from: '"Outbox Bench" <escalations@baton.example>' },
      shopperEmail: "sarah@example.com",
      orderName: "#1042",
      orderFacts: SEED_ORDER as object,
      customerFacts: SEED_ORDER.customer as object,
      summary: "Delivered but not received.",
      messageId: "<case-bench@baton.example>",
      messagesEmailed: SEED_TRANSCRIPT.length,
    },
  });
  return composeEscalationEmail((await loadCaseView(db, c.id, adminCaseUrl))!.view);
}

async function enqueue(db: Db, email: ReturnType<typeof composeEscalationEmail>, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = await enqueueEmail(db, {
      shop: SHOP,
      caseId: "case-bench",
      kind: "case",
      email: { ...email, messageId: `<bench-${++seq}@baton.example>` },
      coversUpTo: SEED_TRANSCRIPT.length,
    });
    ids.push(row.id);
  }
  return ids;
}

/** Claims and delivers one row at a time, as a kicked worker does for a single hand-off. */
async function deliverAll(client: Db, ids: string[], label: string): Promise<void> {
  for (let done = 0; done < ids.length;) {
    const rows = await claimDueEmails(client, { workerId: label, now: new Date(), leaseMs: 60_000, limit: 1 });
    if (rows.length === 0) throw new Error(`${label}: nothing to claim after ${done} of ${ids.length}`);
    for (const row of rows) {
      const outcome = await deliverClaimed(client, transport, row, { now: new Date(), giveUpMinutes: 60, adminCaseUrl });
      if (outcome.outcome !== "sent") throw new Error(`${label}: ${JSON.stringify(outcome)}`);
      done++;
    }
  }
}
