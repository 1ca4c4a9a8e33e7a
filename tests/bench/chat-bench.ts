/**
 * `npm run bench:chat` — N concurrent signed shoppers against the demo (built-in engine, SQLite).
 * Prints server time p50/p95/p99 (Server-Timing), client latency, throughput, and
 * escalation trigger → SMTP-accepted latency. Options: --shoppers=32 --seconds=20 --escalate-every=8
 */
import { Agent, request } from "node:http";
import { startSmtpServer } from "../servers/smtp-server";
import { startAppServer } from "../support/app-server";
import { storefront } from "../support/storefront-client";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const SHOPPERS = arg("shoppers", 32);
const SECONDS = arg("seconds", 20);
const ESCALATE_EVERY = arg("escalate-every", 8);

const smtp = await startSmtpServer();
const accepted = new Map<string, number>();
const app = await startAppServer({
  demo: true,
  env: {
    SMTP_URL: smtp.url,
    DEMO_INBOX_DIR: undefined,
    RATE_LIMIT_SHOP_PER_MINUTE: "10000000",
    RATE_LIMIT_IP_PER_MINUTE: "10000000",
    RATE_LIMIT_CONVERSATION_PER_MINUTE: "10000000",
    OUTBOX_POLL_MS: "200",
    // The demo's default: one HTTP worker, the outbox in the primary (WEB_CONCURRENCY=2 for two).
    WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? "1",
  },
});

// Keep-alive node:http rather than fetch: the client shares the 2 cores with the server, and
// undici's fetch costs it about twice the CPU per request.
const agent = new Agent({ keepAlive: true, maxSockets: SHOPPERS });
function post(url: string, payload: string, ip: string): Promise<{ status: number; body: string; serverTiming: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", agent, headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload), "X-Forwarded-For": ip } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, serverTiming: String(res.headers["server-timing"] ?? "") }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

const serverMs: number[] = [];
const clientMs: number[] = [];
const handoffs: Array<{ email: string; at: number }> = [];
let errors = 0;
let requests = 0;
let conversationsStarted = 0;
const deadline = Date.now() + SECONDS * 1000;

const ROUTINE: string[][] = [
  ["hi", "Where is my order #1042?", "sarah@example.com", "thanks!"],
  ["What is your return policy?", "Do you ship to Canada?", "thank you"],
  ["order 1044", "priya@example.com", "great"],
  ["hello", "can I change the colour of my mug?", "ok"],
];

async function shopper(index: number): Promise<void> {
  const client = storefront(app.origin, { ip: `10.1.${Math.floor(index / 250)}.${index % 250}` });
  let n = 0;
  while (Date.now() < deadline) {
    const escalate = ++conversationsStarted % ESCALATE_EVERY === 0;
    const email = `bench-${index}-${n++}@example.com`;
    const script = escalate ? ["I want to talk to a real person", email] : ROUTINE[(index + n) % ROUTINE.length]!;
    let conversationId: string | undefined;
    // Each conversation is another shopper (own address), as on a real store: one address opening
    // case after case would hit the abuse caps (3 new cases per address per hour).
    const ip = `10.${1 + (n >> 8)}.${index}.${n & 255}`;
    for (const message of script) {
      if (Date.now() >= deadline) return;
      const t0 = performance.now();
      const res = await post(client.url({}), JSON.stringify({ conversationId, message }), ip);
      const body = JSON.parse(res.body) as { conversationId?: string; state?: string };
      clientMs.push(performance.now() - t0);
      requests++;
      const timing = /dur=([\d.]+)/.exec(res.serverTiming);
      if (timing) serverMs.push(Number(timing[1]));
      if (res.status !== 200) {
        errors++;
        break;
      }
      conversationId = body.conversationId;
      if (body.state === "escalated") handoffs.push({ email, at: Date.now() });
    }
  }
}

const started = Date.now();
await Promise.all(Array.from({ length: SHOPPERS }, (_, i) => shopper(i)));
const elapsed = (Date.now() - started) / 1000;

// Wait for the outbox to deliver every escalation, then match by Reply-To.
const waitUntil = Date.now() + 15_000;
while (smtp.messages.length < handoffs.length && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 100));
for (const m of smtp.messages) for (const r of m.replyTo) accepted.set(r, m.receivedAt);
const handoffMs = handoffs.map((h) => (accepted.has(h.email) ? accepted.get(h.email)! - h.at : Number.NaN)).filter((x) => !Number.isNaN(x));

await app.stop();
await smtp.stop();

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const f = (x: number) => (Number.isNaN(x) ? "n/a" : x.toFixed(1));
const workers = process.env.WEB_CONCURRENCY ?? "1";
console.log(`bench:chat — ${SHOPPERS} concurrent shoppers, ${elapsed.toFixed(1)} s, built-in engine, SQLite, WEB_CONCURRENCY=${workers}`);
console.log(`requests ${requests}, errors ${errors}, throughput ${(requests / elapsed).toFixed(0)} req/s`);
console.log(`server time ms  p50 ${f(pct(serverMs, 50))}  p95 ${f(pct(serverMs, 95))}  p99 ${f(pct(serverMs, 99))}`);
console.log(`client latency  p50 ${f(pct(clientMs, 50))}  p95 ${f(pct(clientMs, 95))}  p99 ${f(pct(clientMs, 99))}`);
console.log(
  `escalations ${handoffs.length}, emailed ${handoffMs.length}; trigger→SMTP accepted ms  p50 ${f(pct(handoffMs, 50))}  p99 ${f(pct(handoffMs, 99))}`,
);
if (handoffMs.length !== handoffs.length || errors > 0) process.exitCode = 1;
