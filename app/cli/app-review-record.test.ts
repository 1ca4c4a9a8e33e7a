import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildRecord, checksAffectedBy, doctorIgnores, globToRegExp, matchingFiles, type CheckFiles, type ReviewPack } from "./app-review-record";
import { ROOT } from "./shopify-cli";

const SCANNED = [
  "shopify.app.toml",
  "app/routes/proxy.chat.tsx",
  "app/routes/app.tsx",
  "app/chat/store/sqlite.server.ts",
  "app/chat/run.ts",
  "extensions/x/blocks/a.liquid",
];

function pack(ids: string[]): ReviewPack {
  return {
    schema_version: 1,
    source_scan_id: "sha256:abc",
    checks: ids.map((id, i) => ({
      id,
      version: i + 1,
      prompt_hash: `sha256:${id}`,
      deterministic_fallback: i === 0 ? { search_boundary_files: SCANNED } : null,
    })),
  };
}

describe("globToRegExp", () => {
  it("keeps * inside one segment and lets ** cross segments", () => {
    expect(globToRegExp("app/chat/*.ts").test("app/chat/run.ts")).toBe(true);
    expect(globToRegExp("app/chat/*.ts").test("app/chat/store/sqlite.server.ts")).toBe(false);
    expect(globToRegExp("app/**/*.ts").test("app/chat/store/sqlite.server.ts")).toBe(true);
    expect(globToRegExp("app/**/*.ts").test("app/run.ts")).toBe(true);
    expect(globToRegExp("extensions/x/**").test("extensions/x/blocks/a.liquid")).toBe(true);
  });

  it("takes dots and other characters literally", () => {
    expect(globToRegExp("app/routes/proxy.*.tsx").test("app/routes/proxy.chat.tsx")).toBe(true);
    expect(globToRegExp("app/routes/proxy.*.tsx").test("app/routes/proxyxchat.tsx")).toBe(false);
    expect(globToRegExp("app/routes/app.cases.$id.tsx").test("app/routes/app.cases.$id.tsx")).toBe(true);
  });
});

describe("checksAffectedBy", () => {
  it("names the checks whose globs match a changed file, and the changed files no check names", () => {
    const files: CheckFiles = { A: ["app/routes/proxy.*.tsx"], B: ["app/**/*.ts"], C: ["shopify.app.toml"] };
    const result = checksAffectedBy(files, ["app/routes/proxy.chat.tsx", "app/chat/run.ts", "docs/x.md"]);
    expect(result.affected).toEqual({ A: ["app/routes/proxy.chat.tsx"], B: ["app/chat/run.ts"] });
    expect(result.unassigned).toEqual(["docs/x.md"]);
  });
});

describe("doctorIgnores", () => {
  it("leaves out what the doctor does not scan: tests, fixtures, dot paths, build output", () => {
    for (const f of [
      "tests/integration/a.test.ts",
      "app/chat/run.test.ts",
      "app/x.spec.tsx",
      ".app-doctor/findings.json",
      "app/a/.trained/m.json",
      "build/server/index.js",
    ]) {
      expect(doctorIgnores(f)).toBe(true);
    }
    for (const f of ["app/chat/run.ts", "docs/app-review.md", "shopify.app.toml", "prisma/migrations/1_init/migration.sql"])
      expect(doctorIgnores(f)).toBe(false);
  });
});

describe("buildRecord", () => {
  it("records every check of the pack with the scanned files its globs name, unresolved ones with their reason", () => {
    const record = buildRecord(
      pack(["A", "CVE"]),
      { A: ["app/chat/**"], CVE: ["shopify.app.toml"] },
      {
        CVE: { reason: { code: "audit_unavailable", message: "offline" }, guidance: "run npm audit" },
      },
    );
    expect(record.source_scan_id).toBe("sha256:abc");
    expect(record.findings).toEqual([]);
    expect(record.checks_executed).toEqual([
      { check_id: "A", check_version: 1, prompt_hash: "sha256:A", status: "executed", inspected_files: ["app/chat/run.ts", "app/chat/store/sqlite.server.ts"] },
      {
        check_id: "CVE",
        check_version: 2,
        prompt_hash: "sha256:CVE",
        status: "unresolved",
        inspected_files: ["shopify.app.toml"],
        reason: { code: "audit_unavailable", message: "offline" },
        guidance: "run npm audit",
      },
    ]);
  });

  it("refuses a check without globs, a glob that names no scanned file, and a check the pack does not have", () => {
    expect(() => buildRecord(pack(["A", "B"]), { A: ["app/chat/*.ts"] }, {})).toThrow("B: no globs");
    expect(() => buildRecord(pack(["A"]), { A: ["app/gone.ts"] }, {})).toThrow('A: "app/gone.ts" names no scanned file');
    expect(() => buildRecord(pack(["A"]), { A: ["app/chat/*.ts"], Z: ["x"] }, {})).toThrow("not in the review pack: Z");
  });
});

describe(".app-doctor/check-files.json", () => {
  it("is a glob list per check id", () => {
    const files = JSON.parse(readFileSync(path.join(ROOT, ".app-doctor/check-files.json"), "utf8")) as CheckFiles;
    expect(Object.keys(files).length).toBe(31);
    for (const [id, globs] of Object.entries(files)) {
      expect(id).toMatch(/^[A-Z_]+$/);
      expect(globs.length).toBeGreaterThan(0);
      // Project-relative paths, as the doctor names scanned files.
      for (const glob of globs) expect(glob).toMatch(/^[\w.][^\s]*$/);
    }
    expect(matchingFiles(files.EOL_API_VERSION ?? [], ["shopify.app.toml", "app/routes/app.tsx"])).toEqual(["shopify.app.toml"]);
  });
});
