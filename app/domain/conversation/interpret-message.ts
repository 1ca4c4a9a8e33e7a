import { z } from "zod";

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
  greeting: boolean;
  thanks: boolean;
  /** Which store policy the shopper asks about, if any. */
  policyTopic: "shipping" | "refund" | "contact" | null;
  /** Asks where an order is / about its status. */
  asksOrderStatus: boolean;
}

const emailSchema = z.email();
const EMAIL_CANDIDATE = /[^\s<>()[\]{},;:"']+@[^\s<>()[\]{},;:"']+/;
const ORDER_WITH_KEYWORD = /\b(?:order|commande|pedido|bestellung|bestellnummer|n[ºo°]\.?)\s*(?:number|no\.?|nr\.?|#|num[eé]ro)?\s*(?:is|was|:|=)?\s*#?\s*(\d{3,10})\b/i;
const ORDER_HASH = /(?:^|\s)#\s?(\d{3,10})\b/;
const BARE_NUMBER = /^\s*#?(\d{3,10})\s*[.!?]?\s*$/;

const DECLINE = /^(?:no+|nope|nah|non|nein|no,? thanks?|no thank you|nevermind|never mind|no need|not now|don'?t bother|i'?d rather not|rather not|skip|cancel|forget it|no gracias|non merci|nein danke)\b[\s.!]*$/i;
const DECLINE_INLINE = /\b(?:no thanks|no thank you|never ?mind|rather not (?:give|share)|don'?t want to (?:give|share)|prefer not to (?:give|share))\b/i;
const GREETING = /^(?:hi+|hey+|hello+|hiya|howdy|good (?:morning|afternoon|evening)|hola|bonjour|salut|hallo|guten tag|servus)\b[\s!,.]*(?:there|team|baton)?[\s!,.]*$/i;
const THANKS = /^(?:thanks?|thank you|thx|ty|cheers|great,? thanks?|perfect,? thanks?|gracias|merci|danke)\b[\s\S]{0,30}$/i;
const SHIPPING = /\b(?:ship(?:ping|s)?|deliver(?:y|ies)?|how long|international|envío|livraison|versand|lieferung)\b/i;
const REFUND = /\b(?:return(?:s|ing)?|refund(?:s|ed)?|exchange|money back|devoluci[oó]n|reembolso|retour|remboursement|rückgabe|erstattung|umtausch)\b/i;
const CONTACT = /\b(?:phone number|call you|contact (?:details|info|information)|your email|opening hours|business hours)\b/i;
const ORDER_STATUS = /\b(?:where(?:'s| is)? my (?:order|package|parcel)|track(?:ing)?|status|shipped|arriv(?:e|ed|ing)|deliver(?:ed|y)|order)\b/i;

/** Reads order numbers, emails, declines, greetings and policy questions from a shopper message. */
export function interpretMessage(text: string): Interpretation {
  const trimmed = text.trim();
  const candidate = EMAIL_CANDIDATE.exec(trimmed)?.[0]?.replace(/[.!?]+$/, "") ?? null;
  const email = candidate && isValidEmail(candidate) ? candidate.toLowerCase() : null;
  const looksLikeEmailAttempt =
    !email && (Boolean(candidate) || /^\S+\s+at\s+\S+\s*(?:dot|\.)\s*\S+$/i.test(trimmed) || /^[^\s@]+@\s*$/.test(trimmed));
  const textWithoutEmail = candidate ? trimmed.replace(candidate, " ") : trimmed;
  const orderDigits =
    ORDER_WITH_KEYWORD.exec(textWithoutEmail)?.[1] ??
    ORDER_HASH.exec(textWithoutEmail)?.[1] ??
    BARE_NUMBER.exec(textWithoutEmail)?.[1] ??
    null;
  const policyTopic = REFUND.test(trimmed) ? "refund" : SHIPPING.test(trimmed) && !/\bmy\b/i.test(trimmed) ? "shipping" : CONTACT.test(trimmed) ? "contact" : null;
  return {
    orderName: orderDigits ? `#${orderDigits}` : null,
    email,
    invalidEmailAttempt: looksLikeEmailAttempt,
    declines: DECLINE.test(trimmed) || DECLINE_INLINE.test(trimmed),
    greeting: GREETING.test(trimmed),
    thanks: THANKS.test(trimmed),
    policyTopic,
    asksOrderStatus: ORDER_STATUS.test(trimmed) || orderDigits !== null,
  };
}

/** Email validation used for every address a shopper gives (RFC-ish, length-capped). */
export function isValidEmail(value: string): boolean {
  const v = value.trim();
  if (v.length > 254 || /[\r\n]/.test(v)) return false;
  if (!emailSchema.safeParse(v).success) return false;
  const [local = "", domain = ""] = v.split("@");
  return local.length <= 64 && domain.includes(".");
}
