import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BroadcastChannel } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { KICK_MESSAGE, kickOutbox } from "~/platform/runtime.server";
import { startRuntimeThread, type RuntimeThread } from "./runtime-thread";

// A stand-in for the server build: its runtime answers kicks on the real kick channel and reports,
// on a channel of its own, the thread it runs on and when each kick arrived.
function fakeBuild(startRuntime: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "baton-runtime-thread-")), "index.mjs");
  writeFileSync(
    file,
    `import { BroadcastChannel, isMainThread } from "node:worker_threads";
const report = new BroadcastChannel("test:runtime-thread");
export const entry = { module: { async startRuntime() { ${startRuntime} } } };
void report, isMainThread;
`,
  );
  return pathToFileURL(file).href;
}

const ANSWERING_RUNTIME = `
  const kicks = new BroadcastChannel(${JSON.stringify(KICK_MESSAGE)});
  kicks.onmessage = () => report.postMessage({ kickedAt: Date.now(), isMainThread });
  return { async stop() { kicks.close(); report.postMessage({ stopped: true }); report.close(); } };
`;

function reports(): { next(): Promise<Record<string, unknown>>; close(): void } {
  const channel = new BroadcastChannel("test:runtime-thread");
  const queue: Record<string, unknown>[] = [];
  let waiting: ((m: Record<string, unknown>) => void) | null = null;
  channel.onmessage = (event) => {
    const data = (event as unknown as { data: Record<string, unknown> }).data;
    if (waiting) {
      waiting(data);
      waiting = null;
    } else queue.push(data);
  };
  return {
    next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((resolve) => (waiting = resolve))),
    close: () => channel.close(),
  };
}

let thread: RuntimeThread | undefined;
afterEach(async () => {
  await thread?.stop();
  thread = undefined;
});

describe("the runtime thread", () => {
  it("gets a kick while the main thread is busy with other work (the HTTP event loop cannot delay the email)", async () => {
    const seen = reports();
    thread = await startRuntimeThread(fakeBuild(ANSWERING_RUNTIME));
    kickOutbox();
    // A saturated HTTP event loop: nothing on this thread runs for 300 ms.
    const busyUntil = Date.now() + 300;
    while (Date.now() < busyUntil);
    const kicked = await seen.next();
    expect(kicked.isMainThread).toBe(false);
    expect(kicked.kickedAt as number).toBeLessThan(busyUntil);
    seen.close();
  });

  it("stops the runtime before it ends", async () => {
    const seen = reports();
    const started = await startRuntimeThread(fakeBuild(ANSWERING_RUNTIME));
    await started.stop();
    expect(await seen.next()).toEqual({ stopped: true });
    seen.close();
  });

  it("fails to start with the runtime's own error", async () => {
    await expect(startRuntimeThread(fakeBuild(`throw new Error("SMTP_URL is malformed");`))).rejects.toThrow(/did not start: Error: SMTP_URL is malformed/);
  });
});
