import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { LAUNCHER_BUDGET, PHOTOS_BUDGET, TOTAL_BUDGET } from "./budgets";
import { ASSETS_DIR, buildWidget, LAUNCHER_FILE, PHOTOS_FILE } from "./build";

describe("widget build", () => {
  it("is deterministic, committed up to date, and within the size budgets", async () => {
    const a = await buildWidget();
    const b = await buildWidget();
    expect(a.files.map((f) => Buffer.from(f.contents).toString("hex"))).toEqual(b.files.map((f) => Buffer.from(f.contents).toString("hex")));
    for (const f of a.files) {
      const committed = readFileSync(join(ASSETS_DIR, f.name));
      expect(Buffer.from(f.contents).equals(committed), `${f.name} is stale: run npx tsx app/widget/build.ts`).toBe(true);
    }
    const gz = (x: Uint8Array) => gzipSync(x, { level: 9 }).length;
    expect(gz(a.files.find((f) => f.name === LAUNCHER_FILE)!.contents)).toBeLessThanOrEqual(LAUNCHER_BUDGET);
    // The first open loads the launcher and the panel; the photo chunk only when a photo is attached.
    const onDemand = a.files.find((f) => f.name === PHOTOS_FILE)!;
    expect(a.files.filter((f) => f !== onDemand).reduce((n, f) => n + gz(f.contents), 0)).toBeLessThanOrEqual(TOTAL_BUDGET);
    expect(gz(onDemand.contents)).toBeLessThanOrEqual(PHOTOS_BUDGET);
  });
});
