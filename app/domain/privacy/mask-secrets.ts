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
  "codice di sicurezza",
  "c[oó]digo de seguran[cç]a",
];
// Japanese words have no word boundaries.
const CODE_WORDS_JA = ["セキュリティコード", "セキュリティーコード", "セキュリティ番号"];
/** A 3–4 digit code shortly after a card-security word (en, es, fr, de, it, pt, ja). */
const SECURITY_CODE = new RegExp(`(\\b(?:${CODE_WORDS.join("|")})\\b|${CODE_WORDS_JA.join("|")})([^\\d\\n]{0,16})(\\d{3,4})(?!\\d)`, "giu");

export const CARD_MASK = "•••• •••• ••••";
export const CODE_MASK = "•••";

/**
 * The text with full-width digits, dashes, colons and spaces (what Japanese and Chinese input
 * methods type) as ASCII. Each is one UTF-16 unit either way, so positions match the original.
 */
function asciiView(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0D\uFF1A\u3000]/g, (c) => (c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** `text` with Luhn-valid card numbers and card security codes masked; everything else keeps its form. */
export function maskSecrets(text: string): string {
  const view = asciiView(text);
  // [start, end, replacement] spans, found on the ASCII view and spliced into the original.
  const spans: Array<[number, number, string]> = [];
  for (const m of view.matchAll(CARD_RUN)) {
    const digits = m[0].replace(/\D/g, "");
    if (luhnValid(digits)) spans.push([m.index, m.index + m[0].length, `${CARD_MASK} ${digits.slice(-4)}`]);
  }
  for (const m of view.matchAll(SECURITY_CODE)) {
    const start = m.index + m[1]!.length + m[2]!.length;
    if (!spans.some(([s, e]) => start < e && s < start + m[3]!.length)) spans.push([start, start + m[3]!.length, CODE_MASK]);
  }
  let out = text;
  for (const [start, end, mask] of spans.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + mask + out.slice(end);
  return out;
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
