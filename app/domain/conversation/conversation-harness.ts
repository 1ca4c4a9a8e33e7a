import { defaultEscalationSettings } from "../escalation";
import type { CustomerFacts, OrderFacts, ShopPolicy } from "../orders";
import { findPlan } from "../plans";
import { decideTurn, readMessage, type TurnDecision } from "./decide-turn";
import type { Language } from "./language";
import { readMessageMeta } from "./message-meta";
import type { HistoryMessage } from "./read-history";
import { readHistory } from "./read-history";
import type { ConversationState, Effect } from "./types";

// A whole conversation through the pure core, the way the shell runs it (read → look up → decide →
// store), with orders and policies held in memory. For the core's table tests only: no I/O.

export interface HarnessShop {
  lang: Language;
  orders: OrderFacts[];
  policies: ShopPolicy[];
  /** The signed-in customer, when the shopper is signed in. */
  signedIn?: CustomerFacts;
  now: number;
}

export interface HarnessTurn {
  said: string;
  decision: TurnDecision;
  text: string;
  keys: string[];
  effects: Effect[];
}

export function converse(shop: HarnessShop, messages: Array<string | { button: true }>): HarnessTurn[] {
  let state: ConversationState | null = null;
  const history: HistoryMessage[] = [];
  const turns: HarnessTurn[] = [];
  for (const m of messages) {
    const request = {
      text: typeof m === "string" ? m : "",
      ...(typeof m === "string" ? {} : { action: "talk_to_human" as const }),
      signedCustomerId: shop.signedIn ? shop.signedIn.id.split("/").pop()! : null,
    };
    const reading = readMessage(state, request, false, { lang: shop.lang, previousSaid: readHistory(history).previousSaid });
    const order = reading.lookUpOrder ? (shop.orders.find((o) => o.name === reading.orderName) ?? null) : null;
    const customerOrders = reading.listCustomerOrders ? shop.orders.filter((o) => o.customer?.id === shop.signedIn?.id) : null;
    const decision = decideTurn({
      state,
      request,
      reading,
      history,
      lang: shop.lang,
      now: shop.now,
      shop: {
        domain: "harness.myshopify.com",
        name: "Demo Goods",
        plan: findPlan("growth"),
        triggers: defaultEscalationSettings,
        contact: { shopName: "Demo Goods", email: "help@demo.example", phone: null, url: null },
        assistant: { name: "Baton", greeting: "Hi! How can I help?" },
        hasRecipient: true,
        escalationsThisPeriod: 0,
      },
      customer: shop.signedIn ?? null,
      order,
      lookupFailed: false,
      customerOrders,
      policies: reading.policies ? shop.policies : [],
      catalogue: reading.products ? { products: [], failed: false } : null,
      modelAvailable: false,
      declinedBefore: false,
    });
    state = decision.state;
    for (const line of decision.lines) history.push({ role: line.role, text: line.text, at: shop.now, meta: readMessageMeta(line.meta ?? {}) });
    const keys = decision.lines.flatMap((l) => (l.role === "assistant" ? (readMessageMeta(l.meta ?? {}).said ?? []) : []));
    turns.push({ said: request.text, decision, text: decision.replies.join(" "), keys, effects: decision.effects });
  }
  return turns;
}
