import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startWalCheckpointer } from "./wal-checkpointer.server";

/** Frames in the WAL after one more small commit (a fully checkpointed WAL restarts from its first frame). */
function framesAfterOneMoreCommit(db: Database.Database): number {
  db.prepare("INSERT INTO t (body) VALUES (?)").run("one more");
  // PASSIVE reports the WAL's length in frames (and checkpoints it: call once per test).
  const [row] = db.pragma("wal_checkpoint(PASSIVE)") as Array<{ log: number }>;
  return row!.log;
}

function walDatabase(): Database.Database {
  const db = new Database(path.join(mkdtempSync(path.join(tmpdir(), "baton-wal-")), "t.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  // As if every checkpoint were left to someone else: nothing on this connection copies the WAL back.
  db.pragma("wal_autocheckpoint = 0");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  const insert = db.prepare("INSERT INTO t (body) VALUES (?)");
  for (let i = 0; i < 300; i++) insert.run("x".repeat(2_000));
  return db;
}

describe("startWalCheckpointer", () => {
  it("copies the WAL back on its own thread, so the app's next commit starts a fresh WAL", async () => {
    const db = walDatabase();
    const checkpointer = startWalCheckpointer(db.name, 10);
    try {
      // One look only: the look itself checkpoints, so looking repeatedly would pass without the thread.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const frames = framesAfterOneMoreCommit(db);
      expect(frames).toBeLessThanOrEqual(10);
    } finally {
      await checkpointer.stop();
      db.close();
    }
  });

  it("without it, the WAL only grows (the control)", () => {
    const db = walDatabase();
    try {
      expect(framesAfterOneMoreCommit(db)).toBeGreaterThan(100);
    } finally {
      db.close();
    }
  });
});
