import { randomFillSync } from "node:crypto";
import { conversationBelongsTo } from "~/domain/conversation/conversation-owner";
import { readConversationState } from "~/domain/conversation/conversation-row";
import { readMessage, type TurnInput, type TurnRequest } from "~/domain/conversation/decide-turn";
import { replyLanguage } from "~/domain/conversation/guess-language";
import { readMessageMeta } from "~/domain/conversation/message-meta";
import { readHistory, type HistoryMessage } from "~/domain/conversation/read-history";
import type { ProductFacts } from "~/domain/catalogue";
import type { CustomerFacts, OrderFacts } from "~/domain/orders";
import { usagePeriod } from "~/domain/plans";
import type { ChatDeps, ChatTurnInput } from "./chat-deps";
import { loadShopContext, type ShopContext } from "./shop-context.server";
import { chatStoreFor } from "./store/index.server";
import type { StoredConversation } from "./store/chat-store";

const HISTORY_LIMIT = 40;
const RECENT_ORDERS = 3;

/** Everything one turn reads, read once before the core decides. */
export interface GatheredTurn {
  shop: ShopContext;
  conversationId: string;
  /** The stored conversation (this shopper's), or null: a new one starts. */
  stored: StoredConversation | null;
  input: TurnInput;
}

export class ChatUnavailableError extends Error {
  constructor(readonly shop: string) {
    super(`Chat is not available for ${shop}`);
  }
}

/**
 * The turn's reads, each once: the shop's settings (cached), the conversation with its case and the
 * shop's allowance count (one store read), then — in parallel — the signed customer, the order the
 * message is about, the customer's recent orders, the shop's policies and one catalogue search, as the
 * message needs them.
 */
export async function gatherTurn(deps: ChatDeps, input: ChatTurnInput): Promise<GatheredTurn> {
  const now = deps.now();
  const shop = input.shopContext === undefined ? await loadShopContext(deps.db, input.shop) : input.shopContext;
  if (!shop) throw new ChatUnavailableError(input.shop);
  const read = await chatStoreFor(deps.db).loadTurn(input.shop, input.conversationId ?? null, HISTORY_LIMIT, usagePeriod(now));
  // A conversation a different signed customer had (or a signed one, presented now without one) is not this shopper's.
  const stored = read.conversation && conversationBelongsTo(read.conversation, input.customerId) ? read.conversation : null;
  const state = stored ? readConversationState(stored) : null;
  const request: TurnRequest = { text: input.message ?? "", action: input.action, signedCustomerId: input.customerId };
  const modelAvailable = Boolean(deps.config.llm && shop.assistant.llmEnabled);
  const history = stored ? historyOf(stored) : [];
  const lang = replyLanguage(input.locale, request.text, history);
  const reading = readMessage(state, request, modelAvailable, { lang, previousSaid: readHistory(history).previousSaid });

  const { lookup, policies: policySource, catalogue: catalogueSource } = deps;
  const customerId = input.customerId;
  const productQuery = reading.products;
  const [customer, order, customerOrders, policies, catalogue] = await Promise.all([
    customerId ? attempt(deps, () => lookup.findCustomer(customerId)) : none<CustomerFacts>(),
    reading.lookUpOrder && reading.orderName ? attempt(deps, () => lookup.findOrderByName(reading.orderName!)) : none<OrderFacts>(),
    reading.listCustomerOrders && customerId ? attempt(deps, () => lookup.listCustomerOrders(customerId, RECENT_ORDERS)) : none<OrderFacts[]>(),
    reading.policies ? attempt(deps, () => policySource.listPolicies()) : none<never[]>(),
    productQuery ? attempt(deps, () => catalogueSource.searchProducts(productQuery)) : none<ProductFacts[]>(),
  ]);

  return {
    shop,
    conversationId: stored?.id ?? newConversationId(),
    stored,
    input: {
      state,
      request,
      reading,
      history,
      lang,
      now: now.getTime(),
      shop: {
        domain: shop.domain,
        name: shop.name,
        plan: shop.plan,
        triggers: shop.triggers,
        contact: { shopName: shop.name, email: shop.contact.email, phone: shop.contact.phone, url: shop.contact.url },
        assistant: { name: shop.assistant.name, greeting: shop.assistant.greeting },
        hasRecipient: shop.routing.defaultTo.length > 0 || Boolean(shop.contact.email),
        escalationsThisPeriod: read.escalationsThisPeriod,
      },
      customer: customer.value ?? null,
      order: order.value ?? null,
      lookupFailed: order.failed || customerOrders.failed,
      customerOrders: reading.listCustomerOrders ? (customerOrders.value ?? null) : null,
      policies: policies.value ?? [],
      catalogue: productQuery ? { products: catalogue.value ?? [], failed: catalogue.failed } : null,
      modelAvailable,
      declinedBefore: stored?.caseRef?.status === "abandoned",
    },
  };
}

/** The stored messages (newest first, as the store reads them) as the core's history, oldest first. */
function historyOf(stored: StoredConversation): HistoryMessage[] {
  const history: HistoryMessage[] = [];
  for (let n = stored.messages.length - 1; n >= 0; n--) {
    const m = stored.messages[n]!;
    history.push({ role: m.role === "assistant" ? "assistant" : "shopper", text: m.text, at: m.createdAt.getTime(), meta: readMessageMeta(m.meta) });
  }
  return history;
}

/** 128 random bits, URL-safe: unguessable and never derived from shop or time. */
export function newConversationId(): string {
  // Cut from a pool of random bytes filled 256 ids at a time (a call into the CSPRNG per id cost ~1 % of a turn).
  if (poolAt + 16 > randomPool.length) {
    randomFillSync(randomPool);
    poolAt = 0;
  }
  const id = randomPool.toString("base64url", poolAt, poolAt + 16);
  poolAt += 16;
  return id;
}

const randomPool = Buffer.alloc(16 * 256);
let poolAt = randomPool.length;

type Looked<T> = { value: T | null; failed: boolean };

function none<T>(): Promise<Looked<T>> {
  return Promise.resolve({ value: null, failed: false });
}

// A failed lookup must not fail the chat turn: the engine says lookups are unavailable instead.
async function attempt<T>(deps: ChatDeps, fn: () => Promise<T>): Promise<Looked<T>> {
  try {
    return { value: await fn(), failed: false };
  } catch (error) {
    deps.log.warn({ err: (error as Error).message }, "chat lookup failed");
    return { value: null, failed: true };
  }
}
