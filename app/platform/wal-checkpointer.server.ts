import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { logger } from "./logger.server";

/**
 * SQLite's WAL checkpoints on a thread of their own. By default the connection whose commit takes
 * the WAL past 1,000 pages copies them into the database file and fsyncs both, inside that commit:
 * on the HTTP worker that is a chat turn stalled for the fsync (bench:chat's profile: COMMIT 12 % of
 * the worker's samples; a 20,000-turn replay 363 µs a turn with checkpoints on the hot path, 225
 * without). Here a PASSIVE checkpoint runs every `everyMs` on its own connection and event loop:
 * it never blocks writers or readers, so the WAL stays short and the app's commits only append to
 * it. The app's connections keep a (raised) auto-checkpoint as the backstop (sqlite-chat-store).
 */
export interface WalCheckpointer {
  stop(): Promise<void>;
}

// Plain CommonJS for an eval'd thread: no loader, no app code, one connection and a timer.
const THREAD_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true, timeout: 0 });
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
const timer = setInterval(() => {
  try {
    checkpoint.get();
  } catch {
    // Busy or locked: another checkpoint is running; the next tick tries again.
  }
}, workerData.everyMs);
parentPort.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** Starts the checkpoint thread for a SQLite database file (the process's one; call once). */
export function startWalCheckpointer(file: string, everyMs = 100): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  // A timer and one statement: a small heap keeps the thread's footprint to a few MB.
  const thread = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: { driver, file, everyMs },
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
  });
  thread.unref();
  // A thread that cannot open the file leaves checkpoints to the app's connections (the backstop).
  thread.on("error", (error) => logger.child({ capability: "platform", component: "wal-checkpointer" }).warn({ err: error }, "WAL checkpoint thread stopped"));
  const exited = new Promise<void>((resolve) => thread.once("exit", () => resolve()));
  return {
    async stop() {
      thread.postMessage("stop");
      await exited;
    },
  };
}
