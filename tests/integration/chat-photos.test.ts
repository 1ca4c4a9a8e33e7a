import { defineChatPhotoSuite } from "./chat-photos-suite";

// Photos in the chat on SQLite (the suite: chat-photos-suite.ts).
defineChatPhotoSuite("sqlite", async () => ({}));
