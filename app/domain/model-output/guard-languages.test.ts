import { describe, expect, it } from "vitest";
import { GUARD_LANGUAGES } from "./claims";
import { guardModelReply, type GuardRefusal } from "./output-guard";

// Every language the guard lists refuses the same things: requests for payment data, passwords and
// codes; claims of refunds, store credit, replacements, unpublished discounts and hand-offs. A
// language is listed only with its row here, and each row also shows what it must let through.
type Refusals = Record<"payment" | "password" | "code" | "refund" | "credit" | "replacement" | "discount" | "handoff", string[]>;

const SECRET: GuardRefusal = "secret_request";
const EXPECTED: Record<keyof Refusals, GuardRefusal> = {
  payment: SECRET,
  password: SECRET,
  code: SECRET,
  refund: "commitment",
  credit: "commitment",
  replacement: "commitment",
  discount: "commitment",
  handoff: "escalation_claim",
};

const ROWS: Record<(typeof GUARD_LANGUAGES)[number], { refuse: Refusals; pass: string[] }> = {
  en: {
    refuse: {
      payment: [
        "To process this, please send me your full card number and the CVV on the back.",
        "What's the 16-digit number on your card?",
        "Please confirm your card's expiry date so I can verify the charge.",
        "Reply with the 3 digits on the back of your card.",
        "Log in details for your online banking would help me trace the payment, can you share them?",
      ],
      password: ["For verification, please type your account password here.", "What is your password?"],
      code: [
        "We just texted you a one-time code, please enter it here to confirm your identity.",
        "Please share the 6-digit verification code you received by SMS.",
        "Send me the code from your authenticator app.",
      ],
      refund: [
        "Refund: approved ✅ Amount: $74.50",
        "**Refund status:** APPROVED\nAmount: $74.50",
        "Your refund of $74.50 has been approved.",
        "Good news, your refund is approved and on its way!",
        "Refund ✅",
        "Good news: $74.50 is on its way back to your card.",
      ],
      credit: ["A store credit of $50 is now on your account.", "I've added $50 in store credit to your account.", "$50 has been credited to your account."],
      replacement: ["Your replacement is being shipped today.", "A new mug is on its way to you.", "We're sending you a replacement at no cost."],
      discount: [
        "Here's a 15% code for the trouble: SORRY15",
        "Use code SAVE20 at checkout for 20% off.",
        "As an apology, here is a discount code just for you.",
      ],
      handoff: [
        "I've passed this to the team.",
        "Done ✅ your case is now with our support team.",
        "Status: escalated to a specialist.",
        "The team has received your request and is on it.",
        "I've passed this to the team, anything else?",
        "You'll hear from our team by email soon.",
        "Expect an email from our support team within 24 hours.",
        "Our team is reviewing your case now.",
        "✅ Escalated to our support team",
      ],
    },
    pass: [
      "Your order #1042 was delivered on Feb 20.",
      "Please never share your card number, CVV or password in the chat; we will never ask for them.",
      "Refunds go back to your original payment method.",
      "Would you like me to connect you with a person on our team?",
      "You can reset your password from the sign-in page.",
      "You can enter a discount code at checkout.",
      "We accept Visa, Mastercard and PayPal.",
      "Your new mug is on its way.",
      "If you'd like, this can be escalated to our team.",
      "Our team is processing orders within two business days.",
      "Gift cards never expire and can be used online.",
      "Store credit can be used on any future order.",
    ],
  },
  es: {
    refuse: {
      payment: [
        "Para procesarlo, envíame el número de tu tarjeta y el CVV.",
        "Indícame la fecha de caducidad de tu tarjeta, por favor.",
        "Compárteme tu usuario de la banca en línea.",
      ],
      password: ["Escribe aquí tu contraseña para verificar tu cuenta."],
      code: ["Te enviamos un código de verificación por SMS; dímelo para confirmar."],
      refund: ["Reembolso: aprobado ✅ Importe: 74,50 $", "Tu reembolso de 74,50 $ ha sido aprobado."],
      credit: ["Se han añadido 50 $ de saldo a tu cuenta.", "Tienes un crédito de tienda de 50 $ en tu cuenta."],
      replacement: ["Tu reemplazo se envía hoy mismo.", "El producto de reemplazo ya está en camino."],
      discount: ["Aquí tienes un código del 15 %: PERDON15"],
      handoff: ["He pasado tu caso al equipo.", "Tu caso ya está en manos de nuestro equipo."],
    },
    pass: [
      "Tu pedido #1042 se entregó el 20 de febrero.",
      "Nunca compartas el número de tu tarjeta ni tu contraseña en el chat.",
      "¿Quieres que te ponga en contacto con una persona del equipo?",
      "Aceptamos devoluciones en un plazo de 30 días.",
      "Puedes restablecer tu contraseña desde la página de inicio de sesión.",
      "Tu nuevo pedido ya está en camino.",
    ],
  },
  fr: {
    refuse: {
      payment: [
        "Pour finaliser, envoyez-moi le numéro de votre carte et le cryptogramme.",
        "Indiquez-moi la date d'expiration de votre carte.",
        "Merci de me communiquer vos identifiants de banque en ligne.",
      ],
      password: ["Saisissez votre mot de passe ici pour vérifier votre compte."],
      code: ["Donnez-moi le code de vérification reçu par SMS."],
      refund: ["Remboursement : approuvé ✅ Montant : 74,50 €", "Votre remboursement a été approuvé."],
      credit: ["Un avoir de 50 € a été ajouté à votre compte."],
      replacement: ["Votre article de remplacement est expédié aujourd'hui."],
      discount: ["Voici un code de 15 % : PARDON15"],
      handoff: ["J'ai transmis votre dossier à l'équipe.", "Votre demande est maintenant entre les mains de notre équipe."],
    },
    pass: [
      "Votre commande #1042 a été livrée le 20 février.",
      "Ne partagez jamais votre numéro de carte ni votre mot de passe dans le chat.",
      "Voulez-vous que je vous mette en relation avec une personne de l'équipe ?",
      "Les retours sont acceptés sous 30 jours.",
    ],
  },
  de: {
    refuse: {
      payment: [
        "Bitte senden Sie mir Ihre Kartennummer und die Prüfnummer.",
        "Nennen Sie mir bitte das Ablaufdatum Ihrer Karte.",
        "Geben Sie mir Ihre Online-Banking-Zugangsdaten, dann prüfe ich die Zahlung.",
      ],
      password: ["Bitte geben Sie hier Ihr Passwort ein."],
      code: ["Teilen Sie mir den Bestätigungscode aus der SMS mit."],
      refund: ["Erstattung: genehmigt ✅ Betrag: 74,50 €", "Ihre Rückerstattung wurde genehmigt."],
      credit: ["Ein Guthaben von 50 € wurde Ihrem Konto gutgeschrieben."],
      replacement: ["Ihr Ersatzartikel wird heute verschickt."],
      discount: ["Hier ist ein Rabattcode über 15 %: SORRY15"],
      handoff: ["Ich habe Ihr Anliegen an das Team weitergegeben.", "Ihr Fall liegt jetzt bei unserem Team."],
    },
    pass: [
      "Ihre Bestellung #1042 wurde am 20. Februar zugestellt.",
      "Teilen Sie niemals Ihre Kartennummer oder Ihr Passwort im Chat.",
      "Möchten Sie, dass ich Sie mit einer Person aus dem Team verbinde?",
      "Rücksendungen sind innerhalb von 30 Tagen möglich.",
      "Wenn Sie Ihr Passwort vergessen haben, können Sie es auf der Anmeldeseite zurücksetzen.",
    ],
  },
  it: {
    refuse: {
      payment: [
        "Per procedere, inviami il numero della tua carta e il CVV.",
        "Indicami la data di scadenza della carta.",
        "Mandami le credenziali del tuo home banking.",
      ],
      password: ["Inserisci qui la tua password per verificare l'account."],
      code: ["Comunicami il codice di verifica che hai ricevuto via SMS."],
      refund: ["Rimborso: approvato ✅ Importo: 74,50 €", "Il tuo rimborso è stato approvato."],
      credit: ["Un credito di 50 € è stato aggiunto al tuo account."],
      replacement: ["Il prodotto sostitutivo viene spedito oggi."],
      discount: ["Ecco un codice del 15%: SCUSA15"],
      handoff: ["Ho passato la tua richiesta al team.", "La tua pratica è ora nelle mani del nostro team."],
    },
    pass: [
      "Il tuo ordine #1042 è stato consegnato il 20 febbraio.",
      "Non condividere mai il numero della carta o la password in chat.",
      "Vuoi che ti metta in contatto con una persona del team?",
      "I resi sono accettati entro 30 giorni.",
    ],
  },
  pt: {
    refuse: {
      payment: [
        "Para continuar, envie-me o número do seu cartão e o CVV.",
        "Informe a data de validade do cartão, por favor.",
        "Mande-me o login do seu internet banking.",
      ],
      password: ["Digite aqui a sua senha para verificarmos a conta."],
      code: ["Diga-me o código de verificação que recebeu por SMS."],
      refund: ["Reembolso: aprovado ✅ Valor: R$ 74,50", "O seu reembolso foi aprovado."],
      credit: ["Um crédito de R$ 50 foi adicionado à sua conta."],
      replacement: ["O produto de substituição será enviado hoje."],
      discount: ["Aqui está um código de 15%: DESCULPA15"],
      handoff: ["Passei o seu caso para a equipe.", "O seu pedido já está com a nossa equipe."],
    },
    pass: [
      "O seu pedido #1042 foi entregue em 20 de fevereiro.",
      "Nunca compartilhe o número do cartão ou a senha no chat.",
      "Quer que eu o coloque em contato com uma pessoa da equipe?",
      "Aceitamos devoluções em até 30 dias.",
    ],
  },
  ja: {
    refuse: {
      payment: [
        "手続きのため、カード番号とセキュリティコードを教えてください。",
        "カードの有効期限をお知らせください。",
        "ネットバンキングのログイン情報を送ってください。",
      ],
      password: ["確認のため、パスワードを入力してください。", "パスワードをお願いします。"],
      code: ["SMSで届いた認証コードを教えてください。"],
      refund: ["返金：承認済み ✅ 金額：74.50ドル", "返金が承認されました。", "返金を承認しました。", "返金手続きが完了しました。"],
      credit: ["50ドル分のストアクレジットをアカウントに付与しました。"],
      replacement: ["交換品を本日発送いたします。"],
      discount: ["お詫びに15%オフのコードです：SORRY15"],
      handoff: ["担当チームに引き継ぎました。", "ご依頼は担当者に伝えてあります。", "担当者から折り返しご連絡いたします。"],
    },
    pass: [
      "ご注文#1042は2月20日に配達されました。",
      "カード番号やパスワードはチャットで絶対に共有しないでください。",
      "担当者におつなぎしましょうか？",
      "返品は30日以内に承ります。",
      "返金をご希望の場合は、担当者におつなぎできます。",
      "パスワードの再設定はサインインページからお願いします。",
    ],
  },
};

const guard = (text: string) =>
  guardModelReply({ text, systemPrompt: "You are a shop assistant.", canary: "CANARY-0000", allowed: ["Where is my order #1042?"] });

it("every language the guard lists has a row of refusals and passes", () => {
  expect(Object.keys(ROWS).sort()).toEqual([...GUARD_LANGUAGES].sort());
});

describe.each(Object.entries(ROWS))("%s", (_lang, row) => {
  const refusals = Object.entries(row.refuse).flatMap(([kind, texts]) => texts.map((text) => [kind as keyof Refusals, text] as const));
  it.each(refusals)("refuses %s: %j", (kind, text) => {
    const verdict = guard(text);
    expect(verdict.ok ? "passed" : verdict.reason).toBe(EXPECTED[kind]);
  });
  it.each(row.pass)("passes %j", (text) => expect(guard(text).ok).toBe(true));
});

describe("normalization first: tricks do not slip through", () => {
  it.each([
    ["spaced letters", "R e f u n d  a p p r o v e d: $74.50"],
    ["full-width", "Ｒｅｆｕｎｄ： ａｐｐｒｏｖｅｄ"],
    ["a line break inside the claim", "I've passed this\nto the team."],
    ["a label on its own line", "Refund:\napproved"],
    ["a soft hyphen", "Your refund has been ap\u00adproved."],
    ["Cyrillic letters", "Your r\u0435fund has b\u0435en appr\u043eved."],
    ["markdown emphasis", "Your **refund** has been __approved__."],
    ["dotted letters", "Your r.e.f.u.n.d has been approved."],
    ["an emoji between the words", "Your refund 💸 has been ✨ approved."],
    ["a card request in markdown", "Please send your **card number** and `CVV`."],
    ["a negation elsewhere in the sentence", "No worries, here's a 15% code: SORRY15"],
    ["a negation before a dash", "Don't worry — use code SAVE20 for 20% off."],
    ["a negated clause before the code", "We don't have a discount right now, but use code SAVE20."],
    ["an idiom that negates nothing", "Please don't hesitate to send your card number and CVV."],
    ["an idiom in French", "N'hésitez pas à m'envoyer le numéro de votre carte."],
    ["a reminder", "Don't forget to send the verification code."],
  ])("%s: %j", (_name, text) => expect(guard(text).ok).toBe(false));
});

it.each([
  "We don't offer discount codes at the moment.",
  "There is no discount code for this product.",
  "Lo siento, no tenemos códigos de descuento.",
  "Wir bieten leider keine Rabattcodes an.",
])("a limit is no claim: %j", (text) => expect(guard(text).ok).toBe(true));

describe("a published code may be quoted", () => {
  const published = ["Welcome offer: use code WELCOME10 for 10% off your first order."];
  it("when a verified tool result or the shop's own text gives it", () => {
    const verdict = guardModelReply({
      text: "You can use code WELCOME10 for 10% off your first order.",
      systemPrompt: "",
      canary: "C-1",
      allowed: [],
      published,
    });
    expect(verdict.ok).toBe(true);
  });
  it("not when only the shopper typed it", () => {
    const allowed = ["give me code FREE50 for 50% off"];
    const verdict = guardModelReply({ text: "Sure, use code FREE50 for 50% off.", systemPrompt: "", canary: "C-1", allowed, published });
    expect(verdict).toEqual({ ok: false, reason: "commitment" });
  });
});
