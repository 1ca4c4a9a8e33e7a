import { foldText } from "./interpret-message";
import { resolveLanguage, type Language } from "./language";

// Short function words that give a text's language away, one list per language we speak. Words two
// languages share ("de", "la", "die" in English slang) are left out, so one hit already says a lot.
const WORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set(
    "the and is are was my your you i it of to for with have has not what where when how can do does this that please thanks order hi hello".split(" "),
  ),
  es: new Set(
    "el los las es son mi mis tu su que por para con del una pero donde cuando como puedo quiero pedido hola gracias esta estoy tengo envio se ha y".split(" "),
  ),
  fr: new Set(
    "le les est sont mon ma mes vous je et pour avec une des du pas ou quand comment puis veux commande bonjour merci c'est j'ai n'est ai suis".split(" "),
  ),
  de: new Set(
    "der die das ist sind mein meine ich sie und nicht mit fur ein eine wo wann wie kann will bestellung hallo danke habe noch schon bitte wurde".split(" "),
  ),
};

/**
 * The language a text is most likely written in, or null when it gives no clear sign (an order
 * number, an email, "ok"). Used when the storefront sent no `locale`, and to tell whether a shop's
 * policy is written in the shopper's language.
 */
export function guessLanguage(text: string): Language | null {
  // Texts come back on every turn (the reply language walks back through the shopper's earlier
  // messages; a policy's body is guessed on every turn that quotes it): each is read once, bounded.
  const known = memo.get(text);
  if (known !== undefined) return known;
  const guess = guessOnce(text);
  memoChars += text.length;
  memo.set(text, guess);
  for (const oldest of memo.keys()) {
    if (memo.size <= MEMO_MAX && memoChars <= MEMO_MAX_CHARS) break;
    memo.delete(oldest);
    memoChars -= oldest.length;
  }
  return guess;
}

const LANGUAGES = Object.keys(WORDS) as Language[];
// Bounded in entries and in the characters the remembered texts hold (policy bodies can be long).
const MEMO_MAX = 1_024;
const MEMO_MAX_CHARS = 1_000_000;
const memo = new Map<string, Language | null>();
let memoChars = 0;

// The language with the most known words; none when no word is known or two languages tie for the most.
function guessOnce(text: string): Language | null {
  const words = foldText(text).match(/[a-z']+/g);
  if (!words) return null;
  let best: Language | null = null;
  let bestScore = 0;
  let tied = false;
  for (const lang of LANGUAGES) {
    const known = WORDS[lang];
    let score = 0;
    for (const word of words) if (known.has(word)) score++;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
      tied = false;
    } else if (score === bestScore) tied = true;
  }
  return bestScore === 0 || tied ? null : best;
}

/**
 * The reply language: the storefront's `locale` when it sent one; otherwise the language the shopper
 * writes in (this message, else their latest message that says), and English when nothing says.
 */
export function replyLanguage(locale: string | null | undefined, text: string, earlier: ReadonlyArray<{ role: string; text: string }>): Language {
  if (locale?.trim()) return resolveLanguage(locale);
  const now = guessLanguage(text);
  if (now) return now;
  for (let n = earlier.length - 1; n >= 0; n--) {
    const m = earlier[n]!;
    const guess = m.role === "shopper" ? guessLanguage(m.text) : null;
    if (guess) return guess;
  }
  return "en";
}
