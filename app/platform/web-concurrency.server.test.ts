import { describe, expect, it } from "vitest";
import { defaultWebConcurrency, thisMachine } from "./web-concurrency.server";

describe("default HTTP workers", () => {
  it("gives each core a worker when memory allows", () => {
    expect(defaultWebConcurrency({ cores: 2, memoryMb: 24_576 })).toBe(2);
    expect(defaultWebConcurrency({ cores: 4, memoryMb: 2_048 })).toBe(4);
  });

  it("keeps to what memory holds beside the primary, and never goes below one worker", () => {
    expect(defaultWebConcurrency({ cores: 4, memoryMb: 512 })).toBe(1);
    expect(defaultWebConcurrency({ cores: 4, memoryMb: 768 })).toBe(2);
    expect(defaultWebConcurrency({ cores: 2, memoryMb: 256 })).toBe(1);
    expect(defaultWebConcurrency({ cores: 1, memoryMb: 8_192 })).toBe(1);
  });

  it("stops at four on a large machine", () => {
    expect(defaultWebConcurrency({ cores: 32, memoryMb: 65_536 })).toBe(4);
  });

  it("reads this machine's cores and memory", () => {
    const machine = thisMachine();
    expect(machine.cores).toBeGreaterThanOrEqual(1);
    expect(machine.memoryMb).toBeGreaterThan(0);
  });
});
