import { oneOf } from "../escalation/lexicon/compile";
import { labelReason, PRIORITIES, type EscalationDecision, type Priority, type ReasonCode } from "../escalation";
import { guardTeamText, type LinkPolicy } from "../model-output/output-guard";
import { MODEL_NOTE_PREFIX } from "../email/compose-escalation-email";
import type { Interpretation } from "./interpret-message";
import type { PendingEscalation } from "./types";

/** The model's `escalate_to_human` tool call, as the model adapter parsed it. */
export interface EscalateArgs {
  reason_code: ReasonCode;
  reason: string;
  priority: Priority;
}

// A request for a person in the languages served (the detector catches most; this decides only
// whether the model's escalate_to_human follows an explicit ask).
const ASKS_FOR_PERSON = new RegExp(
  "\\b" +
    oneOf(
      "human",
      "person",
      "someone",
      "somebody",
      "agent",
      "representative",
      "rep",
      "staff",
      "manager",
      "operator",
      "real people",
      "persona",
      "humano",
      "agente",
      "alguien",
      "personne",
      "humain",
      "conseill[eè]re?",
      "quelqu'un",
      "mensch",
      "mitarbeiter(?:in)?",
      "jemand",
      "persona reale",
      "operatore",
      "atendente",
      "pessoa",
    ) +
    "\\b",
  "i",
);
// Below this detector score a message shows no need of its own (greetings, "ok", small talk).
const MIN_NEED_SCORE = 0.2;
const MIN_WORDS = 4;
const REASON_CHARS = 200;

export interface VetInput {
  args: EscalateArgs;
  text: string;
  interpretation: Interpretation | null;
  decision: EscalationDecision;
  /** A guest declined to leave an email earlier in this conversation. */
  declinedBefore: boolean;
  /** What the chat contains (transcript, verified tool results, public contact details). */
  allowed: readonly string[];
  links: LinkPolicy;
  confidence: number;
}

/** A vetted model escalation; `shopperAsked` feeds the core's confirmation step. */
export type ModelEscalation = PendingEscalation & { shopperAsked: boolean };

export type Vetted = { ok: true; escalation: ModelEscalation } | { ok: false; reason: string };

/**
 * The model's escalate_to_human treated like the detector's decision: no case for a greeting or
 * a message with no need, none again after the shopper declined (unless they ask), a reason that
 * passed the team-text guard and is marked as the assistant's words, and no urgency the
 * detector's facts do not justify.
 */
export function vetModelEscalation(v: VetInput): Vetted {
  const i = v.interpretation;
  const words = v.text.trim().split(/\s+/).filter(Boolean).length;
  // The model's reason_code alone is not proof: the shopper's own words must ask for someone.
  const shopperAsked = ASKS_FOR_PERSON.test(v.text) && (v.args.reason_code === "explicit_request" || v.decision.score >= MIN_NEED_SCORE);
  const smallTalk = Boolean(i?.greeting || i?.thanks || i?.declines) || words < MIN_WORDS;
  const needed = shopperAsked || v.decision.score >= MIN_NEED_SCORE || !smallTalk;
  if (!needed) return { ok: false, reason: "escalation: no need" };
  if (v.declinedBefore && !shopperAsked) return { ok: false, reason: "escalation: declined before" };

  const note = guardTeamText({ text: v.args.reason, allowed: v.allowed, links: v.links, max: REASON_CHARS });
  const reason = note ?? labelReason(v.args.reason_code);
  const priority = v.args.priority === "urgent" && v.decision.priority !== "urgent" ? "high" : v.args.priority;
  const floor = PRIORITIES.indexOf(v.decision.priority) > PRIORITIES.indexOf(priority) && v.decision.priority !== "urgent" ? v.decision.priority : priority;
  return {
    ok: true,
    escalation: {
      escalate: true,
      reasons: [v.args.reason_code],
      reasonText: `${MODEL_NOTE_PREFIX}${reason}`,
      priority: floor,
      confidence: v.confidence,
      signals: [
        { reason: v.args.reason_code, score: v.confidence, evidence: `Assistant requested a person${note ? "" : " (its reason was withheld by the guard)"}` },
      ],
      topic: v.decision.topic,
      shopperAsked,
    },
  };
}
