// Builds the storefront widget into extensions/baton-chat/assets/: the launcher (baton-chat.js,
// loaded on every page) and the panel chunk (baton-chat-panel.js, loaded on first open).
// CSS is minified and inlined as strings for the shadow roots. Deterministic: same source, same bytes.
// Usage: npx tsx app/widget/build.ts
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, transform, type BuildOptions, type Plugin } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
export const ASSETS_DIR = join(here, "../../extensions/baton-chat/assets");
export const LAUNCHER_FILE = "baton-chat.js";
export const PANEL_FILE = "baton-chat-panel.js";
export const PHOTOS_FILE = "baton-chat-photos.js";
// Modern browsers only: Chrome/Edge 91+ (earlier V8 had an optional-chaining bug, so esbuild would
// compile every `?.` down), Firefox 78+, Safari 14+. `||=` is compiled down where needed.
const TARGET = ["es2020", "chrome91", "firefox78", "safari14", "edge91"];

/** `import css from "./x.css?inline"` → the minified stylesheet as a string (the Vite convention, so tsc knows the type). */
const inlineCss: Plugin = {
  name: "inline-css",
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (a) => ({ path: join(a.resolveDir, a.path.replace(/\?inline$/, "")), namespace: "inline-css" }));
    b.onLoad({ filter: /.*/, namespace: "inline-css" }, async (a) => {
      const { code } = await transform(await readFile(a.path, "utf8"), { loader: "css", minify: true, target: TARGET });
      return { contents: code.trim(), loader: "text", watchFiles: [a.path] };
    });
  },
};

const common: BuildOptions = {
  bundle: true,
  minify: true,
  format: "iife",
  target: TARGET,
  charset: "utf8",
  legalComments: "none",
  write: false,
  plugins: [inlineCss],
  logLevel: "warning",
};

export interface WidgetBuild {
  files: Array<{ name: string; contents: Uint8Array }>;
}

/** Builds both chunks in memory. The launcher gets the panel's content hash for cache busting. */
export async function buildWidget(): Promise<WidgetBuild> {
  // The photo chunk loads on the first press of the attach button (decision 0070); the panel gets its hash.
  const photos = (await build({ ...common, entryPoints: [join(here, "photo-attach.ts")] })).outputFiles![0].contents;
  const photosHash = createHash("sha256").update(photos).digest("hex").slice(0, 10);
  const panel = (
    await build({ ...common, entryPoints: [join(here, "panel.ts")], define: { __PHOTOS_FILE__: JSON.stringify(`${PHOTOS_FILE}?v=${photosHash}`) } })
  ).outputFiles![0].contents;
  const hash = createHash("sha256").update(panel).digest("hex").slice(0, 10);
  const launcher = (
    await build({
      ...common,
      entryPoints: [join(here, "launcher.ts")],
      define: { __PANEL_FILE__: JSON.stringify(`${PANEL_FILE}?v=${hash}`) },
    })
  ).outputFiles![0].contents;
  return {
    files: [
      { name: LAUNCHER_FILE, contents: launcher },
      { name: PANEL_FILE, contents: panel },
      { name: PHOTOS_FILE, contents: photos },
    ],
  };
}

/** Builds and writes the assets (only files whose bytes changed are rewritten). */
export async function writeWidget(dir = ASSETS_DIR): Promise<WidgetBuild> {
  const result = await buildWidget();
  await mkdir(dir, { recursive: true });
  for (const f of result.files) {
    const path = join(dir, f.name);
    const old = await readFile(path).catch(() => undefined);
    if (!old || !Buffer.from(f.contents).equals(old)) await writeFile(path, f.contents);
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  const { files } = await writeWidget();
  process.stdout.write(`widget: ${files.map((f) => `${f.name} ${f.contents.length} B`).join(", ")} in ${Date.now() - started} ms\n`);
}
