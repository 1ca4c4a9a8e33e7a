// Compact storage of trained weights: int8 per weight with one scale per head, base64 in JSON.
// 4 heads × 2^18 buckets is 1 MiB of int8 (≈1.4 MB as base64) against 4 MiB as float32, and the
// rounding costs nothing measurable (weights are small, L2-regularized). The runtime decodes with
// app/domain/escalation/model/codec.ts.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  const chunk: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    chunk.push(
      ALPHABET[(n >> 18) & 63] +
        ALPHABET[(n >> 12) & 63] +
        (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : "=") +
        (i + 2 < bytes.length ? ALPHABET[n & 63] : "="),
    );
    if (chunk.length === 4096) {
      out += chunk.join("");
      chunk.length = 0;
    }
  }
  return out + chunk.join("");
}

/** Per-head symmetric int8 quantization of interleaved weights (`i * heads + h`). */
export function quantize(weights: Float32Array, heads: number): { bytes: Uint8Array; scale: number[] } {
  const max = new Array<number>(heads).fill(0);
  for (let i = 0; i < weights.length; i++) max[i % heads] = Math.max(max[i % heads], Math.abs(weights[i]));
  const scale = max.map((m) => (m > 0 ? m / 127 : 1));
  const q = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(weights[i] / scale[i % heads])));
  return { bytes: new Uint8Array(q.buffer), scale };
}
