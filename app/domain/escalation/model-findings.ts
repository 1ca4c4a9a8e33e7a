import { isRefundPolicyQuestion } from "./authority-limit";
import { opensAsQuestion, topicOfComplaint } from "./complaint";
import { COMPLAINT_CLAUSES, quote, type Finding } from "./finding";
import type { ModelScores, DetectorModel } from "./model/detector-model";
import type { ModelHead } from "./model/heads";
import { readsAsEnglish } from "./model/reads-as-english";
import { routinePublicPost } from "./public-problem-report";
import { saysNoComplaint } from "./says-no-complaint";
import type { NormalizedText } from "./normalize";
import type { RuleSignals } from "./rule-signals";
import { defaultEscalationSettings, type EscalationSettings } from "./settings";
import { guessTopic } from "./topic";
import { isVoiceSetting } from "./voice-setting";
import { mayAskForPerson } from "./explicit-request";
import type { EscalationContext, ReasonCode } from "./types";

/**
 * How much lower the complaint and negativity heads' thresholds are for a message that @mentions
 * someone (a public post at a company): on tweets, negativity at a brand is nearly always a
 * complaint, while on Reddit-style chatter it often is not. v1: 0.15, v2: 0.25 for both (issue 26).
 * Second pass (issue 26, decision 0075), read off the leave-one-source-out models with
 * `tools/detector/sweep-blocks.ts`, never off the source scored:
 * - complaint 0.45 = 0.25 plus the 0.20 margin the recipe adds to the complaint threshold for
 *   private chat (`thresholdMargin`): a post at a company keeps the v2 operating point;
 * - negativity 0.45: trained without TweetEval, its anger tweets at an @user reach recall
 *   0.634 → 0.741 (precision 0.943 → 0.913; F1 0.758 → 0.818), negative tweets at an @user are
 *   escalated 0.343 → 0.447 and neutral or positive ones 0.056 → 0.094 (0.50 and 0.55 gain a further 0.03 recall
 *   each at +0.02 and +0.03 false alarms). No message without an @mention changes.
 * Third pass (issue 26, decision 0078), with fixed thresholds (complaint 0.97, negativity 0.79): complaint
 * 0.60, negativity 0.55 (public thresholds 0.37 and 0.24). On the left-out models (`sweep-blocks.ts`), anger
 * tweets at an @user, trained on the other TweetEval file: F1 0.856 / 0.870 / 0.871 / 0.862 at 0.45 / 0.50 /
 * 0.55 / 0.60 (R 0.816 → 0.874 from 0.45 to 0.55); trained without TweetEval: F1 0.809 → 0.834 (R 0.723 → 0.781),
 * negative tweets at an @user escalated 0.449 → 0.523 at 9.5 % → 14.5 % of neutral or positive ones. Complaint
 * sets at brands are precise and miss half their complaints (held-out P 0.91–0.93, R 0.41–0.51), so recall is
 * worth that price there; private chat is unchanged.
 * Fourth pass (decision 0080): negativity 0.49 (public threshold 0.30), beside the public-tone rule
 * (`public-tone-complaint.ts`: a public English post with AFINN ≤ −2 is a complaint). On the models that never saw
 * tweets, public posts only: anger tweets R / FPR / F1 0.785 / 0.153 / 0.837 (shipped) → 0.826 / 0.170 / 0.857,
 * negative tweets escalated 0.524 → 0.606 at 14.5 % → 17.1 % of neutral or positive ones; trained on the other
 * TweetEval file: F1 0.873 → 0.879 at FPR 0.222 → 0.200. The rule catches the negative posts the head misses at
 * fewer false alarms than a lower bar: the bar alone at 0.20 gave F1 0.845 at FPR 0.181.
 */
const PUBLIC_POST_DISCOUNT = { complaint: 0.6, negative_sentiment: 0.49 } as const;

/**
 * The learned model beside the rules, combined as a calibrated OR: a head whose probability
 * reaches its threshold adds a finding of its reason, unless a rule already found that reason (the
 * rule's quote is the better evidence). Thresholds were calibrated at default settings; a shop's
 * own threshold moves the model's by the same amount (a shop at complaint threshold 0.4 instead of
 * 0.5 also accepts complaint probabilities 0.1 lower), and VIPs lower it like every other threshold.
 */
export function addModelFindings(
  findings: Finding[],
  scores: ModelScores,
  model: DetectorModel,
  current: NormalizedText,
  settings: EscalationSettings,
  lower: number,
  context: EscalationContext,
  rules: RuleSignals,
  /** the problem families the post reports (public-problem-report.ts), read once per message */
  problemFamilies: number,
): void {
  const { complaint, demand } = rules;
  const has = (reason: ReasonCode) => findings.some((f) => f.reason === reason);
  const threshold = (head: ModelHead, setting: number, defaultSetting: number) =>
    clamp(model.thresholds[head] + (setting - defaultSetting) - lower, 0.05, 0.99);
  // negativity posted at a company (@mention) is a complaint context, as in the complaint rules
  // (English only: the model's noise on other languages must not pass the lowered public bar)
  // a routine public post (a question for information, a reply with details, thanks) that names no problem is not held
  // to the lowered bars: the heads read questions and praise at a company as upset (eighth pass, decision 0089)
  const publicPost = current.mentions > 0 && readsAsEnglish(current.tokens) && !routinePublicPost(current, problemFamilies, rules.sentiment);
  const defaults = defaultEscalationSettings;
  const evidence = (p: number) => `"${quote(current.raw)}" (model ${p.toFixed(2)})`;

  // a negated request ("no need for an agent") is exact, and "are you a bot?" is a question: the model must not overrule either
  if (settings.explicitRequest.enabled && context.action !== "talk_to_human" && !has("explicit_request") && !rules.request.negated && !rules.botQuestion) {
    const p = scores.explicit_request;
    const t = threshold("explicit_request", settings.threshold, defaults.threshold);
    // "talk to me in french" asks for a setting, not a person (voice-setting.ts); a message with no word for a
    // person, a team or a call cannot ask for one (explicit-request.ts)
    if (p >= t && !isVoiceSetting(current) && mayAskForPerson(current, settings.languages))
      findings.push({
        reason: "explicit_request",
        score: p,
        threshold: t,
        evidence: evidence(p),
        source: "model",
        clause: "asked to talk to a person",
        subject: true,
        severity: "normal",
      });
  }
  if (settings.complaint.enabled && !has("complaint")) {
    const p = scores.complaint;
    const t = threshold("complaint", settings.complaint.threshold, defaults.complaint.threshold) - (publicPost ? PUBLIC_POST_DISCOUNT.complaint : 0);
    // the rule's kind, when it saw one, names the complaint better than a quote of the whole message
    const kind = complaint.kind && complaint.kind !== "general" ? complaint.kind : undefined;
    const clause = kind ? COMPLAINT_CLAUSES[kind] : `complains ("${quote(complaint.quote ?? current.raw, 40)}")`;
    // in private chat a message that opens as a question or a task ("has my flight been delayed", "how do i …") is
    // the assistant's to answer: only the complaint rules (which read breaches in questions too) make it a complaint
    const question = !publicPost && opensAsQuestion(current);
    // "no complaints at all, the queue moved fast": the head leans on the word the message negates
    if (p >= t && !question && !saysNoComplaint(current))
      findings.push({
        reason: "complaint",
        score: p,
        threshold: t,
        evidence: evidence(p),
        source: "model",
        clause,
        subject: true,
        severity: "normal",
        topic: topicOfComplaint(kind) ?? guessTopic(current),
      });
  }
  if (settings.negativeSentiment.enabled && !has("negative_sentiment")) {
    const p = scores.negative_sentiment;
    const t =
      threshold("negative_sentiment", settings.negativeSentiment.threshold, defaults.negativeSentiment.threshold) -
      (publicPost ? PUBLIC_POST_DISCOUNT.negative_sentiment : 0);
    if (p >= t)
      findings.push({
        reason: "negative_sentiment",
        score: p,
        threshold: t,
        evidence: evidence(p),
        source: "model",
        clause: "is upset",
        subject: true,
        severity: p >= 0.95 ? "high" : "normal",
      });
  }
  if (settings.authorityLimit.enabled && !has("authority_limit")) {
    // a refund the rule saw with an amount inside the shop's limit stays with the assistant
    const withinLimit = demand?.amount !== undefined && demand.amount <= settings.authorityLimit.maxRefundAmount;
    const p = scores.refund;
    const t = threshold("refund", settings.threshold, defaults.threshold);
    if (p >= t && !withinLimit && !isRefundPolicyQuestion(current))
      findings.push({
        reason: "authority_limit",
        score: p,
        threshold: t,
        evidence: evidence(p),
        source: "model",
        clause: "asks for a refund",
        subject: true,
        severity: "normal",
        topic: "refund",
      });
  }
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
