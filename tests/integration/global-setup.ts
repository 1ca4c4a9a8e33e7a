import { existsSync } from "node:fs";

// Integration and browser tests drive the real built server; `npm test` builds first.
export default function setup(): void {
  if (!existsSync("build/server/index.js") || !existsSync("build/cli/serve.js")) {
    console.warn("[tests] no build found: tests that start the app will fail; run `npm run build` first.");
  }
}
