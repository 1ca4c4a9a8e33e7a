// `npm run build`: the Remix app (client + server build), the storefront widget assets, and the
// compiled process entry (build/cli/serve.js) so production runs plain `node`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { build } from "esbuild";

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build"]);
if (existsSync("app/widget/build.ts")) run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "app/widget/build.ts"]);
await build({
  entryPoints: ["app/cli/serve.ts"],
  outfile: "build/cli/serve.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
process.stdout.write("[build] done\n");
