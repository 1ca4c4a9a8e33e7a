// The shape of one language's lexicon: the words and phrases each signal matches in that language.
// Every entry is a RegExp source over normalized text (lower case, accents stripped, "don't" → "do
// not", punctuation as spaces), so entries list word choices, not spellings. A language leaves out
// the slots it has no words for. English also keeps rule tables with weights in the signal files
// (complaint.ts, sentiment.ts), because those are scored rules rather than word lists.

/** One language's words, per signal. */
export interface Lexicon {
  /** normalize.ts: shorthand and contractions → canonical words ("u" → "you", "dont" → "do not") */
  shorthand?: Record<string, string>;
  /** normalize.ts: key words whose one-letter typos are corrected ("humna" → "human"), in this order */
  typoTargets?: string[];
  /** normalize.ts: real words one edit away from a typo target, never "corrected" */
  notTypos?: string[];
  /** explicit-request.ts: asking for a person (only for the shop's languages; English always) */
  explicitRequest?: {
    /** literal fragments; a message with none of them cannot match `requests` (a cheap check first) */
    gate?: string[];
    /** each a pattern (compiled with the `g` flag) for a way of asking for a person */
    requests: string[];
    /** patterns that take back a request they overlap ("I don't need a human") */
    negations: string[];
  };
  /** detect-escalation.ts: greetings and pleasantries; a message of these alone is too short for the model */
  pleasantries?: string[];
  /** explicit-request.ts: words that on their own (with fillers) call a person: "agent!!", "humano por favor" */
  barePerson?: string[];
  /** explicit-request.ts: words allowed around a bare call ("a real person please") */
  bareFiller?: string[];
  /** threat.ts: threats, per kind (whole words) */
  threat?: { chargeback?: string[]; legal?: string[]; regulator?: string[]; review?: string[]; social?: string[] };
  /** sensitive-topics.ts: topics that always go to a person, per kind (whole words) */
  sensitive?: { safety?: string[]; fraud?: string[]; privacy?: string[] };
  /** topic.ts: words that route a case, per topic (whole words) */
  topic?: { refund?: string[]; billing?: string[]; shipping?: string[]; product?: string[]; account?: string[]; order?: string[] };
  /** shop-vocabulary.ts: things a shopper receives from a shop */
  shopObjects?: string[];
  /** authority-limit.ts: words for money back or compensation */
  refundWords?: string[];
  /** authority-limit.ts: verbs that demand what follows ("I want …") */
  demandVerbs?: string[];
  /** authority-limit.ts: whole refund demands ("devuelvan mi dinero") */
  refundDemands?: string[];
  /** complaint.ts: words naming a formal complaint ("reclamacion", "beschwerde") */
  complaintWords?: string[];
  /** complaint.ts: "it never arrived" */
  notArrived?: string[];
  /** complaint.ts: "it arrived broken" */
  arrivedDamaged?: string[];
  /** sentiment.ts: single anger words with their weight 0..1 (accent-free) */
  angerWords?: Record<string, number>;
  /** sentiment.ts: anger phrases with their weight 0..1 */
  angerPhrases?: [pattern: string, weight: number][];
}
