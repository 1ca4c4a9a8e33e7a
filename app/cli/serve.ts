// `npm start`: the production entry (compiled to build/cli/serve.js by `npm run build`).
import { launchServer } from "./launch-server";

// `npm start` is the production entry: a forgotten NODE_ENV means production (secrets required,
// no development error pages), never the permissive development defaults.
process.env.NODE_ENV ||= "production";

launchServer().catch((error: unknown) => {
  process.stderr.write(`[baton] failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
