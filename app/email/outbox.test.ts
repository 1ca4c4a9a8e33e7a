import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineOutboxSuite } from "../../tests/support/outbox-suite";

// The outbox scenarios (delivery, SMTP outage, 451/550, give-up and resend, racing workers, crashed
// worker, follow-up batching) on a temporary SQLite database; tests/integration runs them on PostgreSQL.
defineOutboxSuite("sqlite", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "baton-outbox-"));
  return { url: `file:${path.join(dir, "outbox.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
});
