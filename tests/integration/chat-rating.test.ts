import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { buildSignedProxyUrl } from "../servers/shopify-signing";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, TEST_API_SECRET, type AppServer } from "../support/app-server";
import { storefront } from "../support/storefront-client";

// POST /proxy/chat/rating, the widget's "Was this helpful?", over HTTP against the real demo process.
let smtp: SmtpServerHandle;
let app: AppServer;
let db: Db;

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startAppServer({
    demo: true,
    env: { SMTP_URL: smtp.url, DEMO_INBOX_DIR: path.join(mkdtempSync(path.join(tmpdir(), "baton-inbox-")), "inbox") },
  });
  db = createDb(app.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await app?.stop();
  await smtp?.stop();
});

function rate(body: unknown, o: { customerId?: string | null; secret?: string; contentType?: string } = {}) {
  const url = buildSignedProxyUrl(
    app.origin,
    "/proxy/chat/rating",
    { shop: "baton-demo.myshopify.com", loggedInCustomerId: o.customerId ?? null },
    o.secret ?? TEST_API_SECRET,
  );
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": o.contentType ?? "application/json", "X-Forwarded-For": "198.51.100.9" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("POST /proxy/chat/rating", () => {
  it("stores one rating per conversation and moment; a second tap replaces the first", async () => {
    const shopper = storefront(app.origin);
    const turn = await shopper.post({ message: "What is your return policy?" });
    const conversationId = turn.body.conversationId!;
    expect((await rate({ conversationId, kind: "answer", helpful: false })).status).toBe(200);
    expect((await rate({ conversationId, kind: "answer", helpful: true })).status).toBe(200);
    const rows = await db.chatRating.findMany({ where: { conversationId } });
    expect(rows.map((r) => [r.kind, r.helpful, r.shop])).toEqual([["answer", true, "baton-demo.myshopify.com"]]);
    // No case yet: the hand-off cannot be rated.
    expect((await rate({ conversationId, kind: "handoff", helpful: true })).status).toBe(404);
  });

  it("rates a hand-off once the conversation has a case", async () => {
    const shopper = storefront(app.origin);
    const first = await shopper.post({ message: "I want to talk to a person" });
    const id = first.body.conversationId!;
    const second = await shopper.post({ conversationId: id, message: "ana@example.com" });
    expect(second.body.state).toBe("escalated");
    expect((await rate({ conversationId: id, kind: "handoff", helpful: true })).status).toBe(200);
  });

  it("keeps the chat's guards: signature, JSON, shape, ownership", async () => {
    const shopper = storefront(app.origin, { customerId: "7001" });
    const theirs = (await shopper.post({ message: "Hello there, a question about returns" }, { customerId: "7001" })).body.conversationId!;
    const cases: Array<[Promise<Response>, number, string]> = [
      [rate({ conversationId: theirs, kind: "answer", helpful: true }, { secret: "wrong" }), 401, "invalid_signature"],
      [rate("kind=answer", { contentType: "text/plain" }), 415, "unsupported_media_type"],
      [rate("{", {}), 400, "invalid_json"],
      [rate({ conversationId: theirs, kind: "great", helpful: true }), 400, "invalid_request"],
      [rate({ conversationId: theirs, kind: "answer", helpful: "yes" }), 400, "invalid_request"],
      [rate({ conversationId: "x".repeat(5000), kind: "answer", helpful: true }), 413, "payload_too_large"],
      // Another shopper (here: nobody signed in) cannot rate a signed customer's conversation.
      [rate({ conversationId: theirs, kind: "answer", helpful: false }), 404, "not_found"],
      [rate({ conversationId: "nope", kind: "answer", helpful: false }), 404, "not_found"],
    ];
    for (const [res, status, code] of cases) {
      const r = await res;
      expect([r.status, ((await r.json()) as { error: { code: string } }).error.code]).toEqual([status, code]);
    }
    expect((await rate({ conversationId: theirs, kind: "answer", helpful: true }, { customerId: "7001" })).status).toBe(200);
    const get = await fetch(
      buildSignedProxyUrl(app.origin, "/proxy/chat/rating", { shop: "baton-demo.myshopify.com", loggedInCustomerId: null }, TEST_API_SECRET),
    );
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
  });
});
