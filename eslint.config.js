// Lint rules that keep the architecture honest (see README "Architecture"): the pure core imports
// nothing with I/O, capabilities import each other only where the boundaries below allow and only
// through their public files, configuration comes from the composition roots, server code logs
// through the logger, there are no import cycles, and lines stay readable. Formatting is Prettier's.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import globals from "globals";
import tseslint from "typescript-eslint";

const IO_MODULES = [
  "node:*",
  "fs",
  "path",
  "crypto",
  "http",
  "https",
  "net",
  "child_process",
  "@prisma/*",
  "@remix-run/*",
  "@shopify/*",
  "nodemailer",
  "openai",
  "pg",
  "better-sqlite3",
  "react",
  "react-dom",
];

/** Everything under app/ outside one capability folder (its other folders and the root files). */
const outside = (capability) => [`./app/!(${capability})/**`, "./app/*.{ts,tsx}"];

/**
 * Capability folders (app/chat, email, admin, shopify, platform, domain, widget, demo, routes, cli)
 * and who may import whom. Public surfaces — what other capabilities may import:
 *   chat      its top-level files; store/ and model/ are private
 *   email     outbox.server.ts (the outbox; outbox/ is private), mailer.server.ts, load-case-email.server.ts
 *   shopify   its top-level files, and from admin-api/ only admin-graphql.server.ts (the Admin API client),
 *             types.ts, map-admin-order.ts and map-admin-product.ts (the Admin API shapes the demo catalogue reuses)
 *   platform, admin, widget, demo   flat folders: every file (demo only for the importers allowed below)
 *   domain    every module (a pure library, organised by topic)
 *   routes, cli   nobody imports them (cli files import each other)
 */
const BOUNDARIES = [
  { target: "./app/domain", from: "./app", except: ["./domain"], message: "app/domain imports only from app/domain." },
  {
    target: "./app/platform",
    from: "./app",
    except: ["./platform", "./domain", "./db.server.ts"],
    message: "app/platform imports no other capability (only app/domain): its callers pass in what it needs.",
  },
  {
    target: ["./app/email", "./app/shopify"],
    from: ["./app/chat", "./app/admin", "./app/routes", "./app/demo"],
    message: "app/email and app/shopify do not import chat, admin, routes or demo: the composition root passes in what they need.",
  },
  { target: "./app/chat", from: ["./app/admin", "./app/routes", "./app/demo"], message: "app/chat does not import admin, routes or demo." },
  {
    target: [
      "./app/{chat,email,admin,shopify,platform,domain,widget}/**",
      "./app/routes/!(demo.*|_index.tsx)",
      "./app/cli/!(demo*.ts)",
      "./app/!(shopify.server).{ts,tsx}",
    ],
    from: "./app/demo",
    message: "Only the composition root (app/shopify.server.ts) and the demo's own routes and CLI import app/demo.",
  },
  { target: outside("routes"), from: "./app/routes", message: "Routes are entry points: nothing imports them." },
  { target: outside("cli"), from: "./app/cli", message: "app/cli holds process entries: nothing in the app imports them." },
  { target: outside("chat"), from: ["./app/chat/store", "./app/chat/model"], message: "Import app/chat through its top-level files." },
  { target: outside("email"), from: "./app/email/outbox", message: "Import the outbox through app/email/outbox.server.ts." },
  {
    target: outside("shopify"),
    from: "./app/shopify/admin-api",
    except: ["./admin-graphql.server.ts", "./types.ts", "./map-admin-order.ts", "./map-admin-product.ts"],
    message: "Import app/shopify through its top-level files (admin-api/: only admin-graphql.server, types, map-admin-order, map-admin-product).",
  },
];

/** Only the composition roots read the configuration; everything else receives values from them. */
const CONFIGURATION_READERS = ["app/env.server.ts", "app/shopify.server.ts", "app/runtime.server.ts", "app/cli/**"];

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "prisma/.generated/**", "extensions/*/assets/**", ".cache/**", "test-results/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "no-control-regex": "off",
      "no-misleading-character-class": "off",
    },
  },
  {
    // Capability boundaries and public surfaces (tests may reach into what they test).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.{ts,tsx}"],
    rules: { "import-x/no-restricted-paths": ["error", { zones: BOUNDARIES }] },
  },
  {
    // Server code logs through app/platform/logger.server.ts; CLI entries write with process.stdout/stderr.
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-console": "error" },
  },
  {
    // Configuration is read by the composition roots and handed down (the chat receives ChatConfig).
    files: ["app/**/*.{ts,tsx}"],
    ignores: [...CONFIGURATION_READERS, "app/domain/**", "app/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/env.server", "**/env.server"],
              message: "Only the composition roots (app/shopify.server.ts, app/runtime.server.ts, app/cli) read the configuration: receive values from them.",
            },
          ],
        },
      ],
    },
  },
  {
    // The pure core: no I/O, no framework, nothing from the adapters around it.
    files: ["app/domain/**/*.ts"],
    ignores: ["app/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: IO_MODULES, message: "app/domain is pure: pass I/O results in, do not import I/O modules." },
            { group: ["~/*", "!~/domain", "!~/domain/**"], message: "app/domain imports only from app/domain." },
            { group: ["**/*.server"], message: "app/domain imports only from app/domain." },
          ],
        },
      ],
    },
  },
  {
    // Tests read untyped JSON bodies from the real server; `any` there is the honest type.
    files: ["tests/**/*.ts", "**/*.test.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
  prettier,
  {
    // After Prettier's config, which turns max-len off. Prettier wraps code at 160 but leaves long strings,
    // templates and regex literals alone, so none is exempt here: long texts are joined literals and
    // patterns are word lists compiled at load (see app/domain/escalation/lexicon/compile.ts).
    files: ["**/*.{ts,tsx,js,mjs}"],
    rules: { "max-len": ["error", { code: 160 }] },
  },
  {
    // Small files whose names explain them: every line counts, blank lines and comments too.
    files: ["app/**/*.{ts,tsx,js,mjs}", "tools/**/*.{ts,tsx,js,mjs}"],
    rules: { "max-lines": ["error", { max: 400, skipBlankLines: false, skipComments: false }] },
  },
);
