import { describe, expect, it } from "vitest";
import type { OrderFacts, ShopPolicy } from "../orders";
import { customer, order } from "../../../tests/support/memory-lookup";
import { converse, type HarnessShop } from "./conversation-harness";
import type { Language } from "./language";

// The hand-off rule (hand-off-rule.ts, docs/decisions/0068) and the whole-message rules, as
// conversations through the pure core, in every language the widget speaks.

const NOW = Date.parse("2026-03-01T12:00:00Z");
const EMAIL = "ava@example.com";
const ORDERS: OrderFacts[] = [
  order("#1042"),
  order("#1043", { createdAt: "2026-02-20T10:00:00Z", fulfillmentStatus: "UNFULFILLED", fulfillments: [] }),
  order("#1044", {
    createdAt: "2026-02-26T10:00:00Z",
    fulfillmentStatus: "FULFILLED",
    fulfillments: [
      {
        status: "SUCCESS",
        displayStatus: "IN_TRANSIT",
        createdAt: "2026-02-27T10:00:00Z",
        inTransitAt: "2026-02-27T12:00:00Z",
        deliveredAt: null,
        estimatedDeliveryAt: "2026-03-03T12:00:00Z",
        tracking: [{ company: "UPS", number: "1Z999", url: "https://ups.example/1Z999" }],
      },
    ],
  }),
  order("#1045", { cancelledAt: "2026-02-12T10:00:00Z", financialStatus: "REFUNDED", fulfillmentStatus: "UNFULFILLED", fulfillments: [] }),
];
const POLICIES: ShopPolicy[] = [
  { kind: "shipping", title: "Shipping policy", body: "Orders ship within 2 business days. International shipping takes 7–14 days.", url: null },
  {
    kind: "refund",
    title: "Refund policy",
    body: "Returns are accepted within 30 days of delivery. Refunds go back to the original payment method within 5–10 business days of receiving the return.",
    url: null,
  },
];
const shop = (lang: Language, over: Partial<HarnessShop> = {}): HarnessShop => ({ lang, orders: ORDERS, policies: POLICIES, now: NOW, ...over });

type Phrases = Record<Language, string[]>;

/** The last turn of a conversation, with what it started: a case, an offer, or only an answer. */
function last(lang: Language, messages: Array<string | { button: true }>, over: Partial<HarnessShop> = {}) {
  const turns = converse(shop(lang, over), messages);
  const t = turns.at(-1)!;
  const state = t.decision.state;
  const caseEffect = t.effects.find((e) => e.type === "create_case" || e.type === "record_case_without_email");
  return {
    turns,
    t,
    state,
    handedOver: state.phase === "awaiting_email" || Boolean(caseEffect),
    offered: state.phase === "open" && Boolean(state.pendingEscalation),
    request: (caseEffect && "escalation" in caseEffect ? caseEffect.escalation.request : state.pendingEscalation?.request) ?? null,
    caseEffect,
  };
}

const LANGS: Language[] = ["en", "es", "fr", "de"];
const each = (p: Phrases) => LANGS.map((lang) => [lang, p[lang]] as const);

describe("answer first: facts, policies and questions, not cases", () => {
  it.each(
    each({
      en: ["where's my order #1042?? it's taking ages", EMAIL],
      es: ["¿dónde está mi pedido #1042? tarda muchísimo", EMAIL],
      fr: ["où en est ma commande #1042 ? ça prend une éternité", EMAIL],
      de: ["Wo bleibt meine Bestellung #1042? Das dauert ewig", EMAIL],
    }),
  )("%s: impatience about a delivered order gets its status, not a case", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.handedOver).toBe(false);
    expect(r.t.keys.join("+")).toContain("order_status:#1042");
    expect(r.t.decision.parts?.some((p) => p.type === "order")).toBe(true);
  });

  it.each(
    each({
      en: ["do you ship abroad, how long does it take, and can I return it?"],
      es: ["¿envían al extranjero y aceptan devoluciones?"],
      fr: ["livrez-vous à l'étranger et peut-on faire un retour ?"],
      de: ["Versand ins Ausland und Rückgabe möglich?"],
    }),
  )("%s: a several-part store question gets each policy", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.handedOver).toBe(false);
    expect(r.t.keys).toEqual(expect.arrayContaining(["policy:shipping", "policy:refund"]));
  });

  it.each([
    ["en", "How long does shipping to Madrid take, and can I return it if I don't like it?", ["policy:shipping", "policy:refund"]],
    ["en", "Can I return it if it doesn't fit? And how long is shipping?", ["policy:refund", "policy:shipping"]],
    ["es", "¿Cuánto tarda el envío a Madrid y puedo devolverla si no me gusta?", ["policy:shipping", "policy:refund"]],
    ["fr", "Combien de temps prend la livraison, et puis-je la retourner si elle ne me plaît pas ?", ["policy:shipping", "policy:refund"]],
    ["de", "Wie lange dauert der Versand, und kann ich sie zurückgeben, wenn sie mir nicht gefällt?", ["policy:shipping", "policy:refund"]],
  ] as const)("%s: the policies are answered in the order they were asked (%s)", (lang, message, order) => {
    const r = last(lang, [message]);
    expect(r.t.keys.filter((key) => key.startsWith("policy:"))).toEqual(order);
  });

  it.each(
    each({
      en: ["what's going on with order #1045?", EMAIL],
      es: ["¿qué pasa con mi pedido #1045?", EMAIL],
      fr: ["où en est ma commande #1045 ?", EMAIL],
      de: ["Was ist mit meiner Bestellung #1045?", EMAIL],
    }),
  )("%s: a cancelled order answers its state, without a returns timeline", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.handedOver).toBe(false);
    expect(r.t.keys.join("+")).toContain("order_status:#1045");
    expect(r.t.text).not.toMatch(/return|devoluci|retour|Rücksend/i);
  });

  it.each(each({ en: ["where is my stuff"], es: ["¿dónde están mis cosas? mi pedido no llega"], fr: ["où est mon colis ?"], de: ["Wo ist mein Paket?"] }))(
    "%s: 'where is my stuff' without a number asks for the number",
    (lang, messages) => {
      const r = last(lang, messages);
      expect(r.t.keys).toEqual(["ask_order_number"]);
    },
  );

  it.each(each({ en: ["I want a refund"], es: ["quiero un reembolso"], fr: ["je veux être remboursé"], de: ["Ich will mein Geld zurück"] }))(
    "%s: a bare refund request gets the policy and the offer of a person",
    (lang, messages) => {
      const r = last(lang, messages);
      expect(r.handedOver).toBe(false);
      expect(r.t.keys).toContain("policy:refund");
      expect(r.offered).toBe(true);
      expect(r.request).toBe("refund");
    },
  );

  it.each(
    each({
      en: ["where is order #1044?", EMAIL, "the tracking hasn't moved"],
      es: ["¿dónde está mi pedido #1044?", EMAIL, "el seguimiento no se ha movido"],
      fr: ["où est ma commande #1044 ?", EMAIL, "le suivi ne bouge plus"],
      de: ["Wo ist meine Bestellung #1044?", EMAIL, "Die Sendungsverfolgung bewegt sich nicht"],
    }),
  )("%s: 'the tracking hasn't moved' on an order in transit, on time, gets the facts and an offer", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.handedOver).toBe(false);
    expect(r.t.keys.join("+")).toContain("order_status:#1044");
    expect(r.offered).toBe(true);
    expect(r.request).toBe("stalled_order");
  });

  it.each(
    each({
      en: ["where is order #1043?", EMAIL],
      es: ["¿dónde está mi pedido #1043?", EMAIL],
      fr: ["où est ma commande #1043 ?", EMAIL],
      de: ["Wo ist meine Bestellung #1043?", EMAIL],
    }),
  )("%s: a stalled order is apologized for, with its status and a person offered", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.t.keys.join("+")).toMatch(/^sorry_for_delay\+order_status:#1043/);
    expect(r.offered).toBe(true);
  });

  it.each(
    each({ en: ["am I talking to a bot?"], es: ["¿estoy hablando con un bot?"], fr: ["est-ce que je parle à un robot ?"], de: ["Spreche ich mit einem Bot?"] }),
  )("%s: 'is this a bot?' gets an honest answer", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.t.keys).toEqual(["bot"]);
  });
});

describe("hand over, named after the problem, for what only a person can do", () => {
  it.each(
    each({
      en: ["order #1042 says delivered but I never got it"],
      es: ["mi pedido #1042 dice entregado pero no lo he recibido"],
      fr: ["ma commande #1042 indique livrée mais je n'ai rien reçu"],
      de: ["Bei Bestellung #1042 ist nichts angekommen"],
    }),
  )("%s: a delivered-but-missing parcel", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.handedOver).toBe(true);
    expect(r.request).toBe("missing_parcel");
  });

  it.each(
    each({
      en: ["my parcel still hasn't arrived, order #1042", EMAIL],
      es: ["mi paquete todavía no ha llegado, pedido #1042", EMAIL],
      fr: ["mon colis n'est toujours pas arrivé, commande #1042", EMAIL],
      de: ["Mein Paket ist immer noch nicht angekommen, Bestellung #1042", EMAIL],
    }),
  )("%s: a parcel shown delivered that the shopper says never came is not asked about again", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.offered || r.handedOver).toBe(true);
    expect(r.t.keys.join("+")).not.toContain("delivered_follow_up");
  });

  it.each(
    each({
      en: ["my order #1042 arrived broken"],
      es: ["mi pedido #1042 llegó roto"],
      fr: ["ma commande #1042 est arrivée cassée"],
      de: ["Meine Bestellung #1042 kam kaputt an"],
    }),
  )("%s: damage", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.handedOver).toBe(true);
    expect(r.request).toBe("damaged_item");
    expect(r.t.keys[0]).toMatch(/^empathy\+case_line\+ask_email/);
  });

  it.each(
    each({
      en: ["I want to cancel order #1043", "someone@else.example"],
      es: ["quiero cancelar el pedido #1043", "someone@else.example"],
      fr: ["je veux annuler la commande #1043", "someone@else.example"],
      de: ["Ich möchte die Bestellung #1043 stornieren", "someone@else.example"],
    }),
  )("%s: a cancellation whose ownership proof failed still reaches the team, the order mentioned", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.caseEffect).toMatchObject({ type: "create_case", escalation: { request: "cancel_order" }, caseOrder: { order: null, unverifiedName: "#1043" } });
  });

  it.each(
    each({
      en: ["where is order #1043?", EMAIL, "I need to change the delivery address"],
      es: ["¿dónde está mi pedido #1043?", EMAIL, "necesito cambiar la dirección de envío"],
      fr: ["où est ma commande #1043 ?", EMAIL, "je dois changer l'adresse de livraison"],
      de: ["Wo ist meine Bestellung #1043?", EMAIL, "Ich muss die Lieferadresse ändern"],
    }),
  )("%s: an address change after proof goes to the team with the proven order", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.caseEffect).toMatchObject({ type: "create_case", escalation: { request: "change_address" } });
    expect(r.caseEffect && "caseOrder" in r.caseEffect ? r.caseEffect.caseOrder.order?.name : null).toBe("#1043");
  });

  it.each(
    each({
      en: ["can I swap it for a bigger size?"],
      es: ["¿puedo cambiar la talla por una más grande?"],
      fr: ["puis-je échanger contre une autre taille ?"],
      de: ["Kann ich die Größe umtauschen?"],
    }),
  )("%s: a size change is answered from the refund policy, with a person offered for it", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.t.keys).toContain("policy:refund");
    expect(r.offered).toBe(true);
    expect(r.request).toBe("change_item");
  });

  it("a signed-in shopper's 'my last order' is attached to her case", () => {
    const r = last("en", ["my last order arrived damaged"], { signedIn: customer });
    expect(r.caseEffect).toMatchObject({ type: "create_case", escalation: { request: "damaged_item" } });
    expect(r.caseEffect && "caseOrder" in r.caseEffect ? r.caseEffect.caseOrder.order?.name : null).toBe("#1042");
  });
});

describe("leaving: closing phrases end politely in every state", () => {
  it.each(
    each({
      en: ["I want to talk to a person", "never mind, thanks"],
      es: ["quiero hablar con una persona", "olvídalo, gracias"],
      fr: ["je veux parler à une personne", "laissez tomber, merci"],
      de: ["Ich möchte mit einem Menschen sprechen", "nein danke, alles gut"],
    }),
  )("%s: while waiting for an email", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.state.phase).toBe("closed");
    expect(r.t.keys).toEqual(["declined"]);
  });

  it.each(
    each({
      en: ["where is order #1042?", EMAIL, "no thanks, I'll sort it out with the carrier"],
      es: ["¿dónde está mi pedido #1042?", EMAIL, "no gracias, lo arreglo con la empresa de transporte"],
      fr: ["où est ma commande #1042 ?", EMAIL, "non merci, je vais voir avec le transporteur"],
      de: ["Wo ist meine Bestellung #1042?", EMAIL, "nein danke, ich kläre das mit dem Paketdienst"],
    }),
  )("%s: after an answer", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.t.keys).toEqual(["goodbye"]);
    expect(r.handedOver).toBe(false);
  });

  it.each(
    each({
      en: ["talk to a person", "No thanks, type a reply instead"],
      es: ["hablar con una persona", "No, gracias; prefiero escribir una respuesta"],
      fr: ["parler à une personne", "Non merci, écrire une réponse"],
      de: ["Mit einem Menschen sprechen", "Nein danke, lieber eine Antwort schreiben"],
    }),
  )("%s: the widget's own decline under the email field", (lang, messages) => {
    const r = last(lang, messages);
    expect(r.state.phase).toBe("closed");
  });
});

describe("the button, and after the hand-off", () => {
  it.each(
    each({
      en: ["the mug arrived broken"],
      es: ["la taza llegó rota"],
      fr: ["la tasse est arrivée cassée"],
      de: ["Die Tasse kam kaputt an"],
    }),
  )("%s: 'Talk to a person' with nothing said asks what it is about, then shows the line it will send", (lang, messages) => {
    const turns = converse(shop(lang), [{ button: true }, ...messages]);
    expect(turns[0]!.keys).toEqual(["ask_what_about"]);
    const r = last(lang, [{ button: true }, ...messages]);
    expect(r.handedOver).toBe(true);
    expect(r.request).toBe("damaged_item");
    expect(r.t.keys[0]).toContain("case_line");
  });

  it.each(
    each({
      en: ["what's your return policy?", "also the box was wet"],
      es: ["¿cuál es vuestra política de devoluciones?", "además la caja estaba mojada"],
      fr: ["quelle est votre politique de retour ?", "et la boîte était mouillée"],
      de: ["Wie sind Ihre Rückgaberegeln?", "außerdem war der Karton nass"],
    }),
  )("%s: a store question after the hand-off is answered and kept out of the case; news about it is added", (lang, [question, news]) => {
    const signed = { signedIn: customer };
    const turns = converse(shop(lang, signed), ["my order #1042 arrived broken", question!, news!]);
    expect(turns[0]!.effects[0]).toMatchObject({ type: "create_case", escalation: { request: "damaged_item" } });
    expect(turns[1]!.keys).toEqual(["policy:refund"]);
    expect(turns[1]!.effects).toEqual([]);
    expect(turns[2]!.effects).toEqual([{ type: "queue_follow_up" }]);
  });
});

describe("replies that read well", () => {
  it.each(
    each({
      en: ["where is order #1044?", EMAIL, "and when will it arrive?"],
      es: ["¿dónde está mi pedido #1044?", EMAIL, "¿y cuándo llega?"],
      fr: ["où est ma commande #1044 ?", EMAIL, "et quand arrivera-t-elle ?"],
      de: ["Wo ist meine Bestellung #1044?", EMAIL, "und wann kommt sie?"],
    }),
  )("%s: the status asked again is told in full, without a second card or 'as I mentioned'", (lang, messages) => {
    const turns = converse(shop(lang), messages);
    const [, first, again] = turns;
    expect(first!.decision.parts?.some((p) => p.type === "order")).toBe(true);
    expect(first!.text).not.toContain("1Z999");
    expect(again!.decision.parts?.some((p) => p.type === "order") ?? false).toBe(false);
    expect(again!.text).toContain("1Z999");
    expect(again!.text).not.toMatch(/As I mentioned|Here it is again|Te lo repito|Je vous le redonne|Hier noch einmal/);
  });

  it.each([
    ["es", /\(La política de la tienda está redactada en inglés\)/],
    ["fr", /\(La politique de la boutique est rédigée en anglais\.\)/],
    ["de", /\(Die Richtlinie des Shops ist auf Englisch verfasst\.\)/],
  ] as const)("%s: an English policy is quoted as written and said to be in English", (lang, note) => {
    const r = last(lang, [
      { es: "¿cuál es la política de devoluciones?", fr: "quelle est votre politique de retour ?", de: "Wie ist die Rückgabe geregelt?" }[lang],
    ]);
    expect(r.t.text).toMatch(note);
  });

  it("an English policy for an English shopper carries no note", () => {
    expect(last("en", ["what's your return policy?"]).t.text).not.toMatch(/written in/);
  });

  it("a press of the button is kept for the team's transcript but marked, so the history shows no bubble never shown live", () => {
    const [turn] = converse(shop("en"), [{ button: true }]);
    expect(turn!.decision.lines[0]).toMatchObject({ role: "shopper", meta: { pressed: true } });
  });
});

describe("the case names the problem, not the mood", () => {
  it.each(
    each({
      en: ["I want to cancel order #1043", "someone@else.example"],
      es: ["quiero cancelar el pedido #1043", "someone@else.example"],
      fr: ["je veux annuler la commande #1043", "someone@else.example"],
      de: ["Ich möchte die Bestellung #1043 stornieren", "someone@else.example"],
    }),
  )("%s: the reason line leads with the request, once", (lang, messages) => {
    const r = last(lang, messages);
    const reason = r.caseEffect && "escalation" in r.caseEffect ? r.caseEffect.escalation.reasonText : "";
    expect(reason.startsWith("Wants to cancel an order")).toBe(true);
    expect(reason.match(/Wants to cancel an order/g)).toHaveLength(1);
  });

  it("the button's case says what the shopper answered, not that the button was pressed", () => {
    const r = last("en", [{ button: true }, "my parcel never arrived, order #1042", "ava@example.com"]);
    expect(r.caseEffect).toMatchObject({ escalation: { request: "missing_parcel" } });
    const reason = r.caseEffect && "escalation" in r.caseEffect ? r.caseEffect.escalation.reasonText : "";
    expect(reason).toMatch(/^Parcel not received/);
    const cancel = last("en", [{ button: true }, "I want to cancel order #1043, I ordered the wrong size", "someone@else.example"]);
    const cancelReason = cancel.caseEffect && "escalation" in cancel.caseEffect ? cancel.caseEffect.escalation.reasonText : "";
    expect(cancelReason).toMatch(/^Wants to cancel an order/);
    // The line was shown with the email question; the case goes without repeating it.
    expect(cancel.turns[1]!.keys[0]).toContain("case_line");
    expect(cancel.t.keys[0]).not.toContain("case_line");
  });
});
