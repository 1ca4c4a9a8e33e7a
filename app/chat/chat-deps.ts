import type { CatalogueSource } from "~/domain/catalogue";
import type { OrderLookup, PolicySource } from "~/domain/orders";
import type { Db } from "~/db.server";
import type { LlmConfig } from "./model/client.server";

// The chat capability's public surface for the composition root: its configuration and how to read the model's.
export { llmConfigFrom } from "./model/client.server";
import type { CaseAttemptCounter } from "./case-caps.server";
import type { ShopContext } from "./shop-context.server";

/** One storefront chat turn as the routes hand it over (validated by chat-request.server). */
export interface ChatTurnInput {
  shop: string;
  /** The signed `logged_in_customer_id` (never a value the browser chose). */
  customerId: string | null;
  conversationId?: string;
  message?: string;
  action?: "talk_to_human";
  /** The storefront locale (BCP-47) the widget runs in; replies use en, es, fr or de. */
  locale?: string;
  /** Streaming clients: vetted pieces of a model reply as they arrive (see proxy.chat_.stream). */
  onDelta?: (text: string) => void;
  /** The shopper's address key from X-Forwarded-For (app/platform/client-address), null if unusable. */
  clientAddress?: string | null;
  /** The shop's settings when the request already read them (storefront auth); otherwise the turn reads them. */
  shopContext?: ShopContext | null;
  /** Keyed hash of the widget's visit token (chat/visit-proof.server): a proof counts only for its visit. */
  visit?: string | null;
}

/** The configuration a chat turn uses, passed in from the composition root (never read from the environment here). */
export interface ChatConfig {
  /** The model, when a key is configured (a shop may still switch it off). */
  llm: LlmConfig | null;
  followUpBatchMs: number;
  mailFrom: string;
  /** Keys the stored hash of a shopper's address (abuse caps). */
  appSecret: string;
  /** The right-hand side of Message-IDs. */
  messageIdDomain: string;
  adminCaseUrl: (shop: string, caseId: string) => string;
}

/** What the chat's request edge is configured with (client address, rate limits), from the composition root. */
export interface ChatEdgeConfig {
  /** X-Forwarded-For entries appended by proxies we trust (the client address is that many from the right). */
  trustedProxyHops: number;
  /** Where rate-limit counters live (PostgreSQL, the cluster primary, or memory) and the per-minute limits. */
  rateLimitStore: { databaseUrl: string; databaseProvider: "sqlite" | "postgresql"; webConcurrency: number };
  rateLimits: { perIpPerMinute: number; perShopPerMinute: number; perConversationPerMinute: number };
}

/** Structured logging (pino's call shape: fields first, then the message). */
export interface ChatLog {
  warn(fields: object, message: string): void;
}

/** What a chat turn talks to: the database, Shopify (orders, policies, products), the clock and the outbox. */
export interface ChatDeps {
  db: Db;
  /** Orders and customers (the model's order tool uses the same port, with the policies). */
  lookup: OrderLookup & PolicySource;
  policies: PolicySource;
  /** The shop's products (one search per turn that asks about them; the model's search tool reads the same). */
  catalogue: CatalogueSource;
  now: () => Date;
  /** Wake the outbox worker right after a case is committed (handoff in ms, not a poll period). */
  kickOutbox: () => void;
  config: ChatConfig;
  log: ChatLog;
  /** The atomic new-case attempt counter behind the abuse caps (shared across processes). */
  caseAttempts: CaseAttemptCounter;
}
