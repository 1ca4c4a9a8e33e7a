// `npm start`: the production entry (compiled to build/cli/serve.js by `npm run build`).
import { launchServer } from "./launch-server";

// `npm start` is the production entry: a forgotten NODE_ENV means production (secrets required,
// no development error pages), never the permissive development defaults.
process.env.NODE_ENV ||= "production";
// Development mode would serve error pages with stack traces and the public development key; it is
// `npm run dev`'s (Shopify CLI) or `npm run demo`'s. (NODE_ENV=test is the test suites' own mode.)
if (process.env.NODE_ENV === "development") {
  process.stderr.write("Configuration error: NODE_ENV is development: `npm start` serves production (use `npm run dev` or `npm run demo`)\n");
  process.exit(1);
}

launchServer().catch((error: unknown) => {
  process.stderr.write(`[baton] failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
