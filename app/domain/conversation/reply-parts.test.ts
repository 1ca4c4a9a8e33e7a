import { describe, expect, it } from "vitest";
import type { FulfillmentFacts, OrderFacts } from "../orders";
import { interpretMessage } from "./interpret-message";
import { DEMO_FACTS } from "../../../tests/support/memory-catalogue";
import { orderCardPart, partLocale, productCardPart, quickActionsPart } from "./reply-parts";

const USPS = "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847563";

function shipment(over: Partial<FulfillmentFacts> = {}): FulfillmentFacts {
  return {
    status: "SUCCESS",
    displayStatus: "IN_TRANSIT",
    createdAt: "2026-02-18T16:20:00Z",
    inTransitAt: "2026-02-18T21:00:00Z",
    deliveredAt: null,
    estimatedDeliveryAt: "2026-02-22T00:00:00Z",
    tracking: [{ company: "USPS", number: "9400111899223847563", url: USPS }],
    ...over,
  };
}

function order(over: Partial<OrderFacts> = {}): OrderFacts {
  return {
    id: "gid://shopify/Order/1",
    name: "#1042",
    email: "sarah@example.com",
    createdAt: "2026-02-16T14:03:00Z",
    cancelledAt: null,
    closed: false,
    financialStatus: "PAID",
    fulfillmentStatus: "FULFILLED",
    fulfillments: [],
    items: [
      { title: "Merino Wool Throw", variantTitle: "Oat", quantity: 1 },
      { title: "Gift card", variantTitle: null, quantity: 2 },
    ],
    total: { amount: "74.50", currencyCode: "USD" },
    customer: null,
    ...over,
  };
}

const delivered = shipment({ displayStatus: "DELIVERED", deliveredAt: "2026-02-20T18:42:00Z" });

describe("the card's status", () => {
  it.each([
    ["unfulfilled", order({ fulfillmentStatus: "UNFULFILLED" })],
    ["in_transit", order({ fulfillments: [shipment()] })],
    ["delivered", order({ fulfillments: [delivered] })],
    ["partially_fulfilled", order({ fulfillmentStatus: "PARTIALLY_FULFILLED", fulfillments: [delivered] })],
    ["cancelled", order({ cancelledAt: "2026-02-17T00:00:00Z", financialStatus: "REFUNDED" })],
    ["refunded", order({ financialStatus: "REFUNDED", fulfillments: [delivered] })],
  ] as const)("%s", (status, o) => expect(orderCardPart(o, "en").order.status).toBe(status));
});

describe("orderCardPart", () => {
  it("a delivered order: every step done with its date, items with variants, total, tracking", () => {
    expect(orderCardPart(order({ fulfillments: [delivered] }), "en")).toEqual({
      type: "order",
      order: {
        name: "#1042",
        placedAt: "2026-02-16T14:03:00Z",
        status: "delivered",
        statusLabel: "Delivered",
        steps: [
          { key: "ordered", label: "Ordered", done: true, at: "2026-02-16T14:03:00Z" },
          { key: "shipped", label: "Shipped", done: true, at: "2026-02-18T16:20:00Z" },
          { key: "delivered", label: "Delivered", done: true, at: "2026-02-20T18:42:00Z" },
        ],
        items: [
          { title: "Merino Wool Throw · Oat", quantity: 1 },
          { title: "Gift card", quantity: 2 },
        ],
        total: { amount: "74.50", currencyCode: "USD" },
        tracking: { company: "USPS", number: "9400111899223847563", url: USPS },
      },
    });
  });

  it("in transit: the delivery step is open and the estimate is given", () => {
    const card = orderCardPart(order({ fulfillments: [shipment()] }), "es-MX").order;
    expect(card.statusLabel).toBe("En camino");
    expect(card.steps.map((s) => [s.label, s.done, s.at ?? null])).toEqual([
      ["Pedido", true, "2026-02-16T14:03:00Z"],
      ["Enviado", true, "2026-02-18T16:20:00Z"],
      ["Entregado", false, null],
    ]);
    expect(card.estimatedDeliveryAt).toBe("2026-02-22T00:00:00Z");
  });

  it("unfulfilled: only the first step; no tracking, no estimate", () => {
    const card = orderCardPart(order({ fulfillmentStatus: "UNFULFILLED", total: null }), "de").order;
    expect([card.status, card.statusLabel]).toEqual(["unfulfilled", "Bestellung in Vorbereitung"]);
    expect(card.steps.map((s) => s.done)).toEqual([true, false, false]);
    expect(card).not.toHaveProperty("tracking");
    expect(card).not.toHaveProperty("estimatedDeliveryAt");
    expect(card).not.toHaveProperty("total");
  });

  it("cancelled: no progress line; the label says what happened to the payment", () => {
    const card = orderCardPart(order({ cancelledAt: "2026-02-17T00:00:00Z" }), "fr").order;
    expect([card.statusLabel, card.steps]).toEqual(["Annulée", []]);
    const refunded = orderCardPart(order({ cancelledAt: "2026-02-17T00:00:00Z", financialStatus: "REFUNDED" }), "de").order;
    expect([refunded.status, refunded.statusLabel, refunded.steps]).toEqual(["cancelled", "Storniert und erstattet", []]);
  });

  it.each(["javascript:alert(1)", "data:text/html,x", "//evil.example/x", "ftp://x.example"])("drops a tracking url that is not http(s): %s", (url) => {
    const card = orderCardPart(order({ fulfillments: [shipment({ tracking: [{ company: "UPS", number: "1Z", url }] })] }), "en").order;
    expect(card.tracking).toEqual({ company: "UPS", number: "1Z" });
  });

  it("survives a JSON round trip unchanged (it is stored in the message's meta)", () => {
    const card = orderCardPart(order({ fulfillments: [shipment()] }), "en");
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});

describe("quickActionsPart", () => {
  it.each([
    ["en", "welcome", ["Track my order", "Returns and refunds", "Shipping times", "Talk to a person"]],
    ["es", "welcome", ["Seguir mi pedido", "Devolución y reembolso", "Plazos de envío", "Hablar con una persona"]],
    ["fr-CA", "after_miss", ["Parler à une personne", "Suivre ma commande", "Retour et remboursement", "Délais de livraison"]],
    ["de", "after_miss", ["Mit einem Menschen sprechen", "Meine Bestellung verfolgen", "Rückgabe und Erstattung", "Versand und Lieferzeiten"]],
    ["pt-BR", "welcome", ["Track my order", "Returns and refunds", "Shipping times", "Talk to a person"]],
    ["en", "offer_person", ["Talk to a person", "No thanks"]],
    ["es", "offer_person", ["Hablar con una persona", "No gracias"]],
  ] as const)("%s %s", (locale, kind, labels) => {
    const part = quickActionsPart(kind, locale);
    expect(part.actions.map((a) => a.label)).toEqual(labels);
    // The person button is an action, never a typed message; the others send their label.
    for (const a of part.actions) {
      if (a.action) expect(a).toEqual({ label: a.label, action: "talk_to_human" });
      else expect(a).toEqual({ label: a.label, message: a.label });
    }
  });

  it.each(["en", "es", "fr", "de"])("%s: the offer's “no” is read as declining", (lang) => {
    const no = quickActionsPart("offer_person", lang).actions[1]!.message!;
    expect(interpretMessage(no).declines).toBe(true);
  });

  it.each([
    [undefined, "en"],
    ["", "en"],
    ["ES", "es"],
    ["de_AT", "de"],
    ["fr", "fr"],
    ["it", "en"],
  ] as const)("partLocale(%j) = %s", (input, lang) => expect(partLocale(input)).toBe(lang));
});

describe("productCardPart", () => {
  const facts = DEMO_FACTS.find((p) => p.handle === "merino-wool-throw")!;
  const rug = DEMO_FACTS.find((p) => p.handle === "handwoven-wool-rug")!;

  it("is a view of the product's facts in the shopper's language; choices only when asked", () => {
    expect(productCardPart(facts, false, "de")).toEqual({
      type: "product",
      product: {
        title: "Merino Wool Throw",
        url: "https://baton-demo.myshopify.com/products/merino-wool-throw",
        price: { amount: "49.00", currencyCode: "USD" },
        available: true,
        availabilityLabel: "Verfügbar",
      },
    });
    expect(productCardPart(facts, true, "fr").product.variants).toEqual([
      { title: "Oat", available: true, label: "En stock" },
      { title: "Sage", available: true, label: "Plus que 3" },
      { title: "Charcoal", available: false, label: "Épuisé" },
    ]);
  });

  it("a price range when variants differ; no quantity the data does not give", () => {
    const card = productCardPart(rug, true, "en").product;
    expect(card.maxPrice).toEqual({ amount: "1180.00", currencyCode: "USD" });
    expect(card.variants!.map((v) => v.label)).toEqual(["Available", "Available"]);
  });

  it("keeps only http(s) links and https images", () => {
    const odd = { ...facts, url: "javascript:alert(1)", image: { url: "http://cdn.example/x.jpg", alt: null } };
    const card = productCardPart(odd, false, "en").product;
    expect(card.url).toBeUndefined();
    expect(card.image).toBeUndefined();
    expect(productCardPart({ ...facts, image: { url: "https://cdn.example/x.jpg", alt: null } }, false, "en").product.image).toEqual({
      url: "https://cdn.example/x.jpg",
      alt: "Merino Wool Throw",
    });
  });
});
