import { tempSqliteUrl } from "../support/app-server";
import { defineTeamReplySuite } from "./team-replies-suite";

// Team replies over real SMTP both ways on SQLite (the PostgreSQL run: team-replies-postgres.test.ts).
defineTeamReplySuite("sqlite", async () => ({ url: tempSqliteUrl() }));
