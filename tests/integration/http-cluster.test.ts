import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWebhookRequestInit } from "../servers/shopify-signing";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, TEST_API_SECRET, type AppServer } from "../support/app-server";
import { seedShop } from "../support/seed";
import { storefront } from "../support/storefront-client";

// The production process layout (WEB_CONCURRENCY > 0): HTTP workers share the port, the primary
// keeps the outbox. Every request here opens a new connection, so the cluster's round-robin spreads
// them over both workers — per-process state (caches, counters) would show up as wrong answers.
const SHOP = "cluster-goods.myshopify.com";
let smtp: SmtpServerHandle;
let app: AppServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startAppServer({
    env: {
      WEB_CONCURRENCY: "2",
      SMTP_URL: smtp.url,
      // Only the kick relayed from the HTTP worker can deliver within the test's wait.
      OUTBOX_POLL_MS: "60000",
      RATE_LIMIT_CONVERSATION_PER_MINUTE: "4",
    },
  });
  await seedShop(app.databaseUrl, { domain: SHOP });
}, 90_000);

afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

/** POST on a connection of its own (no keep-alive), returning status and JSON body. */
function post(url: string, init: { body: string; headers: Record<string, string> }): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent: false, headers: { ...init.headers, Connection: "close" } }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (data += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data ? JSON.parse(data) : null }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

const chat = (body: object, ip = "198.51.100.1") =>
  post(storefront(app.origin, { shop: SHOP }).url({}), {
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", "X-Forwarded-For": ip },
  });

/** The app's processes (Linux /proc): the node processes started with this database, with their parent and nice value. */
function appProcesses(databaseUrl: string): Array<{ pid: number; ppid: number; nice: number; env: string[] }> {
  const found: Array<{ pid: number; ppid: number; nice: number; env: string[] }> = [];
  for (const name of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      const env = readFileSync(`/proc/${name}/environ`, "utf8").split("\0");
      if (!env.includes(`DATABASE_URL=${databaseUrl}`)) continue;
      // Fields after the command name (which may hold spaces): state is field 3, ppid 4, nice 19.
      const fields = readFileSync(`/proc/${name}/stat`, "utf8")
        .replace(/^.*\) /, "")
        .split(" ");
      found.push({ pid: Number(name), ppid: Number(fields[1]), nice: Number(fields[16]), env });
    } catch {
      // Another user's process, or one that ended meanwhile.
    }
  }
  return found;
}

describe("HTTP cluster (WEB_CONCURRENCY=2)", () => {
  it("reports its workers when it starts (one structured log line)", () => {
    const line = app
      .output()
      .split("\n")
      .find((l) => l.includes("listening on http://localhost:"));
    expect(JSON.parse(line ?? "{}")).toMatchObject({ level: "info", capability: "platform", database: "sqlite", httpWorkers: 2 });
  });

  it("keeps a conversation across workers and hands an escalation to the primary's outbox at once", async () => {
    smtp.clear();
    const first = await chat({ message: "I want to talk to a real person" });
    expect(first.status).toBe(200);
    expect(first.body.state).toBe("awaiting_email");
    const second = await chat({ conversationId: first.body.conversationId, message: "ana@example.com" });
    expect(second.body.state).toBe("escalated");
    const started = Date.now();
    const mail = await smtp.waitForMessage((m) => m.replyTo?.includes("ana@example.com") === true, 5_000);
    expect(mail.subject).toContain("ana@example.com");
    // The poll period is a minute: only the relayed kick explains a prompt delivery.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("runs its HTTP workers one nice level below the primary, so the primary's email gets the CPU first", () => {
    const processes = appProcesses(app.databaseUrl);
    const primary = processes.find((p) => !processes.some((q) => q.pid === p.ppid));
    const workers = processes.filter((p) => p !== primary);
    expect(workers).toHaveLength(2);
    for (const worker of workers) {
      expect(worker.ppid).toBe(primary!.pid);
      expect(worker.nice).toBe(Math.min(19, primary!.nice + 1));
    }
  });

  it("starts its HTTP workers with two malloc arenas (a smaller resident set), unless the environment names a number", () => {
    const processes = appProcesses(app.databaseUrl);
    const workers = processes.filter((p) => processes.some((q) => q.pid === p.ppid));
    expect(workers).toHaveLength(2);
    for (const worker of workers) expect(worker.env).toContain("MALLOC_ARENA_MAX=2");
  });

  it("counts rate limits once for the whole cluster", async () => {
    const first = await chat({ message: "hello" }, "198.51.100.2");
    const statuses = [first.status];
    for (let i = 0; i < 5; i++) statuses.push((await chat({ conversationId: first.body.conversationId, message: `message ${i}` }, "198.51.100.2")).status);
    // 4 per conversation per minute: the first (new conversation, no id yet) plus 4, then 429s.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("drops every worker's cached shop when one worker handles app/uninstalled", async () => {
    // Warm both workers' caches of the shop and its session.
    for (let i = 0; i < 4; i++) expect((await chat({ message: "hi" }, `198.51.100.${10 + i}`)).status).toBe(200);
    const init = buildWebhookRequestInit({ topic: "app/uninstalled", shop: SHOP, body: { shop_domain: SHOP }, secret: TEST_API_SECRET });
    const hook = await post(`${app.origin}/webhooks/app/uninstalled`, { body: init.body, headers: init.headers });
    expect(hook.status).toBe(200);
    const after: number[] = [];
    for (let i = 0; i < 4; i++) after.push((await chat({ message: "hello?" }, `198.51.100.${20 + i}`)).status);
    expect(after).toEqual([404, 404, 404, 404]);
  });

  it("stops every process on SIGTERM", async () => {
    await app.stop();
    await expect(chat({ message: "anyone?" })).rejects.toThrow();
  });
});
