import { describe, expect, it } from "vitest";
import { networkInterfaces } from "node:os";
import { runEntry, startAppServer } from "../support/app-server";

// Bad configuration stops start-up with one line naming the variable (before any I/O).
const production = {
  NODE_ENV: "production",
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://baton.example.com",
  DATABASE_URL: "file:./.data/never-created.db",
  SMTP_URL: "smtp://127.0.0.1:2525",
  ENCRYPTION_KEY: "0123456789abcdef".repeat(4),
  PORT: "0",
};

describe("start-up configuration errors", () => {
  it.each([
    ["missing secret in production", { ...production, SHOPIFY_API_SECRET: "" }, "SHOPIFY_API_SECRET"],
    ["malformed DATABASE_URL", { ...production, DATABASE_URL: "sqlite://nope" }, "DATABASE_URL"],
    ["malformed SMTP_URL", { ...production, SMTP_URL: "not a url" }, "SMTP_URL"],
  ])("%s", async (_label, env, variable) => {
    const { code, output } = await runEntry(["build/cli/serve.js"], env);
    expect(code).toBe(1);
    const lines = output
      .trim()
      .split("\n")
      .filter((l) => !l.includes("ExperimentalWarning"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Configuration error: ${variable} `));
  });

  it.each([
    ["an all-zero key", { ...production, ENCRYPTION_KEY: "00".repeat(32) }, "ENCRYPTION_KEY"],
    ["a plain-HTTP Admin origin", { ...production, SHOPIFY_ADMIN_API_ORIGIN: "http://admin.example.com" }, "SHOPIFY_ADMIN_API_ORIGIN"],
    ["NODE_ENV=development", { ...production, NODE_ENV: "development" }, "NODE_ENV"],
  ])("npm start refuses %s", async (_label, env, variable) => {
    const { code, output } = await runEntry(["build/cli/serve.js"], env);
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`^Configuration error: ${variable} `, "m"));
  });

  it("the demo refuses to start in production", async () => {
    const { code, output } = await runEntry(["node_modules/tsx/dist/cli.mjs", "app/cli/demo.ts"], { NODE_ENV: "production" });
    expect(code).toBe(1);
    expect(output).toMatch(/NODE_ENV=production/);
  });

  // The demo's admin has no authentication: it answers on this machine only unless HOST says otherwise.
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === "IPv4")?.address;
  it.runIf(external)(
    "the demo listens on 127.0.0.1 only by default",
    async () => {
      const demo = await startAppServer({ demo: true, env: { PORT: "0", WEB_CONCURRENCY: "0" } });
      try {
        // Connect from another process: this one's network guard refuses non-loopback addresses.
        const reachable = async (host: string) => {
          const probe = `require("node:net").connect({ host: ${JSON.stringify(host)}, port: ${demo.port}, timeout: 2000 })
          .on("connect", () => process.exit(0)).on("error", () => process.exit(2)).on("timeout", () => process.exit(3));`;
          return (await runEntry(["-e", probe], {})).code === 0;
        };
        expect(await reachable("127.0.0.1")).toBe(true);
        expect(await reachable(external!)).toBe(false);
      } finally {
        await demo.stop();
      }
    },
    90_000,
  );
});
