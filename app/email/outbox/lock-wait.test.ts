import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { useOutboxHarness } from "../../../tests/support/outbox-harness";
import { tuneSqlite } from "../../db.server";
import type { MailSender } from "../mailer.server";

// Issue 29: in a cluster the primary's outbox writes meet the HTTP workers' write lock. SQLite's busy
// handler sleeps on the (synchronous) better-sqlite3 caller's event loop; the outbox must wait for the
// lock between event-loop turns instead, and still deliver exactly once.

/** Another connection on its own thread (as another process would be) that takes the write lock on demand. */
function startLockHolder(file: string) {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    const Database = require(workerData.driver);
    const db = new Database(workerData.file, { fileMustExist: true });
    parentPort.on("message", (holdMs) => {
      db.exec("BEGIN IMMEDIATE");
      parentPort.postMessage("locked");
      setTimeout(() => db.exec("COMMIT"), holdMs);
    });
  `;
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const thread = new Worker(source, { eval: true, workerData: { driver, file } });
  return {
    hold: (ms: number) =>
      new Promise<void>((resolve) => {
        thread.once("message", () => resolve());
        thread.postMessage(ms);
      }),
    stop: () => thread.terminate(),
  };
}

const HOLD_MS = 800;

describe("outbox on SQLite while another process holds the write lock", () => {
  const h = useOutboxHarness(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "baton-outbox-lock-"));
    return { url: `file:${path.join(dir, "outbox.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  });
  const stops: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it("claims and records the delivery without stalling the event loop, and sends exactly once", async () => {
    await tuneSqlite(h.db, h.url);
    const holder = startLockHolder(h.url.slice("file:".length));
    stops.push(holder.stop);
    const { outboxId } = await h.seedCase();
    const real = h.transport();
    // The transaction after the send meets the lock too: it is taken while the email is on the wire.
    let sends = 0;
    const transport: MailSender = {
      async sendMail(mail) {
        const info = await real.sendMail(mail);
        if (++sends === 1) await holder.hold(HOLD_MS);
        return info;
      },
    };

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    // The histogram's timer has to be running before the lock is met, or it misses the first stall.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await holder.hold(HOLD_MS);
    const started = Date.now();
    h.worker({ transport }).kick();
    const row = await h.waitFor(h.statusIs(outboxId, "sent"), 10_000, "the email sent");
    const elapsed = Date.now() - started;
    delay.disable();

    // Both the claim and the post-send transaction waited for the lock...
    expect(elapsed).toBeGreaterThanOrEqual(2 * HOLD_MS - 200);
    // ...between event-loop turns: before issue 29's fix, the loop stood still for each whole hold.
    expect(delay.max / 1e6).toBeLessThan(250);
    expect(row).toMatchObject({ attempts: 1, lockedBy: null });
    expect(await h.db.deliveryAttempt.count({ where: { outboxId } })).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.smtp.messages).toHaveLength(1);
    expect(sends).toBe(1);
  });
});
