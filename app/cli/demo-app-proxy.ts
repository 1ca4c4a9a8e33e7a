import type { Express, Request, Response } from "express";
import express from "express";
import { DEMO_SHOP } from "../demo/catalogue";
import { DEMO_CUSTOMER_COOKIE } from "../demo/storefront-page";
import { buildSignedProxyUrl } from "../chat/app-proxy-signature.server";

const MAX_FORWARD_BYTES = 64 * 1024;
// A photo upload is one image of at most 10 MB (README "Photos"); the app enforces its own limit and codes.
const MAX_PHOTO_FORWARD_BYTES = 11 * 1024 * 1024;

/**
 * Plays Shopify's part in the local demo: `/apps/baton/*` on the "storefront" is forwarded over
 * real HTTP to the app's `/proxy/*` with the query signed exactly as Shopify signs it, the
 * shopper's address appended to X-Forwarded-For, cookies stripped, and `logged_in_customer_id` set from the
 * demo's sign-in switch. The app therefore runs its production verification path unchanged.
 */
export function mountDemoAppProxy(app: Express, options: { appOrigin: () => string; secret: string }): void {
  app.use("/extensions/baton-chat/assets", express.static("extensions/baton-chat/assets", { maxAge: 0 }));
  const photoBody = express.raw({ type: () => true, limit: MAX_PHOTO_FORWARD_BYTES });
  const body = express.raw({ type: () => true, limit: MAX_FORWARD_BYTES });
  app.all(
    "/apps/baton/*",
    (req, res, next) => (req.path === "/apps/baton/chat/photos" ? photoBody : body)(req, res, next),
    (req, res) => {
      void forward(req, res, options).catch((error: unknown) => {
        res.status(502).json({ error: { code: "proxy_error", message: (error as Error).message } });
      });
    },
  );
  app.use((error: { type?: string; status?: number }, _req: Request, res: Response, next: (e?: unknown) => void) => {
    if (error?.type === "entity.too.large") {
      res.status(413).json({ error: { code: "payload_too_large", message: "The request body is too large." } });
    } else next(error);
  });
}

async function forward(req: Request, res: Response, options: { appOrigin: () => string; secret: string }) {
  const original = new URL(req.originalUrl, "http://storefront.local");
  const rest = original.pathname.replace(/^\/apps\/baton/, "");
  const extra: Record<string, string[]> = {};
  for (const [key, value] of original.searchParams) (extra[key] ??= []).push(value);
  const customer = new RegExp(`(?:^|;\\s*)${DEMO_CUSTOMER_COOKIE}=(\\d+)`).exec(req.headers.cookie ?? "")?.[1] ?? null;
  const target = buildSignedProxyUrl(
    options.appOrigin(),
    `/proxy${rest}`,
    { shop: DEMO_SHOP, loggedInCustomerId: customer, pathPrefix: "/apps/baton", extra },
    options.secret,
  );
  const body = Buffer.isBuffer(req.body) && req.body.length > 0 ? req.body : undefined;
  const upstream = await fetch(target, {
    method: req.method,
    headers: {
      "content-type": req.headers["content-type"] ?? "application/octet-stream",
      // Like Shopify: whatever the browser sent, then the address it connected from (the only
      // entry the app trusts with TRUSTED_PROXY_HOPS=1).
      "x-forwarded-for": [req.headers["x-forwarded-for"], req.socket.remoteAddress ?? "127.0.0.1"].filter(Boolean).join(", "),
      "x-forwarded-host": req.headers.host ?? "localhost",
    },
    body: req.method === "GET" || req.method === "HEAD" || !body ? undefined : new Uint8Array(body),
  });
  res.status(upstream.status);
  for (const header of ["content-type", "retry-after", "cache-control"]) {
    const value = upstream.headers.get(header);
    if (value) res.setHeader(header, value);
  }
  if ((upstream.headers.get("content-type") ?? "").startsWith("text/event-stream") && upstream.body) {
    // Events pass through as they come (whether Shopify's own proxy does the same is not
    // documented; the widget reads a stream that arrives all at once just as well).
    res.setHeader("x-accel-buffering", "no");
    res.flushHeaders();
    const reader = upstream.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) res.write(next.value);
    res.end();
    return;
  }
  res.send(Buffer.from(await upstream.arrayBuffer()));
}
