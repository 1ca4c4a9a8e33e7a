import { gather, LEXICONS, type Lexicon } from "./lexicon";
import type { DetectorLanguage } from "./settings";
import type { NormalizedText } from "./normalize";

// Explicit requests for a person, per language; the words are in lexicon/<lang>.ts. Patterns run on
// normalized text (lower case, no accents, "don't" → "do not", typos of key nouns fixed), so they
// list word choices, not spellings. A negation ("I don't need a human") suppresses any match it covers.

interface LanguagePatterns {
  /** cheap literal check: a message without any of these words cannot match `requests` */
  gate?: RegExp;
  requests: RegExp[];
  negations: RegExp[];
}

const g = (source: string) => new RegExp(source, "g");

function compile(words: NonNullable<Lexicon["explicitRequest"]>): LanguagePatterns {
  return { gate: words.gate && new RegExp(words.gate.join("|")), requests: words.requests.map(g), negations: words.negations.map(g) };
}

// Each language's ways of asking for a person (lexicon/<lang>.ts `explicitRequest`), compiled once.
const PATTERNS = Object.fromEntries(
  Object.entries(LEXICONS).flatMap(([language, lexicon]) => (lexicon.explicitRequest ? [[language, compile(lexicon.explicitRequest)]] : [])),
) as Partial<Record<DetectorLanguage, LanguagePatterns>>;

// Very short messages that are just a call for a person ("agent", "human please", "representative!!"),
// in any language whatever the shop's languages.
const BARE_PERSON = new Set(gather((l) => l.barePerson));
const BARE_FILLER = new Set(gather((l) => l.bareFiller));

function isBarePersonCall(tokens: string[]): boolean {
  if (tokens.length === 0 || tokens.length > 5) return false;
  let sawPerson = false;
  for (const token of tokens) {
    if (BARE_PERSON.has(token)) sawPerson = true;
    else if (!BARE_FILLER.has(token)) return false;
  }
  return sawPerson;
}

interface Span {
  start: number;
  end: number;
  quote: string;
}

function collect(text: string, patterns: readonly RegExp[]): Span[] {
  const spans: Span[] = [];
  for (const pattern of patterns) {
    // exec over the global pattern itself: matchAll clones the pattern on every call.
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      spans.push({ start: m.index, end: m.index + m[0].length, quote: m[0].trim() });
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  return spans;
}

/** Result of the explicit-request check: the quote that matched, or why nothing fired. */
export interface ExplicitRequestMatch {
  matched: boolean;
  /** matched wording, for evidence */
  quote?: string;
  /** a request was present but negated ("I don't need a human") */
  negated?: boolean;
}

/**
 * Whether the message has any word a request for a person is made of (a person, a team, a call, a line, help…) in
 * the given languages: the request lexicons' literal gates. The model's request head is trusted only then, so an
 * errand with no one in it ("get me a cab", "book a table for two") is never a request for a person
 * (issue 26, fifth pass: CLINC-style assistant questions).
 */
export function mayAskForPerson(message: NormalizedText, languages: readonly DetectorLanguage[]): boolean {
  if (isBarePersonCall(message.tokens)) return true;
  for (const language of new Set<DetectorLanguage>(["en", ...languages])) {
    const gate = PATTERNS[language]?.gate;
    if (!gate || gate.test(message.text)) return true;
  }
  return false;
}

/**
 * Finds an explicit request for a person ("talk to a human", "hablar con un agente", "parler à un
 * conseiller", "mit einem Mitarbeiter sprechen") in the given languages (English always included).
 * Requests covered by a negation ("I don't need an agent") do not count.
 */
export function findExplicitRequest(message: NormalizedText, languages: readonly DetectorLanguage[]): ExplicitRequestMatch {
  const { text, tokens } = message;
  if (isBarePersonCall(tokens)) return { matched: true, quote: message.raw.slice(0, 60) };

  const active = new Set<DetectorLanguage>(["en", ...languages]);
  let negated = false;
  for (const language of active) {
    const patterns = PATTERNS[language];
    if (!patterns) continue;
    if (patterns.gate && !patterns.gate.test(text)) continue;
    const requests = collect(text, patterns.requests);
    if (requests.length === 0) continue;
    const negations = collect(text, patterns.negations);
    for (const request of requests) {
      const covered = negations.some((n) => n.start <= request.end && n.end >= request.start);
      if (!covered) return { matched: true, quote: request.quote };
      negated = true;
    }
  }
  return { matched: false, negated };
}
