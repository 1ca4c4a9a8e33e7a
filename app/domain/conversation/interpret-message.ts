import { BoundedMemo } from "../bounded-memo";
import { oneOf } from "../escalation/lexicon/compile";
import { blankEmailTokens, findEmailTokens, isValidEmail } from "../email/address";
import type { ShopperRequest } from "../escalation";
import { asksAboutProducts } from "./product-question";
import { asksIfBot, isClosing, readRequest } from "./shopper-intents";

export { isValidEmail };

/** What the built-in engine reads from one shopper message (no I/O, no model). */
export interface Interpretation {
  /** "#1042" when the shopper names an order ("#1042", "order 1042", "1042" alone). */
  orderName: string | null;
  /** A syntactically valid email address found in the message. */
  email: string | null;
  /** The message looks like an attempt at an email address that is not valid ("sarah@", "sarah at gmail"). */
  invalidEmailAttempt: boolean;
  /** "no thanks", "never mind", "don't bother": declines an offer (e.g. to leave an email). */
  declines: boolean;
  /** "yes", "yes please", "sí", "oui", "ja": accepts an offer (e.g. to reach a person). */
  affirms: boolean;
  greeting: boolean;
  thanks: boolean;
  /** Which store policy the shopper asks about, if any (the first of `policyTopics`). */
  policyTopic: PolicyTopic | null;
  /** Every store policy the message asks about ("do you ship abroad, and can I return it?": shipping and refund). */
  policyTopics: PolicyTopic[];
  /** Asks where an order is / about its status ("track my order", "has it shipped?"). */
  asksOrderStatus: boolean;
  /** Asks about products (price, stock, colours, size, care, material, gifts, "do you sell…"): answered from the catalogue. */
  productQuestion: boolean;
  /** Wants a change only the team can make. */
  changeRequest: "address" | "cancel" | null;
  /** The problem the shopper names (cancel, change the address or a size, return, damage, a missing parcel…), or null. */
  request: ShopperRequest | null;
  /** The shopper is done: a goodbye, "that's all", "never mind", "no thanks, I'll sort it with the carrier" — and nothing else asked. */
  closing: boolean;
  /** "Am I talking to a bot?" */
  asksIfBot: boolean;
}

export type PolicyTopic = "shipping" | "refund" | "contact";

// "order", its typos, and the words for it in the widget's languages, then an optional "number".
const ORDER_WORD = oneOf("order", "oder", "ordr", "ordre", "orden", "commande", "cmd", "pedido", "bestellung", "bestellnummer", "auftrag", "n[ºo°]\\.?");
const ORDER_WITH_KEYWORD = new RegExp(
  "\\b" +
    ORDER_WORD +
    "\\s*" +
    oneOf("number", "num", "no\\.?", "nr\\.?", "#", "num[eé]ro", "n[uú]mero", "nummer") +
    "?\\s*" +
    oneOf("is", "was", "es", "est", "ist", ":", "=") +
    "?\\s*#?\\s*(\\d{3,10})\\b",
  "i",
);
const ORDER_HASH = /(?:^|[\s(])#\s?(\d{3,10})\b/;
const BARE_NUMBER = /^\s*#?(\d{3,10})\s*[.!?]?\s*$/;

const DECLINE = new RegExp(
  "^" +
    oneOf(
      "no+",
      "nope",
      "nah",
      "non",
      "nein",
      "no,? thanks?",
      "no thank you",
      "nevermind",
      "never mind",
      "no need",
      "not now",
      "don'?t bother",
      "i'?d rather not",
      "rather not",
      "skip",
      "cancel",
      "forget it",
      "no,? gracias",
      "non,? merci",
      "nein,? danke",
      "lieber nicht",
      "pas besoin",
      "no hace falta",
    ) +
    "\\b[\\s.!]*$",
  "i",
);
const DECLINE_INLINE = new RegExp(
  "\\b" +
    oneOf(
      "no thanks",
      "no thank you",
      "never ?mind",
      "rather not (?:give|share)",
      "don'?t want to (?:give|share)",
      "prefer not to (?:give|share)",
      "no,? gracias",
      "non,? merci",
      "nein,? danke",
    ) +
    "\\b",
  "i",
);
const AFFIRM = new RegExp(
  "^" +
    oneOf(
      "y(?:es|ea|eah|ep|up)?",
      "sure",
      "ok(?:ay)?",
      "please(?: do)?",
      "yes,? please",
      "go ahead",
      "do it",
      "that would be great",
      "s[ií](?:,? por favor)?",
      "claro",
      "vale",
      "oui(?:,? (?:s'il vous pla[iî]t|merci))?",
      "d'accord",
      "volontiers",
      "ja(?:,? bitte)?",
      "gerne?",
      "bitte",
      "okay",
    ) +
    "\\b[\\s.!,]*" +
    oneOf("please", "thanks", "thank you", "por favor", "merci", "bitte", "danke") +
    "?[\\s.!]*$",
  "i",
);
const GREETING = new RegExp(
  "^" +
    oneOf(
      "hi+",
      "hey+",
      "hello+",
      "hiya",
      "howdy",
      "good (?:morning|afternoon|evening)",
      "hola",
      "buenas(?: tardes| noches)?",
      "buenos d[ií]as",
      "bonjour",
      "bonsoir",
      "salut",
      "hallo",
      "guten (?:tag|morgen|abend)",
      "servus",
      "moin",
    ) +
    "\\b[\\s!,.]*(?:there|team|baton)?[\\s!,.]*$",
  "i",
);
const THANKS = new RegExp(
  "^" + oneOf("thanks?", "thank you", "thx", "ty", "cheers", "great,? thanks?", "perfect,? thanks?", "gracias", "merci", "danke") + "\\b[\\s\\S]{0,30}$",
  "i",
);

// Matched on folded text (lower case, accents removed) so "envío" and "envio" read the same.
const SHIPPING = new RegExp(
  "\\b" +
    oneOf(
      "ship(?:ping|s)?",
      "deliver(?:y|ies)?",
      "how long",
      "international",
      "abroad",
      "envio",
      "envios",
      "envian",
      "extranjero",
      "etranger",
      "ausland",
      "livraison",
      "expedition",
      "versand",
      "lieferung",
      "lieferzeit",
    ) +
    "\\b",
);
const REFUND = new RegExp(
  "\\b" +
    oneOf(
      "return(?:s|ing)?",
      "refund(?:s|ed)?",
      "exchange",
      "money back",
      "devolucion(?:es)?",
      "devolver(?:lo|la|los|las)?",
      "devuelv(?:o|e|en)",
      "reembolso",
      "retour",
      "retourner",
      "rembourse(?:ment)?",
      "ruckgabe\\w*",
      "rucksendung\\w*",
      "erstattung\\w*",
      "umtausch\\w*",
      "zuruck(?:geben|gegeben|schicken|geschickt|senden)",
    ) +
    "\\b",
);
const CONTACT = new RegExp(
  "\\b" +
    oneOf(
      "phone number",
      "telephone",
      "call you",
      "contact (?:you|details|info|information|the store|customer service|support)",
      "how (?:can|do) i (?:contact|reach|get in touch|email|call)",
      "get in touch",
      "your email",
      "email address (?:of|for) (?:the )?(?:store|shop|support)",
      "opening hours",
      "business hours",
      "customer service (?:number|email|hours)",
      "contactar",
      "contacto",
      "telefono",
      "contacter",
      "joindre",
      "horaires",
      "kontakt",
      "erreichen",
      "telefonnummer",
      "offnungszeiten",
    ) +
    "\\b",
);
const MY_THING = oneOf(
  "order",
  "oder",
  "ordr",
  "orden",
  "package",
  "pakage",
  "packge",
  "parcel",
  "stuff",
  "delivery",
  "shipment",
  "item",
  "items",
  "purchase",
  "pedido",
  "paquete",
  "compra",
  "commande",
  "colis",
  "bestellung",
  "paket",
  "sendung",
  "lieferung",
);
const ORDER_STATUS = new RegExp(
  [
    "\\b" + oneOf("where(?:'?s| is| are)?", "were", "wher", "wheres", "whereis") + "\\s+(?:is\\s+)?(?:my|the|our)\\s+" + MY_THING,
    "\\btra" + oneOf("ck", "k", "kc", "ckk") + "(?:ing)?\\b",
    "\\b(?:status|update|eta)\\b.{0,20}\\b" + MY_THING,
    "\\b" + MY_THING + "\\b.{0,20}\\b(?:status|update|eta)\\b",
    "\\b" +
      oneOf("has", "have", "did", "was", "is") +
      "\\s+(?:it|my\\s+" +
      MY_THING +
      "|(?:the\\s+)?" +
      MY_THING +
      ")\\s+(?:been\\s+)?" +
      oneOf("ship(?:ped)?", "sent", "dispatched", "left", "deliver(?:ed)?", "arrive[sd]?"),
    "\\bwhen\\s+" +
      oneOf("will", "does", "do", "is", "should", "can") +
      "\\s+" +
      oneOf("i", "my", "it", "the") +
      "\\b.{0,30}\\b" +
      oneOf("get", "receive", "arrive", "come", "ship", "be delivered", "deliver"),
    "\\b" +
      oneOf("hasn'?t", "has not", "didn'?t", "did not", "still (?:not|hasn'?t|haven'?t)", "not yet") +
      "\\s+(?:\\w+\\s+)?" +
      oneOf("arrived", "come", "shipped", "been shipped", "received", "gotten", "got"),
    "\\bstill waiting\\b",
    "\\b(?:donde|d[oó]nde)\\s+(?:esta|estan)\\s+(?:mi|mis)\\b",
    "\\b(?:seguimiento|rastre(?:ar|o)|estado de mi)\\b",
    "\\bcuando\\s+" + oneOf("llega", "llegara", "recibire", "me llega"),
    "\\bou\\s+(?:est|en est)\\s+(?:ma|mon|mes)\\b",
    "\\b(?:suivre|suivi|etat de ma)\\b",
    "\\bquand\\s+" + oneOf("vais-je", "est-ce que je vais", "vais je", "arrive", "arrivera", "recevrai"),
    "\\bwo\\s+(?:ist|sind|bleibt)\\s+(?:meine?|mein)\\b",
    "\\b" + oneOf("sendungsverfolgung", "verfolgen", "tracking", "status meiner") + "\\b",
    "\\bwann\\s+" + oneOf("kommt", "kommen", "wird", "erhalte", "bekomme"),
  ].join("|"),
);
const ORDER_WORD_ONLY = new RegExp("\\b" + oneOf("my", "mi", "ma", "mon", "meine?") + "\\s+" + MY_THING + "\\b");
const ADDRESS_CHANGE = new RegExp(
  "\\b" +
    oneOf("change", "update", "correct", "fix", "wrong", "edit", "modify") +
    "\\b.{0,30}\\b" +
    oneOf("address", "adress", "adresse", "direccion") +
    "\\b|\\b(?:cambiar|corregir) (?:la |mi )?direccion|\\b(?:changer|modifier) (?:l'|mon )?adresse|\\badresse (?:andern|aendern)",
);
const CANCEL_REQUEST = new RegExp(
  "\\b(?:cancel|cancell?ation of)\\b.{0,20}\\b(?:my|the|this)\\s+(?:order|purchase)|\\b(?:cancelar|anular) (?:mi|el) pedido|\\bannuler (?:ma|la) " +
    "commande|\\b(?:bestellung )?stornieren\\b",
);

/** Lower case without accents, for matching words in any of the widget's languages. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘]/g, "'");
}

/**
 * The text with email addresses taken out: what the shopper *says*, for the detector. Words inside an
 * address ("hate.mail@…") are not the shopper's mood, and two typed addresses are not a repeated question.
 */
export function withoutEmails(text: string): string {
  return blankEmailTokens(text).replace(/\s+/g, " ").trim();
}

/** Every valid email address in a text, lower-cased (the addresses a shopper typed as ownership proofs). */
export function emailsIn(text: string): string[] {
  return findEmailTokens(text)
    .map((e) => e.toLowerCase())
    .filter(isValidEmail);
}

/** Reads order numbers, emails, declines, greetings and store questions from a shopper message. */
/**
 * Only `interpretMessage(text).request`: the hand-off rule reads it for up to six earlier messages
 * on every turn (hand-off-rule.ts, standingRequest). Each text is read once (bounded).
 */
export function requestIn(text: string): ShopperRequest | null {
  return requests.remember(text, () => {
    const trimmed = text.trim();
    const candidate = findEmailTokens(trimmed)[0] ?? null;
    return readRequest(foldText(candidate ? trimmed.replace(candidate, " ") : trimmed));
  });
}

const requests = new BoundedMemo<string, ShopperRequest | null>(1_024);

export function interpretMessage(text: string): Interpretation {
  const trimmed = text.trim();
  const candidate = findEmailTokens(trimmed)[0] ?? null;
  const email = candidate && isValidEmail(candidate) ? candidate.toLowerCase() : null;
  const looksLikeEmailAttempt = !email && (Boolean(candidate) || /^\S+\s+at\s+\S+\s*(?:dot|\.)\s*\S+$/i.test(trimmed) || /^[^\s@]+@\s*$/.test(trimmed));
  const textWithoutEmail = candidate ? trimmed.replace(candidate, " ") : trimmed;
  const orderDigits =
    ORDER_WITH_KEYWORD.exec(textWithoutEmail)?.[1] ?? ORDER_HASH.exec(textWithoutEmail)?.[1] ?? BARE_NUMBER.exec(textWithoutEmail)?.[1] ?? null;
  const folded = foldText(textWithoutEmail);
  const asksOrderStatus = ORDER_STATUS.test(folded);
  const request = readRequest(folded);
  const address = ADDRESS_CHANGE.test(folded) || request === "change_address";
  const changeRequest = address ? "address" : CANCEL_REQUEST.test(folded) || request === "cancel_order" ? "cancel" : null;
  // "my order" questions are about that order, not the general policy ("when will my order ship?").
  const aboutOwnOrder = asksOrderStatus || ORDER_WORD_ONLY.test(folded) || /\bmy\b/.test(folded);
  // In the order the shopper asked them, so the answers read in the same order.
  const policyTopics = (
    [
      ["refund", !changeRequest ? folded.search(REFUND) : -1],
      ["shipping", !aboutOwnOrder && !changeRequest ? folded.search(SHIPPING) : -1],
      ["contact", folded.search(CONTACT)],
    ] as Array<[PolicyTopic, number]>
  )
    .filter(([, at]) => at >= 0)
    .sort((a, b) => a[1] - b[1])
    .map(([topic]) => topic);
  const orderName = orderDigits ? `#${orderDigits}` : null;
  const bot = asksIfBot(folded);
  const productQuestion = !asksOrderStatus && !orderDigits && !changeRequest && !request && !bot && asksAboutProducts(textWithoutEmail);
  // A goodbye that also asks something is a question first ("no thanks — what's your return policy?").
  const asksMore = Boolean(orderName || email || asksOrderStatus || policyTopics.length || productQuestion || bot || (request && request !== "talk_to_person"));
  return {
    orderName,
    email,
    invalidEmailAttempt: looksLikeEmailAttempt,
    declines: DECLINE.test(trimmed) || DECLINE_INLINE.test(trimmed),
    affirms: AFFIRM.test(foldText(trimmed)),
    greeting: GREETING.test(trimmed),
    thanks: THANKS.test(trimmed),
    policyTopic: policyTopics[0] ?? null,
    policyTopics,
    asksOrderStatus: asksOrderStatus || orderDigits !== null,
    productQuestion,
    changeRequest,
    request,
    // A bare "no thanks" declines what was offered; a goodbye ends the conversation.
    closing: !asksMore && !DECLINE.test(trimmed) && isClosing(folded),
    asksIfBot: bot,
  };
}
