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
  };
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
