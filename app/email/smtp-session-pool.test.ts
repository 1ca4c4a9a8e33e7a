import { createServer, type AddressInfo, type Socket } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { closeServer, listen, trackSockets, waitUntil } from "../../tests/servers/net";
import { createMailTransport, sendComposedEmail, type MailTransport } from "./mailer.server";
import type { ComposedEmail } from "~/domain/email/types";

// The SMTP thread's pool of ready sessions (decision 0084) against a real smtp-server in this process
// (the sessions live on the SMTP thread, so this loop is free to serve them).

interface TestServer {
  url: string;
  port: number;
  /** Sessions the server has accepted (TCP connections that reached onConnect). */
  connections(): number;
  /** TCP connections, those turned away at once included. */
  tcpConnections(): number;
  accepted: string[];
  /** Cuts every open session, as a restarted relay or a load balancer would. */
  cutSessions(): void;
  stop(): Promise<void>;
}

const open: Array<{ close(): void } | TestServer> = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) {
    if ("stop" in item) await item.stop();
    else item.close();
  }
});

async function startServer(options: { greetingDelayMs?: number; idleTimeoutMs?: number; port?: number } = {}, extra: Partial<SMTPServerOptions> = {}) {
  let connections = 0;
  const accepted: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // smtp-server itself waits 100 ms before greeting (its early-talker check); this adds the rest.
    onConnect(_session, callback) {
      connections++;
      setTimeout(() => callback(), Math.max(0, (options.greetingDelayMs ?? 100) - 100));
    },
    onData(stream, session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        accepted.push(session.envelope.rcptTo.map((r) => r.address).join(","));
        callback();
      });
    },
    ...(options.idleTimeoutMs ? { socketTimeout: options.idleTimeoutMs } : {}),
    ...extra,
  });
  server.on("error", () => undefined);
  const sockets = trackSockets(server.server);
  let tcpConnections = 0;
  server.server.on("connection", () => tcpConnections++);
  const port = await listen(server.server, options.port ?? 0);
  const handle: TestServer = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    tcpConnections: () => tcpConnections,
    accepted,
    cutSessions: () => sockets.forEach((s: Socket) => s.destroy()),
    stop: () => closeServer(server.server, sockets),
  };
  open.push(handle);
  return handle;
}

function transport(url: string, options: Parameters<typeof createMailTransport>[1] = {}): MailTransport {
  const t = createMailTransport(url, { log: { warn: () => undefined, info: () => undefined }, ...options });
  open.push(t);
  return t;
}

const email = (n: number, to = "support@yourstore.example"): ComposedEmail => ({
  from: "escalations@baton.example",
  to: [to],
  cc: [],
  replyTo: "sarah@example.com",
  subject: `Case ${n}`,
  text: "Where is my order?",
  html: "<p>Where is my order?</p>",
  messageId: `<session-pool-${n}@baton.example>`,
  headers: {},
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/** A port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("the SMTP thread's ready sessions", () => {
  it("opens its sessions at start: the first email is accepted without waiting for a 300 ms greeting", async () => {
    const server = await startServer({ greetingDelayMs: 300 });
    const t = transport(server.url, { timeoutMs: 5_000 });
    // One session first, then the rest at once: about two greetings.
    await waitUntil(
      () => server.connections() === 4,
      5_000,
      () => `${server.connections()}/4 sessions`,
    );
    await sleep(600);
    const { result, ms } = await timed(() => sendComposedEmail(t, email(1)));
    expect(result.response).toMatch(/^250/);
    expect(server.connections()).toBe(4);
    expect(ms).toBeLessThan(200);
  });

  it("keeps an idle session open past the socket timeout (RSET while idle): the next email needs no new session", async () => {
    const server = await startServer();
    const t = transport(server.url, { timeoutMs: 1_000 });
    await sendComposedEmail(t, email(2));
    await waitUntil(
      () => server.connections() === 4,
      5_000,
      () => `${server.connections()}/4 sessions`,
    );
    await sleep(2_500);
    const before = server.connections();
    await sendComposedEmail(t, email(3));
    expect(server.connections()).toBe(before);
    expect(server.accepted).toHaveLength(2);
  });

  it("carries an email over a fresh session when the server has cut the idle ones, exactly once", async () => {
    const server = await startServer();
    const t = transport(server.url, { timeoutMs: 5_000 });
    await waitUntil(
      () => server.connections() === 4,
      5_000,
      () => `${server.connections()}/4 sessions`,
    );
    // Greeted and idle (the count rises before the greeting).
    await sleep(300);
    server.cutSessions();
    const result = await sendComposedEmail(t, email(4));
    expect(result.response).toMatch(/^250/);
    await sleep(200);
    expect(server.accepted).toEqual(["support@yourstore.example"]);
  });

  it("replaces a session that carried its share of messages in the background, before the next email needs it", async () => {
    const server = await startServer();
    const t = transport(server.url, { timeoutMs: 5_000, maxConnections: 1, messagesPerConnection: 2 });
    await sendComposedEmail(t, email(10));
    await sendComposedEmail(t, email(11));
    await waitUntil(
      () => server.connections() === 2,
      5_000,
      () => `${server.connections()}/2 sessions`,
    );
    await sleep(300);
    await sendComposedEmail(t, email(12));
    expect(server.connections()).toBe(2);
    expect(server.accepted).toHaveLength(3);
  });

  it("reopens sessions a server keeps ending, backing off instead of reconnecting in a burst", async () => {
    // The server ends every session idle for 300 ms: far below the pool's keep-alive (5 s).
    const server = await startServer({ idleTimeoutMs: 300 });
    const t = transport(server.url, { timeoutMs: 10_000 });
    await sleep(4_000);
    // Without a backoff, four sessions every ~0.4 s: about 40. With it: one at a time after 1, 2, 4 s.
    expect(server.connections()).toBeGreaterThanOrEqual(2);
    expect(server.connections()).toBeLessThanOrEqual(6);
    const result = await sendComposedEmail(t, email(5));
    expect(result.response).toMatch(/^250/);
  });

  it("works with the sessions a server allows, asking for more only after a growing wait and reporting no outage", async () => {
    // smtp-server turns the third concurrent session away with 421 before its greeting.
    const server = await startServer({}, { maxClients: 2 });
    const warnings: unknown[] = [];
    const t = transport(server.url, { timeoutMs: 1_000, log: { warn: (f) => warnings.push(f), info: () => undefined } });
    await sleep(4_000);
    // Two sessions, then one more try after about 1 s and 2 s: not one at every keep-alive (every 0.5 s).
    expect(server.connections()).toBe(2);
    expect(server.tcpConnections()).toBeLessThanOrEqual(6);
    expect(warnings).toEqual([]);
    const result = await sendComposedEmail(t, email(13));
    expect(result.response).toMatch(/^250/);
  });

  it("reports the outage of a server unreachable at start once, and is ready as soon as it is up", async () => {
    const port = await freePort();
    const warnings: unknown[] = [];
    const notes: unknown[] = [];
    const t = transport(`smtp://127.0.0.1:${port}`, { timeoutMs: 2_000, log: { warn: (f) => warnings.push(f), info: (f) => notes.push(f) } });
    // Emails fail while it is down (the outbox retries them), with the fields classifySmtpError reads.
    await expect(sendComposedEmail(t, email(6))).rejects.toMatchObject({ code: "ESOCKET", command: "CONN" });
    await sleep(2_500);
    expect(warnings).toHaveLength(1);

    const server = await startServer({ port });
    // Reopened in the background (backoff 1, 2, 4 s…), before any email asks for a session.
    await waitUntil(
      () => server.connections() >= 1,
      10_000,
      () => "no session reopened",
    );
    await waitUntil(
      () => notes.length === 1,
      2_000,
      () => "no recovery reported",
    );
    await sleep(300);
    const sessions = server.connections();
    const { ms } = await timed(() => sendComposedEmail(t, email(7)));
    expect(server.connections()).toBe(sessions);
    expect(ms).toBeLessThan(200);
    expect(warnings).toHaveLength(1);
  });

  it("passes SMTP refusals on with the fields the outbox classifies them by, and keeps the session", async () => {
    const server = await startServer(
      {},
      {
        onRcptTo(address, _session, callback) {
          if (address.address.startsWith("nobody@")) return callback(Object.assign(new Error("5.1.1 No such user"), { responseCode: 550 }));
          callback();
        },
      },
    );
    const t = transport(server.url, { timeoutMs: 5_000 });
    await waitUntil(
      () => server.connections() === 4,
      5_000,
      () => `${server.connections()}/4 sessions`,
    );
    await expect(sendComposedEmail(t, email(8, "nobody@yourstore.example"))).rejects.toMatchObject({
      code: "EENVELOPE",
      command: "RCPT TO",
      responseCode: 550,
    });
    await sendComposedEmail(t, email(9));
    expect(server.connections()).toBe(4);
    expect(server.accepted).toEqual(["support@yourstore.example"]);
  });
});
