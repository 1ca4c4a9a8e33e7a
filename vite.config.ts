import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

// One config for the Remix build and for Vitest (the design card keeps Vitest here).
// The Remix plugin is left out under Vitest: tests import modules directly or talk to the built server.
const underVitest = Boolean(process.env.VITEST);

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The server build as two entries over shared chunks (decision 0081): build/server/index.js is what the
 * process launcher imports (app/entry.launcher.server.ts: the runtime and the storefront API), and
 * build/server/remix.js is Remix's own build (admin, Polaris, webhooks), which index.js imports on the
 * first request that needs it. A worker serving only the storefront never loads the admin's code.
 */
function launcherEntry(): Plugin {
  return {
    name: "baton-launcher-entry",
    apply: (_config, env) => env.command === "build" && Boolean(env.isSsrBuild),
    options(options) {
      return { ...options, input: { remix: options.input as string, index: "app/entry.launcher.server.ts" } };
    },
    outputOptions(output) {
      return { ...output, entryFileNames: "[name].js" };
    },
    // After every renderChunk hook (Vite's own esbuild pass prints strings back in UTF-8).
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) if (file.type === "chunk") file.code = latin1Source(file.code, (source) => this.parse(source));
    },
  };
}

/**
 * The chunk with every character past Latin-1 written as an escape. V8 keeps each script's source in
 * memory (it compiles functions lazily), two bytes a character as soon as one character needs them:
 * the server build's 6 MB of shared code held 12 MB of heap for a few dashes, arrows and emoji. In a
 * template literal an escape would change its raw text (String.raw, tags), so there the character
 * becomes a substitution of a string that holds it: the same value for plain and raw templates.
 */
function latin1Source(code: string, parse: (code: string) => unknown): string {
  const wide = /[^\x00-\xff]/g;
  if (!wide.test(code)) return code;
  const templates: Array<[number, number]> = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as { type?: string; start?: number; end?: number };
    if (n.type === "TemplateElement" && n.start !== undefined && n.end !== undefined) templates.push([n.start, n.end]);
    for (const value of Object.values(node)) if (value && typeof value === "object") visit(value);
  };
  visit(parse(code));
  templates.sort((a, b) => a[0] - b[0]);
  const inTemplate = (at: number): boolean => {
    let lo = 0;
    let hi = templates.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [start, end] = templates[mid]!;
      if (at < start) hi = mid - 1;
      else if (at >= end) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const escaped = code.replace(wide, (c: string, at: number) => {
    // An escaped character (`\—`) stays as it is: rewriting it would change what the backslash escapes.
    if (code[at - 1] === "\\") return c;
    const unit = `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
    return inTemplate(at) ? `\${"${unit}"}` : unit;
  });
  return escaped;
}

export default defineConfig({
  server: { port: Number(process.env.PORT ?? 3000) },
  plugins: [
    ...(underVitest
      ? []
      : [
          remix({
            ignoredRouteFiles: ["**/.*", "**/*.test.*"],
            future: {
              v3_fetcherPersist: true,
              v3_relativeSplatPath: true,
              v3_throwAbortReason: true,
              v3_lazyRouteDiscovery: true,
              v3_singleFetch: true,
            },
          }),
          launcherEntry(),
        ]),
    tsconfigPaths(),
  ],
  build: { assetsInlineLimit: 0 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          setupFiles: ["tests/support/network-guard.ts"],
          include: ["app/**/*.test.ts", "app/**/*.test.tsx", "tests/servers/**/*.test.ts", "tests/support/**/*.test.ts", "tools/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          setupFiles: ["tests/support/network-guard.ts"],
          include: ["tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
