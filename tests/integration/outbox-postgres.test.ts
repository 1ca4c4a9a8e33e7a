import { defineOutboxSuite } from "../support/outbox-suite";
import { createPostgresDatabase } from "../support/postgres";

// The outbox scenarios on PostgreSQL (production path): atomic claims across two clients, leases,
// retries, follow-ups. Needs the local server (tests/support/ensure-postgres.sh).
defineOutboxSuite("postgresql", () => createPostgresDatabase("baton_outbox"));
