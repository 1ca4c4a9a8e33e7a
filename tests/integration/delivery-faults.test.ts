import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../app/db.server";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";

// Delivery faults through the real app process: SMTP outages and an app crash mid-delivery must
// neither lose an escalation nor email it twice.
let smtp: SmtpServerHandle;
let admin: ShopifyAdminServerHandle;
const servers: AppServer[] = [];
/** One app per test, both started at once (each on its own SQLite database). */
let outageApp: AppServer;
let crashingApp: AppServer;

const appEnv = () => ({
  SMTP_URL: smtp.url,
  SHOPIFY_ADMIN_API_ORIGIN: admin.origin,
  OUTBOX_RETRY_BASE_MS: "150",
  OUTBOX_LEASE_MS: "1500",
});

beforeAll(async () => {
  smtp = await startSmtpServer();
  admin = await startShopifyAdminServer({ accessToken: TEST_ACCESS_TOKEN, shops: { [DEMO_SHOP_DOMAIN]: createDemoStore() } });
  [outageApp, crashingApp] = await Promise.all([startAppServer({ env: appEnv() }), startAppServer({ env: appEnv() })]);
  servers.push(outageApp, crashingApp);
  await Promise.all([outageApp, crashingApp].map((a) => seedShop(a.databaseUrl, { domain: DEMO_SHOP_DOMAIN })));
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  await admin?.stop();
  await smtp?.stop();
});

async function escalate(origin: string, email: string): Promise<void> {
  const shopper = storefront(origin, { ip: `192.0.2.${Math.floor(Math.random() * 200)}` });
  const a = await shopper.post({ message: "I need to talk to a human" });
  const b = await shopper.post({ conversationId: a.body.conversationId, message: email });
  expect(b.body.state).toBe("escalated");
}

function countByReplyTo(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of smtp.messages) for (const r of m.replyTo) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

async function waitFor(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("delivery under faults", () => {
  it("SMTP down for a while, then back: every case is delivered exactly once", async () => {
    smtp.clear();
    const app = outageApp;
    const db = createDb(app.databaseUrl);
    await smtp.setFailure("down");
    const emails = ["down-1@example.com", "down-2@example.com", "down-3@example.com"];
    await Promise.all(emails.map((e) => escalate(app.origin, e)));
    // Every email was tried while SMTP was down (polled, not a fixed wait), and none arrived.
    const triedEach = async () => (await db.deliveryAttempt.groupBy({ by: ["outboxId"], where: { ok: false } })).length >= emails.length;
    await waitFor(triedEach, 10_000);
    expect(smtp.messages).toHaveLength(0);
    await smtp.setFailure("none");
    await waitFor(() => smtp.messages.length >= emails.length, 20_000);
    // Nothing more can arrive once no row waits or is being sent.
    await waitFor(async () => (await db.outboxEmail.count({ where: { status: { in: ["pending", "sending"] } } })) === 0, 10_000);
    const counts = countByReplyTo();
    for (const e of emails) expect(counts.get(e)).toBe(1);

    const attempts = await db.deliveryAttempt.findMany({ where: { ok: false } });
    expect(attempts.length).toBeGreaterThan(0);
    expect(await db.escalationCase.count({ where: { status: "sent" } })).toBe(emails.length);
    await db.$disconnect();
  }, 60_000);

  it("the app crashes mid-delivery: after restart the case is delivered once, with its Message-ID", async () => {
    smtp.clear();
    const first = crashingApp;
    const databaseUrl = first.databaseUrl;
    await smtp.setFailure("reject");
    await escalate(first.origin, "crash@example.com");
    const db = createDb(databaseUrl);
    const until = Date.now() + 10_000;
    while ((await db.deliveryAttempt.count()) === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await first.crash();
    const queued = await db.outboxEmail.findFirstOrThrow({ where: { replyTo: "crash@example.com" } });
    expect(queued.status).not.toBe("sent");
    // Close our reader before the restart so the new process's migration gets the write lock at once.
    await db.$disconnect();

    await smtp.setFailure("none");
    const second = await startAppServer({ env: appEnv(), databaseUrl });
    servers.push(second);
    await waitFor(() => countByReplyTo().get("crash@example.com") === 1, 20_000);
    // Nothing more can arrive once the row is marked sent (no lease left to take over).
    const after = createDb(databaseUrl);
    await waitFor(async () => (await after.outboxEmail.findUniqueOrThrow({ where: { id: queued.id } })).status === "sent", 10_000);
    await after.$disconnect();
    expect(countByReplyTo().get("crash@example.com")).toBe(1);
    expect(smtp.messages[0]!.messageId).toBe(queued.messageId);
  }, 60_000);
});
