import type { OrderStatusHeadline } from "./status";

/** The languages order labels exist in (the storefront's; the team's email uses English). */
export type StatusLabelLanguage = "en" | "es" | "fr" | "de";

/**
 * An order's status in a few words: the order card's `statusLabel` and the "Status" line of the
 * team's email, so both say what the reply sentence says.
 */
export const ORDER_STATUS_LABELS: Record<StatusLabelLanguage, Record<OrderStatusHeadline, string>> = {
  en: {
    unfulfilled: "Preparing your order",
    partially_fulfilled: "Partly shipped",
    in_transit: "On its way",
    delivered: "Delivered",
    cancelled: "Cancelled",
    cancelled_refunded: "Cancelled and refunded",
    cancelled_partly_refunded: "Cancelled, partly refunded",
    refunded: "Refunded",
  },
  es: {
    unfulfilled: "Preparando tu pedido",
    partially_fulfilled: "Enviado en parte",
    in_transit: "En camino",
    delivered: "Entregado",
    cancelled: "Cancelado",
    cancelled_refunded: "Cancelado y reembolsado",
    cancelled_partly_refunded: "Cancelado, reembolsado en parte",
    refunded: "Reembolsado",
  },
  fr: {
    unfulfilled: "Commande en préparation",
    partially_fulfilled: "Expédiée en partie",
    in_transit: "En route",
    delivered: "Livrée",
    cancelled: "Annulée",
    cancelled_refunded: "Annulée et remboursée",
    cancelled_partly_refunded: "Annulée, remboursée en partie",
    refunded: "Remboursée",
  },
  de: {
    unfulfilled: "Bestellung in Vorbereitung",
    partially_fulfilled: "Teilweise versandt",
    in_transit: "Unterwegs",
    delivered: "Zugestellt",
    cancelled: "Storniert",
    cancelled_refunded: "Storniert und erstattet",
    cancelled_partly_refunded: "Storniert, teilweise erstattet",
    refunded: "Erstattet",
  },
};
