import { gather } from "./lexicon";
import { describeSensitive, findSensitiveTopic, type SensitiveKind } from "./sensitive-topics";
import { describeThreat, type ThreatKind } from "./threat";
import { findOrderState, type OrderStateKind } from "./order-state";
import { findRepeatedFailure } from "./repeated-failure";
import { compileKeywords } from "./keywords";
import { describeVip } from "./vip";
import { derivePriority } from "./priority";
import { guessTopic } from "./topic";
import type { NormalizedText } from "./normalize";
import { topicOfComplaint } from "./complaint";
import { publicProblemComplaint } from "./public-problem-report";
import { publicToneComplaint } from "./public-tone-complaint";
import { scoreFrustrationTrend } from "./frustration-trend";
import { ruleFeatures } from "./rule-signals";
import { historyNegativity, messageProblemFamilies, messageRules, readMessage, type MessageReading } from "./message-memo";
import type { EscalationSettings } from "./settings";
import { committedModel } from "./model/committed-model";
import { scoreWithModel, type DetectorModel } from "./model/detector-model";
import { addModelFindings } from "./model-findings";
import { COMPLAINT_CLAUSES, composeReasonText, quote, type Finding } from "./finding";
import type { DetectorConversation, EscalationContext, EscalationDecision, Priority, ReasonCode, Signal } from "./types";

// Each signal module answers "did this trigger fire, how strongly, and why"; this file applies the
// shop's switches and thresholds, then derives priority, topic, reason text and confidence.

const ORDER_CLAUSES: Record<OrderStateKind, string> = {
  delivered_not_received: "says order was never received although tracking shows delivered",
  stalled_fulfillment: "",
  refund_status: "asks where their refund is",
  cancelled: "asks about a cancelled order",
};

const THREAT_SEVERITY: Record<ThreatKind, Priority> = {
  chargeback: "urgent",
  legal: "urgent",
  regulator: "high",
  review: "high",
  social: "high",
};

/** Optional knobs for evaluation and training; production calls pass nothing. */
export interface DetectOptions {
  /** the learned model to combine with the rules; `null` = rules only; default = the committed v1 model */
  model?: DetectorModel | null;
  /** `false` reads every message afresh instead of through the per-process memo (message-memo.ts); for benchmarks */
  memo?: boolean;
}

/** An anger lexicon score at or above this escalates without the model's agreement. */
const SOFT_RULE_ALONE = 0.85;

const SENSITIVE_SEVERITY: Record<SensitiveKind, Priority> = { safety: "urgent", fraud: "urgent", privacy: "high" };

/**
 * Decides whether the latest shopper message needs a person. Pure and deterministic: the
 * conversation, the facts in `context` (button, order, customer, assistant failures, clock) and
 * the shop's settings go in; the decision with reasons, priority, topic, confidence and the
 * signals that fired comes out. `confidence` is how sure the detector is of `escalate` (either way);
 * `score` is the estimated need for a person (0..1).
 */
export function detectEscalation(
  conversation: DetectorConversation,
  context: EscalationContext,
  settings: EscalationSettings,
  options: DetectOptions = {},
): EscalationDecision {
  const model = options.model === undefined ? committedModel() : options.model;
  const messages = conversation.messages ?? [];
  // each shopper message is read once per process, not once per turn it stays in the history (message-memo.ts)
  const readings: MessageReading[] = [];
  for (const m of messages) if (m.role === "shopper" && typeof m.text === "string") readings.push(readMessage(m.text, options.memo !== false));
  const shopperTurns: NormalizedText[] = readings.map((r) => r.normalized);
  const current = shopperTurns[shopperTurns.length - 1];

  const vip = describeVip(context, settings.vip);
  const lower = vip ? settings.vip.lowerThresholdBy : 0;
  const general = Math.max(0.05, settings.threshold - lower);
  const findings: Finding[] = [];
  const add = (f: Finding) => findings.push(f);

  if (context.action === "talk_to_human") {
    // the button is an explicit request that no setting can switch off
    add({
      reason: "explicit_request",
      score: 1,
      threshold: 0,
      evidence: "Pressed “Talk to a person”",
      clause: "pressed “Talk to a person”",
      subject: true,
      severity: "normal",
      source: "context",
      kind: "button",
    });
  }

  if (current) {
    const rules = messageRules(readings[readings.length - 1], settings.languages);
    // The model judges messages with something to judge: a greeting or a two-word pleasantry is too
    // little text for its n-grams ("hello" alone scored 0.94 as a request), so the exact rules decide.
    const scores = model && hasSubstance(current) ? scoreWithModel(model, current, ruleFeatures(rules)) : undefined;
    // With the model on, the anger lexicon is one of its features and decides through it; alone it
    // escalates only when very strong (the lexicon alone over-fires on Reddit-style chatter), or in
    // a public post at a company, where anger is a complaint. The complaint rules stay as they are:
    // they are precise on complaint tweets and the model adds what they miss.
    // The model reads English only: an anger cue in another language ("estoy muy enfadado") keeps the
    // rules' own threshold, as without the model (issue 26: es/fr/de anger was lost with the model on).
    const angerAlone = scores && current.mentions === 0 && rules.sentiment.english ? SOFT_RULE_ALONE : 0;

    if (settings.explicitRequest.enabled && context.action !== "talk_to_human") {
      const request = rules.request;
      if (request.matched && !rules.botQuestion) {
        add({
          reason: "explicit_request",
          score: 0.95,
          threshold: general,
          evidence: `"${quote(request.quote ?? current.raw)}"`,
          clause: "asked to talk to a person",
          subject: true,
          severity: "normal",
        });
      }
    }

    if (settings.sensitiveTopic.enabled) {
      const sensitive = findSensitiveTopic(current);
      if (sensitive) {
        add({
          reason: "sensitive_topic",
          score: 1,
          threshold: 0,
          evidence: `"${quote(sensitive.quote)}"`,
          clause: `raises a ${describeSensitive(sensitive.kind)}`,
          subject: true,
          severity: SENSITIVE_SEVERITY[sensitive.kind],
          topic: sensitive.kind,
        });
      }
    }

    if (settings.threat.enabled) {
      const threat = rules.threat;
      if (threat) {
        add({
          reason: "threat",
          score: 0.9,
          threshold: general,
          evidence: `"${quote(threat.quote)}"`,
          clause: describeThreat(threat.kind),
          subject: true,
          severity: THREAT_SEVERITY[threat.kind],
        });
      }
    }

    if (settings.orderState.enabled) {
      const order = findOrderState(current, context, settings.orderState.stalledFulfillmentDays);
      if (order) {
        const clause = ORDER_CLAUSES[order.kind] || order.evidence;
        add({
          reason: "order_state",
          score: order.score,
          threshold: general,
          evidence: order.evidence.startsWith("Order") || order.evidence.startsWith("Shopper") ? order.evidence : `"${quote(order.evidence)}"`,
          clause,
          subject: order.kind !== "stalled_fulfillment",
          severity: order.kind === "delivered_not_received" ? "high" : "normal",
          topic: order.kind === "refund_status" ? "refund" : order.kind === "cancelled" ? "order" : "shipping",
          // A stalled order is a fact of the order, not something the shopper said.
          source: order.kind === "stalled_fulfillment" ? "context" : "rule",
          kind: order.kind,
        });
      }
    }

    if (settings.authorityLimit.enabled) {
      const demand = rules.demand;
      const withinLimit = demand?.amount !== undefined && demand.amount <= settings.authorityLimit.maxRefundAmount;
      if (demand && !withinLimit) {
        const what = demand.kind === "refund" ? "a refund" : "compensation";
        const limit = settings.authorityLimit.maxRefundAmount;
        add({
          reason: "authority_limit",
          score: 0.8,
          threshold: general,
          evidence: `"${quote(demand.quote)}"${demand.amount !== undefined ? ` (${demand.amount} > limit ${limit})` : ""}`,
          clause: `asks for ${what}`,
          subject: true,
          severity: "normal",
          topic: "refund",
        });
      }
    }

    const { sentiment, negativity } = rules;
    if (settings.negativeSentiment.enabled) {
      const threshold = Math.max(0.05, settings.negativeSentiment.threshold - lower);
      if (sentiment.anger >= Math.max(threshold, angerAlone)) {
        add({
          reason: "negative_sentiment",
          score: sentiment.anger,
          threshold,
          evidence: `"${quote(sentiment.cue ?? current.raw)}"`,
          clause: "is angry",
          subject: true,
          severity: sentiment.anger >= 0.85 ? "high" : "normal",
        });
      } else if (settings.negativeSentiment.risingFrustration && shopperTurns.length >= 2) {
        const history = readings.map((turn, i) => (i === readings.length - 1 ? negativity : historyNegativity(turn)));
        const trend = scoreFrustrationTrend(history);
        if (trend && trend.score >= threshold) {
          add({
            reason: "negative_sentiment",
            score: trend.score,
            threshold,
            evidence: `Frustration rising over ${trend.span} messages`,
            clause: "is increasingly frustrated",
            subject: true,
            severity: "high",
          });
        }
      }
    }

    if (settings.complaint.enabled) {
      const complaint = rules.complaint;
      const threshold = Math.max(0.05, settings.complaint.threshold - lower);
      if (complaint.score >= threshold && complaint.kind) {
        add({
          reason: "complaint",
          score: complaint.score,
          threshold,
          evidence: `"${quote(complaint.quote ?? current.raw)}"`,
          clause: complaint.kind === "general" ? `complains ("${quote(complaint.quote ?? current.raw, 40)}")` : COMPLAINT_CLAUSES[complaint.kind],
          subject: true,
          severity: "normal",
          topic: topicOfComplaint(complaint.kind),
        });
      } else {
        // a public post at a company that reads negative (public-tone-complaint.ts) or reports a problem with its
        // service (public-problem-report.ts), without a complaint pattern; the stronger reading decides
        const tone = publicToneComplaint(current, rules.sentiment);
        const problem = publicProblemComplaint(current, messageProblemFamilies(readings[readings.length - 1]), rules.sentiment);
        const score = Math.max(tone, problem);
        if (score > 0 && score >= threshold)
          add({
            reason: "complaint",
            score,
            threshold,
            evidence: `"${quote(current.raw)}"`,
            clause: `complains in public ("${quote(current.raw, 40)}")`,
            subject: true,
            severity: "normal",
            kind: problem > tone ? "public_problem" : "public_tone",
            topic: guessTopic(current),
          });
      }
    }

    if (settings.keyword.enabled && settings.keywords.length > 0) {
      const keyword = compileKeywords(settings.keywords)(current);
      if (keyword) {
        add({
          reason: "keyword",
          score: 0.9,
          threshold: general,
          evidence: `Keyword "${keyword}"`,
          clause: `mentioned "${keyword}"`,
          subject: true,
          severity: "normal",
        });
      }
    }

    if (scores && model)
      addModelFindings(findings, scores, model, current, settings, lower, context, rules, messageProblemFamilies(readings[readings.length - 1]));
  }

  if (settings.repeatedFailure.enabled) {
    const failure = findRepeatedFailure(messages, shopperTurns, context, settings.repeatedFailure);
    if (failure) {
      add({
        reason: "repeated_failure",
        score: failure.score,
        threshold: general,
        evidence: failure.evidence,
        clause: failure.evidence.charAt(0).toLowerCase() + failure.evidence.slice(1),
        subject: false,
        severity: "normal",
        source: "context",
      });
    }
  }

  const fired = findings.filter((f) => f.score >= f.threshold).sort((a, b) => b.score - a.score);
  const escalate = fired.length > 0;
  const score = noisyOr(findings.map((f) => f.score));

  const reasons: ReasonCode[] = [];
  for (const f of fired) if (!reasons.includes(f.reason)) reasons.push(f.reason);
  if (escalate && vip) reasons.push("vip");

  const signals: Signal[] = fired.map((f) => ({
    reason: f.reason,
    score: round(f.score),
    evidence: f.evidence,
    source: f.source ?? "rule",
    ...(f.kind ? { kind: f.kind } : {}),
  }));
  if (escalate && vip) signals.push({ reason: "vip", score: 1, evidence: vip, source: "context" });

  const priority = derivePriority({
    escalate,
    severities: fired.map((f) => f.severity),
    vip: Boolean(vip),
    reasonCount: reasons.filter((r) => r !== "vip").length,
  });
  const topic = fired.find((f) => f.topic)?.topic ?? guessTopic(current);
  const reasonText = escalate ? composeReasonText(fired, vip) : "";
  const confidence = escalate ? score : 1 - Math.max(0, ...findings.map((f) => f.score));

  return { escalate, reasons, reasonText, priority, confidence: round(confidence), signals, topic, score: round(score) };
}

// Greetings and pleasantries in every language (lexicon/<lang>.ts `pleasantries`): they give the model no substance.
const PLEASANTRIES = new Set(gather((l) => l.pleasantries));

/** At least two words that are not greetings or pleasantries. */
function hasSubstance(message: NormalizedText): boolean {
  return message.text.split(/[^a-z0-9']+/).filter((w) => w && !PLEASANTRIES.has(w)).length >= 2;
}

function noisyOr(scores: number[]): number {
  let miss = 1;
  for (const s of scores) miss *= 1 - Math.min(1, s);
  return 1 - miss;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
