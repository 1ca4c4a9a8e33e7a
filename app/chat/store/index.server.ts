import { postgresPoolOf, sqliteConnectionOf, usesSqlite, type Db } from "~/db.server";
import type { ChatStore } from "./chat-store";
import { createPgChatStore } from "./pg-chat-store.server";
import { createPrismaChatStore } from "./prisma-chat-store.server";
import { createSqliteChatStore } from "./sqlite-chat-store.server";

export type { ChatStore, StoredConversation, TurnWrite } from "./chat-store";

const stores = new WeakMap<Db, ChatStore>();

/** The chat store for a client: prepared statements on SQLite, `pg` on PostgreSQL, the Prisma client when neither driver is reachable. */
export function chatStoreFor(db: Db): ChatStore {
  let store = stores.get(db);
  if (!store) {
    const pool = usesSqlite(db) ? null : postgresPoolOf(db);
    store = usesSqlite(db)
      ? createSqliteChatStore(() => sqliteConnectionOf(db), createPrismaChatStore(db))
      : pool
        ? createPgChatStore(pool)
        : createPrismaChatStore(db);
    stores.set(db, store);
  }
  return store;
}
