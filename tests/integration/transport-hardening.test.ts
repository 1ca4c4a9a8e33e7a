import { Agent, request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSignedProxyUrl, signAppProxyParams } from "../servers/shopify-signing";
import { startAppServer, TEST_API_SECRET, type AppServer } from "../support/app-server";
import { seedShop } from "../support/seed";
import { storefront } from "../support/storefront-client";

// Transport hardening (docs/decisions/0036): no request breaks a connection, every unexpected method or content type gets the JSON
// contract, forged X-Forwarded-For hops change nothing, client mistakes log no stack trace.
const SHOP = "transport.myshopify.com";
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer({ env: { RATE_LIMIT_IP_PER_MINUTE: "5", RATE_LIMIT_CONVERSATION_PER_MINUTE: "4" } });
  await seedShop(app.databaseUrl, { domain: SHOP });
}, 60_000);
afterAll(async () => app?.stop());

const signed = (extra: Record<string, string> = {}) => buildSignedProxyUrl(app.origin, "/proxy/chat", { shop: SHOP, extra }, TEST_API_SECRET);

function send(agent: Agent, url: string, init: { method?: string; headers?: Record<string, string | number>; body?: string | Buffer }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(url, { method: init.method ?? "POST", agent, headers: init.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

/** Writes raw bytes on one socket and returns everything the server sent until it closed. */
function raw(payload: (write: (s: string) => void) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(app.port, "127.0.0.1");
    let out = "";
    socket.setEncoding("utf8");
    socket.on("data", (d: string) => (out += d));
    socket.on("error", (e) => (out ? resolve(out) : reject(e)));
    socket.on("close", () => resolve(out));
    socket.on("connect", () => payload((s) => socket.write(s)));
    setTimeout(() => socket.destroy(), 5_000);
  });
}

describe("refused bodies and kept-alive connections", () => {
  it("a 413 closes the connection, and the next request on the same agent succeeds", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const big = JSON.stringify({ message: "x".repeat(20_000) });
    const json = { "Content-Type": "application/json", "X-Forwarded-For": "198.51.100.1" };
    const refused = await send(agent, signed(), { headers: { ...json, "Content-Length": Buffer.byteLength(big) }, body: big });
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe("close");
    expect(JSON.parse(refused.body).error.code).toBe("payload_too_large");
    const next = await send(agent, signed(), { headers: json, body: JSON.stringify({ message: "hi" }) });
    expect(next.status).toBe(200);
    agent.destroy();
  });

  it("an oversized chunked body is answered 413, not reset", async () => {
    const path = new URL(signed()).pathname + new URL(signed()).search;
    const out = await raw((write) => {
      write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-Forwarded-For: 198.51.100.2\r\n\r\n`,
      );
      const chunk = "a".repeat(4096);
      for (let n = 0; n < 6; n++) write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    });
    expect(out).toMatch(/^HTTP\/1\.1 413 /);
    expect(out).toMatch(/connection: close/i);
    expect(out).toContain('"payload_too_large"');
  });
});

describe("methods and content types", () => {
  it.each(["TRACE", "PROPFIND", "MKCOL", "PURGE", "PUT", "DELETE", "PATCH", "OPTIONS"])("%s gets the JSON 405 with Allow", async (method) => {
    for (const path of ["/proxy/chat", "/app/settings", "/"]) {
      const r = await send(new Agent(), `${app.origin}${path}`, { method });
      expect(r.status).toBe(405);
      expect(r.headers.allow).toBe("GET, HEAD, POST");
      expect(JSON.parse(r.body).error.code).toBe("method_not_allowed");
    }
  });

  it("CONNECT gets a 405 too", async () => {
    const out = await raw((write) => write("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"));
    expect(out).toMatch(/^HTTP\/1\.1 405 /);
  });

  it("a cross-origin admin POST is a 403 without a stack trace", async () => {
    const before = app.output().length;
    const r = await send(new Agent(), `${app.origin}/app/settings`, {
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "assistant.name=x",
    });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe("cross_origin_request");
    expect(app.output().slice(before)).not.toMatch(/\n\s+at /);
  });

  it.each([["text/plain"], ["application/x-www-form-urlencoded"], [null]])("POST /proxy/chat with %s is 415", async (type) => {
    const headers: Record<string, string> = { "X-Forwarded-For": "198.51.100.3" };
    if (type) headers["Content-Type"] = type;
    const r = await send(new Agent(), signed(), { headers, body: JSON.stringify({ message: "hi" }) });
    expect(r.status).toBe(415);
    expect(JSON.parse(r.body).error.code).toBe("unsupported_media_type");
    const ok = await send(new Agent(), signed(), {
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify({ message: "hi" }),
    });
    expect(ok.status).toBe(200);
  });

  it("a 404 (a missing icon) logs at most one line, no stack", async () => {
    const before = app.output().length;
    const r = await send(new Agent(), `${app.origin}/apple-touch-icon.png`, { method: "GET" });
    expect(r.status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const logged = app.output().slice(before);
    expect(logged).not.toMatch(/\n\s+at /);
    expect(logged.trim().split("\n").filter(Boolean).length, logged).toBeLessThanOrEqual(1);
  });
});

describe("client addresses and signatures", () => {
  it("rotating a forged first hop does not escape the per-address limit; junk headers share no bucket", async () => {
    const shopper = storefront(app.origin, { shop: SHOP });
    const statuses: number[] = [];
    for (let n = 0; n < 6; n++) statuses.push((await shopper.post({ message: "hello" }, { ip: `10.0.0.${n}, 198.51.100.50` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    // Junk or missing addresses are not one shared "unknown" bucket that blocks everyone.
    for (const junk of ["garbage", "", "unknown", "999.1.1.1"]) {
      for (let n = 0; n < 3; n++) expect((await shopper.post({ message: "hello" }, { ip: junk })).status).toBe(200);
    }
    expect((await shopper.post({ message: "hello" }, { ip: "198.51.100.51" })).status).toBe(200);
  });

  it("history reads are rate limited per conversation", async () => {
    const shopper = storefront(app.origin, { shop: SHOP });
    const first = await shopper.post({ message: "hello" }, { ip: "198.51.100.60" });
    const statuses: number[] = [];
    for (let n = 0; n < 5; n++) statuses.push((await shopper.history(first.body.conversationId!, { shop: SHOP })).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
  });

  it.each(["shop", "logged_in_customer_id", "timestamp", "signature"])("a duplicated %s is refused even when the signature covers it", async (key) => {
    const params = new URLSearchParams({ shop: SHOP, logged_in_customer_id: "", path_prefix: "/apps/baton", timestamp: String(Math.floor(Date.now() / 1000)) });
    if (key !== "signature") params.append(key, key === "shop" ? "other.myshopify.com" : key === "timestamp" ? params.get("timestamp")! : "42");
    params.set("signature", signAppProxyParams(params, TEST_API_SECRET));
    if (key === "signature") params.append("signature", "0".repeat(64));
    const r = await send(new Agent(), `${app.origin}/proxy/chat?${params}`, {
      headers: { "Content-Type": "application/json", "X-Forwarded-For": "198.51.100.70" },
      body: JSON.stringify({ message: "hi" }),
    });
    expect(r.status).toBe(401);
  });
});
