// A public post at a company that reports a problem with its service is a complaint, however calm: "@comcast internet
// down since this morning", "@x still waiting on my bag", "@x charged twice for one ride". Issue 26, sixth pass
// (decision 0087): half the complaint tweets of the held-out sets passed because they carry no negative word, so
// neither the tone rule (public-tone-complaint.ts) nor the negativity head saw them, and one weak complaint cue
// ("delayed", "still") stays below the complaint rule's bar. Here the cues are grouped into families of problem
// (a breakdown, a wait, something that never came, money taken, a trip gone wrong, a wrong or damaged thing, a
// repetition, a complaining "why"), and a public English post with one family is a complaint at the default
// threshold; each further family and each negative AFINN point adds to the score, so a shop's complaint threshold
// still applies. Questions that ask for information ("do you ship to canada", "can I change the address of an order
// that hasn't shipped") and posts that thank are not reports. Private chat (no @mention) is unchanged.
import { readsAsEnglish } from "./model/reads-as-english";
import type { NormalizedText } from "./normalize";
import type { MessageSentiment } from "./sentiment";
import { asksForInformation } from "./asks-for-information";
import { asksHypothetically } from "./asks-what-if";
import { PROBLEM_FAMILIES } from "./problem-report-families";
import { saysNoComplaint } from "./says-no-complaint";

// read on every public post: the families as a list once, not an entries array per call
const FAMILY_PATTERNS = Object.entries(PROBLEM_FAMILIES);

/** A reply that hands the company what it asked for ("done, sent you a DM", "just sent the code", "followed"). */
const REPLY_LOGISTICS_RE = new RegExp(
  "^ (?:done|ok|okay|sure|yes|yep|will do|got it|followed|dm d|dmed)\\b" +
    "|\\b(?:sent|sending|just sent|have sent|dm d|dmed|messaged) (?:you |u )?(?:a |the |my |our )?" +
    "(?:dm|message|details|info|code|confirmation|booking|reference|screenshot|email|number)\\b",
);

/**
 * Whether a public post is routine at a company: its tone is not negative, it names no problem, and it asks for
 * information ("do you allow pets in the cabin", "what is the policy on…", hypothetically or not), replies with what
 * support asked for ("done, sent you a DM"), thanks or praises ("reset worked, cheers"), says it is no complaint,
 * promotes ("20% off with code…") or passes on a linked post ("RT @brand: … http://…"). Eighth pass (decision 0089):
 * such a post does not get the lowered public bars of the model (model-findings.ts); its words still count at the
 * private-chat bars.
 */
export function routinePublicPost(message: NormalizedText, families: number, sentiment: MessageSentiment): boolean {
  if (sentiment.afinn < 0 || families > 0) return false;
  const { text } = message;
  return (
    asksForInformation(message) ||
    asksHypothetically(message) ||
    REPLY_LOGISTICS_RE.test(text) ||
    THANKS_RE.test(text) ||
    sentiment.afinn >= 2 ||
    saysNoComplaint(message) ||
    PROMOTION_RE.test(text) ||
    COMPANY_RETWEET_RE.test(message.raw)
  );
}

/** A promotion (the company's own or passed on): "20% off everything with code…", "giveaway", "new nonstop service". */
const PROMOTION_RE = new RegExp(
  "\\b(?:\\d+ ?% off|(?:use|with) (?:the )?code|promo code|giveaway|sweepstakes|enter to win|chance to win|" +
    "sale (?:is )?(?:on|live|starts)|new nonstop|now available|link in bio)\\b",
);

/** A retweet of a post with a link ("RT @brand: now boarding… http://t.co/…"): the company's broadcast passed on. */
const COMPANY_RETWEET_RE = /^RT @\w+: .*https?:\/\//i;

/** Thanks and praise: a post that thanks is not a report, unless it is sarcastic (a family names the problem). */
const THANKS_RE = /\b(?:thank you|thanks|thank u|thx|love it|well done|great job|kudos|shout ?out|appreciate)\b/;

/** Sarcastic praise names the problem twice (the praise, then what went wrong): it counts as two families. */
const DOUBLE_FAMILIES = new Set(["sarcasm"]);

/** Families that only support a report: "again" or a "why" alone is mostly chatter; both together report one. */
const SUPPORTING_FAMILIES = new Set(["again", "why question"]);

/**
 * The families of problem a public post reports, 0 when none names a problem (a pure function of the text; read
 * once per message, message-memo.ts).
 */
export function problemReportFamilies(message: NormalizedText): number {
  if (message.mentions === 0) return 0;
  const { text } = message;
  let core = 0;
  let support = 0;
  for (const [family, pattern] of FAMILY_PATTERNS) {
    if (!pattern.test(text)) continue;
    if (SUPPORTING_FAMILIES.has(family)) support++;
    else core += DOUBLE_FAMILIES.has(family) ? 2 : 1;
  }
  return core > 0 || support === SUPPORTING_FAMILIES.size ? core + support : 0;
}

/**
 * The complaint score of a public English post that reports a problem, or 0. One family is a complaint at the
 * default complaint threshold (0.5); each further family adds 0.05 and each negative AFINN point 0.05, each AFINN
 * point above +2 takes 0.05 away. A post that opens by asking for information, or thanks without a second family
 * (sarcasm names the problem twice: "thanks for the surprise activation fee"), is not a report.
 */
export function publicProblemComplaint(message: NormalizedText, families: number, sentiment: MessageSentiment): number {
  if (families === 0 || message.mentions === 0 || !readsAsEnglish(message.tokens)) return 0;
  const { text } = message;
  if (asksForInformation(message) || asksHypothetically(message)) return 0;
  if (THANKS_RE.test(text) && families < 2 && sentiment.afinn > 0) return 0;
  const score = 0.45 + 0.05 * families - 0.05 * Math.min(0, sentiment.afinn) - 0.05 * Math.max(0, sentiment.afinn - 2);
  return Math.max(0, Math.min(0.9, score));
}
