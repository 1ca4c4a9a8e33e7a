import { emailsIn } from "./interpret-message";
import type { MessageMeta } from "./message-meta";
import type { ModelOutcome, ModelRequest, TurnContext, TurnDecision } from "./turn-types";
import type { TurnFacts } from "./types";
import { vetModelEscalation } from "./vet-model-escalation";

/**
 * The model answers in phase open, for a shopper's message, unless the detector escalated (the
 * detector always wins) or the shopper is answering the offer the assistant just made.
 */
export function modelRequest(ctx: TurnContext): ModelRequest | undefined {
  const { input, state, event, facts, history } = ctx;
  if (!input.modelAvailable || state.phase !== "open" || event.type !== "shopper.message_received" || !event.text || facts.decision.escalate) return undefined;
  if (state.pendingEscalation && (event.interpretation.affirms || event.interpretation.declines)) return undefined;
  // The answer to "what is it about?" after the button goes to the team, not to the model.
  if (state.pendingEscalation?.askedWhat) return undefined;
  const emails = [...history.typedEmails, ...emailsIn(event.text), state.shopperEmail, facts.customerEmail];
  return {
    text: event.text,
    history: history.lines,
    shopperEmails: [...new Set(emails.filter((e): e is string => Boolean(e)))],
    priorLookups: history.priorLookups,
    topic: facts.decision.topic,
    contact: facts.contact,
    lang: input.lang,
    policies: input.policies,
  };
}

export type Merged = { facts: TurnFacts; meta: MessageMeta | undefined; model: TurnDecision["model"] };

/** The model's outcome merged into the facts (the one place they are combined). */
export function withModel(ctx: TurnContext, outcome: ModelOutcome): Merged {
  const { facts, input, state, event, history } = ctx;
  const base: MessageMeta = { engine: "llm", promptVersion: outcome.promptVersion, ...(outcome.lookedUp?.length ? { orderLookups: outcome.lookedUp } : {}) };
  const failed = (reason: string, confidence?: number): Merged => ({
    facts: { ...facts, modelFailed: true },
    meta: { ...base, engine: "builtin", llmFallback: reason, ...(confidence === undefined ? {} : { modelConfidence: confidence }) },
    model: "fell_back",
  });
  if (outcome.kind === "failed") return failed(outcome.reason);
  const text = event.type === "shopper.message_received" ? event.text : "";
  if (outcome.kind === "escalate") {
    const vetted = vetModelEscalation({
      args: outcome.args,
      text,
      interpretation: event.type === "shopper.message_received" ? event.interpretation : null,
      decision: facts.decision,
      declinedBefore: !state.shopperEmail && input.declinedBefore,
      allowed: [...history.lines.map((m) => m.text), text, ...outcome.disclosed],
      links: { published: input.policies.map((p) => p.url ?? "").filter(Boolean), shopHosts: [input.shop.domain] },
      confidence: outcome.confidence,
    });
    if (!vetted.ok) return failed(vetted.reason);
    return { facts: { ...facts, modelEscalation: vetted.escalation }, meta: { ...base, modelConfidence: outcome.confidence }, model: "used" };
  }
  // Two unhelpful model answers in a row: stop relying on the model for this turn.
  const last = history.lastAssistant;
  if (outcome.reply.unhelpful && last?.engine === "llm" && last.unhelpful) return failed("unhelpful twice", outcome.confidence);
  const v = outcome.verifiedOrder;
  // A tool-verified order is the turn's order, proven exactly as the built-in engine proves it.
  const proven = v ? { orderName: v.name, order: v, ownershipProven: true, orderLookupFailed: false } : {};
  return { facts: { ...facts, modelReply: outcome.reply, ...proven }, meta: { ...base, modelConfidence: outcome.confidence }, model: "used" };
}
