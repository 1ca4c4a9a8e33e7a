// Identifiers (emails, order numbers, tracking numbers, encoded blobs) in model text that this
// shopper has no right to see. Everything is normalised before comparison, because a steered model
// disguises data: "9400 1118 9922…", "9 4 0 0…", "nine four zero zero", "sarah at example dot com",
// "Part one: 9400111. Part two: 8992238", short base64.

import { emailsNearAt } from "./emails-near-at";
import { foldText } from "./claims";

const ORDER_NUMBER =
  /(?:#\s?|\b(?:order|commande|pedido|bestellung|ordine|encomenda)\s*(?:number|no\.?|nr\.?|n[º°o]\.?|num[eé]ro|numero|número)?\s*#?\s*)(\d{3,10})\b/giu;
// Tracking and other long identifiers: 8+ characters with at least 6 digits (1Z999AA10123456784).
const LONG_ID = /\b(?=[A-Z0-9]*\d(?:[A-Z0-9]*\d){5})[A-Z0-9]{8,40}\b/giu;
const LONG_TOKEN = /[A-Za-z0-9+/=_-]{28,}/g;
const SHORT_B64 = /(?<![\w+/=@.-])[A-Za-z0-9+/_-]{8,27}={0,2}(?![\w+/=-])/g;

// Digit words of the languages served (single digits only; a run of three or more is a number).
const DIGIT_WORDS: Record<string, string> = {
  zero: "0",
  oh: "0",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  cero: "0",
  uno: "1",
  dos: "2",
  tres: "3",
  cuatro: "4",
  cinco: "5",
  seis: "6",
  siete: "7",
  ocho: "8",
  nueve: "9",
  deux: "2",
  trois: "3",
  quatre: "4",
  cinq: "5",
  sept: "7",
  huit: "8",
  neuf: "9",
  null: "0",
  eins: "1",
  zwei: "2",
  drei: "3",
  vier: "4",
  funf: "5",
  sechs: "6",
  sieben: "7",
  acht: "8",
  neun: "9",
  due: "2",
  tre: "3",
  quattro: "4",
  sei: "6",
  sette: "7",
  otto: "8",
  nove: "9",
  dois: "2",
  quatro: "4",
  sete: "7",
  oito: "8",
};
const DIGIT_WORD = Object.keys(DIGIT_WORDS).join("|");
const DIGIT_WORD_RUN = new RegExp(String.raw`\b(?:${DIGIT_WORD})(?:[\s,-]+(?:${DIGIT_WORD})){2,}\b`, "g");

// Spelled separators: "dot" anywhere, other words only in brackets ("at this point where" is prose).
const DOT_SEPARATOR = /\s*(?:[([{]\s*(?:\.|dot|punto|point|punkt|ponto)\s*[)\]}]|\.|\bdot\b)\s*/u;
// The local part, the "at" (maybe bracketed), then domain labels joined by DOT_SEPARATOR's forms.
// Parts bounded as in an address (64-character local part, 63-character labels): unbounded, a
// 4,000-letter word without spaces (Japanese has none) cost seconds of backtracking.
const OBFUSCATED_EMAIL = new RegExp(
  String.raw`((?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64})\s*([([{]?)\s*(@|\bat\b|\barroba\b)\s*[)\]}]?\s*` +
    String.raw`([\p{L}\p{N}-]{1,63}(?:\s*(?:[([{]\s*(?:\.|dot|punto|point|punkt|ponto)\s*[)\]}]|\.|\bdot\b)\s*[\p{L}\p{N}-]{1,63}){1,10})`,
  "gu",
);

/** Folded text with spelled-out digit runs as digits and "name at shop dot com" as an address. */
export function normalizeIdentifiers(text: string): string {
  return foldText(text)
    .replace(DIGIT_WORD_RUN, (run) =>
      run
        .split(/[\s,-]+/)
        .map((w) => DIGIT_WORDS[w] ?? "")
        .join(""),
    )
    .replace(OBFUSCATED_EMAIL, (whole, local: string, open: string, at: string, domain: string) => {
      const parts = domain.split(DOT_SEPARATOR);
      const tld = parts.at(-1) ?? "";
      // "policy at shop.example/refunds" is prose; a spelled-out dot, a bracketed or real "@" is an address.
      const disguised = at === "@" || Boolean(open) || /\bdot\b|[([{]/.test(domain);
      return disguised && /^\p{L}{2,6}$/u.test(tld) && parts.length >= 2 ? `${local}@${parts.join(".")}` : whole;
    });
}

/** Digit runs with single separators joined ("9400 1118", "9-4-0-0" → one run). */
function digitRuns(text: string): string[] {
  return (
    [...text.matchAll(/\d(?:[ \u00a0\-./]?\d)*/g)]
      // Amounts ("74.50", "1.299.00") and years are not identifiers.
      .filter((m) => !/^\d{1,3}(?:[.,]\d{3})*[.,]\d{2}$/.test(m[0]) && !/^(?:19|20)\d{2}$/.test(m[0]))
      .map((m) => m[0].replace(/\D/g, ""))
  );
}

/** Short alphanumeric chunks that look like pieces of one id ("1Z 999 AA1 0123") joined. */
function joinIdChunks(text: string): string {
  return text.replace(/\b(?:[A-Z]{1,3}\d*|\d[A-Z0-9]{0,5})(?:[ \-.](?:[A-Z]{1,3}\d*|\d[A-Z0-9]{0,5})\b)+/g, (run) => run.replace(/[ \-.]/g, ""));
}

/**
 * Identifiers in the text that appear nowhere in what this shopper may see: another shopper's
 * data (or invented), so the text is refused.
 */
export function foreignIdentifiers(text: string, allowed: readonly string[]): string[] {
  const { corpus, alnumCorpus, digitCorpus } = prepared(allowed.join("\n"));
  const plain = text.normalize("NFKC");
  const normal = normalizeIdentifiers(plain);
  const foreign: string[] = [];
  for (const email of emailsNearAt(normal)) if (!corpus.includes(email)) foreign.push(email);
  for (const m of plain.matchAll(ORDER_NUMBER)) if (!new RegExp(`(?:#|\\D)${m[1]}(?:\\D|$)`).test(` ${corpus} `)) foreign.push(`#${m[1]}`);
  for (const m of joinIdChunks(plain).matchAll(LONG_ID)) if (!alnumCorpus.includes(m[0].toLowerCase())) foreign.push(m[0]);
  // Digit runs: one long unknown run, or unknown pieces that together make one (split across sentences).
  const unknown = digitRuns(normal).filter((d) => d.length >= 5 && !digitCorpus.includes(d));
  const long = unknown.filter((d) => d.length >= 7);
  if (long.length) foreign.push(...long);
  else if (unknown.length >= 2 && unknown.join("").length >= 10) foreign.push(unknown.join(""));
  return foreign;
}

// The guard checks one reply several times (raw and cleaned, each streamed sentence) against the
// same allowed text: normalising it once per distinct text keeps the per-turn cost flat.
let last: { joined: string; corpus: string; alnumCorpus: string; digitCorpus: string } | null = null;
function prepared(joined: string) {
  if (last?.joined !== joined) {
    const corpus = normalizeIdentifiers(joined);
    last = { joined, corpus, alnumCorpus: corpus.replace(/[^a-z0-9]/g, ""), digitCorpus: corpus.replace(/\D/g, "") };
  }
  return last;
}

/** A token not in the allowed text that decodes (base64/hex) to readable text: a smuggling attempt. */
export function hasEncodedPayload(text: string, allowed: readonly string[]): boolean {
  const corpus = allowed.join("\n");
  const candidates = [...text.matchAll(LONG_TOKEN), ...text.matchAll(SHORT_B64)].map((m) => m[0]);
  for (const token of candidates) {
    if (corpus.includes(token) || /^https?/i.test(token) || /^\d+$/.test(token)) continue;
    const short = token.length < 28;
    // Short tokens must look like base64 (mixed case and digits, or padding) to count.
    if (short && !(/=$/.test(token) || (/[a-z]/.test(token) && /[A-Z]/.test(token) && /\d/.test(token)))) continue;
    const decoded = decode(token);
    if (!decoded) continue;
    const printable = decoded.replace(/[^\x20-\x7E]/g, "").length;
    if (decoded.length >= (short ? 5 : 12) && printable / decoded.length > (short ? 0.95 : 0.85)) return true;
  }
  return false;
}

function decode(token: string): string | null {
  try {
    if (/^[0-9a-f]+$/i.test(token) && token.length % 2 === 0) {
      return token.replace(/../g, (h) => String.fromCharCode(parseInt(h, 16)));
    }
    const b64 = token.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
    if (b64.length % 4 === 1) return null;
    return atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  } catch {
    return null;
  }
}
