import { describe, expect, it } from "vitest";
import { interpretMessage, requestIn } from "./interpret-message";

describe("interpretMessage — the request the shopper names, in en, es, fr and de", () => {
  it.each([
    ["I need to change the delivery address on my order", "change_address"],
    ["¿Puedo cambiar la dirección de envío?", "change_address"],
    ["Je voudrais modifier l'adresse de livraison", "change_address"],
    ["Kann ich die Lieferadresse noch ändern?", "change_address"],
    ["please cancel my order 1043", "cancel_order"],
    ["quiero cancelar mi pedido", "cancel_order"],
    ["je veux annuler ma commande", "cancel_order"],
    ["Ich möchte meine Bestellung stornieren", "cancel_order"],
    ["can I swap it for a bigger size?", "change_item"],
    ["¿puedo cambiar la talla?", "change_item"],
    ["je voudrais échanger contre une autre taille", "change_item"],
    ["Kann ich die Größe umtauschen?", "change_item"],
    ["I'd like to return the mug", "return_item"],
    ["quiero devolver el producto", "return_item"],
    ["je voudrais retourner cet article", "return_item"],
    ["Ich möchte den Artikel zurückschicken", "return_item"],
    ["I want my money back", "refund"],
    ["quiero un reembolso", "refund"],
    ["je veux être remboursé", "refund"],
    ["Ich will mein Geld zurück", "refund"],
    ["the mug arrived broken", "damaged_item"],
    ["la taza llegó rota", "damaged_item"],
    ["le vase est arrivé cassé", "damaged_item"],
    ["die Tasse kam kaputt an", "damaged_item"],
    ["you sent me the wrong colour", "wrong_item"],
    ["me enviaron la talla equivocada", "wrong_item"],
    ["j'ai reçu le mauvais article", "wrong_item"],
    ["Ich habe den falschen Artikel bekommen", "wrong_item"],
    ["it says delivered but I never got it", "missing_parcel"],
    ["dice entregado pero no lo he recibido", "missing_parcel"],
    ["le suivi indique livré mais je n'ai rien reçu", "missing_parcel"],
    ["Es ist nichts angekommen", "missing_parcel"],
    ["the tracking hasn't moved in a week", "stalled_order"],
    ["el seguimiento no se ha movido", "stalled_order"],
    ["le suivi ne bouge plus depuis lundi", "stalled_order"],
    ["Die Sendungsverfolgung bewegt sich nicht", "stalled_order"],
    ["I was charged twice", "billing"],
    ["I can't log in to my account", "account"],
    ["can I speak to a human", "talk_to_person"],
    ["where is my order", null],
    ["what's your return policy?", null],
    ["was my order cancelled?", null],
    ["sarah@example.com — the mug arrived broken", "damaged_item"],
    // a question about what would happen asks about returns, not about a damaged item (decision 0089)
    ["if the item arrives damaged, can I return it?", "return_item"],
    ["Si el artículo llega dañado, ¿puedo devolverlo?", "return_item"],
    ["Si l'article arrive endommagé, puis-je le retourner ?", "return_item"],
    ["Wenn der Artikel beschädigt ankommt, kann ich ihn zurückschicken?", "return_item"],
    ["the item arrived damaged, can I return it?", "damaged_item"],
  ])("%j → %s", (text, request) => {
    expect(interpretMessage(text).request).toBe(request);
    // The hand-off rule's reading of earlier messages says the same, the first time and remembered.
    expect([requestIn(text), requestIn(text)]).toEqual([request, request]);
  });
});

describe("interpretMessage — closing, thanks and declines in every language", () => {
  it.each([
    "never mind, thanks",
    "that's all I needed",
    "cool, thanks, bye",
    "no thanks, I'll sort it out with the carrier",
    "No thanks, type a reply instead",
    "olvídalo, gracias",
    "eso es todo, adiós",
    "No, gracias; prefiero escribir una respuesta",
    "c'est tout, merci",
    "non merci, au revoir",
    "Non merci, écrire une réponse",
    "nein danke, alles gut",
    "das war's, tschüss",
    "Nein danke, lieber eine Antwort schreiben",
  ])("closes: %j", (text) => {
    expect(interpretMessage(text).closing).toBe(true);
  });
  it.each(["no thanks — what's your return policy?", "where is my order", "thanks, and has #1042 shipped?", "hello", "I want to cancel my order"])(
    "asks more than a goodbye: %j",
    (text) => {
      expect(interpretMessage(text).closing).toBe(false);
    },
  );
});

describe("interpretMessage — several questions, and 'is this a bot?'", () => {
  it.each([
    ["do you ship abroad, how long does it take and can I return it?", ["shipping", "refund"]],
    ["has it shipped? and what's your return policy?", ["refund"]],
    ["¿envían al extranjero? ¿y aceptan devoluciones?", ["shipping", "refund"]],
    ["livraison à l'étranger et retour possible ?", ["shipping", "refund"]],
    ["Wie lange dauert der Versand und wer zahlt die Rücksendung?", ["shipping", "refund"]],
  ])("%j asks %j", (text, topics) => {
    expect(interpretMessage(text).policyTopics).toEqual(topics);
  });
  const botQuestions = ["am I talking to a bot?", "are you a real person?", "¿eres un bot?", "est-ce que je parle à un robot ?", "Bist du ein Bot?"];
  it.each(botQuestions)("bot question: %j", (text) => {
    expect(interpretMessage(text).asksIfBot).toBe(true);
  });
});
