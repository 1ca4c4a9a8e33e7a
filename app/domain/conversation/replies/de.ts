import type { ShopperRequest } from "../../escalation";
import type { Language } from "../language";
import type { ReplyCatalog } from "./types";

const REQUEST_LABELS: Record<ShopperRequest, string> = {
  cancel_order: "Bestellung stornieren",
  change_address: "Lieferadresse ändern",
  change_item: "Artikel umtauschen (Größe oder Farbe)",
  return_item: "Artikel zurückgeben",
  refund: "Erstattung",
  damaged_item: "Artikel beschädigt",
  wrong_item: "Falschen Artikel erhalten",
  missing_parcel: "Paket nicht erhalten",
  stalled_order: "Bestellung kommt nicht voran",
  order_problem: "Problem mit einer Bestellung",
  billing: "Problem mit der Abrechnung",
  account: "Problem mit dem Kundenkonto",
  product_question: "Frage zu einem Produkt",
  complaint: "Beschwerde",
  talk_to_person: "Mit einer Person sprechen",
  other: "Anfrage an das Team",
};

const LANGUAGE_NAMES: Record<Language, string> = { en: "Englisch", es: "Spanisch", fr: "Französisch", de: "Deutsch" };

// With the order card beside the text (brief), the card shows the tracking number and link.
const where = (s: { carrier: string | null; trackingNumber: string | null; trackingUrl: string | null }, brief = false) =>
  `${s.carrier ? ` mit ${s.carrier}` : ""}${s.trackingNumber && !brief ? `, Sendungsnummer ${s.trackingNumber}` : ""}` +
  `${s.trackingUrl && !brief ? ` (Sendungsverfolgung: ${s.trackingUrl})` : ""}`;

/** German. */
export const de: ReplyCatalog = {
  welcomeGreeting: "Hallo! Ich kann den Status Ihrer Bestellung prüfen, Fragen zu Versand und Rückgabe beantworten oder Sie mit unserem Team verbinden.",
  thanks: "Gern geschehen! Kann ich sonst noch helfen?",
  anythingElse: "Kann ich sonst noch helfen?",
  notedEmail: (email) => `Danke, ich habe ${email} notiert. Wobei kann ich helfen? Nennen Sie mir die Bestellnummer, dann prüfe ich den Status.`,
  incompleteEmail: "Diese E-Mail-Adresse scheint unvollständig zu sein. Können Sie sie prüfen (zum Beispiel name@beispiel.de)?",

  askOrderNumber: "Das prüfe ich gern. Wie lautet Ihre Bestellnummer? Sie finden sie in der Bestellbestätigung per E-Mail (zum Beispiel #1042).",
  askOrderEmail: (order) =>
    `Ich kann die Bestellung ${order} für Sie prüfen. Zum Schutz Ihrer Daten: Welche E-Mail-Adresse wurde bei der Bestellung verwendet?`,
  orderNotMatched: (order) =>
    `Ich konnte die Bestellung ${order} nicht mit dieser E-Mail-Adresse zuordnen. Können Sie die Bestellnummer ` +
    `prüfen und die E-Mail-Adresse der Bestellung verwenden? (Bestellungen, die älter als 60 Tage sind, sehe ich ` +
    `hier eventuell nicht – unser Team kann sie prüfen.)`,
  orderNotMatchedAgain: (order) =>
    `Das passt immer noch nicht zur Bestellung ${order}. Wenn Sie nicht sicher sind, welche E-Mail-Adresse ` +
    `verwendet wurde, kann ich Sie mit unserem Team verbinden: Tippen Sie auf „Mit einem Menschen sprechen“.`,
  orderLookupFailed:
    "Ich kann gerade keine Bestellungen abrufen. Versuchen Sie es gleich noch einmal oder tippen Sie auf „Mit einem Menschen " +
    "sprechen“, dann prüft unser Team das für Sie.",
  orderStatus: (s, f, promise, brief = false) => {
    switch (s.kind) {
      case "unfulfilled":
        return (
          `Die Bestellung ${s.name} wurde am ${f.day(s.placedAt)} aufgegeben (vor ` +
          `${s.daysSincePlaced === 1 ? "1 Tag" : `${s.daysSincePlaced} Tagen`}) und ist noch nicht ` +
          `versandt.${promise ? ` Unsere Versandrichtlinie sagt: „${promise}“` : ""}`
        );
      case "partially_fulfilled":
        return (
          `Ein Teil der Bestellung ${s.name} ist unterwegs: Er wurde am ${f.day(s.shippedAt!)} ` +
          `versandt${where(s, brief)}${s.deliveredAt ? ` und am ${f.day(s.deliveredAt)} zugestellt` : ""}. Der Rest der ` +
          `Bestellung ist noch nicht versandt.`
        );
      case "in_transit":
        return (
          `Die Bestellung ${s.name} ist unterwegs: Sie wurde am ${f.day(s.shippedAt!)} ` +
          `versandt${where(s, brief)}.${s.estimatedDeliveryAt ? ` Voraussichtliche Zustellung: ${f.day(s.estimatedDeliveryAt)}.` : ""}`
        );
      case "delivered":
        if (brief) return `Die Bestellung ${s.name} wurde am ${f.day(s.deliveredAt!)} zugestellt.`;
        return `Die Bestellung ${s.name} wurde am ${f.day(s.deliveredAt!)} zugestellt. Sie wurde am ${f.day(s.shippedAt!)} versandt${where(s)}.`;
      case "refunded":
        return (
          `Die Bestellung ${s.name} wurde ` +
          `erstattet${s.refunded ? ` (${f.money(s.refunded)})` : ""}.${promise ? ` Unsere Erstattungsrichtlinie sagt: „${promise}“` : ""}`
        );
      case "cancelled": {
        const refund =
          s.refund === "full"
            ? ` und erstattet${s.refunded ? ` (${f.money(s.refunded)})` : ""}.`
            : s.refund === "partial"
              ? " und teilweise erstattet."
              : ". Die Zahlung wurde noch nicht erstattet.";
        return (
          `Die Bestellung ${s.name} wurde am ${f.day(s.cancelledAt!)} ` +
          `storniert${refund}${promise ? ` Unsere Erstattungsrichtlinie sagt: „${promise}“` : ""}`
        );
      }
    }
  },
  deliveredFollowUp: "Falls sie nicht bei Ihnen angekommen ist, sagen Sie es mir und ich gebe es an unser Team weiter.",
  noOrdersForCustomer:
    "Ich sehe keine aktuellen Bestellungen in Ihrem Konto (ältere als 60 Tage sehe ich hier eventuell nicht). " +
    "Wenn Sie als Gast bestellt haben, nennen Sie mir die Bestellnummer und ich prüfe sie.",
  olderOrders: (others, f) =>
    `Ihre anderen aktuellen Bestellungen: ` +
    `${others.map((o) => `${o.name} (${de.statusWord(o.status)}, ${f.day(o.placedAt)})`).join(", ")}. Sagen Sie mir, ob ` +
    `Sie eine davon meinen.`,
  statusWord: (k) =>
    ({
      unfulfilled: "noch nicht versandt",
      partially_fulfilled: "teilweise versandt",
      in_transit: "unterwegs",
      delivered: "zugestellt",
      cancelled: "storniert",
      refunded: "erstattet",
    })[k],

  policy: (title, excerpt, url) => `Hier ist unsere Richtlinie (${title}): ${excerpt}${url ? ` Vollständige Richtlinie: ${url}` : ""}`,
  noPolicy: (topic) => `Ich habe die ${topic === "refund" ? "Rückgabe- und Erstattungsrichtlinie" : "Versandrichtlinie"} des Shops gerade nicht zur Hand.`,
  contact: (c, hours) =>
    `${de.contactLine(c).replace(/\.$/, hours ? ` ${hours}.` : ".")} Sie können auch auf „Mit einem Menschen ` +
    `sprechen“ tippen, dann gebe ich Ihre Frage an unser Team weiter.`,
  contactLine: (c) => {
    const ways = [c.email, c.phone].filter(Boolean);
    if (ways.length > 0) return `Sie erreichen ${c.shopName} unter ${ways.join(" oder ")}.`;
    if (c.url) return `Sie erreichen ${c.shopName} über ${c.url}.`;
    return `Sie erreichen ${c.shopName} über die Kontaktseite dieses Shops.`;
  },
  productPrice: (title, price) => `${title}: ${price}.`,
  productVariantPrices: (title, prices) => `${title}: ${prices.map((p) => `${p.variant ? `${p.variant} ` : ""}${p.price}`).join(", ")}.`,
  variantAvailability: (entries) => `Verfügbarkeit: ${entries.map((e) => `${e.variant}: ${de.stockWord(e.stock)}`).join(", ")}.`,
  productStock: (stock) => `Der Artikel ist ${de.stockWord(stock)}.`,
  stockWord: (s) => ({ sold_out: "ausverkauft", left: `noch ${s.kind === "left" ? s.count : 0} Stück`, in_stock: "auf Lager", available: "verfügbar" })[s.kind],
  notInColour: (title, values) => `${title} gibt es nur in ${values}.`,
  descriptionSays: (quotes) => `In der Produktbeschreibung steht: „${quotes.join(" ")}“`,
  descriptionSilent: (aspect) => `Die Produktbeschreibung sagt nichts ${{ care: "zur Pflege", size: "zur Größe", material: "zum Material" }[aspect]}.`,
  productLink: (url) => `Produktseite: ${url}`,
  productList: (lines, r) => {
    const range = r.min && r.max ? ` zwischen ${r.min} und ${r.max}` : r.max ? ` bis ${r.max}` : r.min ? ` ab ${r.min}` : "";
    const items = lines.map((l) => `${l.title} (${l.from ? "ab " : ""}${l.price})`).join(", ");
    return r.gift ? `Ein paar Geschenkideen${range}: ${items}.` : `Das haben wir${range}: ${items}.`;
  },
  closestProducts: (lines) => `Am nächsten kommt: ${lines.map((l) => `${l.title} (${l.from ? "ab " : ""}${l.price})`).join(", ")}.`,
  notCarried: "Das habe ich in unserem Katalog nicht gefunden – wir scheinen es nicht zu führen.",
  catalogueUnavailable:
    "Ich kann unsere Produkte gerade nicht abrufen. Bitte gleich noch einmal versuchen oder auf „Mit " +
    "einem Menschen sprechen“ tippen – dann hilft unser Team weiter.",
  changeRequest: (kind) =>
    `Ich kann ${kind === "address" ? "die Lieferadresse einer Bestellung" : "eine Bestellung"} nicht selbst ` +
    `${kind === "address" ? "ändern" : "stornieren"}, aber unser Team kann das, solange sie noch nicht versandt ` +
    `ist. Soll ich Sie mit dem Team verbinden?`,

  miss:
    "Ich bin nicht sicher, ob ich Sie richtig verstanden habe. Ich kann den Status einer Bestellung prüfen " +
    "(schicken Sie mir die Bestellnummer), Fragen zu Versand, Rückgabe und Erstattung beantworten oder Ihnen sagen, wie Sie " +
    "unser Team erreichst.",
  missAgain: "Dabei kann ich leider nicht selbst helfen. Soll ich Sie mit einer Person aus unserem Team verbinden?",

  empathy: "Das tut mir leid.",
  askEmail: (shop) => `Ich verbinde Sie mit unserem Support-Team von ${shop}. An welche E-Mail-Adresse kann das Team antworten?`,
  askEmailAgain: "Um Ihren Fall an unser Team zu geben, brauche ich eine E-Mail-Adresse für die Antwort. Welche soll es sein? (Oder sagen Sie „nein danke“.)",
  invalidEmail:
    "Diese E-Mail-Adresse scheint nicht gültig zu sein. Können Sie sie prüfen? Sie sollte wie name@beispiel.de " +
    "aussehen. (Oder sagen Sie „nein danke“, wenn Sie lieber nicht möchten.)",
  stillNeedEmail: "Wenn Sie so weit sind, nennen Sie mir Ihre E-Mail-Adresse und ich gebe Ihren Fall an unser Team weiter (oder sagen Sie „nein danke“).",
  declined: (contact) => `Kein Problem, ich gebe nichts weiter. ${contact}`,
  cannotForward: (contact) => `Ich würde Sie gern mit unserem Team verbinden, kann Ihren Fall aber gerade nicht aus diesem Chat weiterleiten. ${contact}`,
  forwarded: (email) =>
    `Ich habe Ihren Fall mit diesem Gespräch an unser Support-Team weitergeleitet, Sie müssen also nichts ` +
    `wiederholen. Das Team meldet sich unter ${email}. Sie können hier gern noch etwas ergänzen, ich gebe es ` +
    `weiter.`,
  alreadyWithTeam: (email) =>
    `Ihr Fall liegt schon bei unserem Support-Team – es antwortet an ${email ?? "Ihre E-Mail-Adresse"}. Alles, was Sie hier ergänzen, geht auch an das Team.`,
  addedToCase: (email) => `Danke, ich habe das zu Ihrem Fall hinzugefügt. Unser Team antwortet an ${email ?? "Ihre E-Mail-Adresse"}.`,
  repeatPrefix: "Hier noch einmal:",
  askWhatAbout: (order) =>
    `Gern. Damit unser Team Ihnen ohne Rückfragen helfen kann: Worum geht es? Ein Satz genügt` +
    `${order ? ` (geht es um die Bestellung ${order}?)` : " (und die Bestellnummer, falls es um eine Bestellung geht)"}.`,
  caseLine: (request, order) => `Zusammenfassung für unser Team: „${REQUEST_LABELS[request]}${order ? `, Bestellung ${order}` : ""}“.`,
  goodbye: "Schön, dass ich helfen konnte. Einen schönen Tag noch!",
  goodbyeWithTeam: (email) => `Gern geschehen! Unser Team hat Ihren Fall und antwortet an ${email ?? "Ihre E-Mail-Adresse"}.`,
  botAnswer: (shop) =>
    `Ich bin der automatische Assistent von ${shop}, kein Mensch. Ich kann Bestellungen prüfen und Fragen zum Shop beantworten ` +
    `und Sie jederzeit mit einer Person aus unserem Team verbinden.`,
  sorryForDelay: "Es tut mir leid, dass Ihre Bestellung länger dauert als vorgesehen.",
  policyInShopLanguage: (lang) => `(Die Richtlinie des Shops ist auf ${LANGUAGE_NAMES[lang]} verfasst.)`,
  offerPerson: "Soll ich Sie mit einer Person aus unserem Team verbinden?",
  offerDeclined: "Alles klar. Kann ich sonst noch helfen?",
  modelFallbackOffer: "Wenn Sie möchten, verbinde ich Sie mit einer Person aus unserem Team – tippen Sie einfach auf „Mit einem Menschen sprechen“.",
};
