/**
 * The floor of bench:chat: the least a storefront chat turn can cost on this machine, as a bare
 * node:http server (one process, no framework). Per request it does what Baton's turn cannot skip:
 * verify the App Proxy HMAC (same rules: sorted `key=value` pairs, constant-time compare, ±90 s),
 * read and parse the JSON body, append the shopper's message and a reply to a conversation in
 * SQLite (WAL, prepared statements, one transaction) and read the conversation back.
 * Usage: tsx tests/bench/chat/floor-server.ts <sqlite file> <secret>; prints "listening <port>".
 */
import Database from "better-sqlite3";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const [file, secret] = process.argv.slice(2) as [string, string];
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.exec(`CREATE TABLE IF NOT EXISTS conversation (id TEXT PRIMARY KEY, shop TEXT NOT NULL, state TEXT NOT NULL, updatedAt TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS message (id INTEGER PRIMARY KEY, conversationId TEXT NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL, createdAt TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS message_conversation ON message (conversationId, createdAt);`);
const findConversation = db.prepare("SELECT id, state FROM conversation WHERE id = ? AND shop = ?");
const insertConversation = db.prepare("INSERT INTO conversation (id, shop, state, updatedAt) VALUES (?, ?, 'open', ?)");
const touchConversation = db.prepare("UPDATE conversation SET updatedAt = ? WHERE id = ?");
const insertMessage = db.prepare("INSERT INTO message (conversationId, role, text, createdAt) VALUES (?, ?, ?, ?)");
const recentMessages = db.prepare("SELECT role, text, createdAt FROM message WHERE conversationId = ? ORDER BY createdAt DESC LIMIT 40");
const appendTurn = db.transaction((id: string, shop: string, isNew: boolean, text: string, reply: string, at: string) => {
  if (isNew) insertConversation.run(id, shop, at);
  else touchConversation.run(at, id);
  insertMessage.run(id, "shopper", text, at);
  insertMessage.run(id, "assistant", reply, at);
});

function verified(query: URLSearchParams): string | null {
  const signature = query.get("signature");
  const shop = query.get("shop");
  if (!signature || !shop) return null;
  const pairs: string[] = [];
  for (const key of new Set(query.keys())) if (key !== "signature") pairs.push(`${key}=${query.getAll(key).join(",")}`);
  const expected = Buffer.from(createHmac("sha256", secret).update(pairs.sort().join("")).digest("hex"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Math.abs(Date.now() / 1000 - Number(query.get("timestamp"))) <= 90 ? shop : null;
}

function send(res: import("node:http").ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer((req, res) => {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const shop = verified(new URLSearchParams(q < 0 ? "" : url.slice(q + 1)));
  if (!shop) return send(res, 401, { error: { code: "invalid_signature", message: "bad signature" } });
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    let body: { conversationId?: string; message?: string };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof body;
    } catch {
      return send(res, 400, { error: { code: "invalid_json", message: "not JSON" } });
    }
    const found = body.conversationId ? (findConversation.get(body.conversationId, shop) as { id: string; state: string } | undefined) : undefined;
    const id = found?.id ?? randomBytes(16).toString("base64url");
    const reply = `You said: ${String(body.message ?? "").slice(0, 200)}`;
    appendTurn(id, shop, !found, String(body.message ?? ""), reply, new Date().toISOString());
    const history = recentMessages.all(id) as unknown[];
    send(res, 200, { conversationId: id, state: found?.state ?? "open", messages: [{ role: "assistant", text: reply }], history: history.length });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
