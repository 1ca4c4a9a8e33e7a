// `npm run demo`: Baton on an embedded default — SQLite, a local SMTP inbox, the demo store, the
// real widget and App Proxy signing. No Shopify account needed. Never runs in production.
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { DEMO_API_SECRET, markDemoLauncher } from "../env.server";
import { parseInboundConfig } from "../email/inbound/inbound-config.server";
import { forwardToInboundEndpoint, startInboundSmtpListener } from "../email/inbound/smtp-listener.server";
import { mountDemoAppProxy } from "./demo-app-proxy";
import { startDemoSmtpSink } from "./demo-smtp-sink";
import { launchServer } from "./launch-server";

if (process.env.NODE_ENV === "production") {
  process.stderr.write("Configuration error: NODE_ENV=production — the demo never runs in production (use `npm start`).\n");
  process.exit(1);
}

// The demo is a property of this process (and of the cluster workers, which run this file too),
// not of an environment variable `npm start` would also read.
markDemoLauncher();
process.env.DATABASE_URL ??= "file:./.data/demo.db";
process.env.SHOPIFY_API_SECRET ??= DEMO_API_SECRET;
process.env.PORT ??= "3000";
// The demo's admin has no authentication: only this machine may reach it unless HOST says otherwise.
process.env.HOST ||= "127.0.0.1";
process.env.SHOPIFY_APP_URL ??= `http://localhost:${process.env.PORT}`;
process.env.DEMO_INBOX_DIR ??= ".data/demo-inbox";
// Team replies: case addresses on a local domain, received by the inbound listener started below.
process.env.INBOUND_EMAIL_DOMAIN ||= "reply.baton-demo.localhost";
process.env.INBOUND_WEBHOOK_SECRET ||= randomBytes(24).toString("hex");

if (cluster.isPrimary && buildIsStale()) {
  process.stdout.write("[demo] building…\n");
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "app/cli/build.ts"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

let smtpNote = `SMTP_URL=${process.env.SMTP_URL}`;
if (!process.env.SMTP_URL && cluster.isPrimary) {
  const sink = await startDemoSmtpSink(process.env.DEMO_INBOX_DIR, Number(process.env.DEMO_SMTP_PORT ?? 0));
  process.env.SMTP_URL = sink.url;
  smtpNote = `local SMTP inbox at ${sink.url}`;
}

let origin = "";
// The listener forwards to the app's POST /inbound/email once it listens (the same rules as a provider's posts).
let inboundNote = "";
if (cluster.isPrimary) {
  const inbound = parseInboundConfig(process.env);
  const listener = await startInboundSmtpListener({
    port: inbound.smtpPort ?? 0,
    host: "127.0.0.1",
    domain: inbound.domain!,
    maxBytes: inbound.maxBytes,
    forward: forwardToInboundEndpoint(() => `${origin}/inbound/email`, inbound.webhookSecret!),
    onError: (error) => process.stderr.write(`[demo] inbound mail: ${(error as Error).message}\n`),
  });
  // The demo inbox's "Reply" sends here; HTTP workers inherit the port with the environment.
  process.env.INBOUND_SMTP_PORT = String(listener.port);
  inboundNote = `[demo] replies     smtp://127.0.0.1:${listener.port}   (INBOUND_SMTP_PORT, case addresses @${inbound.domain})\n`;
}

const server = await launchServer({
  configureApp: (app, env) => mountDemoAppProxy(app, { appOrigin: () => origin, secret: env.shopifyApiSecret }),
  beforeListen: (entry) => entry.seedDemoShop(),
});
origin = `http://127.0.0.1:${server.port}`;
if (server.isPrimary)
  process.stdout.write(`[demo] storefront  http://localhost:${server.port}/
[demo] inbox       http://localhost:${server.port}/demo/inbox   (${smtpNote})
[demo] admin       http://localhost:${server.port}/app
${inboundNote}`);

// Rebuild when sources are newer than the server build (or it is missing).
function buildIsStale(): boolean {
  const target = "build/server/index.js";
  if (!existsSync(target) || !existsSync("build/cli/serve.js")) return true;
  const builtAt = statSync(target).mtimeMs;
  return ["app", "extensions/baton-chat/blocks", "vite.config.ts", "package.json"].some((p) => newerThan(p, builtAt));
}

function newerThan(p: string, time: number): boolean {
  if (!existsSync(p)) return false;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs > time;
  return readdirSync(p).some((name) => !name.endsWith(".test.ts") && newerThan(path.join(p, name), time));
}
