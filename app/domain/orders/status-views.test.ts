import { describe, expect, it } from "vitest";
import { demoOrders } from "~/demo/catalogue";
import { mapAdminOrder } from "~/shopify/admin-api/map-admin-order";
import { LANGUAGES, type Language } from "../conversation/language";
import { formatFor, repliesFor } from "../conversation/replies";
import { orderCardPart } from "../conversation/reply-parts";
import { composeEscalationEmail } from "../email/compose-escalation-email";
import { seedView } from "../email/fixtures";
import { summarizeCase } from "../email/summarize-case";
import type { OrderFacts } from "./facts";
import { describeOrder } from "./describe-order";
import { orderStatus, orderStatusHeadline, type OrderStatusHeadline } from "./status";
import { ORDER_STATUS_LABELS } from "./status-labels";

// One order, one status, three places it is shown: the reply sentence (in the shopper's language),
// the order card (same language) and the team's email (English). Each view is read back into the
// status it states, and all must state the status `orderStatus` decided — for every demo order,
// and for the cancelled variants the demo does not carry.

const NOW = Date.parse("2026-03-01T12:00:00Z");

// What a reply sentence says, per status; exactly one must match.
const SENTENCE: Record<Language, Record<OrderStatusHeadline, RegExp>> = {
  en: {
    unfulfilled: /was placed on .* hasn't shipped yet/,
    partially_fulfilled: /^Part of order/,
    in_transit: /is on its way/,
    delivered: /^Order \S+ was delivered on/,
    cancelled: /was cancelled on .+?\. The payment hasn't been refunded yet/,
    cancelled_refunded: /was cancelled on .+ and refunded/,
    cancelled_partly_refunded: /was cancelled on .+ and partly refunded/,
    refunded: /^Order \S+ was refunded/,
  },
  es: {
    unfulfilled: /se realizó el .* todavía no se ha enviado/,
    partially_fulfilled: /^Parte del pedido/,
    in_transit: /está en camino/,
    delivered: /^El pedido \S+ se entregó el/,
    cancelled: /se canceló el .+?\. El pago aún no se ha reembolsado/,
    cancelled_refunded: /se canceló el .+ y se reembolsó(?! en parte)/,
    cancelled_partly_refunded: /se canceló el .+ y se reembolsó en parte/,
    refunded: /^El pedido \S+ se reembolsó/,
  },
  fr: {
    unfulfilled: /a été passée le .* n’a pas encore été expédiée/,
    partially_fulfilled: /^Une partie de la commande/,
    in_transit: /est en route/,
    delivered: /^La commande \S+ a été livrée le/,
    cancelled: /a été annulée le .+?\. Le paiement n’a pas encore été remboursé/,
    cancelled_refunded: /a été annulée le .+ et remboursée(?! en partie)/,
    cancelled_partly_refunded: /a été annulée le .+ et remboursée en partie/,
    refunded: /^La commande \S+ a été remboursée/,
  },
  de: {
    unfulfilled: /wurde am .+ aufgegeben .* noch nicht versandt/,
    partially_fulfilled: /^Ein Teil der Bestellung/,
    in_transit: /^Die Bestellung \S+ ist unterwegs/,
    delivered: /^Die Bestellung \S+ wurde am \d+\. \S+ \d{4} zugestellt/,
    cancelled: /storniert\. Die Zahlung wurde noch nicht erstattet/,
    cancelled_refunded: /storniert und erstattet/,
    cancelled_partly_refunded: /storniert und teilweise erstattet/,
    refunded: /^Die Bestellung \S+ wurde erstattet/,
  },
};

// #1045 is cancelled and refunded: every view names both, in its language.
const CANCELLED_AND_REFUNDED: Record<Language, RegExp[]> = {
  en: [/cancel/i, /refund/i],
  es: [/cancel/i, /reembols/i],
  fr: [/annul/i, /rembours/i],
  de: [/storn/i, /erstatt/i],
};

function saidBySentence(lang: Language, text: string): OrderStatusHeadline[] {
  return (Object.entries(SENTENCE[lang]) as Array<[OrderStatusHeadline, RegExp]>).filter(([, re]) => re.test(text)).map(([h]) => h);
}

function saidByLabel(lang: Language, label: string): OrderStatusHeadline[] {
  return (Object.entries(ORDER_STATUS_LABELS[lang]) as Array<[OrderStatusHeadline, string]>).filter(([, l]) => l === label).map(([h]) => h);
}

function views(order: OrderFacts, lang: Language) {
  const status = orderStatus(order, NOW);
  const summary = summarizeCase({ transcript: [], reasonText: "", order });
  const email = composeEscalationEmail(seedView({ order, customer: null, summary }));
  return {
    status,
    text: repliesFor(lang).orderStatus(status, formatFor(lang), null),
    card: orderCardPart(order, lang).order,
    emailStatus: /^• Status: (.+)$/m.exec(email.text)?.[1] ?? "",
    emailHtml: email.html,
    summary,
  };
}

const demo = demoOrders(NOW).map(mapAdminOrder);
const order1045 = demo.find((o) => o.name === "#1045")!;
const cases: Array<[string, OrderFacts]> = [
  ...demo.map((o): [string, OrderFacts] => [o.name, o]),
  ["#1045 not refunded yet", { ...order1045, financialStatus: "PAID" }],
  ["#1045 partly refunded", { ...order1045, financialStatus: "PARTIALLY_REFUNDED" }],
  ["#1042 refunded after delivery", { ...demo.find((o) => o.name === "#1042")!, financialStatus: "REFUNDED" }],
];

describe("every view of an order states the one status", () => {
  it("the demo covers the statuses the product promises", () => {
    const statuses = new Set(demo.map((o) => orderStatusHeadline(orderStatus(o, NOW))));
    expect([...statuses].sort()).toEqual(["cancelled_refunded", "delivered", "in_transit", "partially_fulfilled", "unfulfilled"]);
  });

  for (const [name, order] of cases) {
    it.each(LANGUAGES)(`${name}, %s: reply text, order card and team email agree`, (lang) => {
      const v = views(order, lang);
      const headline = orderStatusHeadline(v.status);
      expect(saidBySentence(lang, v.text), v.text).toEqual([headline]);
      expect(v.card.status).toBe(v.status.kind);
      expect(saidByLabel(lang, v.card.statusLabel)).toEqual([headline]);
      // The team reads English whatever the shopper's language.
      expect(saidByLabel("en", v.emailStatus)).toEqual([headline]);
      expect(v.emailHtml).toContain(ORDER_STATUS_LABELS.en[headline]);
      expect(saidBySentence("en", v.summary.replace(/^.*?(?=Order|Part of)/, ""))).toEqual([headline]);
      expect(describeOrder(order)).toBe(v.summary.replace(/^.*?(?=Order|Part of)/, ""));
    });
  }

  it.each(LANGUAGES)("#1045 (cancelled and refunded), %s: the text, the card and the email each say both", (lang) => {
    const v = views(order1045, lang);
    expect(v.card.status).toBe("cancelled");
    for (const re of CANCELLED_AND_REFUNDED[lang]) {
      expect(v.text).toMatch(re);
      expect(v.card.statusLabel).toMatch(re);
    }
    for (const re of CANCELLED_AND_REFUNDED.en) {
      expect(v.emailStatus).toMatch(re);
      expect(v.summary).toMatch(re);
    }
    // The whole order total went back, and the text says how much.
    expect(v.text).toContain(formatFor(lang).money(order1045.total!));
  });
});
