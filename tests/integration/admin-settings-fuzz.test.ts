import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, type AppServer } from "../support/app-server";
import { loaderData } from "./admin-fixtures";

// The settings action (app/routes/app.settings.tsx) under random and malformed form posts, through
// the demo process (signed in as the demo shop): never a 5xx, and the settings still load after.
// FUZZ_SEED / ADMIN_FUZZ_CASES replay or scale it.
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const CASES = Number(process.env.ADMIN_FUZZ_CASES ?? 600);

let smtp: SmtpServerHandle;
let app: AppServer;

let s = SEED >>> 0 || 1;
const rand = () => {
  s ^= s << 13;
  s >>>= 0;
  s ^= s >>> 17;
  s ^= s << 5;
  s >>>= 0;
  return s / 0x1_0000_0000;
};
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;

const FIELDS = [
  "assistant.greeting",
  "assistant.llmEnabled",
  "assistant.name",
  "assistant.tone",
  "contact.email",
  "contact.phone",
  "contact.url",
  "routing.ccUrgent",
  "routing.defaultTo",
  "routing.fromName",
  "routing.routeCount",
  "routing.routes.0.id",
  "routing.routes.0.to",
  "routing.routes.0.cc",
  "routing.routes.0.reason",
  "routing.routes.0.topic",
  "routing.routes.0.priority",
  "routing.routes.99999.to",
  "routing.routes.-1.to",
  "routing.routes.__proto__.to",
  "triggers.threshold",
  "triggers.keywords",
  "triggers.languages",
  "triggers.vip.tags",
  "triggers.vip.minTotalSpent",
  "triggers.vip.minOrderCount",
  "triggers.orderState.stalledFulfillmentDays",
  "triggers.repeatedFailure.minModelConfidence",
  "triggers.authorityLimit.maxRefundAmount",
  "triggers.negativeSentiment.threshold",
  "triggers.complaint.enabled",
  "retentionDays",
  "intent",
  "_action",
  "__proto__",
  "constructor.prototype",
  "",
];
const VALUES = [
  "",
  " ",
  "0",
  "-1",
  "1e309",
  "NaN",
  "Infinity",
  "3650",
  "3651",
  "0.5",
  "1.0000001",
  "on",
  "off",
  "true",
  "null",
  "[]",
  "{}",
  "a@b.co",
  "a@b.co, c@d.co",
  "a@b.co\r\nBcc: evil@x.example",
  "<script>alert(1)</script>",
  '\'; DROP TABLE "Shop"; --',
  "\u0000",
  "\ud800",
  "\u202eevil",
  "😀".repeat(500),
  "x".repeat(20_000),
  "https://example.com",
  "javascript:alert(1)",
  "urgent",
  "high",
  "refund",
  "shipping",
  "nope",
  "99999999999999999999",
];

function randomForm(): URLSearchParams | string {
  if (rand() < 0.1) return pick(["", "%", "%zz=%zz", "a=1&a=2&a=3", "=".repeat(1000), "\u0000=\u0000"]);
  const form = new URLSearchParams();
  for (let i = int(25); i > 0; i--) form.append(pick(FIELDS), rand() < 0.8 ? pick(VALUES) : Math.random().toString(36));
  return form;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startAppServer({
    demo: true,
    env: { SMTP_URL: smtp.url, DEMO_INBOX_DIR: path.join(mkdtempSync(path.join(tmpdir(), "baton-inbox-")), "inbox") },
  });
});

afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

async function fuzzSettings(cases: number, contentTypes: readonly string[]) {
  const failures: string[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next < cases) {
        const i = next++;
        const body = randomForm();
        const contentType = pick(contentTypes);
        const res = await fetch(`${app.origin}/app/settings.data`, { method: "POST", body: body.toString(), headers: { "Content-Type": contentType } });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status >= 500) failures.push(`#${i} ${res.status} ${contentType} ${body.toString().slice(0, 200)}`);
      }
    }),
  );
  return { failures, statuses };
}

describe(`fuzz the settings action (seed ${SEED})`, () => {
  it(`${CASES} random form posts: zero 5xx; settings still load`, async () => {
    const { failures, statuses } = await fuzzSettings(CASES, ["application/x-www-form-urlencoded"]);
    console.log(`[admin-fuzz] seed ${SEED}: ${CASES} form posts, statuses ${JSON.stringify(statuses)}`);
    expect(failures.slice(0, 20)).toEqual([]);
    const after = await loaderData(app.origin, "/app/settings", "routes/app.settings");
    expect(after.status).toBe(200);
    expect(after.data.settings.routing).toBeDefined();
    expect((await fetch(`${app.origin}/healthz`)).status).toBe(200);
  });

  // KNOWN BUG (admin issue): the action calls `request.formData()` unguarded, which throws — a 500 —
  // for a body that is not a form (JSON, text/plain, a multipart body without its boundary).
  // `it.fails` keeps the suite green while it is so; remove `.fails` once the action answers 400.
  it("non-form bodies (JSON, text/plain, broken multipart) get a 4xx, not a 5xx", async () => {
    const { failures, statuses } = await fuzzSettings(60, ["application/json", "text/plain", "multipart/form-data; boundary=zz"]);
    console.log(`[admin-fuzz] non-form bodies: statuses ${JSON.stringify(statuses)}`);
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
