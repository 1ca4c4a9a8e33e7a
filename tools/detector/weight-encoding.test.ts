import { describe, expect, it } from "vitest";
import { decodeBase64 } from "~/domain/escalation/model/codec";
import { encodeBase64, quantize } from "./weight-encoding";

describe("weight encoding", () => {
  it.each([0, 1, 2, 3, 4, 5, 1000])("base64 round-trips %i bytes and matches Node's encoder", (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
    const text = encodeBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString("base64"));
    expect(Array.from(decodeBase64(text))).toEqual(Array.from(bytes));
  });

  it("quantizes per head within half a step", () => {
    const weights = Float32Array.from([0.5, -2, -0.25, 1, 0.001, 0.3]);
    const { bytes, scale } = quantize(weights, 2);
    const q = new Int8Array(bytes.buffer);
    weights.forEach((w, i) => expect(Math.abs(q[i] * scale[i % 2] - w)).toBeLessThanOrEqual(scale[i % 2] / 2 + 1e-9));
  });
});
