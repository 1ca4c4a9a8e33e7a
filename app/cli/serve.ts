// `npm start`: the production entry (compiled to build/cli/serve.js by `npm run build`).
import { launchServer } from "./launch-server";

launchServer().catch((error: unknown) => {
  console.error(`[baton] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
