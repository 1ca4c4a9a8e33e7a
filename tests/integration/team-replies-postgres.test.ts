import { createPostgresDatabase } from "../support/postgres";
import { defineTeamReplySuite } from "./team-replies-suite";

// Team replies over real SMTP both ways on PostgreSQL. Needs the local server (tests/support/ensure-postgres.sh).
defineTeamReplySuite("postgresql", () => createPostgresDatabase("baton_team_replies"));
