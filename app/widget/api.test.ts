import { describe, expect, it } from "vitest";
import { classifyStatus, getChat, parseRetryAfter, postChat, readReply, streamChat } from "./api";

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

describe("postChat / getChat", () => {
  it("posts JSON to the same-origin proxy path and returns the turn", async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const r = await postChat("/apps/baton", { message: "hi" }, async (url, init) => {
      calls.push([url, init]);
      return json(200, { conversationId: "c1", state: "open", messages: [{ role: "assistant", text: "Hello" }] });
    });
    expect(r).toEqual({ ok: true, data: { conversationId: "c1", state: "open", messages: [{ role: "assistant", text: "Hello" }], replyTo: undefined } });
    expect(calls[0][0]).toBe("/apps/baton/chat");
    expect(calls[0][1]?.method).toBe("POST");
    expect(JSON.parse(String(calls[0][1]?.body))).toEqual({ message: "hi", visit: expect.stringMatching(/^[\w-]{22}$/) });
    expect(calls[0][1]?.credentials).toBe("same-origin");
  });

  it("gets history with an encoded id and keeps replyTo", async () => {
    let seen = "";
    const r = await getChat("/apps/baton", "a b&c", async (url) => {
      seen = url;
      return json(200, { conversationId: "a b&c", state: "escalated", replyTo: "s@x.com", messages: [{ role: "shopper", text: "q", at: "2026-01-01" }] });
    });
    expect(seen).toBe("/apps/baton/chat?conversationId=a%20b%26c");
    expect(r.ok && r.data.replyTo).toBe("s@x.com");
    expect(r.ok && r.data.messages[0].role).toBe("shopper");
  });

  it.each([
    [429, { "retry-after": "7" }, { kind: "rate", retryAfter: 7 }],
    [429, {}, { kind: "rate", retryAfter: 5 }],
    [413, {}, { kind: "too_long" }],
    [400, {}, { kind: "server" }],
    [401, {}, { kind: "server" }],
    [502, {}, { kind: "server" }],
  ])("maps HTTP %i to %j", async (status, headers, error) => {
    const r = await postChat("/p", { message: "x" }, async () => json(status, { error: { code: "x", message: "y" } }, headers));
    expect(r).toEqual({ ok: false, error });
  });

  it("calls a 404 expired only for a named conversation", async () => {
    const notFound = async () => json(404, { error: { code: "not_found", message: "No such conversation." } });
    expect(await postChat("/p", { conversationId: "c1", message: "x" }, notFound)).toEqual({ ok: false, error: { kind: "expired" } });
    expect(await postChat("/p", { message: "x" }, notFound)).toEqual({ ok: false, error: { kind: "server" } });
    expect(await getChat("/p", "c1", notFound)).toEqual({ ok: false, error: { kind: "expired" } });
  });

  it("reports network failure, timeouts and malformed bodies", async () => {
    expect(
      await postChat("/p", {}, async () => {
        throw new TypeError("Failed to fetch");
      }),
    ).toEqual({ ok: false, error: { kind: "network" } });
    const hang = (_u: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    expect(await postChat("/p", {}, hang, 10)).toEqual({ ok: false, error: { kind: "network" } });
    expect(await postChat("/p", {}, async () => new Response("<html>", { status: 200 }))).toEqual({ ok: false, error: { kind: "server" } });
    expect(await postChat("/p", {}, async () => json(200, { state: "open" }))).toEqual({ ok: false, error: { kind: "server" } });
  });
});

describe("helpers", () => {
  it("parses Retry-After", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("12", now)).toBe(12);
    expect(parseRetryAfter("0", now)).toBe(1);
    expect(parseRetryAfter("99999", now)).toBe(300);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("soon", now)).toBe(5);
  });

  it("classifies statuses", () => {
    expect([429, 413, 404, 500].map((s) => classifyStatus(s))).toEqual(["rate", "too_long", "expired", "server"]);
  });

  it("defaults unknown states and drops bad messages and roles it does not know", () => {
    expect(readReply({ conversationId: "c", state: "weird", messages: [null, { text: 3 }, { role: "system", text: "s" }, { text: "t" }] })).toEqual({
      conversationId: "c",
      state: "open",
      messages: [{ role: "assistant", text: "t" }],
      replyTo: undefined,
    });
    expect(readReply(null)).toBeNull();
    // The team's replies keep their author and time; an author on another role, or a bad time, is dropped.
    const at = "2026-12-06T10:00:00.000Z";
    expect(
      readReply({
        conversationId: "c",
        messages: [
          { role: "team", text: "We sent a new one.", at, author: " Maya " },
          { role: "team", text: "No name", at: "yesterday" },
          { role: "assistant", text: "a", author: "x", at },
        ],
      })!.messages,
    ).toEqual([
      { role: "team", text: "We sent a new one.", at, author: "Maya" },
      { role: "team", text: "No name" },
      { role: "assistant", text: "a", at },
    ]);
    expect(readReply({ conversationId: "", messages: [] })).toBeNull();
  });
});

describe("streamChat", () => {
  const sse = (...events: Array<[string, unknown]>) =>
    new Response(events.map(([e, d]) => `event: ${e}\ndata: ${JSON.stringify(d)}\n\n`).join(""), { headers: { "content-type": "text/event-stream" } });
  const done = { conversationId: "c1", state: "open", messages: [{ role: "assistant", text: "Hi there. Bye." }] };

  it("hands deltas over as they come and returns the `done` reply", async () => {
    const seen: string[] = [];
    const r = await streamChat(
      "/p",
      { message: "x" },
      (t) => seen.push(t),
      async (url, init) => {
        expect(url).toBe("/p/chat/stream");
        expect(init?.method).toBe("POST");
        return sse(["delta", { text: "Hi there." }], ["delta", { text: " Bye." }], ["done", done]);
      },
    );
    expect(seen).toEqual(["Hi there.", " Bye."]);
    expect(r).toEqual({
      ok: true,
      data: { conversationId: "c1", state: "open", messages: [{ role: "assistant", text: "Hi there. Bye." }], replyTo: undefined },
    });
  });

  it("treats a stream cut before `done` as a network error and an `error` event as a server error", async () => {
    expect(
      await streamChat(
        "/p",
        {},
        () => {},
        async () => sse(["delta", { text: "Hi." }]),
      ),
    ).toEqual({ ok: false, error: { kind: "network" } });
    expect(
      await streamChat(
        "/p",
        {},
        () => {},
        async () => sse(["error", { error: { code: "internal_error" } }]),
      ),
    ).toEqual({ ok: false, error: { kind: "server" } });
  });

  it("falls back to POST /chat once when the server has no stream route", async () => {
    const urls: string[] = [];
    const r = await streamChat(
      "/p",
      { message: "x" },
      () => {},
      async (url) => {
        urls.push(url);
        return url.endsWith("/stream") ? new Response("<h1>Not found</h1>", { status: 404, headers: { "content-type": "text/html" } }) : json(200, done);
      },
    );
    expect(urls).toEqual(["/p/chat/stream", "/p/chat"]);
    expect(r.ok).toBe(true);
  });

  it("keeps our own JSON errors (no second send)", async () => {
    const urls: string[] = [];
    const r = await streamChat(
      "/p",
      { message: "x" },
      () => {},
      async (url) => {
        urls.push(url);
        return json(429, { error: { code: "rate_limited", message: "wait" } }, { "retry-after": "7" });
      },
    );
    expect(urls).toEqual(["/p/chat/stream"]);
    expect(r).toEqual({ ok: false, error: { kind: "rate", retryAfter: 7 } });
  });
});
