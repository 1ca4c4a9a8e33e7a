import { afterEach, describe, expect, it } from "vitest";
import { configureLogger, conciseStream, logger } from "./logger.server";

/** Captures what the logger writes to stdout while `run` runs. */
function captureStdout(run: () => void): string[] {
  const write = process.stdout.write;
  const lines: string[] = [];
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    run();
  } finally {
    process.stdout.write = write;
  }
  return lines;
}

describe("logger", () => {
  afterEach(() => configureLogger({ level: "info" }));

  it("writes one JSON object per line with the capability and structured fields", () => {
    configureLogger({ level: "info" });
    const [line] = captureStdout(() => logger.child({ capability: "email" }).warn({ outboxId: "o1", err: new Error("421 busy") }, "attempt failed"));
    const entry = JSON.parse(line!);
    expect(entry).toMatchObject({ level: "warn", capability: "email", outboxId: "o1", msg: "attempt failed" });
    expect(entry.err).toMatchObject({ type: "Error", message: "421 busy" });
    expect(typeof entry.time).toBe("string");
  });

  it("honours the configured level, also in children created before the change", () => {
    const child = logger.child({ capability: "platform" });
    configureLogger({ level: "warn" });
    expect(captureStdout(() => child.info("hidden"))).toEqual([]);
    expect(captureStdout(() => child.warn("shown"))).toHaveLength(1);
    configureLogger({ level: "debug" });
    expect(captureStdout(() => child.debug("now shown"))).toHaveLength(1);
  });

  it("prints concise lines for a person in the demo", () => {
    configureLogger({ level: "info", format: "concise" });
    const [line] = captureStdout(() => logger.child({ capability: "shopify" }).warn({ shop: "a.myshopify.com" }, "shop profile not read"));
    expect(line).toMatch(/^\d\d:\d\d:\d\d warn {2}\[shopify\] shop profile not read shop="a\.myshopify\.com"\n$/);
  });

  it("passes through a line that is not JSON", () => {
    const written: string[] = [];
    conciseStream({ write: (text) => written.push(text) }).write("plain\n");
    expect(written).toEqual(["plain\n"]);
  });
});
