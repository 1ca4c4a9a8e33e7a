import { AFINN } from "./afinn-lexicon";
import type { NormalizedText } from "./normalize";

// Negative sentiment for escalation means anger and frustration, not sadness: a shopper who is
// sad about a gift is served fine by the assistant, an angry one wants a person. So the score is
// driven by an anger/frustration lexicon; the general AFINN lexicon only adds weight to it and
// feeds the multi-turn trend.

// Single words with how strongly they signal anger or frustration (0..1).
const ANGER_WORDS: Record<string, number> = {
  // outright anger
  furious: 0.85,
  livid: 0.85,
  enraged: 0.85,
  infuriated: 0.85,
  infuriating: 0.85,
  outraged: 0.85,
  fuming: 0.8,
  irate: 0.8,
  seething: 0.8,
  pissed: 0.8,
  angry: 0.75,
  angrier: 0.75,
  anger: 0.7,
  angered: 0.75,
  rage: 0.7,
  raging: 0.7,
  mad: 0.45,
  // annoyance and frustration
  annoyed: 0.65,
  annoying: 0.6,
  irritated: 0.65,
  irritating: 0.6,
  irritable: 0.65,
  frustrated: 0.65,
  frustrating: 0.65,
  frustration: 0.6,
  aggravated: 0.65,
  aggravating: 0.65,
  exasperated: 0.7,
  exasperating: 0.7,
  agitated: 0.6,
  cranky: 0.6,
  grumpy: 0.6,
  grouchy: 0.6,
  impatient: 0.55,
  bothered: 0.45,
  fed: 0,
  ugh: 0.5,
  argh: 0.55,
  grr: 0.6,
  grrr: 0.6,
  smh: 0.5,
  ffs: 0.7,
  // hostility and resentment
  hate: 0.5,
  hated: 0.5,
  hates: 0.5,
  hating: 0.6,
  detest: 0.7,
  insufferable: 0.65,
  indignant: 0.7,
  vengeance: 0.55,
  hatred: 0.55,
  hateful: 0.7,
  despise: 0.75,
  loathe: 0.75,
  resent: 0.7,
  resentful: 0.7,
  resentment: 0.7,
  bitter: 0.55,
  hostile: 0.65,
  spiteful: 0.65,
  vindictive: 0.65,
  vengeful: 0.65,
  vicious: 0.6,
  violent: 0.55,
  cruel: 0.55,
  heartless: 0.55,
  offended: 0.65,
  offensive: 0.55,
  insulted: 0.7,
  insulting: 0.7,
  disrespected: 0.7,
  disrespectful: 0.7,
  rude: 0.65,
  rudest: 0.75,
  greedy: 0.5,
  selfish: 0.5,
  petty: 0.5,
  jealous: 0.35,
  envious: 0.45,
  stubborn: 0.4,
  wronged: 0.6,
  cheated: 0.65,
  betrayed: 0.6,
  lied: 0.6,
  liar: 0.7,
  liars: 0.7,
  lying: 0.55,
  // harsh verdicts
  unacceptable: 0.75,
  ridiculous: 0.7,
  pathetic: 0.75,
  disgraceful: 0.75,
  disgrace: 0.7,
  disgusting: 0.6,
  disgusted: 0.6,
  dumbest: 0.7,
  appalling: 0.75,
  appalled: 0.75,
  outrageous: 0.75,
  outrage: 0.7,
  absurd: 0.6,
  atrocious: 0.7,
  incompetent: 0.75,
  incompetence: 0.75,
  useless: 0.65,
  worthless: 0.65,
  shameful: 0.65,
  scandalous: 0.65,
  horrendous: 0.65,
  joke: 0.2,
  worst: 0.5,
  terrible: 0.42,
  horrible: 0.42,
  awful: 0.42,
  ruined: 0.55,
  clowns: 0.6,
  bigot: 0.7,
  fascist: 0.55,
  racist: 0.35,
  // insults
  idiot: 0.75,
  idiots: 0.75,
  idiotic: 0.75,
  stupid: 0.6,
  stupidest: 0.7,
  stupidity: 0.7,
  moron: 0.75,
  morons: 0.75,
  moronic: 0.75,
  dumb: 0.5,
  dumbass: 0.75,
  imbecile: 0.75,
  asshole: 0.8,
  assholes: 0.8,
  bastard: 0.75,
  bastards: 0.75,
  bitch: 0.6,
  bitches: 0.6,
  cunt: 0.8,
  dick: 0.55,
  dickhead: 0.8,
  prick: 0.75,
  jerk: 0.65,
  jerks: 0.65,
  scum: 0.8,
  scumbag: 0.8,
  scumbags: 0.8,
  trash: 0.5,
  garbage: 0.5,
  clown: 0.5,
  pig: 0.45,
  loser: 0.55,
  losers: 0.55,
  douche: 0.55,
  douchebag: 0.75,
  twat: 0.75,
  wanker: 0.75,
  shithead: 0.8,
  shitheads: 0.8,
  asshat: 0.75,
  asshats: 0.75,
  fool: 0.5,
  fools: 0.6,
  sociopath: 0.6,
  psychopath: 0.55,
  narcissist: 0.55,
  hypocrite: 0.6,
  hypocrites: 0.6,
  coward: 0.55,
  cowards: 0.55,
  heathen: 0.5,
  dipshit: 0.8,
  jackass: 0.75,
  dumbfuck: 0.85,
  shitpost: 0.35,
  // profanity: anger when not softened by clearly positive words
  fuck: 0.55,
  fucking: 0.45,
  fucked: 0.45,
  fucks: 0.6,
  fuckin: 0.45,
  fuckers: 0.8,
  fucker: 0.8,
  motherfucker: 0.85,
  motherfucking: 0.8,
  shit: 0.42,
  shitty: 0.6,
  bullshit: 0.65,
  crap: 0.5,
  crappy: 0.45,
  damn: 0.4,
  damned: 0.35,
  damnit: 0.6,
  dammit: 0.6,
  goddamn: 0.6,
  goddamned: 0.6,
  bloody: 0.35,
  hell: 0.3,
  wtf: 0.65,
  stfu: 0.8,
  pissing: 0.6,
  bs: 0.55,
  // es / fr / de / it / pt / nl anger words (accent-free)
  enojado: 0.75,
  enojada: 0.75,
  enfadado: 0.75,
  enfadada: 0.75,
  furioso: 0.85,
  furiosa: 0.85,
  harto: 0.7,
  harta: 0.7,
  molesto: 0.6,
  molesta: 0.6,
  indignado: 0.75,
  indignada: 0.75,
  inaceptable: 0.75,
  vergonzoso: 0.65,
  pesimo: 0.6,
  fatal: 0.3,
  mierda: 0.6,
  estafa: 0.6,
  colere: 0.75,
  furieux: 0.85,
  furieuse: 0.85,
  enerve: 0.65,
  enervee: 0.65,
  agace: 0.6,
  agacee: 0.6,
  inadmissible: 0.75,
  inacceptable: 0.75,
  honteux: 0.65,
  scandaleux: 0.7,
  nul: 0.45,
  nulle: 0.45,
  merde: 0.6,
  putain: 0.6,
  wutend: 0.8,
  sauer: 0.55,
  verargert: 0.7,
  frechheit: 0.75,
  unverschamt: 0.75,
  inakzeptabel: 0.75,
  unmoglich: 0.45,
  scheisse: 0.6,
  arrabbiato: 0.75,
  arrabbiata: 0.75,
  inaccettabile: 0.75,
  vergognoso: 0.65,
  schifo: 0.6,
  irritado: 0.65,
  irritada: 0.65,
  absurdo: 0.6,
  ridiculo: 0.65,
  boos: 0.65,
  woedend: 0.8,
  belachelijk: 0.7,
  onacceptabel: 0.75,
};

// Phrases (on normalized text) with their weight.
const ANGER_PHRASES: [RegExp, number][] = [
  [
    /\b(?:fed up|sick and tired|had enough|(?:so|really|fucking|absolutely|getting|am|i am) (?:sick|tired) of|sick of (?:this|it|you|your|waiting|his|her|their|the|people|being|hearing|dealing)|tired of (?:this|waiting|your|you)|do your (?:fucking |damn |god damn )?job)\b/,
    0.75,
  ],
  [
    /\b(?:how dare|are you (?:kidding|serious|joking)|you have got to be kidding|give me a break|for (?:fuck|god|christ|pete) sake|what the (?:fuck|hell|heck))\b/,
    0.75,
  ],
  [
    /\b(?:pissed off|piss off|screw (?:you|this|that|them)|fuck (?:you|off|this|that|them|your|him|her|name|everyone|everything|whoever|these|those|all)|go to hell|shut (?:the (?:fuck|hell) |tf |your (?:mouth|face) )?up|stfu|hate (?:you|this|it|your|them|that|everything|him|her|people|when))\b/,
    0.85,
  ],
  [
    /\b(?:get (?:the (?:fuck|hell) )?out(?: of here)? (?:with|now)|get the (?:fuck|hell) out|(?:god ?)?dam(?:n|mit)? it|blood boil\w*|boils? my blood|pisses me off|pissing me off|makes me (?:sick|furious|livid)|(?:do not|never) tell me what to do|i (?:will|would|am going to|could) (?:\w+ )?(?:kill|strangle|punch|slap|murder) (?:you|him|her|them|someone|somebody)|(?:you|what a|such a|you are a|you are an|you are such a|you are the) (?:\w+ )?(?:idiots?|morons?|clowns?|jerks?|losers?|assholes?|bastards?|hypocrites?|cucks?|freaks?|scum\w*|trash|donut|dumbass|pieces? of (?:shit|garbage|trash|work)))\b/,
    0.75,
  ],
  // violence aimed at a person ("kill her", "smack him", "kick it in the balls")
  [
    /\b(?:kill|smack|punch|slap|strangle|stab|shoot|beat|choke|kick) (?:him|her|them|you|that (?:guy|woman|man|bitch|bastard))\b|\bkick (?:\w+ ){1,3}in the (?:balls|nuts|teeth|face)\b/,
    0.75,
  ],
  [
    /\b(?:i (?:really |just |fucking |absolutely |so )?(?:hate|loathe|despise|detest|can not stand)|(?:is|are) (?:such )?(?:trash|garbage|the worst|disgusting|gross|pathetic)|sick freaks?|arrogan(?:t|ce))\b/,
    0.65,
  ],
  [/\b(?:(?:so|really|very|extremely|getting|am|is|are|makes me|made me|make me|feel|feeling|i was|that) mad|mad (?:at|about|that|because|as hell))\b/, 0.7],
  [
    /\b(?:drives? me (?:crazy|nuts|insane|mad)|driving me (?:crazy|nuts|insane|mad)|losing my (?:mind|patience|temper)|lost my patience|out of patience|at my wits end)\b/,
    0.75,
  ],
  [/\b(?:waste of (?:time|money)|wasted my (?:time|money)|rip ?off|ripped (?:me )?off|this is a joke|a complete joke|a total joke|joke of a)\b/, 0.7],
  [/\bwhat a joke\b/, 0.5],
  [/\b(?:worst (?:service|company|experience|customer|store|shop|purchase|ever)|never (?:again|buying|ordering|shopping))\b/, 0.75],
  [/\b(?:estoy (?:muy )?(?:enojad[oa]|enfadad[oa]|molest[oa]|hart[oa])|es (?:una )?(?:verguenza|estafa|inaceptable))\b/, 0.75],
  [
    /\b(?:j en ai marre|ras le bol|c est (?:inadmissible|inacceptable|honteux|scandaleux|n importe quoi)|je suis (?:furieux|furieuse|en colere|enerve|enervee))\b/,
    0.75,
  ],
  [/\b(?:ich bin (?:so |sehr )?(?:wutend|sauer|verargert)|das ist (?:eine )?(?:frechheit|unverschamt|inakzeptabel|eine zumutung)|es reicht)\b/, 0.75],
];

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
      const weight = FEEL_ANGER[word];
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
}

/** Scores anger and frustration in one message (lexicon + phrases + shouting), 0..1. */
export function scoreSentiment(message: NormalizedText): MessageSentiment {
  const { tokens, text } = message;
  let best = 0;
  let cue: string | undefined;
  let afinnSum = 0;
  let afinnNoProfanity = 0;
  let positives = 0;
  let cues = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const negated = (i > 0 && NEGATORS.has(tokens[i - 1])) || (i > 1 && NEGATORS.has(tokens[i - 2]));
    const valence = AFINN[token];
    if (valence !== undefined) {
      afinnSum += negated ? -valence / 2 : valence;
      // casual profanity should not also count as general negative tone for the anger bonus
      if (!PROFANITY.has(token)) afinnNoProfanity += negated ? -valence / 2 : valence;
    }
    if (POSITIVE_SOFTENERS.has(token) && !negated) positives++;
    const weight = ANGER_WORDS[token] ?? compoundProfanity(token);
    if (!weight || negated) continue;
    // "hate to bother you" is politeness, not anger
    if (token === "hate" && tokens[i + 1] === "to") continue;
    cues++;
    if (weight > best) {
      best = weight;
      cue = token;
    }
  }
  if (tokens.includes("feel") || tokens.includes("feeling") || tokens.includes("felt") || tokens.includes("feels")) {
    const feel = feelAnger(tokens);
    if (feel && feel.weight > best) {
      best = feel.weight;
      cue = feel.cue;
      cues++;
    }
  }
  for (const [pattern, weight] of ANGER_PHRASES) {
    if (weight <= best) continue;
    const m = pattern.exec(text);
    if (m) {
      best = weight;
      cue = m[0].trim();
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
  return { anger: clamp01(anger), afinn: afinnSum, cue };
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
