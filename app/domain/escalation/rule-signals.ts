// The text-level rule signals of one message, read once and shared by the rule findings in
// `detect-escalation.ts` and by the learned model, which takes them as features (a lexicon hit is
// strong evidence, and the model learns how much to trust it next to the words around it).
import { findAuthorityLimit, type AuthorityLimitMatch } from "./authority-limit";
import { isOnlyBotQuestion } from "./bot-question";
import { scoreComplaint, type ComplaintMatch } from "./complaint";
import { findExplicitRequest, type ExplicitRequestMatch } from "./explicit-request";
import type { NormalizedText } from "./normalize";
import { scoreNegativity, scoreSentiment, type MessageSentiment } from "./sentiment";
import type { DetectorLanguage } from "./settings";
import { findThreat, type ThreatMatch } from "./threat";

export interface RuleSignals {
  request: ExplicitRequestMatch;
  /** the message only asks whether it is talking to a bot: neither the request rules nor the model make it a request (not a model feature) */
  botQuestion: boolean;
  threat?: ThreatMatch;
  demand?: AuthorityLimitMatch;
  sentiment: MessageSentiment;
  negativity: number;
  complaint: ComplaintMatch;
}

export function readRuleSignals(message: NormalizedText, languages: readonly DetectorLanguage[]): RuleSignals {
  const sentiment = scoreSentiment(message);
  const negativity = scoreNegativity(message, sentiment);
  return {
    request: findExplicitRequest(message, languages),
    botQuestion: isOnlyBotQuestion(message),
    threat: findThreat(message),
    demand: findAuthorityLimit(message),
    sentiment,
    negativity,
    complaint: scoreComplaint(message, negativity),
  };
}

/** The rule signals as named model features (only the non-zero ones). */
export function ruleFeatures(rules: RuleSignals): [string, number][] {
  const out: [string, number][] = [];
  if (rules.request.matched) out.push(["rule:request", 1]);
  if (rules.request.negated) out.push(["rule:request_negated", 1]);
  if (rules.threat) out.push(["rule:threat", 1]);
  if (rules.demand) out.push(["rule:refund", 1]);
  if (rules.sentiment.anger > 0) out.push(["rule:anger", rules.sentiment.anger]);
  if (rules.negativity > 0) out.push(["rule:negativity", rules.negativity]);
  if (rules.complaint.kind && rules.complaint.score > 0) out.push(["rule:complaint", rules.complaint.score]);
  return out;
}
