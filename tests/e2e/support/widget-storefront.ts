// A self-contained storefront for the widget's browser tests: one node:http server that serves a
// theme-like page embedding renderWidgetEmbedHtml(...), the freshly built widget assets, and a
// scripted fake of the App Proxy chat contract at /apps/baton/chat. Same origin, like Shopify.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { buildWidget } from "../../../app/widget/build";
import { renderWidgetEmbedHtml, type WidgetEmbedOptions } from "../../../app/widget/embed-markup";
import { closeServer, listen, trackSockets } from "../../servers/net";

export type FakeMode = "ok" | "down" | "drop" | "rate";
type State = "open" | "awaiting_email" | "escalated" | "closed";
interface Conversation {
  id: string;
  state: State;
  email?: string;
  /** `team`: a reply the merchant's team wrote (tests add them to play the colleague's history items) */
  messages: Array<{ role: "shopper" | "assistant" | "team"; text: string; at: string; author?: string }>;
}
export interface ChatCall {
  method: string;
  url: string;
  body?: { conversationId?: string; message?: string; action?: string };
}

export interface WidgetStorefront {
  origin: string;
  /** every request to /apps/baton/chat, in order */
  chatCalls: ChatCall[];
  /** how the fake answers the next requests */
  mode: FakeMode;
  /** milliseconds the fake waits before answering a POST (to see the typing indicator) */
  delayMs: number;
  /**
   * Whether /apps/baton/chat/stream exists (off: it answers 404 like an app without streaming, and
   * the widget falls back to /apps/baton/chat). When on, each reply is sent as word deltas
   * `streamGapMs` apart, then `done`.
   */
  stream: boolean;
  streamGapMs: number;
  conversations: Map<string, Conversation>;
  /** every rating the widget sent to /apps/baton/chat/rating */
  ratings: Array<{ conversationId: string; kind: string; helpful: boolean }>;
  /** what `GET /apps/baton/chat` without a conversation answers as the signed-in shopper's latest order */
  latestOrder: unknown;
  close(): Promise<void>;
}

const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;

function reply(conv: Conversation, input: { message?: string; action?: string }): string[] {
  const text = input.message?.trim() ?? "";
  const wantsHuman = input.action === "talk_to_human" || /\b(human|person|agent)\b/i.test(text);
  if (conv.state === "awaiting_email") {
    const email = EMAIL.exec(text)?.[0];
    if (email) {
      conv.email = email;
      conv.state = "escalated";
      return [`I've forwarded your case to our support team. They'll reach you at ${email}.`];
    }
    conv.state = "open";
    return ["No problem. You can also reach the store by phone at 555-0100."];
  }
  if (wantsHuman) {
    if (conv.email) {
      conv.state = "escalated";
      return [`I've forwarded your case to our support team. They'll reach you at ${conv.email}.`];
    }
    conv.state = "awaiting_email";
    return ["I'll connect you with our support team.", "What's the best email address to reach you?"];
  }
  if (/^(bye|close)$/i.test(text)) {
    conv.state = "closed";
    return ["Thanks for chatting with us. This conversation is now closed."];
  }
  if (conv.state === "escalated") return ["I've added that to your case, and the team will see it."];
  return [`You asked: ${text}`, "Orders ship within 2 business days. Track yours at https://track.example/abc."];
}

function page(query: URLSearchParams, embed: (o: Partial<WidgetEmbedOptions>) => string): string {
  const locale = query.get("locale") ?? "en";
  const options: Partial<WidgetEmbedOptions> = {
    locale,
    shopName: query.get("shop") ?? "Demo Shop",
    privacyUrl: "/policies/privacy-policy",
    settings: {
      accent: query.get("accent") ?? "#1f5fad",
      position: query.get("position") === "left" ? "left" : "right",
      launcherLabel: query.get("label") ?? "",
      notice: "",
      rememberDays: Number(query.get("days") ?? 7),
    },
    // The admin's words, as the app-data metafield carries them (`?qa=` one suggested question per `|`).
    words: {
      assistantName: query.get("name") ?? "Demo Shop assistant",
      greeting: query.get("greeting") || null,
      quickActions: query.get("qa") ? query.get("qa")!.split("|") : null,
      replyTime: query.get("reply") || null,
    },
    customer: query.get("customer") ? { id: 42, email: query.get("customer")! } : undefined,
  };
  const widget = query.get("widget") === "0" ? "" : embed(options) + (query.get("twice") ? "\n" + embed(options) : "");
  // Deliberately hostile theme CSS: the widget must look the same regardless.
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo Shop</title>
<style>
  body { margin: 0; font: 18px/1.6 Georgia, serif; color: #222; }
  * { letter-spacing: .05em; }
  button { background: hotpink !important; border-radius: 0 !important; text-transform: uppercase; }
  div, p { padding: 3px; }
  header, main, footer { padding: 16px 24px; }
</style>
</head>
<body>
<header><nav aria-label="Main"><a href="/">Home</a> · <a href="/pages/about">About</a> · <a href="/swap">Swap page</a></nav></header>
<main>
<h1>Demo Shop</h1>
<p>Handmade ceramics, shipped worldwide. Free returns within 30 days.</p>
<p><button type="button" id="theme-button">Add to cart</button></p>
${query.get("tall") ? '<div style="height:3000px">Long page</div>' : ""}
</main>
<footer><p>© Demo Shop</p></footer>
${widget}
</body>
</html>`;
}

/** A page whose "theme" swaps <body> without a reload, like Turbo/Swup-style themes do. */
function swapScript(): string {
  return `<script>
window.swapBody = function () {
  var next = document.createElement("body");
  next.innerHTML = '<main><h1>Swapped page</h1><p>New content without a reload.</p></main>';
  document.body.replaceWith(next);
};
</script>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

export async function startWidgetStorefront(): Promise<WidgetStorefront> {
  const { files } = await buildWidget();
  const assets = new Map(files.map((f) => [f.name, f.contents]));
  const embed = (o: Partial<WidgetEmbedOptions>) =>
    renderWidgetEmbedHtml({
      assetBase: "/extensions/baton-chat/assets",
      proxyPath: "/apps/baton",
      shop: "demo-shop.myshopify.com",
      locale: "en",
      shopName: "Demo Shop",
      settings: { accent: "#1f5fad", position: "right", launcherLabel: "", notice: "", rememberDays: 7 },
      ...o,
    } as WidgetEmbedOptions);

  const store: WidgetStorefront = {
    origin: "",
    chatCalls: [],
    mode: "ok",
    stream: false,
    streamGapMs: 0,
    delayMs: 0,
    conversations: new Map(),
    ratings: [],
    latestOrder: null,
    close: async () => {},
  };

  async function chat(req: IncomingMessage, res: ServerResponse, url: URL) {
    const call: ChatCall = { method: req.method ?? "GET", url: url.pathname + url.search };
    store.chatCalls.push(call);
    const raw = req.method === "POST" ? await readBody(req) : "";
    if (store.mode === "drop") return void req.socket.destroy();
    if (store.mode === "down") return json(res, 503, { error: { code: "unavailable", message: "Down for maintenance" } });
    if (store.mode === "rate") return json(res, 429, { error: { code: "rate_limited", message: "Slow down" } }, { "retry-after": "2" });
    if (req.method === "GET" && !url.searchParams.get("conversationId")) return json(res, 200, { latestOrder: store.latestOrder });
    if (req.method === "GET") {
      const conv = store.conversations.get(url.searchParams.get("conversationId") ?? "");
      if (!conv) return json(res, 404, { error: { code: "not_found", message: "No such conversation" } });
      return json(res, 200, { conversationId: conv.id, state: conv.state, messages: conv.messages, ...(conv.email ? { replyTo: conv.email } : {}) });
    }
    if (req.method !== "POST") return json(res, 405, { error: { code: "method", message: "POST or GET" } });
    let body: ChatCall["body"];
    try {
      body = JSON.parse(raw);
    } catch {
      return json(res, 400, { error: { code: "bad_json", message: "Invalid JSON" } });
    }
    call.body = body;
    if ((body?.message?.length ?? 0) > 2000) return json(res, 413, { error: { code: "too_long", message: "Message too long" } });
    if (!body?.message && body?.action !== "talk_to_human") return json(res, 400, { error: { code: "empty", message: "Nothing to say" } });
    let conv = body.conversationId ? store.conversations.get(body.conversationId) : undefined;
    if (body.conversationId && !conv) return json(res, 404, { error: { code: "not_found", message: "No such conversation" } });
    if (!conv) {
      conv = { id: randomUUID(), state: "open", messages: [] };
      store.conversations.set(conv.id, conv);
    }
    const now = () => new Date().toISOString();
    if (body.message) conv.messages.push({ role: "shopper", text: body.message, at: now() });
    const texts = reply(conv, body);
    for (const text of texts) conv.messages.push({ role: "assistant", text, at: now() });
    if (store.delayMs) await new Promise((r) => setTimeout(r, store.delayMs));
    const out = { conversationId: conv.id, state: conv.state, messages: texts.map((text) => ({ role: "assistant", text })) };
    if (!url.pathname.endsWith("/stream")) return json(res, 200, out);
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
    for (const word of texts.join(" ").split(/(?<= )/)) {
      res.write(`event: delta\ndata: ${JSON.stringify({ text: word })}\n\n`);
      await new Promise((r) => setTimeout(r, store.streamGapMs));
    }
    res.end(`event: done\ndata: ${JSON.stringify(out)}\n\n`);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/apps/baton/chat/rating" && req.method === "POST") {
      readBody(req).then((raw) => {
        store.ratings.push(JSON.parse(raw));
        json(res, 200, { ok: true });
      });
      return;
    }
    if (url.pathname === "/apps/baton/chat" || (url.pathname === "/apps/baton/chat/stream" && store.stream)) {
      chat(req, res, url).catch((e) => json(res, 500, { error: { code: "fake", message: String(e) } }));
      return;
    }
    const asset = /^\/extensions\/baton-chat\/assets\/([\w.-]+)$/.exec(url.pathname)?.[1];
    if (asset) {
      const body = assets.get(asset);
      if (!body) return json(res, 404, { error: { code: "not_found", message: asset } });
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" });
      return void res.end(body);
    }
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204);
      return void res.end();
    }
    if (url.pathname === "/" || url.pathname.startsWith("/pages/") || url.pathname === "/swap") {
      let html = page(url.searchParams, embed);
      if (url.pathname === "/swap") html = html.replace("</head>", swapScript() + "</head>");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      return void res.end(html);
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  const sockets = trackSockets(server);
  const port = await listen(server);
  store.origin = `http://127.0.0.1:${port}`;
  store.close = () => closeServer(server, sockets);
  return store;
}
