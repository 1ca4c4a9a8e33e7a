import { AFINN } from "./afinn-lexicon";
import { gather, LEXICONS } from "./lexicon";
import type { NormalizedText } from "./normalize";
import { opinionQuestionWord } from "./opinion-question";

// Negative sentiment for escalation means anger and frustration, not sadness: a shopper who is
// sad about a gift is served fine by the assistant, an angry one wants a person. So the score is
// driven by an anger/frustration lexicon; the general AFINN lexicon only adds weight to it and
// feeds the multi-turn trend.

// Single words with how strongly they signal anger or frustration (0..1), and phrases (on
// normalized text) with their weight, in every language (lexicon/<lang>.ts `angerWords`,
// `angerPhrases`).
// (null prototypes: a shopper's word must not find Object's "constructor")
const ANGER_WORDS: Record<string, number> = Object.assign(
  Object.create(null) as Record<string, number>,
  ...Object.values(LEXICONS).map((l) => l.angerWords ?? {}),
);
// English entries, to tell whether the strongest cue is one the (English) learned model can weigh
const ENGLISH_WORDS = new Set(Object.keys(LEXICONS.en.angerWords ?? {}));
const ENGLISH_PHRASES = new Set((LEXICONS.en.angerPhrases ?? []).map(([pattern]) => pattern));
const ANGER_PHRASES: [RegExp, number, boolean][] = gather((l) => l.angerPhrases).map(([pattern, weight]) => [
  new RegExp(pattern),
  weight,
  ENGLISH_PHRASES.has(pattern),
]);

// Words that soften profanity ("fucking love it", "holy shit that's amazing").
const POSITIVE_SOFTENERS = new Set([
  "love",
  "loved",
  "loving",
  "amazing",
  "awesome",
  "great",
  "best",
  "beautiful",
  "perfect",
  "lol",
  "haha",
  "hahaha",
  "lmao",
  "thank",
  "thanks",
  "cool",
  "nice",
  "funny",
  "excellent",
  "glad",
  "happy",
  "wonderful",
  "fantastic",
  "brilliant",
  "incredible",
  "good",
  "cute",
  "lmfao",
  "rofl",
  "legendary",
  "yeah",
  "yes",
  "wish",
  "wow",
  "holy",
]);
const PROFANITY = new Set(["what", "the", "fuck", "fucking", "fucked", "fuckin", "shit", "damn", "goddamn", "bloody", "hell", "crap", "bs"]);
const PERSONAL = new Set(["you", "your", "yours", "yourself", "i", "me", "my", "we", "us", "our"]);
const NEGATORS = new Set(["not", "no", "never", "nothing", "without", "hardly"]);

// "i feel so irritated", "i am feeling resentful", "makes me feel insulted": an emotion word after
// "feel" names the writer's state, so anger-family words count fully there, including words that
// are too ambiguous to count on their own ("mad", "cold", "stubborn", "jealous", "bitter").
// Sadness and fear words ("sad", "lonely", "scared", "anxious") are deliberately absent.
const FEEL_ANGER: Record<string, number> = {
  mad: 0.7,
  cold: 0.6,
  dangerous: 0.6,
  stubborn: 0.6,
  jealous: 0.6,
  envious: 0.6,
  greedy: 0.6,
  petty: 0.65,
  selfish: 0.6,
  bitter: 0.7,
  rude: 0.65,
  dissatisfied: 0.7,
  wronged: 0.7,
  heartless: 0.65,
  violent: 0.7,
  hateful: 0.75,
  hostile: 0.7,
  cranky: 0.7,
  grumpy: 0.7,
  grouchy: 0.7,
  impatient: 0.65,
  irritable: 0.7,
  irritated: 0.75,
  annoyed: 0.75,
  angry: 0.8,
  furious: 0.85,
  resentful: 0.75,
  agitated: 0.7,
  frustrated: 0.7,
  offended: 0.7,
  insulted: 0.75,
  outraged: 0.85,
  enraged: 0.85,
  pissed: 0.8,
  fuming: 0.8,
  irate: 0.8,
  livid: 0.85,
  spiteful: 0.7,
  vicious: 0.7,
  cruel: 0.65,
  vengeful: 0.7,
  rebellious: 0.6,
  defiant: 0.6,
  bothered: 0.6,
  aggravated: 0.7,
  exasperated: 0.75,
  disgusted: 0.7,
  betrayed: 0.65,
  cheated: 0.7,
  disrespected: 0.75,
  used: 0.55,
  provoked: 0.7,
  aggressive: 0.7,
  indignant: 0.75,
  infuriated: 0.85,
  fed: 0.7,
  sick: 0.4,
  hatred: 0.7,
  hate: 0.7,
  contempt: 0.7,
  contemptuous: 0.7,
  obnoxious: 0.65,
  mean: 0.6,
  ungrateful: 0.6,
  distrustful: 0.6,
  vindictive: 0.7,
  bitchy: 0.7,
  bitched: 0.6,
  murderous: 0.8,
  homicidal: 0.8,
  rage: 0.75,
  anger: 0.75,
  crabby: 0.7,
  snappy: 0.6,
  ornery: 0.7,
  testy: 0.7,
  touchy: 0.6,
  peeved: 0.75,
  miffed: 0.7,
  salty: 0.6,
  resentment: 0.75,
  frustration: 0.7,
  irritation: 0.7,
  annoyance: 0.7,
  hurtful: 0.55,
  harsh: 0.55,
};
const FEEL_VERBS = new Set(["feel", "feeling", "feelings", "felt", "feels"]);
const FEEL_FILLERS = new Set([
  "so",
  "really",
  "very",
  "a",
  "bit",
  "little",
  "kind",
  "kinda",
  "of",
  "pretty",
  "quite",
  "extremely",
  "incredibly",
  "super",
  "rather",
  "too",
  "more",
  "totally",
  "completely",
  "just",
  "somewhat",
  "particularly",
  "increasingly",
  "utterly",
  "truly",
  "all",
  "slightly",
  "like",
  "such",
  "sort",
  "sorta",
  "most",
  "bloody",
  "damn",
  "fucking",
  "fairly",
  "still",
  "also",
  "even",
  "absolutely",
  "that",
  "im",
  "i",
  "am",
  "and",
  "being",
  "been",
  "me",
  "myself",
  "rather",
  "insanely",
  "ridiculously",
  "terribly",
  "awfully",
  "genuinely",
  "deeply",
  "overly",
  "less",
  "way",
  "this",
  "an",
  "person",
  "about",
]);

/** Anger word named as the writer's feeling ("i feel so irritated"), with its strength. */
function feelAnger(tokens: string[]): { weight: number; cue: string } | undefined {
  let best: { weight: number; cue: string } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (!FEEL_VERBS.has(tokens[i])) continue;
    if ((i > 0 && NEGATORS.has(tokens[i - 1])) || (i > 1 && NEGATORS.has(tokens[i - 2]))) continue;
    for (let j = i + 1; j < tokens.length && j <= i + 5; j++) {
      const word = tokens[j];
      const weight = Object.hasOwn(FEEL_ANGER, word) ? FEEL_ANGER[word] : undefined;
      if (weight !== undefined) {
        if (!NEGATORS.has(tokens[j - 1]) && (!best || weight > best.weight)) best = { weight, cue: `${tokens[i]} … ${word}` };
        break;
      }
      if (!FEEL_FILLERS.has(word)) break;
    }
  }
  return best;
}

/** Anger/frustration strength of one message with the words that drove it. */
export interface MessageSentiment {
  /** 0..1 anger and frustration */
  anger: number;
  /** AFINN sum (negative = negative tone), negation-aware */
  afinn: number;
  /** the strongest cue, for evidence */
  cue?: string;
  /**
   * The strongest cue is English (English lexicon, profanity compound, "i feel …" frame): the learned
   * model, trained on English, can weigh it. Absent when there is no cue.
   */
  english?: boolean;
}

/** Scores anger and frustration in one message (lexicon + phrases + shouting), 0..1. */
export function scoreSentiment(message: NormalizedText): MessageSentiment {
  const { tokens, text } = message;
  let best = 0;
  let cue: string | undefined;
  let english = false;
  let afinnSum = 0;
  let afinnNoProfanity = 0;
  let positives = 0;
  let cues = 0;
  // "is it rude to …" judges an act in the abstract (opinion-question.ts)
  const judged = opinionQuestionWord(message);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const negated = (i > 0 && NEGATORS.has(tokens[i - 1])) || (i > 1 && NEGATORS.has(tokens[i - 2]));
    const valence = Object.hasOwn(AFINN, token) ? AFINN[token] : undefined;
    if (valence !== undefined) {
      afinnSum += negated ? -valence / 2 : valence;
      // casual profanity should not also count as general negative tone for the anger bonus
      if (!PROFANITY.has(token)) afinnNoProfanity += negated ? -valence / 2 : valence;
    }
    if (POSITIVE_SOFTENERS.has(token) && !negated) positives++;
    const weight = ANGER_WORDS[token] ?? compoundProfanity(token);
    if (!weight || negated || token === judged) continue;
    // "hate to bother you" is politeness, not anger
    if (token === "hate" && tokens[i + 1] === "to") continue;
    cues++;
    if (weight > best) {
      best = weight;
      cue = token;
      english = ENGLISH_WORDS.has(token) || ANGER_WORDS[token] === undefined;
    }
  }
  if (tokens.includes("feel") || tokens.includes("feeling") || tokens.includes("felt") || tokens.includes("feels")) {
    const feel = feelAnger(tokens);
    if (feel && feel.weight > best) {
      best = feel.weight;
      cue = feel.cue;
      english = true;
      cues++;
    }
  }
  for (const [pattern, weight, englishPhrase] of ANGER_PHRASES) {
    if (weight <= best) continue;
    const m = pattern.exec(text);
    if (m) {
      best = weight;
      cue = m[0].trim();
      english = englishPhrase;
      cues++;
    }
  }
  if (best === 0) return { anger: 0, afinn: afinnSum };

  // calibration: the strongest cue plus context; single mild words stay below the default threshold
  let anger = best + 0.05;
  // profanity next to clear praise is enthusiasm, not anger
  if (cue && positives > 0 && cue.split(" ").some((w) => PROFANITY.has(w))) anger -= 0.4;
  else if (positives > 0) anger -= 0.1 * Math.min(positives, 2);
  if (cues >= 2) anger += 0.1;
  // anger aimed at someone ("you idiot", "i am so done with them") rather than discussed in the abstract
  if (tokens.some((t) => PERSONAL.has(t))) anger += 0.05;
  if (afinnSum <= -4) anger += afinnNoProfanity <= -4 ? 0.1 : 0.05;
  if (message.capsRatio > 0.6) anger += 0.1;
  if (message.exclamations >= 2) anger += 0.05;
  return { anger: clamp01(anger), afinn: afinnSum, cue, english };
}

/**
 * Negativity of one message for the multi-turn trend, 0..1: anger plus general negative tone
 * (AFINN), shouting and exclamation marks. Used to spot frustration rising over turns.
 */
export function scoreNegativity(message: NormalizedText, sentiment: MessageSentiment): number {
  const tone = sentiment.afinn < 0 ? Math.min(0.5, -sentiment.afinn / 10) : 0;
  const shouting = message.capsRatio > 0.6 ? 0.15 : 0;
  const exclaim = Math.min(0.15, message.exclamations * 0.05);
  return clamp01(Math.max(sentiment.anger, tone) + shouting + exclaim);
}

/** Profane compounds and misspellings the lexicon cannot list ("fuckboi", "fuckkng", "shitshow"). */
function compoundProfanity(token: string): number | undefined {
  if (token.length > 4 && token.startsWith("fuck")) return 0.55;
  if (token.length > 6 && (token.startsWith("shit") || token.endsWith("hole"))) return token.startsWith("shit") ? 0.5 : undefined;
  return undefined;
}

function clamp01(n: number): number {
  return n < 0 ? 0 : n > 1 ? 1 : n;
}
