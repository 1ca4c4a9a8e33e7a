// Card data a shopper types into the chat is never stored or emailed: a card number keeps only its
// last four digits, a security code next to a card word is replaced. The masks are symbols, so
// they read the same in every language.

/** 13–19 digits, single spaces or dashes allowed between them; card numbers start with 2–6. */
const CARD_RUN = /(?<![\d-])[2-6](?:[ -]?\d){12,18}(?![\d])/g;
const CODE_WORDS = [
  "cvv2?",
  "cvc2?",
  "cvn",
  "csc",
  "cid",
  "security code",
  "card code",
  "verification code",
  "c[oó]digo de seguridad",
  "cryptogramme",
  "code de s[eé]curit[eé]",
  "kartenpr[uü]fnummer",
  "pr[uü]fnummer",
  "sicherheitscode",
  "pr[uü]fziffer",
];
/** A 3–4 digit code shortly after a card-security word (en, es, fr, de). */
const SECURITY_CODE = new RegExp(`\\b(${CODE_WORDS.join("|")})\\b([^\\d\\n]{0,16})(\\d{3,4})(?!\\d)`, "giu");

export const CARD_MASK = "•••• •••• ••••";
export const CODE_MASK = "•••";

/** `text` with Luhn-valid card numbers and card security codes masked. */
export function maskSecrets(text: string): string {
  const cards = text.replace(CARD_RUN, (run) => {
    const digits = run.replace(/\D/g, "");
    return luhnValid(digits) ? `${CARD_MASK} ${digits.slice(-4)}` : run;
  });
  return cards.replace(SECURITY_CODE, (_all, word: string, between: string) => `${word}${between}${CODE_MASK}`);
}

export function luhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
