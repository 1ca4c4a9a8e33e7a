import { describe, expect, it } from "vitest";
import { checksum, decodeBase64 } from "./codec";

describe("weight codec", () => {
  it.each([0, 1, 2, 3, 4, 5, 1000])("base64 decodes %i bytes as Node's encoder wrote them", (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
    expect(Array.from(decodeBase64(Buffer.from(bytes).toString("base64")))).toEqual(Array.from(bytes));
  });

  it("checksum is stable", () => {
    expect(checksum("")).toBe("811c9dc5");
    expect(checksum("baton")).toBe(checksum("baton"));
    expect(checksum("baton")).not.toBe(checksum("bat0n"));
  });
});
