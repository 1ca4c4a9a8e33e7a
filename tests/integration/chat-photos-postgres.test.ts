import { createPostgresDatabase } from "../support/postgres";
import { defineChatPhotoSuite } from "./chat-photos-suite";

// Photos in the chat on PostgreSQL (bytea, the hand-written migration). Needs the local server (tests/support/ensure-postgres.sh).
defineChatPhotoSuite("postgresql", () => createPostgresDatabase("baton_chat_photos"));
