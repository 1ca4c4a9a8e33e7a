import { Worker } from "node:worker_threads";
import { isDemoLauncher } from "../env.server";

/**
 * The background runtime (outbox worker, retention purge, WAL checkpoints) on a thread of its own,
 * beside the HTTP work of the primary or of the single process (decision 0082). On the HTTP event
 * loop a hand-off email waited behind every queued chat turn at each of its ~9 database statements
 * and each SMTP round trip (bench:chat, WEB_CONCURRENCY=0: p99 189 ms, almost all of it the SMTP
 * conversation). Here it has its own event loop and its own database connection; the main thread's
 * kicks reach it over a BroadcastChannel (app/platform/runtime.server.ts `kickOutbox`).
 */
export interface RuntimeThread {
  stop(): Promise<void>;
}

// Plain CommonJS for an eval'd thread: it loads the same server build and starts its runtime.
const THREAD_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
// The demo is a property of the launching process (env.server.ts isDemoLauncher), not of the environment.
if (workerData.demo) globalThis[Symbol.for("baton.demo-launcher")] = true;
import(workerData.buildUrl)
  .then((build) => build.entry.module.startRuntime())
  .then(
    (runtime) => {
      parentPort.once("message", () => {
        runtime.stop().then(
          () => parentPort.postMessage({ type: "stopped" }),
          (error) => parentPort.postMessage({ type: "stopped", error: String(error && error.stack || error) }),
        );
      });
      parentPort.postMessage({ type: "started" });
    },
    (error) => parentPort.postMessage({ type: "failed", error: String(error && error.stack || error) }),
  );
`;

type ThreadMessage = { type: "started" } | { type: "failed"; error: string } | { type: "stopped"; error?: string };

/** Starts the runtime thread; resolves once its runtime has started, rejects when it could not. */
export async function startRuntimeThread(buildUrl: string): Promise<RuntimeThread> {
  const thread = new Worker(THREAD_SOURCE, { eval: true, workerData: { buildUrl, demo: isDemoLauncher() } });
  const exited = new Promise<number>((resolve) => thread.once("exit", resolve));
  const next = () =>
    new Promise<ThreadMessage>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      thread.once("error", onError);
      thread.once("message", (message: ThreadMessage) => {
        thread.off("error", onError);
        resolve(message);
      });
      void exited.then((code) => reject(new Error(`the runtime thread exited with code ${code}`)));
    });
  const first = await next();
  if (first.type !== "started") {
    await thread.terminate();
    throw new Error(`the background runtime did not start: ${"error" in first ? first.error : first.type}`);
  }
  // The thread's timers and connections would keep the process alive; shutdown stops it explicitly.
  thread.unref();
  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= (async () => {
        const stopped = next().catch((error: Error) => ({ type: "stopped" as const, error: error.message }));
        thread.postMessage("stop");
        const result = await stopped;
        await thread.terminate();
        if (result.type === "stopped" && result.error) throw new Error(`the background runtime stopped with an error: ${result.error}`);
      })()),
  };
}
