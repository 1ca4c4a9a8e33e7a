import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { createDemoStore, DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import { startShopifyAdminServer, type ShopifyAdminServerHandle } from "../servers/shopify-admin-server";
import { signAppProxyParams } from "../servers/shopify-signing";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, TEST_API_SECRET, type AppServer } from "../support/app-server";
import { seedShop, TEST_ACCESS_TOKEN } from "../support/seed";
import { storefront } from "../support/storefront-client";

// Thousands of random and malformed storefront requests against the real built app: whatever the
// client sends, the answer is never a 5xx, errors are JSON, and the server stays healthy.
// Seeded PRNG: a failure prints the seed; FUZZ_SEED=<n> replays it, FUZZ_CASES=<n> scales it.
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const CONCURRENCY = 12;

let smtp: SmtpServerHandle;
let admin: ShopifyAdminServerHandle;
let app: AppServer;
let db: Db;

function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
}
const rand = prng(SEED);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;

const NASTY = [
  "\u0000",
  "\ud800",
  "\udfff",
  "a\ud83dz",
  "\u202e\u2066evil\u2069",
  "\u200b\u200d\ufeff",
  "👨‍👩‍👧‍👦",
  "🏳️‍🌈",
  "𝕳𝖊𝖑𝖑𝖔",
  "\r\nBcc: evil@attacker.example\r\n",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '\'; DROP TABLE "Conversation"; --',
  '" OR 1=1 --',
  "%00",
  "%zz",
  "{{7*7}}",
  "${process.env}",
  "../../etc/passwd",
  "\\u0000",
  "مرحبا، أين طلبي؟",
  "שלום",
  "\u0085\u2028\u2029",
  "\t\v\f",
  "I want to talk to a human",
  "order #1042",
  "sarah@example.com",
  "no thanks",
  "a".repeat(2000),
  "😀".repeat(2000),
  "😀".repeat(2001),
  "x".repeat(16_000),
];

function randomString(): string {
  switch (int(6)) {
    case 0:
      return pick(NASTY);
    case 1:
      return Array.from({ length: int(40) }, () => String.fromCharCode(int(0x10000))).join("");
    case 2:
      return Array.from({ length: int(20) }, () => String.fromCodePoint(0x10000 + int(0xfffff))).join("");
    case 3:
      return pick(NASTY) + pick(NASTY);
    case 4:
      return "z".repeat(int(3000));
    default:
      return Math.random().toString(36).slice(2);
  }
}

function randomValue(depth = 0): unknown {
  switch (int(depth > 3 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return pick([0, -1, 1e308, -0, 2 ** 53 + 1, 3.14]);
    case 3:
    case 4:
      return randomString();
    case 5:
      return Array.from({ length: int(5) }, () => randomValue(depth + 1));
    case 6:
      return Object.fromEntries(
        Array.from({ length: int(5) }, () => [
          pick(["message", "action", "conversationId", "__proto__", "constructor", randomString()]),
          randomValue(depth + 1),
        ]),
      );
    default:
      return { message: randomString() };
  }
}

const knownIds: string[] = [];

function randomBody(): string | Uint8Array {
  switch (int(10)) {
    case 0:
      return JSON.stringify(randomValue());
    case 1:
      return JSON.stringify({ message: randomString(), conversationId: pick([...knownIds, randomString(), "x\u0000y", "a".repeat(200), "a".repeat(201)]) });
    case 2:
      return JSON.stringify({ action: pick(["talk_to_human", "TALK_TO_HUMAN", "", randomString()]), message: rand() < 0.5 ? randomString() : undefined });
    case 3:
      return JSON.stringify({ message: randomValue(), action: randomValue(), conversationId: randomValue() });
    case 4:
      return pick(["", "{", "[]", "null", '"str"', "123", '{"message":', '{"message":"\\ud800"}', '{"message":"\\u0000"}', "\u0000", '{"a":'.repeat(5000)]);
    case 5:
      return new Uint8Array(Array.from({ length: int(300) }, () => int(256))); // invalid UTF-8 bytes
    case 6:
      return JSON.stringify({ message: "x".repeat(20_000) });
    default:
      return JSON.stringify({ message: randomString(), ...(knownIds.length && rand() < 0.5 ? { conversationId: pick(knownIds) } : {}) });
  }
}

/** A URL as Shopify's proxy would send it, over any raw (possibly malformed) shopper query. */
function signedUrl(rawShopperQuery: string, o: { secret?: string; timestamp?: number; customerId?: string; shop?: string } = {}): string {
  const params = new URLSearchParams(rawShopperQuery);
  params.set("shop", o.shop ?? DEMO_SHOP_DOMAIN);
  params.set("logged_in_customer_id", o.customerId ?? "");
  params.set("path_prefix", "/apps/baton");
  params.set("timestamp", String(o.timestamp ?? Math.floor(Date.now() / 1000)));
  const signature = signAppProxyParams(params, o.secret ?? TEST_API_SECRET);
  // The shopper's part stays byte for byte as sent (invalid percent-encoding included).
  const ours =
    `shop=${encodeURIComponent(params.get("shop")!)}&logged_in_customer_id=${encodeURIComponent(params.get("logged_in_customer_id")!)}` +
    `&path_prefix=%2Fapps%2Fbaton&timestamp=${params.get("timestamp")}&signature=${signature}`;
  return `${app.origin}/proxy/chat?${rawShopperQuery ? `${rawShopperQuery}&` : ""}${ours}`;
}

/** encodeURIComponent that survives lone surrogates (they go out as the raw bytes of one). */
const enc = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return "%ED%A0%80";
  }
};

function randomQuery(): string {
  switch (int(8)) {
    case 0:
      return "";
    case 1:
      return `conversationId=${pick(["%zz", "%", "%E0%A4%A", "%00", "%C0%AF", "%ED%A0%80", enc(randomString())])}`;
    case 2:
      return `conversationId=${pick(knownIds.length ? knownIds : ["none"])}`;
    case 3:
      return `conversationId=a&conversationId=b&shop=evil.myshopify.com`;
    case 4:
      return `q=${"a".repeat(int(12_000))}`;
    case 5:
      return `signature=&signature=x&timestamp=abc`;
    case 6:
      return `${enc(randomString())}=${enc(randomString())}`;
    default:
      return `conversationId=${enc(randomString())}&&&=&a=%2`;
  }
}

interface Outcome {
  status: number;
  method: string;
  label: string;
  body: string;
  contentType: string | null;
}

async function fuzzOne(i: number): Promise<Outcome> {
  const kind = int(20);
  const headers: Record<string, string> = {
    "X-Forwarded-For": pick(["203.0.113.7", `198.51.100.${int(255)}`, "garbage\u00ff", "::1", "1.2.3.4, 5.6.7.8", "", "x".repeat(100)]),
  };
  // Mostly JSON: anything else is a 415 before the body is read (docs/decisions/0036), so it explores less.
  if (rand() < 0.9)
    headers["Content-Type"] = pick([
      "application/json",
      "application/json",
      "application/json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=latin1",
    ]);
  let method = "POST";
  let url: string;
  let body: string | Uint8Array | undefined;
  if (kind < 10) {
    url = signedUrl(rand() < 0.2 ? randomQuery() : "", { customerId: pick(["", "", "7001", "abc", "-1", "9".repeat(30)]) });
    body = randomBody();
  } else if (kind < 12) {
    // Invalid or stale signatures.
    url = pick([
      signedUrl("", { secret: "wrong" }),
      signedUrl("", { timestamp: 1 }),
      signedUrl("", { timestamp: Math.floor(Date.now() / 1000) + 3600 }),
      `${app.origin}/proxy/chat?shop=${DEMO_SHOP_DOMAIN}&signature=${"0".repeat(64)}&timestamp=${Math.floor(Date.now() / 1000)}`,
      `${app.origin}/proxy/chat?signature=abc`,
      `${app.origin}/proxy/chat`,
      signedUrl("", { shop: "not a shop" }),
      signedUrl("", { shop: "unknown.myshopify.com" }),
    ]);
    body = randomBody();
  } else if (kind < 17) {
    method = pick(["GET", "GET", "GET", "HEAD"]);
    url = signedUrl(randomQuery());
  } else {
    method = pick(["PUT", "DELETE", "PATCH", "OPTIONS"]);
    url = signedUrl(randomQuery());
    body = rand() < 0.5 ? randomBody() : undefined;
  }
  const label =
    `#${i} ${method} ${url.slice(0, 160)} ` +
    `body=${body === undefined ? "-" : typeof body === "string" ? JSON.stringify(body.slice(0, 120)) : `bytes(${body.length})`}`;
  try {
    const res = await fetch(url, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : (body as BodyInit | undefined) });
    const text = await res.text();
    if (res.status === 200 && method === "POST") {
      try {
        const id = (JSON.parse(text) as { conversationId?: string }).conversationId;
        if (id && knownIds.length < 50) knownIds.push(id);
      } catch {
        /* asserted below */
      }
    }
    return { status: res.status, method, label, body: text, contentType: res.headers.get("content-type") };
  } catch (error) {
    // Node's HTTP parser may cut a connection for an oversize request line; that is not a 5xx.
    return { status: 0, method, label: `${label} (${String(error)})`, body: "", contentType: null };
  }
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  admin = await startShopifyAdminServer({ accessToken: TEST_ACCESS_TOKEN, shops: { [DEMO_SHOP_DOMAIN]: createDemoStore() } });
  app = await startAppServer({
    env: {
      SMTP_URL: smtp.url,
      SHOPIFY_ADMIN_API_ORIGIN: admin.origin,
      // Limits high enough that most requests reach the handler; a few still hit 429.
      RATE_LIMIT_IP_PER_MINUTE: "100000",
      RATE_LIMIT_CONVERSATION_PER_MINUTE: "60",
      FOLLOW_UP_BATCH_MS: "200",
    },
  });
  await seedShop(app.databaseUrl, { domain: DEMO_SHOP_DOMAIN, name: "Baton Demo Goods" });
  db = createDb(app.databaseUrl);
});

afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
  await admin?.stop();
  await smtp?.stop();
});

describe(`fuzz POST/GET /proxy/chat (seed ${SEED})`, () => {
  it(`${CASES} random and malformed requests: zero 5xx, JSON errors, healthy after`, async () => {
    const outcomes: Outcome[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < CASES) outcomes.push(await fuzzOne(next++));
      }),
    );
    const elapsed = Date.now() - started;
    const byStatus = outcomes.reduce<Record<number, number>>((acc, o) => ((acc[o.status] = (acc[o.status] ?? 0) + 1), acc), {});
    console.log(`[fuzz] seed ${SEED}: ${outcomes.length} requests in ${elapsed} ms, statuses ${JSON.stringify(byStatus)}`);

    const serverErrors = outcomes.filter((o) => o.status >= 500);
    expect(serverErrors.map((o) => `${o.status} ${o.label} → ${o.body.slice(0, 200)}`)).toEqual([]);
    // Connection cuts happen only for request lines over Node's header limit.
    const cut = outcomes.filter((o) => o.status === 0 && !/q=a{8000}/.test(o.label));
    expect(cut.map((o) => o.label)).toEqual([]);
    // Every answer from the app (not Node's own 431) is JSON; errors carry { error: { code, message } }.
    for (const o of outcomes) {
      if (o.status === 0 || o.status === 431 || o.method === "HEAD") continue;
      expect(o.contentType, o.label).toMatch(/^application\/json/);
      const parsed = JSON.parse(o.body) as { error?: { code?: unknown; message?: unknown } };
      if (o.status !== 200) expect(typeof parsed.error?.code, o.label).toBe("string");
    }
    for (const o of outcomes.filter((x) => ["PUT", "DELETE", "PATCH", "OPTIONS"].includes(x.method) && x.status !== 431)) {
      expect(o.status, o.label).toBe(405);
    }
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThan(CASES / 10);

    // Healthy after: health check and a normal conversation.
    expect((await fetch(`${app.origin}/healthz`)).status).toBe(200);
    const shopper = storefront(app.origin, { ip: "192.0.2.77" });
    const hello = await shopper.post({ message: "Where is my order #1042?" });
    expect(hello.status).toBe(200);
    const proof = await shopper.post({ conversationId: hello.body.conversationId, message: "sarah@example.com" });
    expect(JSON.stringify(proof.body.messages)).toContain("9400111899223847563"); // in the order card beside the short text
  });
});

describe("unicode and injection edge cases are stored safely", () => {
  const shopper = () => storefront(app.origin, { ip: "192.0.2.88" });

  it("NUL, lone surrogates, CR and bidi overrides are normalised; emoji count as one character each", async () => {
    const r = await shopper().post({ message: "a\u0000b\ud800c\r\nd\u202eevil\u2066x\u2069 👨‍👩‍👧 مرحبا" });
    expect(r.status).toBe(200);
    const stored = await db.message.findFirst({ where: { conversationId: r.body.conversationId, role: "shopper" } });
    expect(stored!.text).toBe("a\ufffdb\ufffdc\nd\ufffdevil\ufffdx\ufffd 👨‍👩‍👧 مرحبا");
    // 2,000 four-byte emoji are 2,000 characters (4,000 UTF-16 units): accepted; one more is not.
    expect((await shopper().post({ message: "😀".repeat(2000) })).status).toBe(200);
    const tooLong = await shopper().post({ message: "😀".repeat(2001) });
    expect(tooLong.status).toBe(413);
    expect(tooLong.body.error?.code).toBe("message_too_long");
  });

  it("SQL-looking text is just text; a NUL in a conversation id starts a new conversation", async () => {
    const sql = '\'; DROP TABLE "Conversation"; -- " OR 1=1';
    const r = await shopper().post({ message: sql, conversationId: "abc\u0000def" });
    expect(r.status).toBe(200);
    expect(r.body.conversationId).not.toContain("\u0000");
    const stored = await db.message.findFirst({ where: { conversationId: r.body.conversationId, role: "shopper" } });
    expect(stored!.text).toBe(sql);
    expect(await db.conversation.count()).toBeGreaterThan(0);
  });

  it("CR/LF in shopper text never reaches an email header; HTML in shopper text is escaped", async () => {
    smtp.clear();
    const s = shopper();
    // (An address in the first message would be taken as the shopper's own, so none here.)
    const a = await s.post({ message: "<script>alert('x')</script> I want a human\r\nX-Injected: yes\r\nSubject: pwned" });
    expect(a.body.state).toBe("awaiting_email");
    const bad = await s.post({ conversationId: a.body.conversationId, message: "jo@example.com\r\nBcc: evil@attacker.example" });
    expect(bad.status).toBe(200);
    if (bad.body.state === "awaiting_email") await s.post({ conversationId: a.body.conversationId, message: "jo@example.com" });
    // The fuzz run above may still be delivering its own escalations: pick this conversation's case.
    const mail = await smtp.waitForMessage((m) => m.text?.includes("I want a human") === true, 10_000);
    expect(mail!.envelope.rcptTo.join(",")).not.toContain("attacker");
    expect(mail!.headers.bcc).toBeUndefined();
    expect(mail!.headers["x-injected"]).toBeUndefined();
    expect(mail!.subject).not.toMatch(/pwned/);
    expect(mail!.replyTo).toEqual(["jo@example.com"]);
    for (const value of Object.values(mail!.headers)) expect(value).not.toMatch(/evil@attacker/);
    expect(mail!.html).not.toContain("<script>");
    expect(mail!.html).toContain("&lt;script&gt;");
  });
});
