import { Worker } from "node:worker_threads";

/**
 * HEVC HEIC decoded by libheif (wasm, `heic-decode`) on a worker thread: the decode is synchronous and
 * takes seconds for a 12-megapixel photo (6 s measured on this 2-core machine), which on the request's
 * thread would stall every chat turn of the process. One decode at a time per process; the pixel limit
 * is checked from the header before any pixel is decoded. The worker is plain CommonJS evaluated from
 * this string, so it needs no file of its own in the server build; `heic-decode` resolves from the
 * app's node_modules (the working directory, as for every run of the app).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const decode = require("heic-decode");
(async () => {
  const images = await decode.all({ buffer: workerData.bytes });
  try {
    const primary = images[0];
    if (!primary) return parentPort.postMessage({ invalid: "no image in the HEIF container" });
    if (primary.width * primary.height > workerData.maxPixels) return parentPort.postMessage({ tooLarge: primary.width + "×" + primary.height + " pixels" });
    const { width, height, data } = await primary.decode();
    parentPort.postMessage({ width, height, data }, [data.buffer]);
  } finally {
    images.dispose();
  }
})().catch((error) => parentPort.postMessage({ invalid: String((error && error.message) || error) }));
`;

export type HeicPixels =
  { ok: true; width: number; height: number; data: Uint8Array } | { ok: false; code: "image_too_large" | "invalid_image"; detail: string };

let queue: Promise<unknown> = Promise.resolve();

export function decodeHeicOffThread(bytes: Uint8Array, maxPixels: number): Promise<HeicPixels> {
  const run = queue.then(() => decodeOnce(bytes, maxPixels));
  queue = run.catch(() => undefined);
  return run;
}

function decodeOnce(bytes: Uint8Array, maxPixels: number): Promise<HeicPixels> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bytes, maxPixels } });
    let settled = false;
    const settle = (result: HeicPixels) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(result);
    };
    worker.once("message", (m: { width?: number; height?: number; data?: Uint8ClampedArray; tooLarge?: string; invalid?: string }) => {
      if (m.tooLarge) settle({ ok: false, code: "image_too_large", detail: m.tooLarge });
      else if (m.data && m.width && m.height)
        settle({ ok: true, width: m.width, height: m.height, data: new Uint8Array(m.data.buffer, m.data.byteOffset, m.data.byteLength) });
      else settle({ ok: false, code: "invalid_image", detail: (m.invalid ?? "HEIF decoding failed").slice(0, 200) });
    });
    worker.once("error", (error) => settle({ ok: false, code: "invalid_image", detail: error.message.slice(0, 200) }));
    worker.once("exit", () => settle({ ok: false, code: "invalid_image", detail: "the HEIF decoder stopped" }));
  });
}
