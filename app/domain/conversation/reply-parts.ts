import type { ProductFacts } from "../catalogue";
import { agelessOrderStatus, isInProgress, ORDER_STATUS_LABELS, orderStatusHeadline, type OrderFacts, type OrderStatusKind } from "../orders";
import { variantStock } from "./product-answer";
import { repliesFor } from "./replies";

/**
 * Structured reply parts: typed pieces an assistant message may carry beside its `text`, so the
 * storefront widget can show an order card or quick-reply buttons instead of a paragraph of data.
 *
 * Contract (README "Storefront chat API"): `messages: [{ role: "assistant", text, parts?: ReplyPart[] }]`.
 * `text` always stays complete on its own (old clients, the history route and the team's email
 * read only `text`); parts repeat or extend it, never replace it. Clients ignore part types they
 * do not know. Labels inside parts are already in the shopper's language.
 */
export type ReplyPart = OrderCardPart | QuickActionsPart | ProductCardPart;

/**
 * The contract's version: 1 had `order` and `actions`; 2 adds `product`. Adding a type raises it
 * (clients skip types they do not know); changing a type's shape is not done.
 */
export const REPLY_PARTS_VERSION = 2;

/** The card's `status`: the one order status's kind (app/domain/orders/status.ts). */
export type OrderStatus = OrderStatusKind;
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

/** A product the reply is about; several parts in a row are a short list. Facts from the catalogue only. */
export interface ProductCardPart {
  type: "product";
  product: {
    title: string;
    /** The product page (http(s) only). */
    url?: string;
    /** https only. */
    image?: { url: string; alt: string };
    /** The lowest variant price (decimal string, ISO 4217), and the highest when variants differ. */
    price: { amount: string; currencyCode: string };
    maxPrice?: { amount: string; currencyCode: string };
    /** Any variant can be bought now. */
    available: boolean;
    /** `available` in words ("3 left", "Sold out"), from the data only. */
    availabilityLabel: string;
    /** Each variant and its availability, only when the shopper asked about them. */
    variants?: Array<{ title: string; available: boolean; label: string }>;
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

/**
 * The order card for a shopper who proved they own the order (callers check ownership): a view of
 * the one order status, so it says what the reply sentence and the team's email say.
 */
export function orderCardPart(order: OrderFacts, locale: string | null | undefined): OrderCardPart {
  const lang = partLocale(locale);
  const s = agelessOrderStatus(order);
  const steps: OrderCardPart["order"]["steps"] = isInProgress(s.kind)
    ? [
        step(lang, "ordered", true, s.placedAt),
        step(lang, "shipped", s.shippedAt !== null, s.shippedAt),
        step(lang, "delivered", s.kind === "delivered", s.kind === "delivered" ? s.deliveredAt : null),
      ]
    : [];
  const tracking =
    s.carrier || s.trackingNumber || s.trackingUrl
      ? clean({ company: s.carrier ?? undefined, number: s.trackingNumber ?? undefined, url: s.trackingUrl ?? undefined })
      : undefined;
  return {
    type: "order",
    order: clean({
      name: s.name,
      placedAt: s.placedAt,
      status: s.kind,
      statusLabel: ORDER_STATUS_LABELS[lang][orderStatusHeadline(s)],
      steps,
      items: order.items.map((i) => ({ title: i.variantTitle ? `${i.title} · ${i.variantTitle}` : i.title, quantity: i.quantity })),
      total: order.total ? { amount: order.total.amount, currencyCode: order.total.currencyCode } : undefined,
      tracking,
      estimatedDeliveryAt: s.kind === "in_transit" || s.kind === "partially_fulfilled" ? (s.estimatedDeliveryAt ?? undefined) : undefined,
    }),
  };
}

function step(lang: PartLocale, key: OrderStepKey, done: boolean, at: string | null | undefined) {
  return clean({ key, label: STEP_LABELS[lang][key], done, at: done && at ? at : undefined });
}

/** Drops undefined fields so the JSON carries only what is known. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const capitalized = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** The product card: a view of the same facts the reply's text states (the one `variantStock`). */
export function productCardPart(p: ProductFacts, showVariants: boolean, locale: string | null | undefined): ProductCardPart {
  const t = repliesFor(partLocale(locale));
  const available = p.variants.some((v) => v.availableForSale);
  const only = p.variants.length === 1 ? p.variants[0]! : null;
  const label = only ? t.stockWord(variantStock(only)) : t.stockWord(available ? { kind: "available" } : { kind: "sold_out" });
  const { min, max } = p.priceRange;
  const withOptions = p.variants.length > 1;
  return {
    type: "product",
    product: clean({
      title: p.title,
      url: p.url && /^https?:\/\//i.test(p.url) ? p.url : undefined,
      image: p.image && /^https:\/\//i.test(p.image.url) ? { url: p.image.url, alt: p.image.alt ?? p.title } : undefined,
      price: { amount: min.amount, currencyCode: min.currencyCode },
      maxPrice: Number(max.amount) > Number(min.amount) ? { amount: max.amount, currencyCode: max.currencyCode } : undefined,
      available,
      availabilityLabel: capitalized(label),
      variants:
        showVariants && withOptions
          ? p.variants.map((v) => ({ title: v.title, available: v.availableForSale, label: capitalized(t.stockWord(variantStock(v))) }))
          : undefined,
    }),
  };
}
