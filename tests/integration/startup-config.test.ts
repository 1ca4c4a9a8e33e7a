import { describe, expect, it } from "vitest";
import { runEntry } from "../support/app-server";

// Bad configuration stops start-up with one line naming the variable (before any I/O).
const production = {
  NODE_ENV: "production",
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://baton.example.com",
  DATABASE_URL: "file:./.data/never-created.db",
  SMTP_URL: "smtp://127.0.0.1:2525",
  ENCRYPTION_KEY: "ab".repeat(32),
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

  it("the demo refuses to start in production", async () => {
    const { code, output } = await runEntry(["node_modules/tsx/dist/cli.mjs", "app/cli/demo.ts"], { NODE_ENV: "production" });
    expect(code).toBe(1);
    expect(output).toMatch(/NODE_ENV=production/);
  });
});
