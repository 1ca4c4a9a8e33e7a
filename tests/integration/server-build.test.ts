import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The server build's shape (decision 0081): what the launcher imports leaves Remix's build and the
// admin's packages out, and no chunk holds a character past Latin-1 (V8 would keep its source two bytes
// a character). Reads `npm run build`'s output, as the other integration tests run it.
const SERVER = "build/server";

function serverChunks(): string[] {
  const assets = path.join(SERVER, "assets");
  return [
    path.join(SERVER, "index.js"),
    path.join(SERVER, "remix.js"),
    ...readdirSync(assets)
      .filter((n) => n.endsWith(".js"))
      .map((n) => path.join(assets, n)),
  ];
}

/** The modules a file imports statically (`import … from "x"`, `import "x"`). */
function staticImports(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/^import (?:[^;]*? from )?"([^"]+)";?$/gm)].map((m) => m[1]!);
}

describe("server build", () => {
  it("imports neither Remix's build nor the admin's packages from what the launcher loads", () => {
    const seen = new Set<string>();
    const closure = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of staticImports(file)) {
        if (spec.startsWith(".")) closure(path.join(path.dirname(file), spec));
        else seen.add(spec);
      }
    };
    closure(path.join(SERVER, "index.js"));
    expect([...seen].filter((s) => s.endsWith("remix.js") || /^(@shopify\/polaris|react-dom|@shopify\/app-bridge-react|mailauth)/.test(s))).toEqual([]);
    expect(staticImports(path.join(SERVER, "remix.js"))).toContain("@shopify/polaris");
  });

  it("has no character past Latin-1 in any chunk", () => {
    for (const file of serverChunks()) {
      const wide = /[^\x00-\xff]/.exec(readFileSync(file, "utf8"));
      expect(wide ? `${file}: ${JSON.stringify(wide[0])} at ${wide.index}` : null).toBeNull();
    }
  });
});
