// `npm start`: the production entry (compiled to build/cli/serve.js by `npm run build`).
import { forwardToInboundEndpoint, startInboundSmtpListener } from "../email/inbound/smtp-listener.server";
import { launchServer, type LaunchedServer } from "./launch-server";

// `npm start` is the production entry: a forgotten NODE_ENV means production (secrets required,
// no development error pages), never the permissive development defaults.
process.env.NODE_ENV ||= "production";
// Development mode would serve error pages with stack traces and the public development key; it is
// `npm run dev`'s (Shopify CLI) or `npm run demo`'s. (NODE_ENV=test is the test suites' own mode.)
if (process.env.NODE_ENV === "development") {
  process.stderr.write("Configuration error: NODE_ENV is development: `npm start` serves production (use `npm run dev` or `npm run demo`)\n");
  process.exit(1);
}

/**
 * Team replies by email (README "Team replies"): with INBOUND_SMTP_PORT, INBOUND_EMAIL_DOMAIN and
 * INBOUND_WEBHOOK_SECRET set, the primary process listens for the team's replies and hands each one
 * to this server's own POST /inbound/email, where the same acceptance rules as a provider's post apply.
 */
async function startInboundMail({ env, port, isPrimary }: LaunchedServer): Promise<void> {
  const { smtpPort, domain, webhookSecret, maxBytes } = env.inbound;
  if (!isPrimary || smtpPort === null || !domain || !webhookSecret) return;
  const listener = await startInboundSmtpListener({
    port: smtpPort,
    host: env.host,
    domain,
    maxBytes,
    forward: forwardToInboundEndpoint(() => `http://127.0.0.1:${port}/inbound/email`, webhookSecret),
    onError: (error) => process.stderr.write(`[baton] inbound mail: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  process.stdout.write(`[baton] team replies: smtp on port ${listener.port} for @${domain}\n`);
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void listener.close());
}

launchServer()
  .then(startInboundMail)
  .catch((error: unknown) => {
    process.stderr.write(`[baton] failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
