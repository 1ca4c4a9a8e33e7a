import { mkdtempSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { purgeExpiredConversations } from "../../app/platform/retention.server";
import { redactCustomer, redactShop } from "../../app/shopify/compliance.server";
import { buildSignedProxyUrl } from "../servers/shopify-signing";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { startAppServer, TEST_API_SECRET, type AppServer } from "../support/app-server";
import { storefront } from "../support/storefront-client";
import { loaderData } from "./admin-fixtures";

// Photos in the chat (README "Photos") over HTTP against the real demo process and a real SMTP
// server: uploads of real images (made by sharp here; one HEIC written by libheif), a polyglot, an
// oversized body and a bomb; the history and the shopper's own view; the case email and a follow-up
// carrying them; retention and customers/redact removing them.
/** The suite on one database (SQLite by default; PostgreSQL from chat-photos-postgres.test.ts). */
export function defineChatPhotoSuite(flavour: "sqlite" | "postgresql", database: () => Promise<{ url?: string; drop?(): Promise<void> }>) {
  const SHOP = "baton-demo.myshopify.com";
  let smtp: SmtpServerHandle;
  let app: AppServer;
  let db: Db;

  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const made = await database();
    drop = made.drop;
    smtp = await startSmtpServer();
    app = await startAppServer({
      demo: true,
      databaseUrl: made.url,
      env: { SMTP_URL: smtp.url, FOLLOW_UP_BATCH_MS: "200", DEMO_INBOX_DIR: path.join(mkdtempSync(path.join(tmpdir(), "baton-inbox-")), "inbox") },
    });
    db = createDb(app.databaseUrl);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await app?.stop();
    await smtp?.stop();
    await drop?.();
  });

  let address = 0;
  function photosUrl(o: { customerId?: string | null; secret?: string; extra?: Record<string, string> }) {
    return buildSignedProxyUrl(
      app.origin,
      "/proxy/chat/photos",
      { shop: SHOP, loggedInCustomerId: o.customerId ?? null, extra: o.extra },
      o.secret ?? TEST_API_SECRET,
    );
  }
  function upload(conversationId: string, body: Uint8Array | string, o: { type?: string; customerId?: string | null; secret?: string; ip?: string } = {}) {
    return fetch(photosUrl({ ...o, extra: { conversationId } }), {
      method: "POST",
      headers: { "Content-Type": o.type ?? "image/jpeg", "X-Forwarded-For": o.ip ?? `198.51.100.${(address++ % 200) + 1}` },
      body: typeof body === "string" ? body : new Uint8Array(body),
    });
  }
  /** A POST whose answer may come (and the socket close) before the body is written: the answer is what counts. */
  function postWhileRefused(url: string, body: Buffer, chunked = false): Promise<{ status: number; code: string; connection: string | undefined }> {
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: "POST",
          headers: { "Content-Type": "image/jpeg", ...(chunked ? {} : { "Content-Length": body.length }), "X-Forwarded-For": "198.51.100.250" },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, code: (JSON.parse(text) as { error: { code: string } }).error.code, connection: res.headers.connection }),
          );
          res.on("error", reject);
        },
      );
      // EPIPE / ECONNRESET while writing the refused body is expected; only a missing answer fails.
      req.on("error", (error) => setTimeout(() => reject(error), 2_000));
      if (!chunked) return void req.end(body);
      // No Content-Length: the server counts the chunks as they arrive and stops at 10 MB.
      let at = 0;
      const next = () => {
        while (at < body.length) {
          const piece = body.subarray(at, (at += 256 * 1024));
          if (!req.write(piece)) return void req.once("drain", next);
        }
        req.end();
      };
      next();
    });
  }

  async function errorCode(res: Response): Promise<string> {
    return ((await res.json()) as { error: { code: string } }).error.code;
  }

  function halves(width: number, height: number) {
    const raw = Buffer.alloc(width * height * 3);
    for (let i = 0; i < width * height; i++) raw.set(i % width < width / 2 ? [220, 20, 20] : [20, 40, 220], i * 3);
    return sharp(raw, { raw: { width, height, channels: 3 } });
  }

  async function newConversation(customerId: string | null = null): Promise<string> {
    const shopper = storefront(app.origin, { customerId });
    const turn = await shopper.post({ message: "Hello, a question about my parcel" });
    expect(turn.status).toBe(200);
    return turn.body.conversationId!;
  }

  describe(`POST /proxy/chat/photos (${flavour})`, () => {
    it("takes JPEG, PNG, WebP and HEIC, re-encodes them as JPEG without metadata, and shows them in the history", async () => {
      const id = await newConversation();
      const images: Array<[string, Uint8Array]> = [
        [
          "image/jpeg",
          await halves(400, 300)
            .jpeg()
            .withExif({ IFD0: { Make: "PhoneCo" } })
            .toBuffer(),
        ],
        ["image/png", await halves(300, 200).png().toBuffer()],
        ["image/webp", await halves(200, 100).webp().toBuffer()],
        ["image/heic", readFileSync("tests/fixtures/photos/red-blue.heic")],
      ];
      for (const [type, bytes] of images) {
        const res = await upload(id, bytes, { type });
        expect(res.status, type).toBe(200);
      }
      const history = await storefront(app.origin).history(id);
      const photos = (history.body.messages as Array<{ role: string; text: string; photo?: { id: string; width: number; height: number } }>).filter(
        (m) => m.photo,
      );
      expect(photos.map((m) => [m.role, m.text, m.photo!.width, m.photo!.height])).toEqual([
        ["shopper", "📷 photo-1.jpg", 400, 300],
        ["shopper", "📷 photo-2.jpg", 300, 200],
        ["shopper", "📷 photo-3.jpg", 200, 100],
        ["shopper", "📷 photo-4.jpg", 96, 64],
      ]);

      // The shopper's own view: our JPEG, never sniffed, no active content, metadata gone.
      const view = await fetch(photosUrl({ extra: { conversationId: id, id: photos[0]!.photo!.id } }), { headers: { "X-Forwarded-For": "203.0.113.50" } });
      expect(view.status).toBe(200);
      expect(view.headers.get("content-type")).toBe("image/jpeg");
      expect(view.headers.get("x-content-type-options")).toBe("nosniff");
      expect(view.headers.get("content-security-policy")).toContain("default-src 'none'");
      const bytes = Buffer.from(await view.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(["jpeg", 400, 300, undefined]);
      expect(bytes.includes(Buffer.from("PhoneCo"))).toBe(false);
      const thumb = await fetch(photosUrl({ extra: { conversationId: id, id: photos[0]!.photo!.id, size: "thumb" } }), {
        headers: { "X-Forwarded-For": "203.0.113.50" },
      });
      expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(320);
    });

    it("refuses a polyglot, an oversized body, a bomb, a non-image and a wrong content type with JSON codes", async () => {
      const id = await newConversation();
      const jpeg = await halves(60, 40).jpeg().toBuffer();
      const polyglot = Buffer.concat([jpeg, Buffer.from("504b0304140000000800", "hex"), Buffer.from("<script>alert(1)</script>")]);
      const res1 = await upload(id, polyglot);
      expect([res1.status, await errorCode(res1)]).toEqual([422, "invalid_image"]);

      // Refused from its Content-Length, unread, and the connection closed: the client may still be writing.
      const oversized = Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024)]);
      const res2 = await postWhileRefused(photosUrl({ extra: { conversationId: id } }), oversized);
      expect([res2.status, res2.code, res2.connection]).toEqual([413, "photo_too_large", "close"]);
      const res2b = await postWhileRefused(photosUrl({ extra: { conversationId: id } }), oversized, true);
      expect([res2b.status, res2b.code, res2b.connection]).toEqual([413, "photo_too_large", "close"]);

      const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#fff" } })
        .png({ compressionLevel: 9 })
        .toBuffer();
      const res3 = await upload(id, bomb, { type: "image/png" });
      expect([res3.status, await errorCode(res3)]).toEqual([413, "image_too_large"]);

      const svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>";
      const res4 = await upload(id, svg, { type: "image/png" });
      expect([res4.status, await errorCode(res4)]).toEqual([415, "unsupported_image"]);

      const res5 = await upload(id, jpeg, { type: "multipart/form-data; boundary=x" });
      expect([res5.status, await errorCode(res5)]).toEqual([415, "unsupported_media_type"]);

      // Nothing of it was stored.
      expect(await db.chatPhoto.count({ where: { conversationId: id } })).toBe(0);
      // The same connection still works after a refused body.
      expect((await upload(id, jpeg)).status).toBe(200);
    });

    it("keeps the chat's guards: signature, conversation, ownership, and the per-conversation cap", async () => {
      const jpeg = await halves(60, 40).jpeg().toBuffer();
      const theirs = await newConversation("7001");
      const cases: Array<[Promise<Response>, number, string]> = [
        [upload(theirs, jpeg, { customerId: "7001", secret: "wrong" }), 401, "invalid_signature"],
        // Nobody signed in (or another customer) cannot add to a signed customer's conversation.
        [upload(theirs, jpeg), 404, "not_found"],
        [upload(theirs, jpeg, { customerId: "7002" }), 404, "not_found"],
        [upload("no-such-conversation", jpeg), 404, "not_found"],
        [upload("", jpeg), 400, "invalid_request"],
      ];
      for (const [res, status, code] of cases) {
        const r = await res;
        expect([r.status, await errorCode(r)]).toEqual([status, code]);
      }
      for (let i = 0; i < 9; i++) expect((await upload(theirs, jpeg, { customerId: "7001" })).status).toBe(200);
      const over = await upload(theirs, jpeg, { customerId: "7001" });
      expect([over.status, await errorCode(over)]).toEqual([422, "too_many_photos"]);
    });

    it("counts photos per client address: past the hourly cap, 429 with Retry-After", async () => {
      const jpeg = await halves(20, 20).jpeg().toBuffer();
      let limited: Response | null = null;
      for (let i = 0; i < 5 && !limited; i++) {
        const id = await newConversation();
        for (let j = 0; j < 9 && !limited; j++) {
          const res = await upload(id, jpeg, { ip: "192.0.2.77" });
          if (res.status === 429) limited = res;
          else expect(res.status).toBe(200);
        }
      }
      expect(limited).not.toBeNull();
      expect(await errorCode(limited!)).toBe("rate_limited");
      expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    });
  });

  describe(`photos reach the team (${flavour})`, () => {
    it("the case email attaches the photos sent before the hand-off; a photo after it goes in the threaded follow-up", async () => {
      const shopper = storefront(app.origin);
      const first = await shopper.post({ message: "My order #1042 arrived damaged, the mug is broken" });
      const id = first.body.conversationId!;
      expect((await upload(id, await halves(800, 600).jpeg().toBuffer())).status).toBe(200);
      expect((await upload(id, readFileSync("tests/fixtures/photos/red-blue.heic"), { type: "image/heic" })).status).toBe(200);
      let turn = await shopper.post({ conversationId: id, message: "I want to talk to a person" });
      for (let i = 0; i < 3 && turn.body.state !== "escalated"; i++) {
        turn = await shopper.post({ conversationId: id, message: turn.body.state === "awaiting_email" ? "sarah@example.com" : "Yes please, a person" });
      }
      expect(turn.body.state).toBe("escalated");
      const kase = await db.escalationCase.findUniqueOrThrow({ where: { conversationId: id } });
      const caseMail = await smtp.waitForMessage((m) => m.headers["x-baton-case"] === kase.id, 15_000);
      const attached = caseMail.parsed.attachments.map((a) => [a.filename, a.contentType]);
      expect(attached).toEqual([
        ["photo-1.jpg", "image/jpeg"],
        ["photo-2.jpg", "image/jpeg"],
      ]);
      expect((await sharp(caseMail.parsed.attachments[0]!.content).metadata()).width).toBe(800);
      expect(caseMail.text).toContain("📷 photo-1.jpg");

      expect((await upload(id, await halves(300, 300).png().toBuffer(), { type: "image/png" })).status).toBe(200);
      const followUp = await smtp.waitForMessage((m) => m.headers["x-baton-case"] === kase.id && m.inReplyTo === caseMail.messageId, 15_000);
      expect(followUp.parsed.attachments.map((a) => a.filename)).toEqual(["photo-3.jpg"]);
      expect(followUp.text).toContain("📷 photo-3.jpg");

      // The case page: thumbnails and full-size photos through signed, expiring links.
      const page = await loaderData(app.origin, `/app/cases/${kase.id}`, "routes/app.cases.$id");
      const photos = page.data.photos as Array<{ index: number; width: number; thumbUrl: string; fullUrl: string }>;
      expect(photos.map((p) => [p.index, p.width])).toEqual([
        [1, 800],
        [2, 96],
        [3, 300],
      ]);
      const full = await fetch(`${app.origin}${photos[0]!.fullUrl}`);
      expect(full.status).toBe(200);
      expect(full.headers.get("content-type")).toBe("image/jpeg");
      expect(full.headers.get("x-content-type-options")).toBe("nosniff");
      expect(full.headers.get("content-security-policy")).toContain("sandbox");
      expect(full.headers.get("content-disposition")).toBe('inline; filename="photo.jpg"');
      expect((await sharp(Buffer.from(await full.arrayBuffer())).metadata()).width).toBe(800);
      expect((await sharp(Buffer.from(await (await fetch(`${app.origin}${photos[0]!.thumbUrl}`)).arrayBuffer())).metadata()).width).toBe(320);
      // An altered signature, a thumb link asking for the full size, or an expiry moved later: 404.
      const tampered = [
        photos[0]!.fullUrl.replace(/sig=./, (m) => (m.endsWith("A") ? "sig=B" : "sig=A")),
        photos[0]!.thumbUrl.replace("size=thumb", "size=full"),
        photos[0]!.fullUrl.replace(/exp=(\d+)/, (_m, exp: string) => `exp=${Number(exp) + 60}`),
        photos[0]!.fullUrl.replace(/\/photos\/[^?]+/, `/photos/${encodeURIComponent("someone-else")}`),
      ];
      for (const url of tampered) expect((await fetch(`${app.origin}${url}`)).status, url).toBe(404);
    });
  });

  describe(`photos go with their conversation (${flavour})`, () => {
    it("retention deletes them with the transcript", async () => {
      const id = await newConversation();
      expect((await upload(id, await halves(50, 50).jpeg().toBuffer())).status).toBe(200);
      expect(await db.chatPhoto.count({ where: { conversationId: id } })).toBe(1);
      const shop = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
      await purgeExpiredConversations(db, new Date(Date.now() + (shop.retentionDays + 1) * 86_400_000));
      expect(await db.conversation.count({ where: { id } })).toBe(0);
      expect(await db.chatPhoto.count({ where: { conversationId: id } })).toBe(0);
    });

    it("customers/redact deletes the customer's photos, not another shopper's; shop/redact deletes every one", async () => {
      const hers = await newConversation("8801");
      const other = await newConversation("8802");
      const jpeg = await halves(50, 50).jpeg().toBuffer();
      expect((await upload(hers, jpeg, { customerId: "8801" })).status).toBe(200);
      expect((await upload(other, jpeg, { customerId: "8802" })).status).toBe(200);
      await redactCustomer(db, SHOP, { shop_domain: SHOP, customer: { id: 8801, email: "nobody-8801@example.com" } }, "baton.local");
      expect(await db.chatPhoto.count({ where: { conversationId: hers } })).toBe(0);
      expect(await db.chatPhoto.count({ where: { conversationId: other } })).toBe(1);
      await redactShop(db, SHOP, { forgetSessions: () => {}, forgetShopSettings: () => {}, mailFrom: "Baton <a@baton.local>", messageIdDomain: "baton.local" });
      expect(await db.chatPhoto.count({ where: { shop: SHOP } })).toBe(0);
    });
  });
}
