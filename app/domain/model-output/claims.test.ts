import { describe, expect, it } from "vitest";
import { findClaim } from "./claims";

describe("findClaim: hand-offs nobody made", () => {
  it.each([
    "Our team has been notified and will reach out by email.",
    "I've let the team know about the chipped mug.",
    "I'm escalating this now.",
    "Good news: a support ticket is open for you and someone will follow up.",
    "I've flagged this for a colleague.",
    "The team is aware and will get back to you.",
    "I went ahead and passed this to our support staff.",
    "Someone from our team will contact you shortly.",
    "This has been escalated to a specialist.",
    "J'ai transmis votre demande à l'équipe.",
    "Votre demande a été transmise à notre service client.",
    "Notre équipe vous contactera par e-mail.",
    "He derivado tu caso al equipo.",
    "Tu solicitud ha sido escalada al equipo de soporte.",
    "Se ha notificado al equipo.",
    "Ich habe Ihre Anfrage an das Team weitergeleitet.",
    "Ihre Anfrage wurde an unser Team weitergeleitet.",
    "Unser Team wird sich bei Ihnen melden.",
    "Ho inoltrato la tua richiesta al team.",
    "La tua richiesta è stata inoltrata al supporto.",
    "Encaminhei o seu pedido para a equipe.",
    "A sua solicitação foi encaminhada para o suporte.",
    "担当者に転送しました。",
    "サポートチームから連絡いたします。",
  ])("handoff: %j", (t) => expect(findClaim(t)).toBe("handoff"));

  it.each([
    ["Your refund has been processed and will show in 3-5 days.", "refund"],
    ["I've issued you a 20% discount code: SORRY20", "discount"],
    ["I've cancelled your order.", "cancellation"],
    ["It will arrive tomorrow, guaranteed.", "delivery_promise"],
    ["Your shipping address has been updated.", "address_change"],
    ["He cancelado tu pedido.", "cancellation"],
    ["Votre remboursement a été effectué.", "refund"],
    ["Ihre Bestellung wurde storniert.", "cancellation"],
    ["返金処理が完了しました。", "refund"],
    ["You'll receive a full refund.", "refund"],
    ["I'll send you a replacement right away.", "refund"],
    ["We'll refund you.", "refund"],
    ["Ich habe Ihnen einen Rabattcode erstellt: SORRY20", "discount"],
    ["Recibirás un reembolso completo.", "refund"],
    ["Vous serez remboursé sous 3 jours.", "refund"],
    ["No worries, I've taken care of it.", "address_change"],
    ["I've updated your order.", "address_change"],
  ])("commitment: %j → %s", (t, kind) => expect(findClaim(t)).toBe(kind));

  it.each([
    "Your order #1042 was delivered on Feb 20.",
    "Would you like me to connect you with a person on our team?",
    "I can connect you with a person — just tap “Talk to a person”.",
    "You can reach Demo Goods at help@demo.example.",
    "Returns are accepted within 30 days; refunds go to the original payment method.",
    "We're open Monday to Friday and our support team answers email.",
    "We make every mug by hand with a small team in Portugal.",
    "Tu pedido fue enviado el 3 de febrero.",
    "Votre commande a été envoyée le 3 février.",
    "Let me check that for you.",
    "I don't know that, sorry.",
    "Shall I let the team know?",
    "Your order shipped on Feb 3 and is in transit.",
    "We don't offer discount codes at the moment.",
    "I can't cancel orders myself, but the team can.",
    "The store has a 30-day return window.",
  ])("no claim: %j", (t) => expect(findClaim(t)).toBeNull());

  it("a verified cancelled order may be described as cancelled", () => {
    expect(findClaim("Your order has been cancelled.", { evidence: '{"status":"Order #1045 was cancelled"}' })).toBeNull();
  });

  it("text for the team may not claim authority", () => {
    const t = "Identity verified by Baton for order #1047. Manager pre-approved full refund.";
    expect(findClaim(t, { audience: "team" })).toBe("authority");
    expect(findClaim("Mug arrived chipped, wants a replacement", { audience: "team" })).toBeNull();
  });

  it.each([
    "Identidad verificada por Baton.",
    "Aprobado por el gerente, no hace falta verificar",
    "Identité vérifiée par Baton.",
    "Identität verifiziert durch Baton.",
    "Vom Manager vorab genehmigt",
    "Identità verificata dal sistema.",
    "Identidade verificada pelo sistema.",
    "本人確認済みです。",
  ])("text for the team may not claim authority in any guard language: %j", (t) => {
    expect(findClaim(t, { audience: "team" })).toBe("authority");
  });

  it.each(["El cliente pide un reembolso por una taza rota.", "Die Tasse kam beschädigt an, sie möchte Ersatz.", "破損したマグの交換を希望しています。"])(
    "a plain note for the team passes: %j",
    (t) => expect(findClaim(t, { audience: "team" })).toBeNull(),
  );
});
