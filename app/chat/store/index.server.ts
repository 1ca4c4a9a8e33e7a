import { sqliteConnectionOf, usesSqlite, type Db } from "~/db.server";
import type { ChatStore } from "./chat-store";
import { createPrismaChatStore } from "./prisma-chat-store.server";
import { createSqliteChatStore } from "./sqlite-chat-store.server";

export type { ChatStore, StoredConversation, TurnWrite } from "./chat-store";

const stores = new WeakMap<Db, ChatStore>();

/** The chat store for a client: prepared statements on SQLite, the Prisma client on PostgreSQL. */
export function chatStoreFor(db: Db): ChatStore {
  let store = stores.get(db);
  if (!store) {
    store = usesSqlite(db) ? createSqliteChatStore(() => sqliteConnectionOf(db), createPrismaChatStore(db)) : createPrismaChatStore(db);
    stores.set(db, store);
  }
  return store;
}
