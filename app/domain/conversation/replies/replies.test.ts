import { describe, expect, it } from "vitest";
import { LANGUAGES, resolveLanguage } from "../language";
import { orderStatus, type OrderFacts } from "../../orders";
import { formatFor, repliesFor } from ".";

const ORDER: OrderFacts = {
  id: "gid://shopify/Order/1",
  name: "#1042",
  email: "a@example.com",
  createdAt: "2026-02-16T14:03:00Z",
  cancelledAt: null,
  closed: false,
  financialStatus: "PAID",
  fulfillmentStatus: "FULFILLED",
  items: [],
  total: { amount: "74.50", currencyCode: "USD" },
  customer: null,
  fulfillments: [
    {
      status: "SUCCESS",
      displayStatus: "DELIVERED",
      createdAt: "2026-02-18T16:20:00Z",
      inTransitAt: null,
      deliveredAt: "2026-02-20T18:42:00Z",
      estimatedDeliveryAt: null,
      tracking: [{ company: "USPS", number: "9400111899223847563", url: null }],
    },
  ],
};

describe("reply catalogs", () => {
  it("every language has every text (no key left to fall back on English)", () => {
    const keys = Object.keys(repliesFor("en")).sort();
    for (const lang of LANGUAGES) expect(Object.keys(repliesFor(lang)).sort()).toEqual(keys);
  });

  it.each(["es", "fr", "de"] as const)("%s texts differ from the English ones", (lang) => {
    const en = repliesFor("en");
    const t = repliesFor(lang);
    for (const [key, value] of Object.entries(t)) {
      if (typeof value === "string") expect(value, key).not.toBe(en[key as keyof typeof en]);
    }
    expect(t.askEmail("Shop")).not.toBe(en.askEmail("Shop"));
  });

  it.each([
    ["en", "Order #1042 was delivered on Feb 20, 2026."],
    ["es", "El pedido #1042 se entregó el 20 feb 2026."],
    ["fr", "La commande #1042 a été livrée le 20 févr. 2026."],
    ["de", "Die Bestellung #1042 wurde am 20. Feb. 2026 zugestellt."],
  ] as const)("%s: a delivered order with the date in the shopper's conventions", (lang, start) => {
    const text = repliesFor(lang).orderStatus(orderStatus(ORDER, Date.parse("2026-03-01T00:00:00Z")), formatFor(lang), null);
    expect(text.startsWith(start)).toBe(true);
    expect(text).toContain("9400111899223847563");
    // Beside the order card: the date only (the card shows the tracking number and link).
    expect(repliesFor(lang).orderStatus(orderStatus(ORDER, Date.parse("2026-03-01T00:00:00Z")), formatFor(lang), null, true)).toBe(start);
  });

  it("German speaks to the shopper as “Sie”, as the widget does", () => {
    const de = repliesFor("de");
    const f = formatFor("de");
    const contact = { shopName: "Shop", email: "a@b.de", phone: null, url: null };
    const texts = [
      ...Object.values(de).filter((v): v is string => typeof v === "string"),
      de.askOrderEmail("#1"),
      de.orderNotMatched("#1"),
      de.orderNotMatchedAgain("#1"),
      de.olderOrders([{ name: "#1", status: "delivered", placedAt: "2026-02-01T00:00:00Z" }], f),
      de.contact(contact, null),
      de.askEmail("Shop"),
      de.declined(de.contactLine(contact)),
      de.cannotForward("x"),
      de.forwarded("a@b.de"),
      de.alreadyWithTeam(null),
      de.addedToCase(null),
      de.askWhatAbout(null),
      de.goodbyeWithTeam(null),
      de.botAnswer("Shop"),
    ];
    for (const text of texts) expect(text, text).not.toMatch(/\b(?:du|dich|dir|dein\w*|kannst|möchtest|bist|hast|nenn|sag|tippe|schick)\b/i);
  });

  it("formats are built once per language (Intl objects are costly)", () => {
    expect(formatFor("fr")).toBe(formatFor("fr"));
    expect(formatFor("fr").money({ amount: "5", currencyCode: "EUR" })).toBe(formatFor("fr").money({ amount: "5", currencyCode: "EUR" }));
  });

  it("money in the shopper's conventions", () => {
    expect(formatFor("en").money({ amount: "149.0", currencyCode: "USD" })).toBe("$149.00");
    expect(formatFor("de").money({ amount: "149.0", currencyCode: "EUR" }).replace(/\s/g, " ")).toBe("149,00 €");
    expect(formatFor("en").money({ amount: "x", currencyCode: "usd" })).toBe("x usd");
  });
});

describe("resolveLanguage", () => {
  it.each([
    ["es", "es"],
    ["fr-CA", "fr"],
    ["de_AT", "de"],
    ["EN-gb", "en"],
    ["pt-BR", "en"],
    ["", "en"],
    [undefined, "en"],
  ] as const)("%s → %s", (locale, lang) => {
    expect(resolveLanguage(locale)).toBe(lang);
  });
});
