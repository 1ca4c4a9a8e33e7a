// Text normalisation shared by every signal. Shoppers write informally (typos, no apostrophes,
// "u", elongated words, ALL CAPS, @mentions, #hashtags, URLs), so signals match a canonical form
// instead of listing every spelling.

import { splitHashtag } from "./hashtag-words";
import { gather, LEXICONS } from "./lexicon";

/** A message prepared once and read by every signal. */
export interface NormalizedText {
  /** original text, trimmed */
  raw: string;
  /** lower-case, accent-free, contractions expanded, punctuation as spaces, padded with one space each side */
  text: string;
  /** `text` split on spaces */
  tokens: string[];
  /** number of "!" in the raw text */
  exclamations: number;
  /** share of letters in upper case among words of 3+ letters (shouting), 0..1 */
  capsRatio: number;
  /** raw text contains "?" */
  question: boolean;
  /** number of @mentions (a message addressed to a company in public, e.g. a tweet) */
  mentions: number;
}

// Contractions and chat shorthand → canonical words (lexicon/<lang>.ts `shorthand`). Negations become
// "not" so one rule covers "don't", "dont", "do not".
// A null prototype: a shopper's word is looked up here, and "constructor" must not find Object's.
const REPLACEMENTS: Record<string, string> = Object.assign(
  Object.create(null) as Record<string, string>,
  ...Object.values(LEXICONS).map((l) => l.shorthand ?? {}),
);

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;
const MENTION_RE = /(^|\s)@\w+/g;
// camelCase hashtags carry words: #CustomerServiceFail → "Customer Service Fail"
const HASHTAG_RE = /#(\w+)/g;
const CAMEL_RE = /([a-z])([A-Z])/g;
const COMBINING_RE = /[\u0300-\u036f]/g;
const APOSTROPHE_RE = /[\u2018\u2019\u02bc`´]/g;
const NON_WORD_RE = /[^a-z0-9'\s]+/g;
const ELONGATED_RE = /([a-z])\1{2,}/g;
const SPACES_RE = /\s+/g;
const NON_ASCII_RE = /[^\x00-\x7f]/;

// Key words whose typos matter ("humna", "agnet", "reprsentative", "refnd"): lexicon/<lang>.ts
// `typoTargets`. Only tokens of 5+ letters are corrected, and real words one edit away
// (`notTypos`, in every language) are left alone.
const TYPO_TARGETS = gather((l) => l.typoTargets);
const TYPO_TARGET_SET = new Set(TYPO_TARGETS);
const REAL_WORDS_NEAR_TARGETS = new Set(gather((l) => l.notTypos));
// per word length, the targets one letter shorter, as long or one longer, in the lexicon's order (the first match
// wins, as when every target was tried): a token is compared with a handful of targets, not all of them
const TARGETS_BY_LENGTH = new Map<number, string[]>();
for (const length of new Set(TYPO_TARGETS.flatMap((t) => [t.length - 1, t.length, t.length + 1])))
  TARGETS_BY_LENGTH.set(
    length,
    TYPO_TARGETS.filter((t) => Math.abs(t.length - length) <= 1),
  );

/**
 * The words of a hashtag: CamelCase splits at its capitals ("#CustomerServiceFail"), one case by word frequency
 * ("#neveragain"). A tag keeps its case ("#FAIL", "#NEVERAGAIN" still count as shouting); only its spaces are new.
 */
function hashtagWords(tag: string): string {
  const camel = tag.replace(CAMEL_RE, "$1 $2");
  if (camel !== tag) return camel;
  const lower = tag.toLowerCase();
  const words = splitHashtag(lower);
  if (words === lower) return tag;
  if (tag === tag.toUpperCase()) return words.toUpperCase();
  return tag[0] === lower[0] ? words : tag[0] + words.slice(1);
}

function fixTypo(word: string): string {
  if (word.length < 5 || TYPO_TARGET_SET.has(word) || REAL_WORDS_NEAR_TARGETS.has(word)) return word;
  for (const target of TARGETS_BY_LENGTH.get(word.length) ?? []) if (isWithinOneEdit(word, target)) return target;
  return word;
}

const CENSORED_RE = /\b(?:f[*#@$%]+(?:c?k|ck)\w*|f[u*][*#@]+k\w*|sh[*#@!1]t\w*|a[*$]{2}\w*|b[*#@]+tch\w*)/g;

function uncensor(word: string): string {
  if (word.startsWith("f")) return "fuck" + word.replace(/^f[^a-z]*u?[^a-z]*c?[^a-z]*k/, "");
  if (word.startsWith("sh")) return "shit" + word.replace(/^sh[^a-z]*t/, "");
  if (word.startsWith("b")) return "bitch" + word.replace(/^b[^a-z]*tch/, "");
  return "ass" + word.replace(/^a[^a-z]{2}/, "");
}

/** Verbs after which "ill" is "I'll" typed without its apostrophe. */
const ILL_AS_I_WILL = new Set(
  (
    "be call wait try check send get have take go see let make give just never definitely probably keep do pay buy email dm message need look " +
    "write stick stay switch cancel order use come talk ask reply update post return bring leave"
  ).split(" "),
);

/** Lower-cases, strips accents, expands contractions and shorthand, and tokenises a message. */
export function normalizeText(input: string): NormalizedText {
  const raw = (input ?? "").trim().slice(0, 4000);
  const withoutLinks = raw
    .replace(URL_RE, " ")
    .replace(MENTION_RE, "$1 ")
    .replace(HASHTAG_RE, (_, tag: string) => ` ${hashtagWords(tag)} `);

  // most messages are plain ASCII: their letters are counted by code, and they have no accents to strip
  const ascii = !NON_ASCII_RE.test(withoutLinks);
  let letters = 0;
  let upper = 0;
  for (const word of withoutLinks.split(SPACES_RE)) {
    if (word.length < 3) continue;
    if (ascii) {
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        if (code >= 97 && code <= 122) letters++;
        else if (code >= 65 && code <= 90) {
          letters++;
          upper++;
        }
      }
      continue;
    }
    for (const ch of word) {
      const lower = ch.toLowerCase();
      if (lower === ch.toUpperCase()) continue;
      letters++;
      if (ch !== lower) upper++;
    }
  }

  const lowered = withoutLinks.replace(APOSTROPHE_RE, "'").toLowerCase();
  const folded = (ascii ? lowered : lowered.replace(/ß/g, "ss").normalize("NFKD").replace(COMBINING_RE, ""))
    // Self-censored profanity is still profanity: "f*ck", "f**king", "sh*t", "a$$hole".
    .replace(CENSORED_RE, (word: string) => uncensor(word))
    .replace(NON_WORD_RE, " ")
    .replace(ELONGATED_RE, "$1$1");

  const tokens: string[] = [];
  for (let word of folded.split(SPACES_RE)) {
    if (!word) continue;
    word = word.replace(/^'+|'+$/g, "");
    if (!word) continue;
    const replacement = REPLACEMENTS[word];
    if (replacement) {
      for (const part of replacement.split(" ")) tokens.push(part);
      continue;
    }
    if (word.endsWith("n't")) {
      tokens.push(word.slice(0, -3), "not");
      continue;
    }
    // French/Italian elision: l'agent, d'un, j'ai → keep both parts
    const elision = /^([a-z]{1,2})'(\w+)$/.exec(word);
    if (elision) {
      tokens.push(elision[1], elision[2]);
      continue;
    }
    // "'s" possessive and other apostrophes are noise for matching
    tokens.push(fixTypo(word.replace(/'s$/, "").replace(/'/g, "")));
  }

  // "ill wait", "ill call": "I'll" typed without its apostrophe, not "ill" (sick), whose AFINN tone is negative
  for (let i = 0; i < tokens.length - 1; i++) if (tokens[i] === "ill" && ILL_AS_I_WILL.has(tokens[i + 1])) tokens.splice(i, 1, "i", "will");

  return {
    raw,
    text: ` ${tokens.join(" ")} `,
    tokens,
    exclamations: (raw.match(/!/g) ?? []).length,
    capsRatio: letters >= 8 ? upper / letters : 0,
    question: raw.includes("?"),
    mentions: (raw.match(MENTION_RE) ?? []).length,
  };
}

/**
 * Levenshtein distance ≤ 1 (one insertion, deletion, substitution or swap of neighbours),
 * for catching typos of a few key words ("humna", "agnet", "reprsentative").
 */
export function isWithinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    // transposition of neighbours
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** First match of any pattern in the normalized text, as a short evidence quote; undefined if none. */
export function findFirst(text: string, patterns: readonly RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (m) return m[0].trim();
  }
  return undefined;
}
