import { deliveredAt, type OrderFacts } from "../orders";

/**
 * Structured reply parts: typed pieces an assistant message may carry beside its `text`, so the
 * storefront widget can show an order card or quick-reply buttons instead of a paragraph of data.
 *
 * Contract (README "Storefront chat API"): `messages: [{ role: "assistant", text, parts?: ReplyPart[] }]`.
 * `text` always stays complete on its own (old clients, the history route and the team's email
 * read only `text`); parts repeat or extend it, never replace it. Clients ignore part types they
 * do not know. Labels inside parts are already in the shopper's language.
 */
export type ReplyPart = OrderCardPart | QuickActionsPart;

export type OrderStatus = "unfulfilled" | "partially_fulfilled" | "in_transit" | "delivered" | "cancelled" | "refunded";
export type OrderStepKey = "ordered" | "shipped" | "delivered";

export interface OrderCardPart {
  type: "order";
  order: {
    /** "#1042" */
    name: string;
    /** ISO-8601 */
    placedAt: string;
    status: OrderStatus;
    /** `status` in words for the shopper ("On its way") */
    statusLabel: string;
    /** The progress line ordered → shipped → delivered; empty for cancelled and refunded orders. */
    steps: Array<{ key: OrderStepKey; label: string; done: boolean; at?: string }>;
    items: Array<{ title: string; quantity: number }>;
    /** Decimal string as Shopify sends it, plus ISO 4217 code. */
    total?: { amount: string; currencyCode: string };
    /** `url` is present only when it is http(s). */
    tracking?: { company?: string; number?: string; url?: string };
    /** ISO-8601, only while the order is not delivered yet */
    estimatedDeliveryAt?: string;
  };
}

/** Buttons that send `message` as the shopper's next message, or `action` (the person button's). */
export interface QuickAction {
  label: string;
  message?: string;
  action?: "talk_to_human";
}

export interface QuickActionsPart {
  type: "actions";
  actions: QuickAction[];
}

export type PartLocale = "en" | "es" | "fr" | "de";

/** "es-MX" → "es"; anything we do not translate → "en". */
export function partLocale(locale: string | null | undefined): PartLocale {
  const lang = (locale ?? "").toLowerCase().split(/[-_]/)[0];
  return lang === "es" || lang === "fr" || lang === "de" ? lang : "en";
}

const STATUS_LABELS: Record<PartLocale, Record<OrderStatus, string>> = {
  en: {
    unfulfilled: "Preparing your order",
    partially_fulfilled: "Partly shipped",
    in_transit: "On its way",
    delivered: "Delivered",
    cancelled: "Cancelled",
    refunded: "Refunded",
  },
  es: {
    unfulfilled: "Preparando tu pedido",
    partially_fulfilled: "Enviado en parte",
    in_transit: "En camino",
    delivered: "Entregado",
    cancelled: "Cancelado",
    refunded: "Reembolsado",
  },
  fr: {
    unfulfilled: "Commande en préparation",
    partially_fulfilled: "Expédiée en partie",
    in_transit: "En route",
    delivered: "Livrée",
    cancelled: "Annulée",
    refunded: "Remboursée",
  },
  de: {
    unfulfilled: "Bestellung in Vorbereitung",
    partially_fulfilled: "Teilweise versandt",
    in_transit: "Unterwegs",
    delivered: "Zugestellt",
    cancelled: "Storniert",
    refunded: "Erstattet",
  },
};

const STEP_LABELS: Record<PartLocale, Record<OrderStepKey, string>> = {
  en: { ordered: "Ordered", shipped: "Shipped", delivered: "Delivered" },
  es: { ordered: "Pedido", shipped: "Enviado", delivered: "Entregado" },
  fr: { ordered: "Commandée", shipped: "Expédiée", delivered: "Livrée" },
  de: { ordered: "Bestellt", shipped: "Versandt", delivered: "Zugestellt" },
};

type ActionKey = "track" | "returns" | "shipping" | "talk" | "decline";
export type QuickActionsKind = "welcome" | "after_miss" | "offer_person";

/**
 * Quick-action labels; each one is also the message it sends, so it is worded as a shopper would
 * write it (and reads the same in the transcript the team gets). The widget's empty state shows
 * the same words from its locale files (`chat.qa_*`); a unit test keeps both in step.
 */
export const QUICK_ACTION_LABELS: Record<PartLocale, Record<ActionKey, string>> = {
  en: { track: "Track my order", returns: "Returns and refunds", shipping: "Shipping times", talk: "Talk to a person", decline: "No thanks" },
  es: { track: "Seguir mi pedido", returns: "Devolución y reembolso", shipping: "Plazos de envío", talk: "Hablar con una persona", decline: "No gracias" },
  fr: { track: "Suivre ma commande", returns: "Retour et remboursement", shipping: "Délais de livraison", talk: "Parler à une personne", decline: "Non merci" },
  de: {
    track: "Meine Bestellung verfolgen",
    returns: "Rückgabe und Erstattung",
    shipping: "Versand und Lieferzeiten",
    talk: "Mit einem Menschen sprechen",
    decline: "Nein danke",
  },
};

const ACTION_ORDER: Record<QuickActionsKind, ActionKey[]> = {
  welcome: ["track", "returns", "shipping", "talk"],
  // After the assistant could not help, a person comes first.
  after_miss: ["talk", "track", "returns", "shipping"],
  // "Would you like me to connect you with a person?": yes (the person button's action) or no.
  offer_person: ["talk", "decline"],
};

/**
 * Quick replies for the empty chat (`welcome`), after an answer that did not help (`after_miss`),
 * or as the answers to the assistant's offer of a person (`offer_person`).
 */
export function quickActionsPart(kind: QuickActionsKind, locale: string | null | undefined): QuickActionsPart {
  const labels = QUICK_ACTION_LABELS[partLocale(locale)];
  return {
    type: "actions",
    actions: ACTION_ORDER[kind].map((key) => (key === "talk" ? { label: labels.talk, action: "talk_to_human" } : { label: labels[key], message: labels[key] })),
  };
}

/** Where an order stands, in the card's terms (a cancellation wins over everything else). */
export function orderStatus(order: OrderFacts): OrderStatus {
  if (order.cancelledAt) return "cancelled";
  if (order.financialStatus === "REFUNDED") return "refunded";
  if (order.fulfillmentStatus === "PARTIALLY_FULFILLED") return "partially_fulfilled";
  if (deliveredAt(order)) return "delivered";
  return shipments(order).length ? "in_transit" : "unfulfilled";
}

/** The order card for a shopper who proved they own the order (callers check ownership). */
export function orderCardPart(order: OrderFacts, locale: string | null | undefined): OrderCardPart {
  const lang = partLocale(locale);
  const status = orderStatus(order);
  const shipped = shipments(order);
  const latest = shipped.at(-1);
  const delivered = deliveredAt(order);
  const steps: OrderCardPart["order"]["steps"] =
    status === "cancelled" || status === "refunded"
      ? []
      : [
          step(lang, "ordered", true, order.createdAt),
          step(lang, "shipped", shipped.length > 0, shipped[0]?.createdAt),
          step(lang, "delivered", status === "delivered", status === "delivered" ? delivered : null),
        ];
  const t = latest?.tracking[0];
  const tracking =
    t && (t.company || t.number || t.url)
      ? clean({ company: t.company ?? undefined, number: t.number ?? undefined, url: t.url && /^https?:\/\//i.test(t.url) ? t.url : undefined })
      : undefined;
  return {
    type: "order",
    order: clean({
      name: order.name,
      placedAt: order.createdAt,
      status,
      statusLabel: STATUS_LABELS[lang][status],
      steps,
      items: order.items.map((i) => ({ title: i.variantTitle ? `${i.title} · ${i.variantTitle}` : i.title, quantity: i.quantity })),
      total: order.total ? { amount: order.total.amount, currencyCode: order.total.currencyCode } : undefined,
      tracking,
      estimatedDeliveryAt: status === "in_transit" || status === "partially_fulfilled" ? (latest?.estimatedDeliveryAt ?? undefined) : undefined,
    }),
  };
}

function shipments(order: OrderFacts) {
  return order.fulfillments.filter((f) => f.status === "SUCCESS" || f.displayStatus);
}

function step(lang: PartLocale, key: OrderStepKey, done: boolean, at: string | null | undefined) {
  return clean({ key, label: STEP_LABELS[lang][key], done, at: done && at ? at : undefined });
}

/** Drops undefined fields so the JSON carries only what is known. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
